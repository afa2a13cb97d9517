"""One CSAF 2.0 ``csaf_security_advisory`` per published bulletin, plus translations.

Pure functions of (entry, catalog[, lang]) returning plain dicts. Only public
fields are read; the bulletin's ``internal`` block is never touched.
"""

from __future__ import annotations

import re
from typing import Any

import patchday
from patchday.catalog import Catalog, Entry
from patchday.export import common
from patchday.export.common import Localizer, csaf_filename, localizer, scores, stamp
from patchday.export.csaf import cwe
from patchday.export.labels import label
from patchday.model.bulletin import Affected, Restart, Vulnerability

CSAF_BASE = ".well-known/csaf"
TLP_DIR = "white"  # CSAF 2.0 uses TLP 1.0 labels: WHITE, not CLEAR
TLP_URL = "https://www.first.org/tlp/"
_SEMVER = re.compile(r"^[1-9]\d*\.\d+(\.\d+)?$")


def tracking_id(e: Entry, lang: str | None = None) -> str:
    # §9.1.9 allows original id + language for translations; never the id as a suffix.
    return e.id if lang is None else f"{e.id}-{lang}"


def document_path(e: Entry, lang: str | None = None) -> str:
    """Site-relative path: year folder = year of initial_release_date (as written, UTC)."""
    year = common.initial_release(e).year
    return f"{CSAF_BASE}/{TLP_DIR}/{year}/{csaf_filename(tracking_id(e, lang))}"


def product_id(product: str, version: str) -> str:
    return f"{product}:{version}"


def fixed_id(product: str, fixed: str) -> str:
    return f"{product}:fixed:{fixed}"


def _versions(revisions: list[str]) -> tuple[list[str], bool]:
    """Map record revision numbers ("1.0", "1.1") to CSAF version_t.

    Semantic versioning ("1.0.0") keeps the numbers readers see on the page.
    If majors would skip a number (test 6.1.21) fall back to integer versions
    and keep the original as legacy_version.
    """
    majors = list(dict.fromkeys(int(r.split(".")[0]) for r in revisions))
    if all(_SEMVER.match(r) for r in revisions) and majors == list(range(1, len(majors) + 1)):
        return [r if r.count(".") == 2 else f"{r}.0" for r in revisions], False
    return [str(i + 1) for i in range(len(revisions))], True


def _product_tree(e: Entry, catalog: Catalog) -> dict[str, Any]:
    """The same for the original and every translation: made once per entry inside ``common.memoized()``."""
    memo = common._memo
    if memo is None:
        return _make_product_tree(e, catalog)
    key = ("product-tree", id(e), id(catalog))
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _make_product_tree(e, catalog)
    return hit  # type: ignore[no-any-return]


def _make_product_tree(e: Entry, catalog: Catalog) -> dict[str, Any]:
    wanted: dict[str, dict[str, None]] = {}
    fixes: dict[str, dict[str, None]] = {}
    for row in [*e.bulletin.affected, *e.bulletin.not_affected]:
        wanted.setdefault(row.product, {}).update(dict.fromkeys(row.versions))
        if isinstance(row, Affected) and row.update is not None:
            fixes.setdefault(row.product, {})[row.update.fixed] = None
    products = []
    # Catalogue order, so the tree reads like products.yaml and never depends on record order.
    for p in catalog.products.values():
        if p.id not in wanted:
            continue
        leaves = []
        for v in p.versions:
            if v.id not in wanted[p.id]:
                continue
            product: dict[str, Any] = {"name": v.name, "product_id": product_id(p.id, v.id)}
            if v.cpe:
                product["product_identification_helper"] = {"cpe": v.cpe}
            leaves.append({"category": "product_version", "name": v.id, "product": product})
        for fixed in fixes.get(p.id, {}):
            leaves.append(
                {
                    "category": "product_version",
                    "name": fixed,
                    "product": {"name": f"{p.name} {fixed}", "product_id": fixed_id(p.id, fixed)},
                }
            )
        products.append({"category": "product_name", "name": p.name, "branches": leaves})
    return {"branches": [{"category": "vendor", "name": catalog.settings.vendor, "branches": products}]}


def _restart(restart: Restart, lang: str) -> tuple[dict[str, str] | None, str]:
    if restart is Restart.YES:
        return {"category": "machine"}, ""
    if restart is Restart.NO:
        return {"category": "none"}, ""
    # CSAF has no "maybe": say it in words rather than claim either way.
    return None, " " + label(lang, "restart_maybe")


def _vulnerability(e: Entry, v: Vulnerability, i: int, loc: Localizer, catalog: Catalog) -> dict[str, Any]:
    lang = loc.lang
    key = f"vulnerabilities/{v.cve}"
    rows = [r for r in e.bulletin.affected if r.product in v.severity]
    affected = [product_id(r.product, ver) for r in rows for ver in r.versions]
    fixed = list(dict.fromkeys(fixed_id(r.product, r.update.fixed) for r in rows if r.update))
    not_affected = [product_id(r.product, ver) for r in e.bulletin.not_affected for ver in r.versions]
    status: dict[str, list[str]] = {"known_affected": affected}
    if fixed:
        status["fixed"] = fixed
    if not_affected:
        status["known_not_affected"] = not_affected

    notes = [{"category": "description", "title": label(lang, "description"), "text": loc.get(f"{key}/description")}]
    for f in v.faq:
        notes.append({"category": "faq", "title": loc.get(f"{key}/faq/{f.key}/question"), "text": loc.get(f"{key}/faq/{f.key}/answer")})
    for s in scores(v):
        if s.version == "4.0":  # CSAF 2.0 scores hold CVSS v2/v3 only; keep the v4 vector as a note
            notes.append({"category": "other", "title": "CVSS v4.0", "text": f"{s.vector} (base score {s.base}, {s.severity})"})
    for extra in v.cwe[1:]:  # CSAF 2.0 has one cwe per vulnerability
        name = cwe.name(extra)
        notes.append({"category": "other", "title": label(lang, "cwe_more"), "text": f"{extra}: {name}" if name else extra})

    remediations: list[dict[str, Any]] = []
    for r in rows:
        ids = [product_id(r.product, ver) for ver in r.versions]
        if r.update is not None:
            restart, extra_text = _restart(r.update.restart, lang)
            item: dict[str, Any] = {
                "category": "vendor_fix",
                "details": label(lang, "install", update=r.update.id, fixed=r.update.fixed) + extra_text,
                "product_ids": ids,
                "url": r.update.url,
            }
            if restart:
                item["restart_required"] = restart
            remediations.append(item)
        elif r.no_fix is not None:
            remediations.append(
                {
                    "category": "none_available" if r.no_fix.planned else "no_fix_planned",
                    "details": r.no_fix.reason,
                    "product_ids": ids,
                }
            )
    for w in v.workarounds:
        base = f"{key}/workarounds/{w.key}"
        details = (
            f"{loc.get(base + '/text')}\n\n{label(lang, 'workaround_impact')}: {loc.get(base + '/impact')}"
            f"\n\n{label(lang, 'workaround_undo')}: {loc.get(base + '/undo')}"
        )
        remediations.append({"category": "workaround", "details": details, "product_ids": affected})
    if v.mitigating_factors:
        remediations.append({"category": "mitigation", "details": loc.get(f"{key}/mitigating_factors"), "product_ids": affected})

    by_severity: dict[str, list[str]] = {}
    for r in rows:
        by_severity.setdefault(v.severity[r.product], []).extend(product_id(r.product, ver) for ver in r.versions)
    threats: list[dict[str, Any]] = [
        {
            "category": "impact",
            "details": f"{label(lang, str(v.impact))}. {label(lang, 'severity')}: {label(lang, sev)}",
            "product_ids": ids,
        }
        for sev, ids in sorted(by_severity.items(), key=lambda kv: catalog.settings.severity_rank(kv[0]))
    ]
    yn = lambda b: label(lang, "yes" if b else "no")  # noqa: E731
    threats.append(
        {
            "category": "exploit_status",
            "details": f"{label(lang, 'exploited')}: {yn(v.exploited)}. {label(lang, 'disclosed')}: {yn(v.publicly_disclosed)}.",
            "product_ids": affected,
        }
    )

    out: dict[str, Any] = {
        "cve": v.cve,
        "title": loc.get(f"{key}/title"),
        "notes": notes,
        "product_status": status,
        "remediations": remediations,
        "threats": threats,
        "release_date": stamp(e.bulletin.released),
        "references": [{"category": "external", "summary": v.cve, "url": f"https://www.cve.org/CVERecord?id={v.cve}"}],
    }
    if v.cwe and cwe.name(v.cwe[0]):
        out["cwe"] = {"id": v.cwe[0], "name": cwe.name(v.cwe[0])}
    v3 = [s for s in scores(v) if s.version.startswith("3")]
    if v3 and affected:
        s = v3[0]
        out["scores"] = [
            {
                "cvss_v3": {"version": "3.1", "vectorString": s.vector, "baseScore": s.base, "baseSeverity": s.severity.upper()},
                "products": affected,
            }
        ]
    if v.acknowledgments:
        acks = []
        for a in v.acknowledgments:
            ack: dict[str, Any] = {"names": [a.name]}
            if a.organization:
                ack["organization"] = a.organization
            if a.url:
                ack["urls"] = [a.url]
            acks.append(ack)
        out["acknowledgments"] = acks
    return out


def _document(e: Entry, catalog: Catalog, lang: str | None) -> dict[str, Any]:
    settings = catalog.settings
    doc_lang = lang or settings.source_language
    loc = localizer(e, doc_lang, settings)
    b = e.bulletin
    moments = common.revision_moments(b, settings)
    numbers, legacy = _versions([r.version for r, _ in moments])
    history = []
    for (rev, moment), number in zip(moments, numbers, strict=True):
        item = {"date": stamp(moment), "number": number, "summary": loc.get(f"revisions/{rev.version}")}
        if legacy:
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
        references.append({"category": "external", "summary": label(doc_lang, "original"), "url": common.absolute(document_path(e), settings)})
    references += [
        {"category": "self", "summary": f"{tracking_id(e, lang)} (CSAF)", "url": self_url},
        {"category": "self", "summary": label(doc_lang, "html"), "url": common.absolute(common.bulletin_path(e.id, doc_lang, settings), settings)},
        {"category": "external", "summary": label(doc_lang, "release", vendor=settings.vendor, month=e.release),
         "url": common.absolute(common.release_path(e.release, doc_lang, settings), settings)},
    ]
    references += [{"category": r.category, "summary": r.title, "url": r.url} for r in b.references]

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
        "aggregate_severity": {"text": label(doc_lang, e.severity)},
        "notes": notes,
        "references": references,
        "tracking": {
            "id": tracking_id(e, lang),
            "status": "final",
            "version": numbers[-1] if numbers else "1",
            "revision_history": history,
            "initial_release_date": stamp(common.initial_release(e)),
            "current_release_date": stamp(common.current_release(e, settings)),
            "generator": {"engine": {"name": "patchday", "version": patchday.__version__}},
        },
    }
    if lang is not None:
        document["source_lang"] = settings.source_language
    return {
        "document": document,
        "product_tree": _product_tree(e, catalog),
        "vulnerabilities": [_vulnerability(e, v, i, loc, catalog) for i, v in enumerate(b.vulnerabilities)],
    }


def advisory(e: Entry, catalog: Catalog) -> dict[str, Any]:
    """The English (source language) CSAF document of a bulletin."""
    return _document(e, catalog, None)


def translation_languages(e: Entry, catalog: Catalog) -> list[str]:
    """Languages that get a translation document: only when every required one is fresh (state ok)."""
    settings = catalog.settings
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
