"""View-models -> HTML for the content area of each page type.

Jinja with autoescape on: record text reaches the page either escaped here
or as Markdown sanitised by :mod:`patchday.render.markup`, never raw. The
bulletin page, rendered once per bulletin and language, is joined in Python
by :mod:`patchday.render.bulletin_html` with the same escaping, and so are the
release, product and CVE-year pages (:mod:`patchday.render.index_html`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from patchday.catalog import Entry
from patchday.i18n.fmt import Formatter
from patchday.i18n.labels import script_labels
from patchday.render import urls
from patchday.render.bulletin_html import bulletin_html
from patchday.render.bulletin_view import bulletin_view, severity_badge
from patchday.render.context import PageCtx
from patchday.render.helpers import Helpers
from patchday.render.index_html import cves_year_html, product_html, release_html
from patchday.render.index_views import cve_years_view, cves_view, home_view, product_view, products_view, release_view, releases_view


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    toc: list[tuple[str, str]]  # (anchor, title) for the page's table of contents


@lru_cache(maxsize=1)
def env() -> jinja2.Environment:
    e = jinja2.Environment(
        loader=jinja2.PackageLoader("patchday.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return e



def _render(name: str, ctx: PageCtx, **values: object) -> str:
    helpers = Helpers(ctx.lang, ctx.t)
    return env().get_template(name).render(t=ctx.t, lang=ctx.lang, **helpers.globals(), **values)


def bulletin(ctx: PageCtx, e: Entry) -> Rendered:
    v = bulletin_view(ctx, e)
    return Rendered(bulletin_html(v), v.toc)


def release(ctx: PageCtx, month: str) -> Rendered:
    months = list(ctx.catalog.releases)
    i = months.index(month)
    prev = months[i - 1] if i > 0 else None
    nxt = months[i + 1] if i + 1 < len(months) else None
    v = release_view(ctx, ctx.catalog.releases[month], prev, nxt)
    toc = [("bulletins", ctx.t("bulletins")), ("totals", ctx.t("totals"))]
    if v.highlights or v.known_issues:
        toc.insert(0, ("release-notes", ctx.t("release_notes")))
    return Rendered(release_html(v, ctx.lang), toc)


def releases(ctx: PageCtx) -> Rendered:
    years = releases_view(ctx)
    return Rendered(_render("releases.html.j2", ctx, years=years), [(f"y{y}", y) for y, _ in years])


def product(ctx: PageCtx, pid: str) -> Rendered:
    v = product_view(ctx, pid)
    return Rendered(product_html(v, ctx.lang),
                    [("versions", ctx.t("versions_status")), ("bulletins", ctx.t("bulletins_by_release"))])


def products(ctx: PageCtx) -> Rendered:
    return Rendered(_render("products.html.j2", ctx, families=products_view(ctx)), [])


def cves(ctx: PageCtx) -> Rendered:
    return Rendered(_render("cves.html.j2", ctx, years=cve_years_view(ctx), search_url=ctx.url(urls.SEARCH)), [])


def cves_year(ctx: PageCtx, year: str) -> Rendered:
    rows, filters = cves_view(ctx, year)
    return Rendered(cves_year_html(year, rows, filters, ctx.url(urls.CVES), ctx.lang), [])


def home(ctx: PageCtx) -> Rendered:
    v = home_view(ctx)
    latest = ctx.url(urls.release(v.latest.month)) if v.latest else ""
    month = ctx.fmt.month(v.latest.month) if v.latest else ""
    return Rendered(_render("home.html.j2", ctx, v=v, site_name=ctx.catalog.settings.vendor, latest_url=latest, latest_month=month),
                    [("latest-release", ctx.t("latest_release")), ("next-patch-day", ctx.t("next_patch_day")),
                     ("out-of-band", ctx.t("oob_recent")), ("data", ctx.t("data"))])


# The checker script's words, by its own names, from the one label table.
AFFECTED_SCRIPT_LABELS = {
    "product": "choose_product", "version": "choose_version", "choose": "affected.choose", "loading": "affected.loading",
    "error": "affected.error", "none": "affected.none", "count": "affected.count", "install": "affected.install",
    "nothing": "affected.nothing", "nothingYet": "affected.nothing_yet", "done": "affected.done",
    "fromBulletin": "affected.from_bulletin", "fixed": "affected.fixed", "notStated": "affected.not_stated",
    "resolves": "affected.resolves", "open": "affected.open", "in_progress": "nofix.in_progress",
    "not_planned": "nofix.not_planned", "end_of_support": "nofix.end_of_support", "update": "affected.update",
    "cves": "affected.cves", "severity": "affected.severity", "notaffected": "affected.not_affected",
    "unsupported": "affected.unsupported", "build": "affected.build", "badBuild": "affected.bad_build",
    "component_of": "component_of", "installed_on": "installed_on", "permalink": "affected.permalink",
}


def affected_script_labels(lang: str) -> str:
    """The data-labels attribute of the checker: JSON, with the locale's list separator."""
    return json.dumps({**script_labels(lang, AFFECTED_SCRIPT_LABELS), "sep": Formatter(lang).separator},
                      ensure_ascii=False, separators=(",", ":"))


def affected(ctx: PageCtx) -> Rendered:
    root = urls.root(ctx.site_path)
    return Rendered(_render("affected.html.j2", ctx, api=f"{root}api/v1/", script=f"{root}assets/patchday/affected.js",
                            products_url=ctx.url(urls.PRODUCTS), script_labels=affected_script_labels(ctx.lang)), [])


SEARCH_SCRIPT_LABELS = {"label": "search", "results": "search.results", "none": "search.none", "more": "search.more",
                        "loading": "search.loading", "error": "search.error", "inBulletin": "search.in_bulletin"}


def search(ctx: PageCtx) -> Rendered:
    root = urls.root(ctx.site_path)
    # One index per language, under the language root (render/search.py).
    index = root + urls.site_path(ctx.lang, ctx.source_lang, urls.SEARCH_INDEX)
    labels = json.dumps(script_labels(ctx.lang, SEARCH_SCRIPT_LABELS), ensure_ascii=False, separators=(",", ":"))
    return Rendered(_render("search.html.j2", ctx, root=root, index=index, script_labels=labels), [])


def severity_ratings(ctx: PageCtx) -> Rendered:
    """The site's scale, most severe first, with each level's meaning (built-in levels) and icon."""
    settings = ctx.catalog.settings
    t = ctx.t
    levels = [(severity_badge(ctx, key), t(f"sevdef.{key}") if t.has(f"sevdef.{key}") else t("severity_custom"))
              for key in settings.severities]
    return Rendered(_render("severity_ratings.html.j2", ctx, levels=levels), [])


def report(ctx: PageCtx) -> Rendered:
    """How to report a vulnerability: the contact, the key and the policy from the settings (what is set)."""
    settings = ctx.catalog.settings
    contact = settings.psirt_contact
    return Rendered(_render("report.html.j2", ctx, vendor=settings.vendor, contact=contact,
                            contact_text=contact.removeprefix("mailto:") if contact else None,
                            key=settings.encryption_url, policy=settings.policy_url), [])
