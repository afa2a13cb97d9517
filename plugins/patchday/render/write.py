"""Write every bulletin page of every language, in parallel worker processes.

This is the bulk of the site (bulletins x languages), so it runs outside
MkDocs: the catalog is shared with forked workers copy-on-write, each
worker renders slices of bulletins, every one in all languages, into the
shells and writes the files. Output is independent of the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from dataclasses import dataclass
from pathlib import Path

from patchday.catalog import Catalog
from patchday.render import html, urls
from patchday.render.context import PageCtx
from patchday.render.shell import Shell

_JOB: tuple[Catalog, dict[str, Shell], Path] | None = None  # set before fork, read by workers
_MIN_PARALLEL = 200  # pages; below this, forking costs more than it saves


@dataclass(frozen=True, slots=True)
class Written:
    pages: int
    bytes: int
    largest: int


def _bulletin_file(site_dir: Path, lang: str, source_lang: str, bid: str) -> Path:
    return site_dir / urls.site_path(lang, source_lang, urls.bulletin(bid)) / "index.html"


def render_bulletin_page(catalog: Catalog, shell: Shell, lang: str, bid: str) -> str:
    ctx = PageCtx(catalog, lang, urls.bulletin(bid))
    entry = catalog.by_id[bid]
    r = html.bulletin(ctx, entry)
    title = entry.overlays[lang].title if lang in entry.overlays and entry.overlays[lang].title else entry.bulletin.title
    return shell.fill(bid, title, r.html, r.toc)


def _work(items: list[tuple[str, str]]) -> Written:
    assert _JOB is not None
    catalog, shells, site_dir = _JOB
    src = catalog.settings.source_language
    total = largest = 0
    for lang, bid in items:
        page = render_bulletin_page(catalog, shells[lang], lang, bid).encode("utf-8")
        path = _bulletin_file(site_dir, lang, src, bid)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page)
        total += len(page)
        largest = max(largest, len(page))
    return Written(len(items), total, largest)


def write_bulletins(catalog: Catalog, shells: dict[str, str], site_dir: Path, workers: int = 0,
                    only: set[str] | None = None) -> Written:
    """Render bulletin pages for every language whose shell MkDocs produced."""
    global _JOB
    parsed = {lang: Shell.parse(h) for lang, h in shells.items()}
    langs = sorted(parsed)
    bids = [e.id for e in catalog.entries if only is None or e.id in only]
    workers = workers or min(os.cpu_count() or 1, 8)
    _JOB = (catalog, parsed, site_dir)
    try:
        if workers <= 1 or len(bids) * len(langs) < _MIN_PARALLEL or "fork" not in mp.get_all_start_methods():
            return _work(_pages(bids, langs))
        _warm(catalog, parsed, bids[0])
        # Many small slices, so the last ones even out the workers; each bulletin's
        # languages stay together, so what they share (English fallback text, CVSS
        # scores) is still in the worker's caches.
        slices = workers * 16
        jobs = [_pages(bids[i::slices], langs) for i in range(slices)]
        # Objects that exist now are the catalog and caches the workers only read. Frozen,
        # the workers' collector does not scan them: unfrozen, at 3,000 bulletins that was
        # ~2 s of collection per worker, growing with the corpus, and it dirtied shared pages.
        gc.freeze()
        try:
            with mp.get_context("fork").Pool(workers) as pool:
                parts = list(pool.imap_unordered(_work, jobs))
        finally:
            gc.unfreeze()
        return Written(sum(p.pages for p in parts), sum(p.bytes for p in parts), max(p.largest for p in parts))
    finally:
        _JOB = None


def _pages(bids: list[str], langs: list[str]) -> list[tuple[str, str]]:
    return [(lang, bid) for bid in bids for lang in langs]


def _warm(catalog: Catalog, shells: dict[str, Shell], bid: str) -> None:
    """Render one page per language before forking, so workers inherit what every page
    loads once (Babel locale data, escaped label tables, the icon sprite) instead of each loading it."""
    catalog.by_id  # noqa: B018
    for lang, shell in shells.items():
        render_bulletin_page(catalog, shell, lang, bid)
