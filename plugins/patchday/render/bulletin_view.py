"""The bulletin page as a view-model: everything the template shows, already localised."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace

from patchday.catalog import Entry, scores
from patchday.model import Status
from patchday.model.bulletin import CVSS
from patchday.render import urls
from patchday.render.context import PageCtx
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


@dataclass(frozen=True, slots=True)
class Badge:
    """A severity or impact as key (for CSS/filters) and label (for people)."""

    key: str
    label: str


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
    cwe: list[str]
    scores: list[Score]
    publicly_disclosed: bool
    exploited: bool
    description: Rich
    mitigating_factors: Rich | None
    workarounds: list[Workaround]
    faq: list[Faq]
    acknowledgments: list[Link]


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
    english_url: str | None
    alternates: list[tuple[str, str, str]]
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title)


@lru_cache(maxsize=65536)
def _scores(cvss: CVSS) -> tuple:
    # CVSS parsing costs ~1 ms; the same vector is shown in every language.
    return tuple(scores(SimpleNamespace(cvss=cvss)))  # type: ignore[arg-type]  # scores() reads only .cvss


_SCORE_TEXTS: dict[tuple[str, float], str] = {}


def _score_texts(ctx: PageCtx, cvss: CVSS) -> list[Score]:
    """Scores as shown in the page's language; Babel's number formatting is slow, and there are only ~100 scores."""
    out = []
    for s in _scores(cvss):
        key = (ctx.lang, s.base)
        text = _SCORE_TEXTS.get(key)
        if text is None:
            text = _SCORE_TEXTS[key] = ctx.fmt.score(s.base)
        out.append(Score(s.version, s.vector, text, _rating(ctx, s.severity)))
    return out


def _rating(ctx: PageCtx, rating: str) -> str:
    key = f"cvss.{rating.lower()}"
    return ctx.t(key) if ctx.t.has(key) else rating


def severity_badge(ctx: PageCtx, key: str) -> Badge:
    return Badge(key, ctx.t(f"sev.{key}") if ctx.t.has(f"sev.{key}") else key)


def impact_badge(ctx: PageCtx, key: str) -> Badge:
    return Badge(key, ctx.t(f"impact.{key}"))


def _product_link(ctx: PageCtx, pid: str) -> Link:
    p = ctx.catalog.products.get(pid)
    return Link(p.name if p else pid, ctx.url(urls.product(pid)) if p else None)


def _versions(ctx: PageCtx, pid: str, ids: list[str]) -> list[str]:
    return [(v.name if (v := ctx.catalog.version(pid, i)) else i) for i in ids]


def _bulletin_link(ctx: PageCtx, bid: str) -> Link:
    return Link(bid, ctx.url(urls.bulletin(bid)) if bid in ctx.catalog.by_id else None)


def bulletin_view(ctx: PageCtx, e: Entry) -> BulletinView:
    b = e.bulletin
    t, fmt = ctx.t, ctx.fmt
    m: Merged = merge_bulletin(b, e.overlays.get(ctx.lang), ctx.lang, ctx.source_lang)
    rows = []
    for r in b.affected:
        u = r.update
        rows.append(AffectedRow(
            product=_product_link(ctx, r.product),
            versions=_versions(ctx, r.product, r.versions),
            severity=severity_badge(ctx, r.severity),
            impact=impact_badge(ctx, str(r.impact)),
            update=Link(u.id, u.url) if u else None,
            fixed=u.fixed if u else None,
            restart=t(f"restart.{u.restart}") if u else None,
            supersedes=[_bulletin_link(ctx, s) for s in u.supersedes] if u else [],
            no_fix=rich(Text(r.no_fix.reason, ctx.source_lang)) if r.no_fix else None,
            planned=r.no_fix.planned if r.no_fix else None,
        ))
    vulns = []
    for v in b.vulnerabilities:
        base = f"vulnerabilities/{v.cve}"
        vulns.append(Vuln(
            cve=v.cve,
            anchor=v.cve.lower(),
            title=m[f"{base}/title"],
            impact=impact_badge(ctx, str(v.impact)),
            severities=[(_product_link(ctx, p).text, severity_badge(ctx, s)) for p, s in v.severity.items()],
            cwe=list(v.cwe),
            scores=_score_texts(ctx, v.cvss),
            publicly_disclosed=v.publicly_disclosed,
            exploited=v.exploited,
            description=rich(m[f"{base}/description"]),
            mitigating_factors=rich(m[f"{base}/mitigating_factors"]) if v.mitigating_factors else None,
            workarounds=[Workaround(rich(m[f"{base}/workarounds/{w.key}/text"]), rich(m[f"{base}/workarounds/{w.key}/impact"]),
                                    rich(m[f"{base}/workarounds/{w.key}/undo"])) for w in v.workarounds],
            faq=[Faq(m[f"{base}/faq/{f.key}/question"], rich(m[f"{base}/faq/{f.key}/answer"])) for f in v.faq],
            acknowledgments=[Link(", ".join(x for x in (a.name, a.organization) if x), a.url) for a in v.acknowledgments],
        ))
    toc = [("summary", t("summary")), ("affected-software", t("affected_software"))]
    toc += [(v.anchor, v.cve) for v in vulns]
    toc += [("references", t("references"))] if b.references else []
    toc += [("revisions", t("revisions"))]
    withdrawn = None
    if b.status is Status.WITHDRAWN and b.withdrawn is not None:
        withdrawn = (fmt.date(b.withdrawn.date), rich(m["withdrawn/reason"]))
    return BulletinView(
        id=b.id,
        lang=ctx.lang,
        title=m["title"],
        summary=rich(m["summary"]),
        severity=severity_badge(ctx, e.severity),
        impacts=[impact_badge(ctx, i) for i in e.impacts],
        released=fmt.date(b.released.astimezone(_zone(ctx))),
        last_updated=fmt.date(e.last_updated),
        revision=e.revision,
        release=Link(t("release", month=fmt.month(e.release)), ctx.url(urls.release(e.release))),
        exploited=e.exploited,
        publicly_disclosed=e.publicly_disclosed,
        draft=b.status not in (Status.FINAL, Status.WITHDRAWN),
        withdrawn=withdrawn,
        out_of_band=rich(m["out_of_band/reason"]) if b.out_of_band else None,
        rows=rows,
        not_affected=[(_product_link(ctx, n.product), _versions(ctx, n.product, n.versions)) for n in b.not_affected],
        vulns=vulns,
        references=[Link(r.title, r.url) for r in b.references],
        revisions=[Revision(r.version, fmt.date(r.date), m[f"revisions/{r.version}"]) for r in reversed(b.revisions)],
        untranslated=[t(f"field.{g}") for g in fallback_groups(m)],
        stale=bool(m.stale),
        english_url=None if ctx.lang == ctx.source_lang else ctx.url(ctx.path, ctx.source_lang),
        alternates=ctx.alternates(),
        toc=toc,
    )


def _zone(ctx: PageCtx):
    from zoneinfo import ZoneInfo

    return ZoneInfo(ctx.catalog.settings.release.timezone)
