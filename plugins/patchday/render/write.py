"""Write every poured page of every language, in parallel worker processes.

This is the bulk of the site (bulletins x languages, plus a page per release
month, product and CVE year), so it runs outside MkDocs: the catalog is
shared with forked workers copy-on-write, each worker renders slices of
pages into their kind's shell and writes the files. Output is independent
of the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from patchday.catalog import Catalog
from patchday.render import html, urls
from patchday.render.context import PageCtx
from patchday.render.pages import PageSpec, render_page
from patchday.render.shell import Shell

# Shells by (kind, language); kind is "bulletin" or a poured PageSpec kind.
Shells = dict[tuple[str, str], Shell]
_JOB: tuple[Catalog, Shells, Path, dict[tuple[str, str, str], PageSpec]] | None = None  # set before fork, read by workers
_MIN_PARALLEL = 200  # pages; below this, forking costs more than it saves
_NICENESS = 10  # CPU weight 110 against 1024: the jobs beside the workers get ~90 % of a core each


@dataclass(frozen=True, slots=True)
class Written:
    pages: int  # bulletin pages
    bytes: int  # of bulletin pages
    largest: int  # the largest bulletin page, in bytes
    index_pages: int = 0  # release, product and CVE-year pages


def _bulletin_file(site_dir: Path, lang: str, source_lang: str, bid: str) -> Path:
    return site_dir / urls.site_path(lang, source_lang, urls.bulletin(bid)) / "index.html"


def render_bulletin_page(catalog: Catalog, shell: Shell, lang: str, bid: str) -> str:
    ctx = PageCtx(catalog, lang, urls.bulletin(bid))
    entry = catalog.by_id[bid]
    r = html.bulletin(ctx, entry)
    title = entry.overlays[lang].title if lang in entry.overlays and entry.overlays[lang].title else entry.bulletin.title
    return shell.fill(bid, escape(f"{bid}: {title}", quote=False), r.html, r.toc)


def render_poured_page(catalog: Catalog, shell: Shell, spec: PageSpec) -> str:
    r = render_page(catalog, spec)
    # As MkDocs printed these pages' titles: patchday hands it the title escaped (see the plugin).
    return shell.fill(spec.key, escape(spec.title), r.html, r.toc)


def poured_file(site_dir: Path, source_lang: str, spec: PageSpec) -> Path:
    return site_dir / urls.site_path(spec.lang, source_lang, spec.path) / "index.html"


# A unit of work: (kind, lang, key); kind "bulletin" has the bulletin ID as key.
Item = tuple[str, str, str]


def _work(items: list[Item]) -> Written:
    assert _JOB is not None
    catalog, shells, site_dir, specs = _JOB
    src = catalog.settings.source_language
    total = largest = index = 0
    made: set[Path] = set()
    for kind, lang, key in items:
        if kind == "bulletin":
            page = render_bulletin_page(catalog, shells[kind, lang], lang, key).encode("utf-8")
            path = _bulletin_file(site_dir, lang, src, key)
            total += len(page)
            largest = max(largest, len(page))
        else:
            spec = specs[kind, lang, key]
            page = render_poured_page(catalog, shells[kind, lang], spec).encode("utf-8")
            path = poured_file(site_dir, src, spec)
            index += 1
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(page)
    return Written(len(items) - index, total, largest, index)


def _yield_to_others(niceness: int) -> None:
    try:
        os.nice(niceness)
    except (AttributeError, OSError):
        pass


def write_pages(catalog: Catalog, shells: dict[tuple[str, str], str], site_dir: Path, workers: int = 0, *,
                bulletins: set[str] | None = None, poured: Sequence[PageSpec] = (), yield_to_others: bool = False) -> Written:
    """Render the bulletin pages (all, or those in ``bulletins``) and the ``poured`` pages.

    Bulletins are rendered for every language that has a bulletin shell; each
    poured page needs the shell of its kind and language.

    ``yield_to_others``: the workers run at a lower priority, for when single-process
    jobs (a build's exports and search index) run beside them. Those cannot use a second
    core and the workers can, so the jobs should get the CPU first: a job that ends after
    the pages keeps one core busy while the other idles, whereas pages left over at the end
    are shared by every worker.
    """
    global _JOB
    parsed = {k: Shell.parse(h) for k, h in shells.items()}
    langs = sorted(lang for kind, lang in parsed if kind == "bulletin")
    bids = [e.id for e in catalog.entries if bulletins is None or e.id in bulletins]
    specs = {(s.kind, s.lang, s.key): s for s in poured}
    missing = sorted({(s.kind, s.lang) for s in poured} - parsed.keys())
    if missing:
        raise ValueError(f"no shell for {missing}")
    workers = workers or min(os.cpu_count() or 1, 8)
    _JOB = (catalog, parsed, site_dir, specs)
    index_items: list[Item] = list(specs)
    try:
        if workers <= 1 or len(bids) * len(langs) + len(index_items) < _MIN_PARALLEL or "fork" not in mp.get_all_start_methods():
            return _sum([_work(index_items + _bulletin_items(bids, langs))])
        _warm(catalog, parsed, bids[:1], poured)
        # Many small slices, so the last ones even out the workers; each bulletin's
        # languages stay together, so what they share (English fallback text, CVSS
        # scores) is still in the worker's caches. Index pages go first: some are
        # a hundred times a bulletin's work, and last they would leave a core idle.
        slices = workers * 16
        jobs = [index_items[i::slices] for i in range(min(slices, len(index_items)))]
        jobs += [_bulletin_items(bids[i::slices], langs) for i in range(slices)]
        # Objects that exist now are the catalog and caches the workers only read. Frozen,
        # the workers' collector does not scan them: unfrozen, at 3,000 bulletins that was
        # ~2 s of collection per worker, growing with the corpus, and it dirtied shared pages.
        gc.freeze()
        try:
            initializer, initargs = (_yield_to_others, (_NICENESS,)) if yield_to_others else (None, ())
            with mp.get_context("fork").Pool(workers, initializer, initargs) as pool:
                parts = list(pool.imap_unordered(_work, [j for j in jobs if j]))
        finally:
            gc.unfreeze()
        return _sum(parts)
    finally:
        _JOB = None


def write_bulletins(catalog: Catalog, shells: dict[str, str], site_dir: Path, workers: int = 0,
                    only: set[str] | None = None) -> Written:
    """Bulletin pages only, from bulletin shells by language."""
    return write_pages(catalog, {("bulletin", lang): h for lang, h in shells.items()}, site_dir, workers, bulletins=only)


def _sum(parts: list[Written]) -> Written:
    return Written(sum(p.pages for p in parts), sum(p.bytes for p in parts), max((p.largest for p in parts), default=0),
                   sum(p.index_pages for p in parts))


def _bulletin_items(bids: list[str], langs: list[str]) -> list[Item]:
    return [("bulletin", lang, bid) for bid in bids for lang in langs]


def _warm(catalog: Catalog, shells: Shells, bids: list[str], poured: Sequence[PageSpec]) -> None:
    """Before forking, render a bulletin in every language and a release page, and work out the
    catalog's shared facts, so workers inherit what pages load once (Babel locale data,
    escaped label tables, the icon sprite, the indexes) instead of each loading it."""
    for (kind, lang), shell in shells.items():
        if kind == "bulletin":
            for bid in bids:
                render_bulletin_page(catalog, shell, lang, bid)
    release = next((s for s in poured if s.kind == "release"), None)
    if release is not None:
        render_page(catalog, release)
    catalog.work_out_shared()  # done already in a build; the serve fast path may bring a new catalog
