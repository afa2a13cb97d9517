"""The bulletin page as a view-model: everything the page shows, already localised.

Built once per bulletin and language, 12,000 times at 3,000 bulletins: what
many pages repeat (CVSS scores, dates, badges) is cached per language and
value, never per bulletin, so a cache cannot go stale when `patchday serve`
swaps a record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_time, get_timezone_name

from patchday import remediation
from patchday.catalog import Entry, vector_scores
from patchday.export.common import current_release
from patchday.export.csaf import cwe as cwe_names
from patchday.export.csaf.document import document_path, translation_languages
from patchday.i18n import Formatter, Labels
from patchday.model import Status
from patchday.model.bulletin import CVSS
from patchday.render import urls
from patchday.render.context import LANGUAGE_NAMES, PageCtx
from patchday.render.markup import render
from patchday.translate.merge import Merged, Text, fallback_groups, merge_bulletin


@dataclass(frozen=True, slots=True)
class Rich:
    """Sanitised HTML from record Markdown, and the language it is written in."""

    html: str
    lang: str


def rich(t: Text) -> Rich:
    return Rich(render(t.value), t.lang)


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    url: str | None = None
    lang: str | None = None  # the text's language, when not the page's (an untranslated reference title)


@dataclass(frozen=True, slots=True)
class Moment:
    """An instant as the page prints it: machine-readable, and in the vendor's zone.

    ``localtime.js`` adds the reader's own time beside it; without JavaScript
    the vendor's time (with its zone named) is what the reader gets.
    """

    iso: str  # RFC 3339 in UTC: the <time datetime>
    text: str  # date and time in the vendor's release zone, zone named
    zone: str  # that IANA zone, so the script can skip readers already in it


@dataclass(frozen=True, slots=True)
class Cwe:
    """A weakness, named as the CSAF documents name it (in English), linked to MITRE's definition."""

    id: str
    name: str | None
    url: str


@dataclass(frozen=True, slots=True)
class Download:
    """A file of this bulletin or its products: CSAF per language, the API's JSON, product feeds."""

    kind: str  # csaf, json, feed
    text: str  # for csaf: the name of the document's language, in that language
    url: str
    lang: str | None = None  # hreflang of a document in one language
    type: str = ""  # its media type


@dataclass(frozen=True, slots=True)
class Badge:
    """A severity or impact as key (for CSS/filters) and label (for people)."""

    key: str
    label: str
    icon: str = ""  # the built-in icon (and colour) it is drawn with, when that is not its key


@dataclass(slots=True)
class AffectedRow:
    product: Link
    versions: list[str]
    severity: Badge
    impact: Badge
    update: Link | None
    fixed: str | None
    restart: str | None
    supersedes: list[Link]
    no_fix: Rich | None
    planned: bool | None
    no_fix_kind: str | None = None  # translated: fix in progress / no fix planned / end of support
    superseded_by: list[Link] = field(default_factory=list)  # later bulletins that replace this row's update


@dataclass(slots=True)
class Score:
    version: str
    vector: str
    score: str
    rating: str


@dataclass(slots=True)
class Workaround:
    text: Rich
    impact: Rich
    undo: Rich


@dataclass(slots=True)
class Faq:
    question: Text
    answer: Rich


@dataclass(slots=True)
class Vuln:
    cve: str
    anchor: str
    title: Text
    impact: Badge
    severities: list[tuple[str, Badge]]
    cwes: list[Cwe]  # named and linked as the CSAF documents name them
    scores: list[Score]
    publicly_disclosed: bool | str  # true, false or "unknown"
    exploited: bool | str
    description: Rich
    mitigating_factors: Rich | None
    workarounds: list[Workaround]
    faq: list[Faq]
    acknowledgments: list[Link]
    exploited_since: str | None = None  # localised date
    no_score: bool = False  # a legacy record without CVSS: said so, never invented
    links: tuple[Link, ...] = ()  # the CVE record and NVD


@dataclass(slots=True)
class Revision:
    version: str
    date: str
    summary: Text


@dataclass(slots=True)
class BulletinView:
    id: str
    lang: str
    title: Text
    summary: Rich
    severity: Badge
    impacts: list[Badge]
    released: str
    last_updated: str
    revision: str
    release: Link
    exploited: bool
    publicly_disclosed: bool
    draft: bool
    withdrawn: tuple[str, Rich] | None  # (date, reason)
    out_of_band: Rich | None
    rows: list[AffectedRow]
    not_affected: list[tuple[Link, list[str]]]
    vulns: list[Vuln]
    references: list[Link]
    revisions: list[Revision]
    untranslated: list[str]  # localised names of field groups shown in English
    stale: bool
    superseded_by: list[Link]
    english_url: str | None
    alternates: list[tuple[str, str, str]]
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title)
    released_at: Moment | None = None
    updated_at: Moment | None = None  # the current revision, the instant CSAF and the API state
    cve_count: int = 0
    downloads: list[Download] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _score_text(lang: str, base: float) -> str:
    return Formatter(lang).score(base)  # Babel: ~12 us; there are only ~100 distinct scores


def _score_texts(ctx: PageCtx, cvss: CVSS | None) -> list[Score]:
    if cvss is None:
        return []
    return [Score(s.version, s.vector, _score_text(ctx.lang, s.base), _rating(ctx.t, s.severity))
            for s in vector_scores(cvss.v3, cvss.v4)]


def _rating(t: Labels, rating: str) -> str:
    key = f"cvss.{rating.lower()}"
    return t(key) if t.has(key) else rating


@lru_cache(maxsize=65536)
def date_text(lang: str, day: dt.date) -> str:
    return Formatter(lang).date(day)  # Babel: ~8 us, several per page, a few thousand distinct dates per site


@lru_cache(maxsize=1024)
def _severity(lang: str, key: str) -> Badge:
    t = Labels(lang)
    return Badge(key, t(f"sev.{key}") if t.has(f"sev.{key}") else key)


@lru_cache(maxsize=1024)
def _impact(lang: str, key: str) -> Badge:
    return Badge(key, Labels(lang)(f"impact.{key}"))


def severity_badge(ctx: PageCtx, key: str) -> Badge:
    settings = ctx.catalog.settings
    if key not in settings.severity_levels:
        return _severity(ctx.lang, key)
    return Badge(key, settings.severity_label(key, ctx.lang) or _severity(ctx.lang, key).label, settings.severity_icon(key))


def impact_badge(ctx: PageCtx, key: str) -> Badge:
    return _impact(ctx.lang, key)


class _Products:
    """Product links and version names for one page; a product recurs in rows and per-CVE severities."""

    def __init__(self, ctx: PageCtx) -> None:
        self.ctx = ctx
        self.links: dict[str, Link] = {}
        self.names: dict[str, dict[str, str]] = {}

    def link(self, pid: str) -> Link:
        lk = self.links.get(pid)
        if lk is None:
            p = self.ctx.catalog.products.get(pid)
            lk = self.links[pid] = Link(p.name if p else pid, self.ctx.url(urls.product(pid)) if p else None)
        return lk

    def versions(self, pid: str, ids: list[str]) -> list[str]:
        names = self.names.get(pid)
        if names is None:
            p = self.ctx.catalog.products.get(pid)
            # reversed: the first version with an ID wins, as in Catalog.version
            names = self.names[pid] = {v.id: v.name for v in reversed(p.versions)} if p else {}
        return [names.get(i, i) for i in ids]


def _bulletin_link(ctx: PageCtx, bid: str) -> Link:
    return Link(bid, ctx.url(urls.bulletin(bid)) if bid in ctx.catalog.by_id else None)


def bulletin_view(ctx: PageCtx, e: Entry) -> BulletinView:
    b = e.bulletin
    t, fmt = ctx.t, ctx.fmt
    m: Merged = merge_bulletin(b, e.overlays.get(ctx.lang), ctx.lang, ctx.source_lang)
    products = _Products(ctx)
    later = remediation.superseded_by(ctx.catalog, b.id)
    rows = []
    for r in b.affected:
        u = r.update
        rows.append(AffectedRow(
            product=products.link(r.product),
            versions=products.versions(r.product, r.versions),
            severity=severity_badge(ctx, r.severity),
            impact=impact_badge(ctx, str(r.impact)),
            update=Link(u.id, u.url) if u else None,
            fixed=u.fixed if u else None,
            restart=t(f"restart.{u.restart}") if u else None,
            supersedes=[_bulletin_link(ctx, s) for s in u.supersedes] if u else [],
            no_fix=rich(m[f"no_fix/{r.product}/{r.versions[0]}"]) if r.no_fix else None,
            planned=r.no_fix.planned if r.no_fix else None,
            no_fix_kind=t(f"nofix.{remediation.no_fix_kind(ctx.catalog, r, b.released)}") if r.no_fix else None,
            superseded_by=[_bulletin_link(ctx, s) for s in remediation.row_superseded_by(ctx.catalog, b.id, r)] if u else [],
        ))
    vulns = []
    for v in b.vulnerabilities:
        base = f"vulnerabilities/{v.cve}"
        vulns.append(Vuln(
            cve=v.cve,
            anchor=v.cve.lower(),
            title=m[f"{base}/title"],
            impact=impact_badge(ctx, str(v.impact)),
            severities=[(products.link(p).text, severity_badge(ctx, s)) for p, s in v.severity.items()],
            cwes=[cwe_link(c) for c in v.cwe],
            scores=_score_texts(ctx, v.cvss),
            publicly_disclosed=v.publicly_disclosed,
            exploited=v.exploited,
            exploited_since=date_text(ctx.lang, v.exploited_since) if v.exploited_since else None,
            no_score=v.cvss is None,
            description=rich(m[f"{base}/description"]),
            mitigating_factors=rich(m[f"{base}/mitigating_factors"]) if v.mitigating_factors else None,
            workarounds=[Workaround(rich(m[f"{base}/workarounds/{w.key}/text"]), rich(m[f"{base}/workarounds/{w.key}/impact"]),
                                    rich(m[f"{base}/workarounds/{w.key}/undo"])) for w in v.workarounds],
            faq=[Faq(m[f"{base}/faq/{f.key}/question"], rich(m[f"{base}/faq/{f.key}/answer"])) for f in v.faq],
            acknowledgments=[Link(ctx.fmt.separator.join(x for x in (a.name, a.organization) if x), a.url)
                             for a in v.acknowledgments],
            links=cve_links(v.cve),
        ))
    toc = [("summary", t("summary")), ("affected-software", t("affected_software"))]
    toc += [(v.anchor, v.cve) for v in vulns]
    toc += [("references", t("references"))] if b.references else []
    toc += [("revisions", t("revisions"))]
    withdrawn = None
    if b.status is Status.WITHDRAWN and b.withdrawn is not None:
        withdrawn = (date_text(ctx.lang, b.withdrawn.date), rich(m["withdrawn/reason"]))
    return BulletinView(
        id=b.id,
        lang=ctx.lang,
        title=m["title"],
        summary=rich(m["summary"]),
        severity=severity_badge(ctx, e.severity),
        impacts=[impact_badge(ctx, i) for i in e.impacts],
        released=released_text(ctx, b.released),
        last_updated=date_text(ctx.lang, e.last_updated),
        revision=e.revision,
        release=Link(t("release", month=fmt.month(e.release)), ctx.url(urls.release(e.release))),
        exploited=e.exploited,
        publicly_disclosed=e.publicly_disclosed,
        draft=b.status not in (Status.FINAL, Status.WITHDRAWN),
        withdrawn=withdrawn,
        out_of_band=rich(m["out_of_band/reason"]) if b.out_of_band else None,
        rows=rows,
        not_affected=[(products.link(n.product), products.versions(n.product, n.versions)) for n in b.not_affected],
        vulns=vulns,
        references=[Link(x.value, r.url, x.lang if x.lang != ctx.lang else None)
                    for r in b.references for x in (m[f"references/{r.url}"],)],
        revisions=[Revision(r.version, date_text(ctx.lang, r.date), m[f"revisions/{r.version}"]) for r in reversed(b.revisions)],
        untranslated=[t(f"field.{g}") for g in fallback_groups(m)],
        stale=bool(m.stale),
        english_url=None if ctx.lang == ctx.source_lang else ctx.url(ctx.path, ctx.source_lang),
        alternates=ctx.alternates(),
        toc=toc,
        superseded_by=[_bulletin_link(ctx, s) for s in later],
        released_at=moment(ctx, b.released),
        updated_at=moment(ctx, current_release(e, ctx.catalog.settings)),
        cve_count=len(b.vulnerabilities),
        downloads=downloads(ctx, e),
    )


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def released_text(ctx: PageCtx, moment: dt.datetime) -> str:
    """A release moment as the date it was in the vendor's release time zone."""
    return date_text(ctx.lang, moment.astimezone(zone(ctx.catalog.settings.release.timezone)).date())


def moment(ctx: PageCtx, when: dt.datetime) -> Moment:
    zone_name = ctx.catalog.settings.release.timezone
    return _moment(ctx.lang, when.astimezone(dt.UTC), zone_name)


@lru_cache(maxsize=65536)
def _moment(lang: str, when: dt.datetime, zone_name: str) -> Moment:
    # "January 13, 2026, 10:00 AM (Pacific Standard Time)": the zone's name for that day, so
    # daylight saving time is said, not guessed by the reader.
    local = when.astimezone(zone(zone_name))
    joined = str(Locale.parse(lang).datetime_formats["medium"])  # "{1}, {0}" in English, "{1} {0}" in Japanese
    text = (joined.replace("{1}", date_text(lang, local.date())).replace("{0}", format_time(local, "short", locale=lang))
            + f" ({get_timezone_name(local, 'long', locale=lang)})")
    return Moment(when.strftime("%Y-%m-%dT%H:%M:%SZ"), text, zone_name)


def downloads(ctx: PageCtx, e: Entry) -> list[Download]:
    """What a customer's tools fetch for this bulletin, by the paths the exports write (never typed here)."""
    t = ctx.t
    csaf = [(ctx.source_lang, document_path(e))]
    csaf += [(lang, document_path(e, lang)) for lang in translation_languages(e, ctx.catalog)]
    # CSAF links are named by the document's language, in that language (marked as such on the page).
    out = [Download("csaf", LANGUAGE_NAMES.get(lang, lang), ctx.asset(path), lang, "application/json")
           for lang, path in csaf]
    out.append(Download("json", t("download_json"), ctx.asset(urls.api_bulletin(e.id)), None, "application/json"))
    for pid in dict.fromkeys(r.product for r in e.bulletin.affected):
        p = ctx.catalog.products.get(pid)
        if p is not None:
            out.append(Download("feed", t("feed_product", product=p.name), ctx.asset(urls.product_feed(ctx.lang, pid)),
                                None, "application/atom+xml"))
    return out


@lru_cache(maxsize=65536)
def cve_links(cve: str) -> tuple[Link, ...]:
    return (Link("CVE.org", f"https://www.cve.org/CVERecord?id={cve}"), Link("NVD", f"https://nvd.nist.gov/vuln/detail/{cve}"))


@lru_cache(maxsize=4096)
def cwe_link(cwe: str) -> Cwe:
    return Cwe(cwe, cwe_names.name(cwe), f"https://cwe.mitre.org/data/definitions/{cwe.removeprefix('CWE-')}.html")
