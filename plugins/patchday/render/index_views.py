"""View-models of the index pages: home, releases, one release, product, CVE index.

Each builder reads only the slice of the catalog its page shows (a release's
entries, a product's entries), never the whole corpus per page, so work per
page does not grow with the corpus. Only the CVE index and the releases
index are whole-corpus pages by nature, and they are built once per language.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from patchday import remediation
from patchday.catalog import Catalog, Entry, Release, cve_year
from patchday.patchdays import upcoming
from patchday.render import urls
from patchday.render.bulletin_view import Badge, Link, Rich, date_text, impact_badge, released_text, rich, severity_badge
from patchday.render.chart import Bar, bar_chart
from patchday.render.context import PageCtx
from patchday.translate.merge import Text, merge_bulletin, merge_notes

OOB_WINDOW = dt.timedelta(days=30)


@dataclass(slots=True)
class Row:
    """One bulletin in an index table; the data-* values drive client-side filters."""

    id: str
    url: str
    title: Text
    severity: Badge
    impacts: list[Badge]
    products: list[Link]
    cve_count: int
    exploited: bool
    disclosed: bool
    month: str
    out_of_band: bool
    withdrawn: bool
    draft: bool
    released: str

    @property
    def data_products(self) -> str:
        return " ".join(p.url.rstrip("/").rsplit("/", 1)[-1] for p in self.products if p.url)


@dataclass(slots=True)
class Filters:
    """Labels and option names for the filter bar that filter.js builds (JSON in data-*)."""

    config: str


def filters(ctx: PageCtx, rows_products: list[str], months: list[str]) -> Filters:
    t = ctx.t
    sev = ctx.catalog.settings.severities
    payload = {
        "labels": {"filter": t("filter"), "product": t("product"), "severity": t("severity"), "month": t("month"),
                   "exploited": t("exploited_only"), "all": t("all"), "rows": t("rows_shown", shown="{shown}", total="{total}")},
        "products": [[p, ctx.catalog.products[p].name] for p in sorted(set(rows_products)) if p in ctx.catalog.products],
        "severities": [[s, severity_badge(ctx, s).label] for s in sev],
        "months": [[m, ctx.fmt.month(m)] for m in sorted(set(months), reverse=True)],
    }
    return Filters(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))


def _url_base(ctx: PageCtx) -> str:
    """What ``ctx.url(path)`` puts before any non-empty path: pages that link hundreds of
    bulletins join it once instead of working it out per link."""
    return urls.root(ctx.site_path) + urls.site_path(ctx.lang, ctx.source_lang, "")


def row(ctx: PageCtx, e: Entry) -> Row:
    return rows(ctx, [e])[0]


def rows(ctx: PageCtx, entries: Iterable[Entry]) -> list[Row]:
    """The rows of one page. Its products recur from row to row: each link is made once."""
    products = ctx.catalog.products
    base = _url_base(ctx)
    links: dict[str, Link] = {}

    def link(pid: str) -> Link:
        lk = links.get(pid)
        if lk is None:
            lk = links[pid] = Link(products[pid].name if pid in products else pid, base + urls.product(pid))
        return lk

    out = []
    for e in entries:
        out.append(Row(
            id=e.id,
            url=base + urls.bulletin(e.id),
            title=merge_bulletin_title(ctx, e),
            severity=severity_badge(ctx, e.severity),
            impacts=[impact_badge(ctx, i) for i in e.impacts],
            products=[link(p) for p in e.products],
            cve_count=len(e.bulletin.vulnerabilities),
            exploited=e.exploited,
            disclosed=e.publicly_disclosed,
            month=e.release,
            out_of_band=e.out_of_band,
            withdrawn=e.withdrawn,
            draft=e.bulletin.status.value not in ("final", "withdrawn"),
            released=released_text(ctx, e.bulletin.released),
        ))
    return out


def merge_bulletin_title(ctx: PageCtx, e: Entry) -> Text:
    """Only the title of a bulletin, without merging every field (index pages list many)."""
    o = e.overlays.get(ctx.lang)
    if ctx.lang != ctx.source_lang and o is not None and o.title:
        return Text(o.title, ctx.lang)
    return Text(e.bulletin.title, ctx.source_lang)


# ---- releases -------------------------------------------------------------


@dataclass(slots=True)
class OobItem:
    row: Row
    reason: Rich


@dataclass(slots=True)
class ReleaseView:
    month: str
    title: str
    patch_day: str
    rows: list[Row]
    filters: Filters
    out_of_band: list[OobItem]
    highlights: list[tuple[Text, Rich]]
    known_issues: list[tuple[Text, Rich]]
    untranslated_notes: bool
    by_severity: list[tuple[Badge, int]]
    by_impact: list[tuple[Badge, int]]
    severity_chart: str
    impact_chart: str
    cve_count: int
    prev: Link | None = None
    next: Link | None = None


def release_view(ctx: PageCtx, rel: Release, prev: str | None = None, nxt: str | None = None) -> ReleaseView:
    t, fmt = ctx.t, ctx.fmt
    rel_rows = rows(ctx, rel.entries)
    live = [e for e in rel.entries if not e.withdrawn]
    sev_counts = Counter(e.severity for e in live)
    by_severity = [(severity_badge(ctx, s), sev_counts.get(s, 0)) for s in ctx.catalog.settings.severities]
    imp_counts = Counter(str(v.impact) for e in live for v in e.bulletin.vulnerabilities)
    by_impact = [(impact_badge(ctx, k), n) for k, n in sorted(imp_counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    highlights: list[tuple[Text, Rich]] = []
    known: list[tuple[Text, Rich]] = []
    untranslated = False
    if rel.notes is not None:
        m = merge_notes(rel.notes, rel.notes_overlays.get(ctx.lang), ctx.lang, ctx.source_lang)
        untranslated = bool(m.fallback)
        highlights = [(m[f"highlights/{n.key}/title"], rich(m[f"highlights/{n.key}/text"])) for n in rel.notes.highlights]
        known = [(m[f"known_issues/{n.key}/title"], rich(m[f"known_issues/{n.key}/text"])) for n in rel.notes.known_issues]
    oob = []
    for e, r in zip(rel.entries, rel_rows, strict=True):
        if e.out_of_band:
            mb = merge_bulletin(e.bulletin, e.overlays.get(ctx.lang), ctx.lang, ctx.source_lang)
            oob.append(OobItem(r, rich(mb["out_of_band/reason"])))
    ident = f"chart-{rel.month}"
    return ReleaseView(
        month=rel.month,
        title=t("release", month=fmt.month(rel.month)),
        patch_day=date_text(ctx.lang, rel.patch_day.date()),
        rows=rel_rows,
        filters=filters(ctx, [p for e in rel.entries for p in e.products], [rel.month]),
        out_of_band=oob,
        highlights=highlights,
        known_issues=known,
        untranslated_notes=untranslated,
        by_severity=by_severity,
        by_impact=by_impact,
        severity_chart=bar_chart([Bar(b.label, n, f"pd-bar--{b.key}") for b, n in by_severity],
                                 t("by_severity"), t("chart_desc"), ident + "-s"),
        impact_chart=bar_chart([Bar(b.label, n, "pd-bar--impact") for b, n in by_impact],
                               t("by_impact"), t("chart_desc"), ident + "-i"),
        cve_count=rel.cve_count,
        prev=Link(fmt.month(prev), ctx.url(urls.release(prev))) if prev else None,
        next=Link(fmt.month(nxt), ctx.url(urls.release(nxt))) if nxt else None,
    )


@dataclass(slots=True)
class MonthItem:
    link: Link
    bulletins: int
    cves: int
    severity: Badge | None
    out_of_band: int


def releases_view(ctx: PageCtx) -> list[tuple[str, list[MonthItem]]]:
    """Years, newest first, each with its months."""
    years: dict[str, list[MonthItem]] = {}
    for month, rel in sorted(ctx.catalog.releases.items(), reverse=True):
        live = [e for e in rel.entries if not e.withdrawn]
        worst = min((e.severity for e in live), key=ctx.catalog.settings.severity_rank, default=None)
        years.setdefault(month[:4], []).append(MonthItem(
            Link(ctx.fmt.month(month), ctx.url(urls.release(month))),
            len(rel.entries), rel.cve_count,
            severity_badge(ctx, worst) if worst else None,
            len(rel.out_of_band),
        ))
    return list(years.items())


# ---- products -------------------------------------------------------------


@dataclass(slots=True)
class InstallItem:
    update: Link
    update_id: str
    fixed: str | None
    bulletin: Link
    component: str | None  # "Contoso Mail Client 6.0, part of this version"


@dataclass(slots=True)
class OpenItem:
    bulletin: Link
    kind: str  # translated: fix in progress / no fix planned / end of support
    component: str | None


@dataclass(slots=True)
class VersionStatus:
    id: str
    name: str
    platforms: list[Text]  # in the reader's language where products.<lang>.yaml names them
    support: str
    bulletins: list[str]  # every bulletin that applies (remediation.status)
    install: list[InstallItem]  # in install order
    open: list[OpenItem]


@dataclass(slots=True)
class ProductView:
    id: str
    name: str
    family: Text
    url: str | None
    updates: str  # translated sentence: cumulative or separate
    versions: list[VersionStatus]
    by_release: list[tuple[Link, list[Row]]]
    rows_count: int
    filters: Filters


def _component(ctx: PageCtx, via: remediation.Via | None) -> str | None:
    if via is None:
        return None
    v = ctx.catalog.version(via.product, via.version)
    name = v.name if v else f"{via.product} {via.version}"
    return ctx.t("component_of" if via.relation == "default_component_of" else "installed_on", component=name)


def version_status(ctx: PageCtx, pid: str, vid: str) -> tuple[list[str], list[InstallItem], list[OpenItem]]:
    """The product page's words for remediation.status: the same answer as the API and "Am I affected?"."""
    base = _url_base(ctx)
    st = remediation.status(ctx.catalog, pid, vid)
    install = [InstallItem(Link(i.update.id, i.update.url), i.update.id, i.update.fixed,
                           Link(i.bulletin, base + urls.bulletin(i.bulletin)), _component(ctx, i.via))
               for i in st.install]
    opens = [OpenItem(Link(o.bulletin, base + urls.bulletin(o.bulletin)), ctx.t(f"nofix.{o.kind}"), _component(ctx, o.via))
             for o in st.open]
    return st.bulletins, install, opens


def product_view(ctx: PageCtx, pid: str) -> ProductView:
    cat, t, fmt = ctx.catalog, ctx.t, ctx.fmt
    p = cat.products[pid]
    entries = remediation.reaching(cat, pid)
    today = cat.as_of.date()
    versions = []
    for v in p.versions:
        if v.released is not None and v.released > today:  # stated by a published bulletin, but not out yet
            support = t("not_released", date=fmt.date(v.released))
        elif v.supported_until is None:
            support = t("supported")
        elif v.supported_until >= today:
            support = t("supported_until", date=fmt.date(v.supported_until))
        else:
            support = t("end_of_support", date=fmt.date(v.supported_until))
        applies, install, opens = version_status(ctx, pid, v.id)
        platforms = [Text(cat.platform_name(x, ctx.lang), ctx.lang) for x in v.platforms]
        versions.append(VersionStatus(v.id, v.name, platforms, support, applies, install, opens))
    groups: dict[str, list[Row]] = {}
    newest_first = entries[::-1]
    for e, r in zip(newest_first, rows(ctx, newest_first), strict=True):
        groups.setdefault(e.release, []).append(r)
    by_release = [(Link(t("release", month=fmt.month(m)), ctx.url(urls.release(m))), group)
                  for m, group in groups.items()]
    family = Text(*cat.family_name(p.family, ctx.lang))
    return ProductView(pid, p.name, family, p.url, t(f"updates.{p.updates}"), versions, by_release, len(entries),
                       filters(ctx, [], [e.release for e in entries]))


def products_view(ctx: PageCtx) -> list[tuple[Text, list[tuple[Link, int]]]]:
    cat = ctx.catalog
    out: dict[Text, list[tuple[Link, int]]] = {}
    for pid, p in sorted(cat.products.items(), key=lambda kv: kv[1].name):
        fam = Text(*cat.family_name(p.family, ctx.lang))
        out.setdefault(fam, []).append((Link(p.name, ctx.url(urls.product(pid))), len(cat.by_product.get(pid, []))))
    return sorted(out.items(), key=lambda kv: kv[0].value)


# ---- CVEs -----------------------------------------------------------------


@dataclass(slots=True)
class CveRow:
    cve: str
    bulletin: Link
    title: Text
    impact: Badge
    severity: Badge
    exploited: bool
    month: str
    products: str  # space-separated ids for the filter


def cve_years(catalog: Catalog) -> list[tuple[str, int]]:
    """(year, number of CVEs), newest first. One page per year keeps each page a readable size:
    a single index of every CVE was 12.8 MB per language at 3,000 bulletins."""
    return [(year, len(ids)) for year, ids in reversed(catalog.cves_by_year.items())]


@dataclass(slots=True)
class CveYear:
    year: Link
    count: int


def cve_years_view(ctx: PageCtx) -> list[CveYear]:
    return [CveYear(Link(y, ctx.url(urls.cves_year(y))), n) for y, n in cve_years(ctx.catalog)]


def cves_view(ctx: PageCtx, year: str | None = None) -> tuple[list[CveRow], Filters]:
    cat = ctx.catalog
    lang, source = ctx.lang, ctx.source_lang
    base = _url_base(ctx)
    badges: dict[str, Badge] = {}
    worsts: dict[str, Badge] = {}
    rows: list[CveRow] = []
    for cve, e, v, path, impact, worst, exploited, products in _cve_facts(cat, year):
        o = e.overlays.get(lang) if lang != source else None
        vt = o.vulnerabilities.get(cve) if o else None
        title = Text(vt.title, lang) if vt and vt.title else Text(v.title, source)
        ib = badges.get(impact) or badges.setdefault(impact, impact_badge(ctx, impact))
        sb = worsts.get(worst) or worsts.setdefault(worst, severity_badge(ctx, worst))
        rows.append(CveRow(cve, Link(e.id, base + path), title, ib, sb, exploited, e.release, products))
    # The filter lists each product and month once: split each distinct product list once.
    products = [p for ids in {r.products for r in rows} for p in ids.split()]
    return rows, filters(ctx, products, list({r.month for r in rows}))


_CveFacts = tuple[str, Entry, Any, str, str, str, bool, str]


def _cve_facts(cat: Catalog, year: str | None) -> list[_CveFacts]:
    """What a CVE row says in every language: (cve, entry, vulnerability, page path with the
    CVE's anchor, impact, worst severity, exploited, product ids). Kept on the catalog: each
    year's page asks for it in every language."""
    rank = cat.settings.severity_rank
    return cat.remembered(("cve rows", year), lambda: [
        (cve, e, v, urls.bulletin(e.id) + "#" + cve.lower(), str(v.impact), min(v.severity.values(), key=rank),
         # `unknown` is not a yes; exploitation found after release is
         v.exploited is True or v.exploited_since is not None, " ".join(v.severity))
        for cve in _cve_ids(cat, year) for e, v in cat.by_cve[cve]])


def _cve_ids(cat: Catalog, year: str | None) -> list[str]:
    """The CVEs of a year, in the catalog's order. ``by_cve`` is sorted by ID and the model
    admits only CVE-YYYY-NNNN IDs, so a year's CVEs are one run of it: found by bisection,
    instead of testing every CVE of the corpus on each year's page."""
    ids = list(cat.by_cve)
    if year is None:
        return ids
    return ids[bisect_left(ids, f"CVE-{year}-"):bisect_left(ids, f"CVE-{year}.")]  # "." sorts right after "-"


# ---- home -----------------------------------------------------------------


@dataclass(slots=True)
class HomeView:
    latest: ReleaseView | None
    next_patch_day: str
    next_patch_iso: str
    out_of_band: list[OobItem]
    data_links: list[Link]
    untranslated: list[str] = field(default_factory=list)


def home_view(ctx: PageCtx) -> HomeView:
    cat, t = ctx.catalog, ctx.t
    latest = cat.latest_release
    nxt = upcoming(cat.as_of, cat.settings.release, 1)[0]
    since = cat.as_of - OOB_WINDOW
    oob = []
    for e in reversed(cat.entries):
        if e.out_of_band and e.bulletin.released >= since:
            m = merge_bulletin(e.bulletin, e.overlays.get(ctx.lang), ctx.lang, ctx.source_lang)
            oob.append(OobItem(row(ctx, e), rich(m["out_of_band/reason"])))
    data = [
        *(Link(t(key), ctx.asset(path)) for key, path in urls.site_feeds(ctx.lang)),
        Link(t("calendar"), ctx.asset(f"calendar/{ctx.lang}.ics")),
        Link(t("json_api"), ctx.asset("api/v1/index.json")),
        Link(t("csaf"), ctx.asset(".well-known/csaf/provider-metadata.json")),
    ]
    return HomeView(
        latest=release_view(ctx, latest) if latest else None,
        next_patch_day=ctx.fmt.moment(nxt, cat.settings.release.timezone),
        next_patch_iso=nxt.isoformat(),
        out_of_band=oob,
        data_links=data,
    )
