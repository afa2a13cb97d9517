"""Write every poured page of every language: what a page writer does with its share.

This is the bulk of the site (bulletins x languages, plus a page per release
month, product and CVE year), so it runs outside MkDocs. :func:`plan` gathers
the work, :func:`write_items` renders a share of it into the kinds' shells and
writes the files. :mod:`patchday.jobs` hands the shares to forked workers (the
catalog shared copy-on-write); :func:`write_pages` does it all in this process.
Output is independent of how the work is shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from patchday.catalog import Catalog
from patchday.outfiles import Folder
from patchday.render import html, urls
from patchday.render.context import PageCtx
from patchday.render.pages import PageSpec, bulletin_title, render_page
from patchday.render.shell import Shell

# Shells by (kind, language); kind is "bulletin" or a poured PageSpec kind.
Shells = dict[tuple[str, str], Shell]


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
    r = html.bulletin(ctx, catalog.by_id[bid])
    return shell.fill(bid, escape(bulletin_title(catalog, lang, bid), quote=False), r.html, r.toc)


def render_poured_page(catalog: Catalog, shell: Shell, spec: PageSpec) -> str:
    r = render_page(catalog, spec)
    # As MkDocs printed these pages' titles: patchday hands it the title escaped (see the plugin).
    return shell.fill(spec.key, escape(spec.title), r.html, r.toc)


def poured_file(site_dir: Path, source_lang: str, spec: PageSpec) -> Path:
    return site_dir / urls.site_path(spec.lang, source_lang, spec.path) / "index.html"


# A unit of work: (kind, lang, key); kind "bulletin" has the bulletin ID as key.
Item = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Batch:
    """The pages to write: bulletins in every language with a bulletin shell, and poured pages."""

    catalog: Catalog
    shells: Shells
    site_dir: Path
    specs: dict[Item, PageSpec]  # poured pages by their item
    bids: list[str]
    langs: list[str]

    def size(self) -> int:
        return len(self.bids) * len(self.langs) + len(self.specs)

    def all_items(self) -> list[Item]:
        return list(self.specs) + _bulletin_items(self.bids, self.langs)

    def slices(self, n: int) -> list[list[Item]]:
        """About ``n`` shares of the work, in the order to hand them out.

        Many small shares, so that the last ones even out the workers. A share is a
        run of bulletins in the catalog's order with all their languages: what a
        bulletin's languages share (English fallback text, CVSS scores) is still in
        the worker's caches, and a worker touches only its runs' part of the memory
        it shares copy-on-write with the others (every n-th bulletin instead: 279,000
        page faults in the workers at 3,000 bulletins x 4 languages; runs: 233,000).
        The index pages are one share, handed out first: each of them reads bulletins
        from all over the catalog, so they touch it once in one worker rather than in
        all, and some are a hundred times a bulletin's work, which last would leave
        a core idle.
        """
        out = [list(self.specs)] if self.specs else []
        run = max(1, -(-len(self.bids) // n))
        out += [_bulletin_items(self.bids[i:i + run], self.langs) for i in range(0, len(self.bids), run)]
        return out


def plan(catalog: Catalog, shells: dict[tuple[str, str], str], site_dir: Path, *,
         bulletins: set[str] | None = None, poured: Sequence[PageSpec] = ()) -> Batch:
    """The bulletin pages (all, or those in ``bulletins``) and the ``poured`` pages.

    Bulletins are rendered for every language that has a bulletin shell; each
    poured page needs the shell of its kind and language.
    """
    parsed = {k: Shell.parse(h) for k, h in shells.items()}
    for shell in parsed.values():
        shell.write_icons(site_dir)
    specs = {(s.kind, s.lang, s.key): s for s in poured}
    missing = sorted({(s.kind, s.lang) for s in poured} - parsed.keys())
    if missing:
        raise ValueError(f"no shell for {missing}")
    return Batch(catalog, parsed, site_dir, specs,
                 [e.id for e in catalog.entries if bulletins is None or e.id in bulletins],
                 sorted(lang for kind, lang in parsed if kind == "bulletin"))


def write_items(batch: Batch, items: list[Item]) -> Written:
    catalog, shells, site_dir = batch.catalog, batch.shells, batch.site_dir
    src = catalog.settings.source_language
    total = largest = index = 0
    out = Folder(site_dir)
    for kind, lang, key in items:
        if kind == "bulletin":
            page = render_bulletin_page(catalog, shells[kind, lang], lang, key).encode("utf-8")
            rel = urls.site_path(lang, src, urls.bulletin(key))
            total += len(page)
            largest = max(largest, len(page))
        else:
            spec = batch.specs[kind, lang, key]
            page = render_poured_page(catalog, shells[kind, lang], spec).encode("utf-8")
            rel = urls.site_path(spec.lang, src, spec.path)
            index += 1
        out.write(f"{rel}index.html", page)  # every page path is a folder, ending in "/"
    return Written(len(items) - index, total, largest, index)


def write_pages(catalog: Catalog, shells: dict[tuple[str, str], str], site_dir: Path, *,
                bulletins: set[str] | None = None, poured: Sequence[PageSpec] = ()) -> Written:
    """Every page of :func:`plan`, in this process."""
    batch = plan(catalog, shells, site_dir, bulletins=bulletins, poured=poured)
    return write_items(batch, batch.all_items())


def write_bulletins(catalog: Catalog, shells: dict[str, str], site_dir: Path, only: set[str] | None = None) -> Written:
    """Bulletin pages only, from bulletin shells by language."""
    return write_pages(catalog, {("bulletin", lang): h for lang, h in shells.items()}, site_dir, bulletins=only)


def total(parts: list[Written]) -> Written:
    return Written(sum(p.pages for p in parts), sum(p.bytes for p in parts), max((p.largest for p in parts), default=0),
                   sum(p.index_pages for p in parts))


def _bulletin_items(bids: list[str], langs: list[str]) -> list[Item]:
    return [("bulletin", lang, bid) for bid in bids for lang in langs]


def warm(batch: Batch) -> None:
    """Before forking, render a bulletin in every language and a release page, and work out the
    catalog's shared facts, so workers inherit what pages load once (Babel locale data,
    escaped label tables, the icon sprite, the indexes) instead of each loading it."""
    catalog = batch.catalog
    for (kind, lang), shell in batch.shells.items():
        if kind == "bulletin":
            for bid in batch.bids[:1]:
                render_bulletin_page(catalog, shell, lang, bid)
    release = next((s for s in batch.specs.values() if s.kind == "release"), None)
    if release is not None:
        render_page(catalog, release)
    catalog.work_out_shared()  # done already in a build; the serve fast path may bring a new catalog
    catalog.work_out_scores()
