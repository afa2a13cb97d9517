"""Write every bulletin page of every language, in parallel worker processes.

This is the bulk of the site (bulletins x languages), so it runs outside
MkDocs: the catalog is shared with forked workers copy-on-write, each
worker renders a slice of (language, bulletin) pairs into its shell and
writes the files. Output is independent of the number of workers.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from dataclasses import dataclass
from pathlib import Path

from patchday.catalog import Catalog
from patchday.render import html, urls
from patchday.render.context import PageCtx
from patchday.render.shell import Shell

_JOB: tuple[Catalog, dict[str, Shell], Path] | None = None  # set before fork, read by workers


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
    items = [(lang, e.id) for lang in sorted(parsed) for e in catalog.entries if only is None or e.id in only]
    # Warm shared caches before forking so every worker inherits them.
    catalog.by_id  # noqa: B018
    _JOB = (catalog, parsed, site_dir)
    workers = workers or min(os.cpu_count() or 1, 8)
    try:
        if workers <= 1 or len(items) < 200 or "fork" not in mp.get_all_start_methods():
            return _work(items)
        chunks = [items[i::workers * 4] for i in range(workers * 4)]
        with mp.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_work, chunks)
        return Written(sum(p.pages for p in parts), sum(p.bytes for p in parts), max(p.largest for p in parts))
    finally:
        _JOB = None
