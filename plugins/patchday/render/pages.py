"""Every page of the site, per language, as data: what the MkDocs glue must create.

Two lists. :func:`site_pages` is what MkDocs renders: the pages in the nav
and one *shell* per kind of page that grows with the corpus (bulletins,
release months, products, CVE years). :func:`poured_pages` lists the pages of
those kinds one by one; :mod:`patchday.render.write` pours each into its
kind's shell (:mod:`patchday.render.shell`). That keeps the MkDocs/Material
work per build constant in the number of bulletins (see docs/site.md for the
numbers), and lets the pages be rendered on every core.
"""

from __future__ import annotations

from dataclasses import dataclass

from patchday.catalog import Catalog
from patchday.i18n import Labels
from patchday.render import html, notice, urls
from patchday.render.context import PageCtx
from patchday.render.index_views import cve_years
from patchday.render.shell_contract import SHELL_CONTENT, SHELL_HAS_TOC, SHELL_ID, SHELL_SKIP, SHELL_TITLE, SHELL_TOC

@dataclass(frozen=True, slots=True)
class PageSpec:
    kind: str  # home, releases, release, products, product, cves, cves_year, affected, search, notice, shell; bulletin (poured only)
    key: str  # month, product id or year; for a shell, the kind it is the shell of; "" otherwise
    lang: str
    path: str  # language-root path, e.g. "releases/2026-01/"
    title: str
    in_nav: bool

    def src_uri(self, source_lang: str) -> str:
        """The virtual Markdown file, named as mkdocs-static-i18n's suffix structure expects."""
        stem = {"": "index"}.get(self.path, self.path.rstrip("/") + ("/index" if self.in_nav else ""))
        suffix = "" if self.lang == source_lang else f".{self.lang}"
        return f"{stem}{suffix}.md"


# The kinds poured into a shell, and where each kind's shell lives (the depth of its pages).
SHELL_PATHS = {
    "bulletin": urls.bulletin(SHELL_ID),
    "release": urls.release(SHELL_ID),
    "product": urls.product(SHELL_ID),
    "cves_year": urls.cves_year(SHELL_ID),
}

def site_pages(catalog: Catalog) -> list[PageSpec]:
    """The pages MkDocs renders, in every language."""
    out: list[PageSpec] = []
    for lang in catalog.settings.languages:
        t = Labels(lang)
        out += [
            PageSpec("home", "", lang, urls.HOME, t("home"), True),
            PageSpec("releases", "", lang, urls.RELEASES, t("releases"), True),
            PageSpec("products", "", lang, urls.PRODUCTS, t("products"), True),
            PageSpec("cves", "", lang, urls.CVES, t("cves"), True),
            PageSpec("affected", "", lang, urls.AFFECTED, t("affected_page"), True),
            PageSpec("search", "", lang, urls.SEARCH, t("search"), True),
            PageSpec("severity_ratings", "", lang, urls.SEVERITY_RATINGS, t("severity_ratings"), True),
            PageSpec("report", "", lang, urls.REPORT, t("report_page"), True),
        ]
        out += [PageSpec("shell", kind, lang, path, SHELL_TITLE, False) for kind, path in SHELL_PATHS.items()]
        # At most two advance notices (render/notice.py): rendered by MkDocs like the index pages.
        out += [PageSpec("notice", n.month, lang, notice.notice_path(n.month), notice.title(n, lang), False)
                for n in catalog.notices]
    return out


def bulletin_title(catalog: Catalog, lang: str, bid: str) -> str:
    entry = catalog.by_id[bid]
    overlay = entry.overlays.get(lang)
    return f"{bid}: {overlay.title if overlay is not None and overlay.title else entry.bulletin.title}"


def poured_pages(catalog: Catalog) -> list[PageSpec]:
    """Release, product and CVE-year pages of every language: poured into their kind's shell."""
    out: list[PageSpec] = []
    for lang in catalog.settings.languages:
        t = Labels(lang)
        fmt_ctx = PageCtx(catalog, lang, "")
        out += [PageSpec("release", m, lang, urls.release(m), t("release", month=fmt_ctx.fmt.month(m)), False)
                for m in catalog.releases]
        out += [PageSpec("product", pid, lang, urls.product(pid), p.name, False) for pid, p in catalog.products.items()]
        out += [PageSpec("cves_year", year, lang, urls.cves_year(year), t("cves_year", year=year), False)
                for year, _ in cve_years(catalog)]
    return out


def render_page(catalog: Catalog, spec: PageSpec) -> html.Rendered:
    ctx = PageCtx(catalog, spec.lang, spec.path)
    match spec.kind:
        case "home":
            return html.home(ctx)
        case "releases":
            return html.releases(ctx)
        case "bulletin":
            return html.bulletin(ctx, catalog.by_id[spec.key])
        case "release":
            return html.release(ctx, spec.key)
        case "products":
            return html.products(ctx)
        case "product":
            return html.product(ctx, spec.key)
        case "cves":
            return html.cves(ctx)
        case "cves_year":
            return html.cves_year(ctx, spec.key)
        case "affected":
            return html.affected(ctx)
        case "search":
            return html.search(ctx)
        case "severity_ratings":
            return html.severity_ratings(ctx)
        case "report":
            return html.report(ctx)
        case "notice":
            n = next(n for n in catalog.notices if n.month == spec.key)
            return html.Rendered(notice.notice_html(ctx, n), [])
        case "shell":
            return html.Rendered(SHELL_CONTENT, [(SHELL_SKIP, SHELL_TOC)] if SHELL_HAS_TOC[spec.key] else [])
    raise ValueError(f"unknown page kind {spec.kind!r}")
