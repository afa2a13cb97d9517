"""The benchmark of the project: `python bench/run.py [SECTION] [options]`.

Sections (more, such as site builds, are added to SECTIONS):

validate (default)
    For each size N (default 1,000 and 10,000 bulletins) a synthetic corpus is
    generated once (bench/synth.py, cached under --cache) and timed with:

    * ``patchday validate <corpus>``: every file (catalogue, bulletins, de/fr/ja
      overlays) through the strict loader, the models and every lint rule,
      including cross-file rules; with ``PATCHDAY_JOBS=2`` (two worker
      processes parse) and ``PATCHDAY_JOBS=1`` (one process);
    * ``patchday validate`` on the same bulletins without overlays, i.e. the
      same files that check-jsonschema gets (default process count);
    * ``check-jsonschema --schemafile schema/bulletin.schema.json <bulletins>``:
      JSON Schema only (types, required keys, patterns), no positions policy,
      no YAML 1.1 traps, no cross-field or cross-file rules.

    Each command runs --repeat times (a command whose first run takes longer
    than --slow seconds runs once); the table gives the best and the median
    wall-clock time, CPU time (user + sys) and peak RSS of the process tree
    as the kernel reports it for the child (getrusage / wait4).

site
    Full ``patchday build`` of synthetic corpora (default 300, 1,000 and 3,000
    bulletins x 4 languages), the live preview's one-bulletin rebuild, with
    --reference plain mkdocs-material + static-i18n and Hugo on the same content,
    and what a reader downloads (a search in each language, the largest bulletin
    page) in Chromium (bench/site_bench.py, bench/reader_cost.py). With --repeat N
    the patchday and Hugo builds run in N interleaved rounds and each row is the
    median (of an even count, the slower middle run); the machine's speed drifts
    within an hour, so one round can flip a verdict.

footprint
    One untimed ``patchday build`` per size (default 10,000 bulletins x 4 languages):
    output MB, file count, largest file and heaviest folders, and the verdict
    against each host's limits (patchday.footprint). The site section prints the
    same table for its timed builds.

floor
    One corpus size in this process, stage by stage, CPU seconds: reading the
    files, libyaml alone, libyaml events as Python objects, the strict walk,
    the models, each lint rule. It shows where the time of `validate` goes.

Every run prints the machine: cores, CPU, memory, load average, Python and
package versions. Generated corpora are large (about 55 MB per 1,000
bulletins with overlays); --cache says where they go.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

TARGET_SIZE, TARGET_SECONDS = 10_000, 2.0


# --- machine ------------------------------------------------------------------------

def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if line.startswith("model name")), platform.processor())
    mem = next((line.split()[1] for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), "0")
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    versions = {}
    for dist in ("patchday", "pydantic", "pydantic-core", "PyYAML", "cvss", "check-jsonschema", "jsonschema", "ruamel.yaml"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "-"
    try:
        import yaml

        from yaml import _yaml

        versions["libyaml"] = _yaml.get_version_string()
    except Exception:  # noqa: BLE001 - informative only
        versions["libyaml"] = "not available"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "cpu": cpu,
        "memory_gb": round(int(mem) / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        # which build of it: a self-compiled interpreter without PGO/LTO is ~18 % slower
        "python_executable": getattr(sys, "_base_executable", sys.executable),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "versions": versions,
    }


def print_machine(m: dict) -> None:
    print(f"machine: {m['cores']} cores ({m['usable_cores']} usable), {m['cpu']}, {m['memory_gb']} GB RAM, {m['os']}")
    print(f"python {m['python']} ({m['python_executable']}); " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()))
    print(f"load average at start: {' '.join(map(str, m['load_average']))} (other work on the machine skews wall-clock times)")


# --- timing -------------------------------------------------------------------------

@dataclass
class Run:
    label: str
    what: str
    size: int
    files: int
    mbytes: float
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_mb: float = 0.0
    rc: int = 0
    tail: str = ""

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def timed(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS (MB), exit code and the last output line of one run."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, (lines[-1] if lines else "")


def measure(run: Run, cmd: list[str], *, cwd: Path, repeat: int, slow: float, env: dict[str, str] | None = None,
            before: Callable[[], None] | None = None) -> Run:
    for i in range(repeat):
        if before is not None:
            before()
        wall, cpu, rss, rc, tail = timed(cmd, cwd=cwd, env=env)
        run.times.append(wall)
        run.cpu.append(cpu)
        run.rss_mb = max(run.rss_mb, rss)
        run.rc, run.tail = rc, tail
        print(f"  {run.label:<34} N={run.size:<6} run {i + 1}: {wall:7.2f} s  cpu {cpu:7.2f} s  rss {rss:6.0f} MB  rc {rc}  | {tail[:70]}", flush=True)
        if wall > slow:
            break
    return run


# --- validate section -------------------------------------------------------------------

def _patchday() -> str:
    found = shutil.which("patchday", path=str(Path(sys.executable).parent)) or shutil.which("patchday")
    if not found:
        raise SystemExit("bench: the patchday command is not installed in this environment")
    return found


def section_validate(args: argparse.Namespace) -> dict:
    patchday = _patchday()
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    schema = REPO / "schema" / "bulletin.schema.json"
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    corpora = {}
    for n in args.sizes:
        t0 = time.perf_counter()
        full, info = synth.ensure(cache, n, overlays=True)
        english, info_en = synth.ensure(cache, n, overlays=False)
        print(f"corpus N={n}: {info['files']} files ({info['bulletins']} bulletins, {info['overlays']} overlays, "
              f"{info['cves']} CVEs, {info['bytes'] / 1e6:.1f} MB, released {info['years']}) in {full}"
              f" [ready in {time.perf_counter() - t0:.0f} s]", flush=True)
        corpora[n] = {"full": info, "english": info_en}
        bulletins = sorted(str(p.relative_to(english)) for p in english.glob("[0-9]*/*.yaml"))
        mb_full, mb_en = info["bytes"] / 1e6, info_en["bytes"] / 1e6
        # the corpus folder has no mkdocs.yml: default settings, paths printed relative to it
        runs.append(measure(Run("patchday validate (PATCHDAY_JOBS=2)", "cold: all files + cross-file rules, 2 processes parse", n, info["files"], mb_full),
                            [patchday, "validate", "--no-cache", "."], cwd=full, repeat=args.repeat, slow=args.slow, env={"PATCHDAY_JOBS": "2"}))
        # The publisher's loop: the cache beside the corpus (a folder of its own for the bench).
        cache_env = {"PATCHDAY_CACHE_DIR": str(cache / f"validate-cache-{full.name}")}
        shutil.rmtree(cache_env["PATCHDAY_CACHE_DIR"], ignore_errors=True)
        timed([patchday, "validate", "."], cwd=full, env=cache_env)  # fills the cache (a cold run, timed above)
        runs.append(measure(Run("validate, cached, nothing changed", "stat every file, replay, cross-file rules", n, info["files"], mb_full),
                            [patchday, "validate", "."], cwd=full, repeat=args.repeat, slow=args.slow, env=cache_env))
        edited = sorted(full.glob("[0-9]*/*.yaml"))[len(bulletins) // 2]
        original = edited.read_bytes()
        edits = iter(range(1_000_000))

        def edit_one() -> None:
            edited.write_bytes(original + f"# edit {next(edits)}\n".encode())

        runs.append(measure(Run("validate, cached, one bulletin edited", "as above + that bulletin's unit checked", n, info["files"], mb_full),
                            [patchday, "validate", "."], cwd=full, repeat=args.repeat, slow=args.slow, env=cache_env, before=edit_one))
        edited.write_bytes(original)
        if args.baseline:
            runs.append(measure(Run("baseline validate (other tree)", f"PYTHONPATH={args.baseline}", n, info["files"], mb_full),
                                [sys.executable, "-m", "patchday.cli", "validate", "--no-cache", "."], cwd=full, repeat=args.repeat, slow=args.slow,
                                env={"PYTHONPATH": str(Path(args.baseline).resolve())}))
        runs.append(measure(Run("patchday validate (PATCHDAY_JOBS=1)", "all files + cross-file rules, one process", n, info["files"], mb_full),
                            [patchday, "validate", "--no-cache", "."], cwd=full, repeat=args.repeat, slow=args.slow, env={"PATCHDAY_JOBS": "1"}))
        runs.append(measure(Run("patchday validate, bulletins only", "products + bulletins + rules", n, info_en["files"], mb_en),
                            [patchday, "validate", "--no-cache", "."], cwd=english, repeat=args.repeat, slow=args.slow))
        if checker and not args.no_jsonschema:
            runs.append(measure(Run("check-jsonschema, bulletins only", "bulletins vs bulletin.schema.json", n, len(bulletins), mb_en - _size(english / "products.yaml")),
                                [checker, "--schemafile", str(schema), *bulletins], cwd=english, repeat=args.repeat, slow=args.slow))
        elif not checker:
            print("  check-jsonschema is not installed: skipped (pip install check-jsonschema)")
    return {"runs": runs, "corpora": corpora}


def _size(path: Path) -> float:
    return path.stat().st_size / 1e6


def print_validate(result: dict) -> None:
    runs: list[Run] = result["runs"]
    print()
    head = f"{'command':<36} {'N':>6} {'files':>6} {'MB':>6} {'runs':>4} {'best s':>8} {'median s':>8} {'cpu s':>7} {'files/s':>8} {'MB/s':>6} {'RSS MB':>7} {'rc':>3}"
    print(head)
    print("-" * len(head))
    for r in runs:
        print(f"{r.label:<36} {r.size:>6} {r.files:>6} {r.mbytes:>6.0f} {len(r.times):>4} {r.best:>8.2f} {r.median:>8.2f} "
              f"{min(r.cpu):>7.2f} {r.files / r.best:>8.0f} {r.mbytes / r.best:>6.1f} {r.rss_mb:>7.0f} {r.rc:>3}")
    print()
    for n in sorted({r.size for r in runs}):
        by = {r.label: r for r in runs if r.size == n}
        pd_all = by.get("patchday validate (PATCHDAY_JOBS=2)")
        pd_en = by.get("patchday validate, bulletins only")
        cj = by.get("check-jsonschema, bulletins only")
        one = by.get("patchday validate (PATCHDAY_JOBS=1)")
        if pd_all and one:
            print(f"N={n}: parallel speed-up (one process / two, best wall): {one.best / pd_all.best:.2f}x")
        base = by.get("baseline validate (other tree)")
        if base and pd_all:
            print(f"N={n}: baseline / this tree (best): {base.best / pd_all.best:.2f}x")
        if cj and pd_en:
            print(f"N={n}: check-jsonschema / patchday on the same bulletin files (best): {cj.best / pd_en.best:.1f}x slower")
        if cj and pd_all:
            print(f"N={n}: check-jsonschema on bulletins / patchday on bulletins+overlays (best): {cj.best / pd_all.best:.1f}x")
        warm = by.get("validate, cached, nothing changed")
        edit = by.get("validate, cached, one bulletin edited")
        if n == TARGET_SIZE and pd_all:
            verdict = "met" if pd_all.best <= TARGET_SECONDS else "NOT met"
            print(f"N={n}: target <= {TARGET_SECONDS:.0f} s for {TARGET_SIZE:,} bulletins, cold (fresh clone, no cache): {verdict} "
                  f"({pd_all.best:.2f} s with overlays" + (f", {pd_en.best:.2f} s bulletins only" if pd_en else "") + ")")
            for row in (warm, edit):
                if row:
                    verdict = "met" if row.median <= TARGET_SECONDS else "NOT met"
                    print(f"N={n}: target <= {TARGET_SECONDS:.0f} s, {row.label}: {verdict} ({row.median:.2f} s median, {row.best:.2f} s best)")
        if cj and edit:
            print(f"N={n}: check-jsonschema on bulletins / cached patchday after one edit (median): {cj.best / edit.median:.0f}x")


# --- floor section ------------------------------------------------------------------------

def section_floor(args: argparse.Namespace) -> dict:
    import yaml

    from patchday.lint import RULES
    from patchday.lint.context import LintContext
    from patchday.load import corpus as corpus_mod
    from patchday.load.files import classify, discover
    from patchday.load.yaml_strict import read_value
    from patchday.model import Settings

    n = args.sizes[0]
    root, info = synth.ensure(Path(args.cache), n, overlays=True)
    cpu = time.process_time
    stages: dict[str, float] = {}
    gc.disable()  # as load_corpus does while loading
    paths = discover(root)
    sources = [classify(p, root, str(p.relative_to(root))) for p in paths]

    t = cpu()
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    stages["read + decode files"] = cpu() - t

    t = cpu()
    for text in texts:
        loader = yaml.CBaseLoader(text)
        loader.raw_parse()
        loader.dispose()
    stages["libyaml parse only (no Python objects)"] = cpu() - t

    t = cpu()
    for text in texts:
        loader = yaml.CBaseLoader(text)
        while loader.get_event() is not None:
            pass
        loader.dispose()
    stages["libyaml events as Python objects"] = cpu() - t

    t = cpu()
    docs = [read_value(text, s.display)[0] for text, s in zip(texts, sources)]
    stages["strict walk (values, no positions)"] = cpu() - t

    t = cpu()
    loaded = [corpus_mod._shape(s, d, [])[0] for s, d in zip(sources, docs)]
    stages["pydantic models (to_model)"] = cpu() - t

    corpus = corpus_mod.Corpus(root=root)
    for s, item in zip(sources, loaded):
        if item is None:
            continue
        kind = s.kind.value
        if kind == "catalogue":
            corpus.catalogue = item
        elif kind == "bulletin":
            corpus.bulletins.append(item)
        elif kind == "bulletin-overlay":
            corpus.overlays.append(item)
    ctx = LintContext(corpus=corpus, settings=Settings())
    for rule in RULES:
        t = cpu()
        rule.check(ctx)
        stages[f"lint: {rule.__name__.rsplit('.', 1)[-1]}"] = cpu() - t
    return {"size": n, "info": info, "stages": stages, "diagnostics": len(ctx.diagnostics)}


def print_floor(result: dict) -> None:
    info = result["info"]
    print(f"\nN={result['size']}: {info['files']} files, {info['bytes'] / 1e6:.1f} MB, one process, CPU seconds")
    total_walk = result["stages"]["strict walk (values, no positions)"]
    for name, sec in result["stages"].items():
        print(f"  {name:<44} {sec:7.2f} s  {info['bytes'] / 1e6 / sec if sec else 0:7.1f} MB/s")
    print(f"  (the strict walk includes the libyaml event lines above; {total_walk:.2f} s in all)")
    print(f"  lint diagnostics: {result['diagnostics']}")


# --- site builds (the helpers live in bench/site_bench.py) --------------------------------

def section_site(args: argparse.Namespace) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from site_bench import run_site

    rows = run_site(args.sizes, Path(args.cache) / "site", reference=args.reference, reader=not args.no_reader,
                    repeat=args.repeat)
    return {"rows": rows}


def section_footprint(args: argparse.Namespace) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from site_bench import run_footprint

    return {"rows": run_footprint(args.sizes, Path(args.cache) / "site")}


def print_footprint(result: dict) -> None:
    """Output size and file count per corpus size, and whether each host takes the site."""
    rows = [r for r in result["rows"] if r["kind"] in ("build", "footprint")]
    if not rows:
        return
    print(f"\n{'output':<10}{'bulletins':>10}{'MB':>10}{'files':>9}  largest file")
    for r in rows:
        print(f"{'':<10}{r['n']:>10}{r['output_mb']:>10}{r['files']:>9}  {r['largest_file']} ({r['largest_file_mb']} MB)")
    for r in rows:
        print(f"  heaviest folders at {r['n']}: " + ", ".join(f"{k} {v}" for k, v in r["folders_mb"].items()))
    for host in rows[0]["hosts"]:
        verdicts = [f"{r['n']}: " + ("fits" if not r["hosts"][host] else "NOT met (" + "; ".join(r["hosts"][host]) + ")") for r in rows]
        print(f"host {host}: " + "; ".join(verdicts))
    top = next((r for r in rows if r["n"] == 3000), None)
    if top:
        ok = top["output_mb"] <= 1000 and top["files"] <= 100_000
        print(f"target footprint at 3,000 x 4 <= 1 GB and <= 100,000 files: {'met' if ok else 'NOT met'} "
              f"({top['output_mb']} MB, {top['files']} files)")
    biggest = max(rows, key=lambda r: r["n"])
    print(f"target no file over 25 MiB at {biggest['n']}: {'met' if biggest['largest_file_mb'] * 1e6 <= 25 * 2**20 else 'NOT met'} "
          f"({biggest['largest_file']}, {biggest['largest_file_mb']} MB)")


def print_site(result: dict) -> None:
    rows = result["rows"]
    print_footprint(result)
    print(f"\n{'what':<22}{'bulletins':>10}{'seconds':>9}{'pages/s':>9}{'peak RSS MB':>12}{'output MB':>10}{'ms/bulletin-lang':>17}"
          f"  runs (wall s, sorted; the median is shown)")
    for r in rows:
        if r.get("skipped"):
            print(f"{r['kind']:<22}{r['n']:>10}  skipped: {r['skipped']}")
        elif r["kind"] == "reader_cost":
            continue  # a table of its own, below
        elif r["kind"] == "rebuild_one":
            print(f"{r['kind']:<22}{r['n']:>10}{r['bulletin_pages_visible_s']:>9}  (bulletin pages in 4 languages visible; "
                  f"index pages after {r['with_index_pages_s']} s)")
        else:
            print(f"{r['kind']:<22}{r['n']:>10}{r['wall_s']:>9}{r['pages_per_s']:>9}{r['peak_rss_mb']:>12}{r['output_mb']:>10}"
                  f"{r.get('ms_per_bulletin_language', ''):>17}  {' '.join(map(str, r.get('wall_runs_s', [])))}")
    builds = {r["n"]: r for r in rows if r["kind"] == "build"}
    for kind in ("reference_mkdocs", "reference_hugo", "reference_hugo_search"):
        for r in rows:
            if r["kind"] == kind and not r.get("skipped") and r["n"] in builds:
                print(f"ratio {kind} / patchday at {r['n']}: {r['wall_s'] / builds[r['n']]['wall_s']:.2f}")
    sizes = sorted(builds)
    if len(sizes) > 1:
        # Fixed costs (starting MkDocs four times, imports) weigh on small sites, so the
        # average per bulletin-language falls with size; the marginal cost shows how work grows.
        per = [builds[n]["ms_per_bulletin_language"] for n in sizes]
        print(f"average ms per bulletin-language at {', '.join(map(str, sizes))}: {', '.join(map(str, per))} "
              f"(spread {max(per) / min(per) - 1:.0%})")
        marginal = [(builds[b]["wall_s"] - builds[a]["wall_s"]) * 1000 / ((b - a) * builds[b]["languages"])
                    for a, b in zip(sizes, sizes[1:])]
        print(f"marginal ms per bulletin-language between them: {', '.join(f'{m:.2f}' for m in marginal)}"
              + (f" (spread {max(marginal) / min(marginal) - 1:.0%})" if min(marginal) > 0 else ""))
        # Growth is judged on the marginal cost: an average that falls with size is not superlinear.
        if len(marginal) > 1 and min(marginal) > 0:
            spread = max(marginal) / min(marginal) - 1
            growing = max(per[1:]) > per[0] * 1.25
            print(f"target linear growth (< 25 % spread per bulletin-language): "
                  f"{'met' if spread < 0.25 and not growing else 'NOT met'} (marginal {spread:.0%}; "
                  f"average {'grows' if growing else 'does not grow'} with size)")
    top = builds.get(3000)
    if top:
        print(f"target full build of 3,000 x 4 <= 60 s: {'met' if top['wall_s'] <= 60 else 'NOT met'} ({top['wall_s']} s, "
              f"{top['cpu_s']} CPU-s); peak RSS <= 2 GB: {'met' if top['peak_rss_mb'] <= 2048 else 'NOT met'} "
              f"({top['peak_rss_mb']} MB); largest bulletin page < 100 kB: "
              f"{'met' if top['largest_bulletin_kb'] < 100 else 'NOT met'} ({top['largest_bulletin_kb']} kB)")
        refs = {r["kind"]: r for r in rows if r.get("n") == 3000 and not r.get("skipped")}
        if "reference_mkdocs" in refs:
            ratio = refs["reference_mkdocs"]["wall_s"] / top["wall_s"]
            print(f"target >= 2x faster than plain mkdocs + static-i18n: {'met' if ratio >= 2 else 'NOT met'} ({ratio:.2f}x)")
        hugo = refs.get("reference_hugo_search") or refs.get("reference_hugo")
        if hugo:
            ratio = top["wall_s"] / hugo["wall_s"]
            rounds = top.get("vs_hugo_search_rounds")
            each = f"; round by round {', '.join(f'{x:.2f}x' for x in rounds)}" if rounds else ""
            print(f"target within 2x of Hugo with a search index: {'met' if ratio <= 2 else 'NOT met'} ({ratio:.2f}x Hugo's time, "
                  f"medians{each})")
    reader = [r for r in rows if r["kind"] == "reader_cost" and not r.get("skipped")]
    if reader:
        print(f"\nwhat a reader downloads at {reader[0]['n']} bulletins (Chromium, first visit, uncompressed bodies)")
        for r in reader:
            got = f"search index {r['search_kb']:>7} KiB" if "search_kb" in r else f"HTML {r['html_kb']:>7} kB"
            print(f"  {r['what']:<48} {got}; page load {r['page_load_kb']:>7} KiB in {r['requests']} requests")
        searches = [r for r in reader if "search_kb" in r]
        if searches:
            worst = max(searches, key=lambda r: r["search_kb"])
            print(f"target a search downloads well under 1 MB: {'met' if all(r['search_under_limit'] for r in searches) else 'NOT met'} "
                  f"(largest {worst['search_kb']} KiB: {worst['what']})")
    for r in rows:
        if r["kind"] == "rebuild_one":
            print(f"target preview of one edited bulletin <= 1 s at {r['n']}: "
                  f"{'met' if r['bulletin_pages_visible_s'] <= 1 else 'NOT met'} ({r['bulletin_pages_visible_s']} s)")


# --- main -----------------------------------------------------------------------------

SECTIONS = {
    "validate": (section_validate, print_validate),
    "floor": (section_floor, print_floor),
    "site": (section_site, print_site),
    "footprint": (section_footprint, print_footprint),
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("section", nargs="?", default="validate", choices=sorted(SECTIONS), help="what to time (default: validate)")
    p.add_argument("--sizes", default=None, help="bulletin counts, comma-separated (default: 1000,10000; floor: 1000)")
    p.add_argument("--repeat", type=int, default=None,
                   help="runs per command (default 3); site: rounds of patchday and Hugo builds, rows give the median (default 1)")
    p.add_argument("--slow", type=float, default=60.0, help="a command slower than this many seconds runs once (default 60)")
    p.add_argument("--cache", default=os.environ.get("PATCHDAY_BENCH_CACHE", str(Path(tempfile.gettempdir()) / "patchday-bench")),
                   help="where generated corpora are kept (default: $PATCHDAY_BENCH_CACHE or /tmp/patchday-bench)")
    p.add_argument("--no-jsonschema", action="store_true", help="skip check-jsonschema")
    p.add_argument("--reference", action="store_true", help="site: also build plain mkdocs-material + static-i18n, and Hugo")
    p.add_argument("--no-reader", action="store_true", help="site: skip what a reader downloads, measured in Chromium")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    p.add_argument("--baseline", metavar="PLUGINS_DIR",
                   help="also time `python -m patchday.cli validate` with PYTHONPATH=PLUGINS_DIR, e.g. the plugins/ folder of "
                        "`git worktree add /tmp/base <commit>`: before/after figures in one table")
    args = p.parse_args(argv)
    default_sizes = {"floor": "1000", "site": "300,1000,3000", "footprint": "10000"}.get(args.section, "1000,10000")
    if args.repeat is None:
        args.repeat = 1 if args.section == "site" else 3
    args.sizes = [int(x.replace("_", "")) for x in (args.sizes or default_sizes).split(",") if x.strip()]
    m = machine()
    print_machine(m)
    print(f"command: {' '.join([Path(sys.executable).name, 'bench/run.py', *(argv if argv is not None else sys.argv[1:])])}", flush=True)
    run, show = SECTIONS[args.section]
    result = run(args)
    show(result)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        payload = {"machine": m, "section": args.section,
                   "result": {k: ([asdict(r) for r in v] if k == "runs" else v) for k, v in result.items()}}
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
