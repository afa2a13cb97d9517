"""One CSAF 2.0 ``csaf_security_advisory`` per published bulletin, plus translations.

Pure functions of (entry, catalog[, lang]) returning plain dicts. Only public
fields are read; the bulletin's ``internal`` block is never touched.
"""

from __future__ import annotations

from typing import Any

import patchday
from patchday import remediation
from patchday.catalog import Catalog, Entry
from patchday.export import common
from patchday.export.common import Localizer, csaf_filename, localizer
from patchday.export.csaf.facts import NoFix, VendorFix, VulnFacts, facts
from patchday.export.labels import label, severity_label, words
from patchday.model import Settings

CSAF_BASE = ".well-known/csaf"
TLP_DIR = "white"  # CSAF 2.0 uses TLP 1.0 labels: WHITE, not CLEAR
TLP_URL = "https://www.first.org/tlp/"


def tracking_id(e: Entry, lang: str | None = None) -> str:
    # §9.1.9 allows original id + language for translations; never the id as a suffix.
    return e.id if lang is None else f"{e.id}-{lang}"


def document_path(e: Entry, lang: str | None = None) -> str:
    """Site-relative path: year folder = year of initial_release_date (as written, UTC)."""
    year = common.initial_release(e).year
    return f"{CSAF_BASE}/{TLP_DIR}/{year}/{csaf_filename(tracking_id(e, lang))}"


def _vulnerability(f: VulnFacts, loc: Localizer, settings: Settings) -> dict[str, Any]:
    w = words(loc.lang)
    get = loc.get
    v = f.v
    notes = [{"category": "description", "title": w["description"], "text": get(f.description)}]
    notes += [{"category": "faq", "title": get(question), "text": get(answer)} for question, answer in f.faq]
    notes += f.score_notes
    notes += [{"category": "other", "title": w["csaf.cwe_more"], "text": text} for text in f.more_cwes]

    remediations: list[dict[str, Any]] = []
    for r in f.remediations:
        if isinstance(r, VendorFix):
            details = w["remedy.install"].format(update=r.update, fixed=r.fixed) if r.fixed else w["remedy.install_kb"].format(update=r.update)
            if r.restart_unknown:
                details += " " + w["remedy.restart_maybe"]
            remediations.append({**r.frame, "details": details})
        elif isinstance(r, NoFix):
            remediations.append({"category": r.frame["category"], "details": get(r.key), "product_ids": r.frame["product_ids"]})
    for text, cost, undo in f.workarounds:
        details = f"{get(text)}\n\n{w['workaround_impact']}: {get(cost)}\n\n{w['workaround_undo']}: {get(undo)}"
        remediations.append({"category": "workaround", "details": details, "product_ids": f.affected})
    if f.mitigation:
        remediations.append({"category": "mitigation", "details": get(f.mitigation), "product_ids": f.affected})

    impact = f"{w.get(v.impact) or str(v.impact)}. {w['severity']}: "
    threats: list[dict[str, Any]] = [
        {"category": "impact", "details": impact + severity_label(settings, loc.lang, sev), "product_ids": ids} for sev, ids in f.impacts
    ]
    def said(value: bool | str) -> str:  # `unknown` is said as such, never turned into yes or no
        return w["not_stated"] if value == "unknown" else w["yes"] if value is True else w["no"]

    exploited = said(v.exploited)
    if v.exploited_since is not None:
        exploited = f"{w['yes']} ({w['csaf.since'].format(date=v.exploited_since.isoformat())})"
    threat: dict[str, Any] = {
        "category": "exploit_status",
        "details": f"{w['exploited']}: {exploited}. {w['disclosed']}: {said(v.publicly_disclosed)}.",
        "product_ids": f.affected,
    }
    if v.exploited_since is not None:
        threat["date"] = f"{v.exploited_since.isoformat()}T00:00:00Z"  # the day exploitation became known
    threats.append(threat)
    return {**f.frame, "title": get(f.title), "notes": notes, "remediations": remediations, "threats": threats}


def _document(e: Entry, catalog: Catalog, lang: str | None) -> dict[str, Any]:
    settings = catalog.settings
    doc_lang = lang or settings.source_language
    loc = localizer(e, doc_lang, settings)
    b = e.bulletin
    shared = facts(e, catalog)
    history = []
    for rev in shared.revisions:
        item = {"date": rev.date, "number": rev.number, "summary": loc.get(f"revisions/{rev.version}")}
        if rev.legacy:
            item["legacy_version"] = rev.version
        history.append(item)

    notes = [{"category": "summary", "title": label(doc_lang, "summary"), "text": loc.get("summary")}]
    if b.out_of_band is not None:
        notes.append({"category": "general", "title": label(doc_lang, "out_of_band"), "text": loc.get("out_of_band/reason")})
    if b.withdrawn is not None:
        # CSAF 2.0 has no withdrawn status (2.1 adds csaf_withdrawn); say it in a note readers and tools can see.
        notes.append({"category": "general", "title": label(doc_lang, "withdrawn"), "text": loc.get("withdrawn/reason")})

    self_url = common.absolute(document_path(e, lang), settings)
    references: list[dict[str, str]] = []
    if lang is not None:
        # §9.1.9: the original advisory is the first reference of a translation.
        references.append({"category": "external", "summary": label(doc_lang, "csaf.original"), "url": common.absolute(document_path(e), settings)})
    references += [
        {"category": "self", "summary": f"{tracking_id(e, lang)} (CSAF)", "url": self_url},
        {"category": "self", "summary": label(doc_lang, "csaf.html"), "url": common.absolute(common.bulletin_path(e.id, doc_lang, settings), settings)},
        {"category": "external", "summary": label(doc_lang, "calendar.release", vendor=settings.vendor, month=e.release),
         "url": common.absolute(common.release_path(e.release, doc_lang, settings), settings)},
    ]
    # Supersedence both ways, to published bulletins only: a reader of the older document learns
    # that a newer update replaced it, and the newer one links what it replaces.
    older = dict.fromkeys(s for r in b.affected if r.update for s in r.update.supersedes if s in catalog.by_id)
    for key, ids in (("remedy.supersedes", older), ("remedy.superseded_by", remediation.superseded_by(catalog, e.id))):
        for other in ids:
            references.append({"category": "external", "summary": label(doc_lang, key, id=other),
                               "url": common.absolute(document_path(catalog.by_id[other]), settings)})
    # The bulletin's own references, titled in the document's language where translated.
    references += [{**r, "summary": loc.get(f"references/{r['url']}") or r["summary"]} for r in shared.references]

    document: dict[str, Any] = {
        "category": "csaf_security_advisory",
        "csaf_version": "2.0",
        "lang": doc_lang,
        "title": loc.get("title"),
        "publisher": {
            "category": "translator" if lang is not None else "vendor",
            "name": settings.vendor,
            "namespace": settings.csaf_namespace,
        },
        "distribution": {"tlp": {"label": "WHITE", "url": TLP_URL}},
        "aggregate_severity": {"text": severity_label(settings, doc_lang, e.severity)},
        "notes": notes,
        "references": references,
        "tracking": {
            "id": tracking_id(e, lang),
            "status": "final",
            "version": shared.revisions[-1].number if shared.revisions else "1",
            "revision_history": history,
            "initial_release_date": shared.initial_release,
            "current_release_date": shared.current_release,
            "generator": {"engine": {"name": "patchday", "version": patchday.__version__}},
        },
    }
    if lang is not None:
        document["source_lang"] = settings.source_language
    return {
        "document": document,
        "product_tree": shared.product_tree,
        "vulnerabilities": [_vulnerability(f, loc, settings) for f in shared.vulnerabilities],
    }


def advisory(e: Entry, catalog: Catalog) -> dict[str, Any]:
    """The English (source language) CSAF document of a bulletin."""
    return _document(e, catalog, None)


def translation_languages(e: Entry, catalog: Catalog) -> list[str]:
    """Languages that get a translation document: only when every required one is fresh (state ok)."""
    settings = catalog.settings
    if not settings.csaf_translations:
        return []
    targets = [lang for lang in settings.required_languages if lang != settings.source_language]
    if not targets or not all(common.fully_translated(e, lang) for lang in targets):
        return []
    return [lang for lang in settings.languages[1:] if common.fully_translated(e, lang)]


def translation(e: Entry, catalog: Catalog, lang: str) -> dict[str, Any]:
    """A CSAF translator document (§9.1.9): own tracking id, lang + source_lang, category translator."""
    return _document(e, catalog, lang)


def documents(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Every CSAF document of the catalog by site-relative path, originals and translations."""
    out: dict[str, dict[str, Any]] = {}
    for e in catalog.entries:
        out[document_path(e)] = advisory(e, catalog)
        for lang in translation_languages(e, catalog):
            out[document_path(e, lang)] = translation(e, catalog, lang)
    return dict(sorted(out.items()))
