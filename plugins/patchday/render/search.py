"""Pagefind: one chunked search index per language, from records, not from pages.

Material's search builds one lunr index for all languages (results mix
languages, Japanese compounds are missed, the browser downloads it whole).
Pagefind splits its index into fragments a browser fetches on demand; the
*extended* binary segments Japanese.

Each language gets its own bundle under its root (``pagefind/``,
``de/pagefind/``, ...): a French reader only ever needs the French index.
Pagefind indexes the small records of :mod:`patchday.render.search_records`
(written to a scratch folder with the site's paths, so result URLs are the
pages' URLs) rather than the written pages: indexing needs only the catalog,
so it runs while the pages are being written, and it does not parse 12,000
full pages (four times the work). Pagefind's own indexing service is not
used: its Python client waits 0.1 s for every reply, which is 20 minutes for
12,000 records.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from patchday.catalog import Catalog
from patchday.render import urls
from patchday.render.search_records import records


def _binary() -> list[str]:
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            mod = __import__(module)
            exe = mod.get_executable()
        except Exception:  # noqa: BLE001 - not installed, or no binary for this platform
            continue
        return [str(exe)]
    return [sys.executable, "-m", "pagefind"]


def bundle_dir(site_dir: Path, lang: str, source_language: str) -> Path:
    return site_dir / "pagefind" if lang == source_language else site_dir / lang / "pagefind"


def _write_records(catalog: Catalog, folder: Path, lang: str) -> None:
    made: set[Path] = set()
    for url, html in records(catalog, lang):
        target = folder / url.strip("/") / "index.html"
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(html, encoding="utf-8")


def _scratch_parent(records: int) -> str | None:
    """Shared memory for the records when it has room, else the usual temporary folder.

    The records are written, read once by Pagefind and deleted, thousands of small files
    per build. On ext4, mass deletes make file creation slow for minutes afterwards
    (each new inode is checked against recently deleted ones), which the page writers
    running at the same time would pay. A record takes one 4 kB page in tmpfs; twice
    that is asked for, as /dev/shm can be as small as 64 MB (Docker's default).
    """
    try:
        st = os.statvfs("/dev/shm")
    except (AttributeError, OSError):
        return None
    room = st.f_bavail * st.f_frsize
    return "/dev/shm" if room >= records * 8192 and os.access("/dev/shm", os.W_OK) else None


# Pagefind segments these with a dictionary it loads per run: about twice the time of
# another language (4.5 s against 2.2 s for 3,000 records).
_SEGMENTED = ("ja", "zh", "ko", "th")


def run_order(languages: Sequence[str]) -> list[str]:
    """Slow languages first: in a build the index is the last thing to finish, and the
    run that ends after the pages are written keeps one core busy while the other idles."""
    return sorted(languages, key=lambda lang: (lang.split("-")[0] not in _SEGMENTED, lang))


def build_index(catalog: Catalog, site_dir: Path, languages: Sequence[str],
                should_stop: Callable[[], bool] | None = None) -> str:
    """Write every language's bundle, one Pagefind run per language; returns "" or the errors.

    ``should_stop`` is asked before each language and while Pagefind runs: once it says
    yes, the run is killed and no more bundles are written.
    """
    src = catalog.settings.source_language
    errors = []
    scratch = Path(tempfile.mkdtemp(prefix="patchday-search-", dir=_scratch_parent(len(catalog.entries) * len(languages))))
    try:
        for lang in run_order(languages):
            if should_stop is not None and should_stop():
                break
            _write_records(catalog, scratch, lang)
            root = urls.site_path(lang, src, "")
            cmd = [*_binary(), "--site", str(scratch), "--glob", f"{root}bulletins/*/index.html",
                   "--force-language", lang, "--output-path", str(bundle_dir(site_dir, lang, src).resolve()), "--silent"]
            code, out, err = _run(cmd, should_stop)
            if code is None:
                break  # stopped
            if code != 0:
                errors.append(f"{lang}: " + (err.strip() or out.strip() or f"exit {code}"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return "\n".join(errors)


def _run(cmd: list[str], should_stop: Callable[[], bool] | None) -> tuple[int | None, str, str]:
    """Run Pagefind; (None, ...) when ``should_stop`` said yes before it ended (it is killed)."""
    if should_stop is None:
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return result.returncode, result.stdout, result.stderr
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        while True:
            try:
                out, err = proc.communicate(timeout=0.1)
                return proc.returncode, out, err
            except subprocess.TimeoutExpired:
                if should_stop():
                    proc.kill()
                    proc.communicate()
                    return None, "", ""
