"""The static JSON API under /api/v1/: no query parameters, one file per question.

Like Go's vuln.go.dev, any static host (even file://) can serve it. Every
file carries ``kind`` so one published JSON Schema (schema.json) can check
them all; see api_schema.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from patchday import remediation
from patchday.catalog import Catalog, Entry
from patchday import identity
from patchday.export import common, vex
from patchday.export.common import localizer, scores, stamp
from patchday.export.csaf.document import document_path
from patchday.export.labels import label, severity_label
from patchday.render import urls
from patchday.model import Impact, Settings
from patchday.model.bulletin import Affected, Vulnerability

API = urls.API
VERSION = 1


def _head(kind: str) -> dict[str, Any]:
    return {"kind": kind, "api_version": VERSION, "schema": "schema.json"}


def _cvss(v: Vulnerability) -> list[dict[str, Any]]:
    return [{"version": s.version, "vector": s.vector, "base_score": s.base, "rating": s.severity} for s in scores(v)]


def _worst(v: Vulnerability, settings: Settings) -> str:
    """The CVE's highest severity over the products it affects."""
    return min(v.severity.values(), key=settings.severity_rank)


def _titles(e: Entry, catalog: Catalog) -> dict[str, str]:
    return {lang: localizer(e, lang, catalog.settings).get("title") for lang in catalog.settings.languages}


def summary(e: Entry, catalog: Catalog) -> dict[str, Any]:
    """The bulletin's line in index.json and its release file (the same dict inside ``common.memoized()``; never mutated)."""
    memo = common._memo
    if memo is None:
        return _summary(e, catalog)
    key = ("summary", id(e), id(catalog))
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _summary(e, catalog)
    return hit


def _summary(e: Entry, catalog: Catalog) -> dict[str, Any]:
    settings = catalog.settings
    return {
        "id": e.id,
        "title": e.bulletin.title,
        "titles": _titles(e, catalog),
        "severity": e.severity,
        "release": e.release,
        "released": stamp(e.bulletin.released),
        "last_updated": stamp(common.current_release(e, settings)),
        "revision": e.revision,
        "status": str(e.bulletin.status),
        "withdrawn": e.withdrawn,
        "out_of_band": e.out_of_band,
        "exploited": e.exploited,
        "publicly_disclosed": e.publicly_disclosed,
        "cves": e.cves,
        "products": e.products,
        "updates": e.updates,
        # Site-relative paths so the API also works from a mirror or file://; absolute ones for tools.
        "path": common.bulletin_path(e.id, settings.source_language, settings),
        "paths": {lang: common.bulletin_path(e.id, lang, settings) for lang in settings.languages},
        "url": common.absolute(common.bulletin_path(e.id, settings.source_language, settings), settings),
        "json": f"bulletins/{e.id}.json",
        "csaf": common.absolute(document_path(e), settings),
        # Scanners look a CVE up here (cves/<CVE>.json) and read the bulletin's VEX document; a withdrawn one has none.
        "vex": None if e.withdrawn else common.absolute(vex.path(e), settings),
    }


def _labels(catalog: Catalog) -> dict[str, dict[str, str]]:
    keys = [*catalog.settings.severities, *(str(i) for i in Impact)]
    settings = catalog.settings
    return {lang: {**{k: label(lang, k) for k in keys}, **{k: severity_label(settings, lang, k) for k in settings.severities}}
            for lang in settings.languages}


def index(catalog: Catalog) -> dict[str, Any]:
    settings = catalog.settings
    return {
        **_head("index"),
        "vendor": settings.vendor,
        "site": common.base_url(settings) + "/",
        "languages": settings.languages,
        "severities": settings.severities,
        "labels": _labels(catalog),
        "counts": {
            "bulletins": len(catalog.entries),
            "cves": len(catalog.by_cve),
            "releases": len(catalog.releases),
            "products": len(catalog.products),
        },
        "bulletins": [summary(e, catalog) for e in catalog.entries],
    }


def _release_totals(catalog: Catalog, month: str) -> dict[str, Any]:
    rel = catalog.releases[month]
    severities = {s: 0 for s in catalog.settings.severities}
    for e in rel.entries:
        if not e.withdrawn:
            severities[e.severity] = severities.get(e.severity, 0) + 1
    return {
        "bulletins": len(rel.entries),
        "withdrawn": sum(1 for e in rel.entries if e.withdrawn),
        "out_of_band": len(rel.out_of_band),
        "cves": rel.cve_count,  # the catalog's rule: CVEs of bulletins that are not withdrawn
        "severities": severities,
    }


def release_index(catalog: Catalog) -> dict[str, Any]:
    return {
        **_head("release-index"),
        "releases": [
            {
                "month": month,
                "patch_day": stamp(rel.patch_day),
                "totals": _release_totals(catalog, month),
                "path": common.release_path(month, catalog.settings.source_language, catalog.settings),
                "json": f"releases/{month}.json",
            }
            for month, rel in catalog.releases.items()
        ],
    }


def release(catalog: Catalog, month: str) -> dict[str, Any]:
    rel = catalog.releases[month]
    return {
        **_head("release"),
        "month": month,
        "patch_day": stamp(rel.patch_day),
        "totals": _release_totals(catalog, month),
        "path": common.release_path(month, catalog.settings.source_language, catalog.settings),
        "bulletins": [summary(e, catalog) for e in rel.entries],
    }


def bulletin(catalog: Catalog, e: Entry) -> dict[str, Any]:
    settings = catalog.settings
    b = e.bulletin
    locs = {lang: localizer(e, lang, settings) for lang in settings.languages}
    vulns = []
    for v in b.vulnerabilities:
        vulns.append(
            {
                "cve": v.cve,
                "title": v.title,
                "titles": {lang: loc.get(f"vulnerabilities/{v.cve}/title") for lang, loc in locs.items()},
                "impact": str(v.impact),
                "cwe": v.cwe,
                "severity": dict(sorted(v.severity.items())),
                "cvss": _cvss(v),
                "publicly_disclosed": v.publicly_disclosed,
                "exploited": v.exploited,
                "exploited_since": v.exploited_since.isoformat() if v.exploited_since else None,
                "description": v.description,
                "mitigating_factors": v.mitigating_factors,
                "workarounds": [{"key": w.key, "text": w.text, "impact": w.impact, "undo": w.undo} for w in v.workarounds],
                "faq": [{"key": f.key, "question": f.question, "answer": f.answer} for f in v.faq],
                "acknowledgments": [a.model_dump(mode="json") for a in v.acknowledgments],
            }
        )
    return {
        **_head("bulletin"),
        **summary(e, catalog),
        "summary": b.summary,
        "summaries": {lang: loc.get("summary") for lang, loc in locs.items()},
        "translations": {lang: str(loc.state) for lang, loc in locs.items() if lang != settings.source_language},
        "out_of_band_reason": b.out_of_band.reason if b.out_of_band else None,
        "legacy": b.legacy,
        "superseded_by": remediation.superseded_by(catalog, e.id),
        "withdrawal": b.withdrawn.model_dump(mode="json") if b.withdrawn else None,
        "affected": [
            {
                "product": r.product,
                "versions": r.versions,
                "severity": r.severity,
                "impact": str(r.impact),
                "update": _update(catalog, e, r) if r.update else None,
                "no_fix": r.no_fix.model_dump(mode="json") if r.no_fix else None,
                "superseded_by": remediation.row_superseded_by(catalog, e.id, r),
            }
            for r in b.affected
        ],
        "not_affected": [
            {"product": r.product, "versions": r.versions,
             "justification": str(r.justification) if r.justification else None, "impact_statement": r.impact_statement}
            for r in b.not_affected
        ],
        "vulnerabilities": vulns,
        "references": [r.model_dump(mode="json") for r in b.references],
        "revisions": [
            {"version": rev.version, "date": rev.date.isoformat(), "moment": stamp(moment), "summary": rev.summary}
            for rev, moment in common.revision_moments(b, settings)
        ],
    }


def _update(catalog: Catalog, e: Entry, r: Affected) -> dict[str, Any]:
    """The record's update, with the fixed build's CPE / PURL as stated or derived (identity.py)."""
    assert r.update is not None
    ids = common.fixed_ids(catalog, e, r.product, r.update.fixed)
    return {**r.update.model_dump(mode="json"), "fixed_cpe": ids.cpe, "fixed_purl": ids.purl}


def product_index(catalog: Catalog) -> dict[str, Any]:
    return {
        **_head("product-index"),
        "families": [{"id": f.id, "name": f.name} for f in catalog.families.values()],
        "products": [
            {
                "id": p.id,
                "name": p.name,
                "family": p.family,
                "versions": [{"id": v.id, "name": v.name, "cpe": v.cpe, "purl": v.purl} for v in p.versions],
                "bulletins": len(catalog.by_product.get(p.id, [])),
                "json": f"products/{p.id}.json",
            }
            for p in catalog.products.values()
        ],
    }


def _stating(catalog: Catalog) -> dict[str, list[Entry]]:
    """Per product, the bulletins with a row (affected or not) for it, in release order: one pass per build."""
    memo = common._memo
    key = ("stating", id(catalog))
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    out: dict[str, list[Entry]] = {}
    for e in catalog.entries:
        for pid in dict.fromkeys(r.product for r in [*e.bulletin.affected, *e.bulletin.not_affected]):
            out.setdefault(pid, []).append(e)
    if memo is not None:
        memo[key] = out
    return out


def _via(catalog: Catalog, via: remediation.Via | None) -> dict[str, Any] | None:
    if via is None:
        return None
    v = catalog.version(via.product, via.version)
    return {"product": via.product, "version": via.version, "relation": via.relation, "name": v.name if v else via.version}


def _status(catalog: Catalog, st: remediation.Status) -> dict[str, Any]:
    """The one answer (remediation.status) as JSON: what applies, what to install in order, what has no fix."""
    return {
        "bulletins": st.bulletins,
        "install": [
            {"bulletin": i.bulletin, "released": stamp(i.released), "product": i.product, "version": i.version,
             "component": _via(catalog, i.via), "resolves": i.resolves, **i.update.model_dump(mode="json")}
            for i in st.install
        ],
        "no_fix": [
            {"bulletin": o.bulletin, "released": stamp(o.released), "product": o.product, "version": o.version,
             "component": _via(catalog, o.via), "kind": o.kind, "reason": o.reason}
            for o in st.open
        ],
    }


def product(catalog: Catalog, product_id: str) -> dict[str, Any]:
    """Per version: every bulletin that states it (its own and its components'), and what to install."""
    settings = catalog.settings
    p = catalog.products[product_id]
    today = catalog.as_of.astimezone(common.UTC).date()
    rows: dict[str, list[dict[str, Any]]] = {v.id: [] for v in p.versions}
    for e in _stating(catalog).get(p.id, []):
        released = stamp(e.bulletin.released)
        if e.withdrawn:  # listed as withdrawn, so a reader sees why it no longer counts
            for r in e.bulletin.affected:
                if r.product != p.id:
                    continue
                row = {"bulletin": e.id, "status": "affected", "severity": r.severity, "impact": str(r.impact),
                       "cves": [x.cve for x in e.bulletin.vulnerabilities if p.id in x.severity], "withdrawn": True,
                       "released": released, "component": None,
                       "update": _update(catalog, e, r) if r.update else None,
                       "no_fix": r.no_fix.model_dump(mode="json") if r.no_fix else None}
                for vid in dict.fromkeys(r.versions):
                    if vid in rows:
                        rows[vid].append(row)
        for r in e.bulletin.not_affected:
            if r.product != p.id:
                continue
            row = {"bulletin": e.id, "status": "not_affected", "withdrawn": e.withdrawn, "released": released}
            for vid in dict.fromkeys(r.versions):
                if vid in rows:
                    rows[vid].append(row)
    statuses = {v.id: remediation.status(catalog, p.id, v.id) for v in p.versions}
    for vid, st in statuses.items():
        cves: dict[tuple[str, str], list[str]] = {}
        for a in st.applies:
            key = (a.entry.id, a.product)
            if key not in cves:
                cves[key] = [x.cve for x in a.entry.bulletin.vulnerabilities if a.product in x.severity]
            rows[vid].append({
                "bulletin": a.entry.id,
                "status": "affected",
                "severity": a.row.severity,
                "impact": str(a.row.impact),
                "cves": cves[key],
                "withdrawn": False,
                "released": stamp(a.entry.bulletin.released),
                "component": _via(catalog, a.via),
                "update": a.row.update.model_dump(mode="json") if a.row.update else None,
                "no_fix": a.row.no_fix.model_dump(mode="json") if a.row.no_fix else None,
            })
        rows[vid].sort(key=lambda r: r["released"])
    versions = []
    for v in p.versions:
        st = statuses[v.id]
        own = [i for i in st.install if i.via is None]
        versions.append({
            "id": v.id,
            "name": v.name,
            "platforms": v.platforms,
            "released": v.released.isoformat() if v.released else None,
            "supported_until": v.supported_until.isoformat() if v.supported_until else None,
            "supported": v.supported_on(today),
            "cpe": v.cpe,
            "part_of": [{"product": x.product, "versions": x.versions, "relation": x.relation} for x in v.part_of],
            "purl": v.purl,
            "bulletins": rows[v.id],
            "status": _status(catalog, st),
            # Kept for clients of the first API: the newest update of the version itself, and the
            # bulletins without a fix. `status.install` is the list to install.
            "latest_update": ({"bulletin": own[-1].bulletin, "released": stamp(own[-1].released),
                               **own[-1].update.model_dump(mode="json")} if own else None),
            "unfixed": st.unfixed,
        })
    return {
        **_head("product"),
        "id": p.id,
        "name": p.name,
        "family": p.family,
        "url": p.url,
        "updates": p.updates,
        "path": common.product_path(p.id, settings.source_language, settings),
        "versions": versions,
    }


def cves(catalog: Catalog) -> dict[str, Any]:
    """The CVE index: how many CVEs each year of the identifier has, and its file.

    One file of every CVE grew with the corpus past what hosts take for one file (17.7 MB
    at 3,000 bulletins, about 36 MB compact at 10,000, over Cloudflare's 25 MiB), so the
    list is split by the identifier's year, as the CVE pages are.
    """
    years = catalog.cves_by_year
    return {
        **_head("cves"),
        "count": sum(len(ids) for ids in years.values()),
        "years": [{"year": y, "count": len(ids), "path": f"cves/{y}.json"} for y, ids in years.items()],
    }


def cves_of_year(catalog: Catalog, year: str) -> dict[str, Any]:
    """CVE -> the bulletins that cover it, for the CVE ids of one year."""
    out = {
        cve_id: [
            {
                "bulletin": e.id,
                "title": v.title,
                "severity": _worst(v, catalog.settings),
                "products": sorted(v.severity),
                "exploited": v.exploited,
                "withdrawn": e.withdrawn,
                "release": e.release,
                "cvss": _cvss(v),
            }
            for e, v in catalog.by_cve[cve_id]
        ]
        for cve_id in catalog.cves_by_year[year]
    }
    return {**_head("cves-year"), "year": year, "count": len(out), "cves": out}


def cve(catalog: Catalog, cve_id: str) -> dict[str, Any]:
    """One CVE: each bulletin that covers it and, per product it affects, the update that fixes it.

    The question a scanner or patch tool starts from ("CVE-2026-21001 was found here:
    what do I install?") in one small request, instead of the whole ``cves.json``
    (17.7 MB at 3,000 bulletins) and then a bulletin.
    """
    settings = catalog.settings
    anchor = "#" + cve_id.lower()  # the CVE's section on the bulletin page
    out = []
    for e, v in catalog.by_cve[cve_id]:
        s = summary(e, catalog)
        out.append({
            "bulletin": e.id,
            "title": v.title,
            "titles": {lang: localizer(e, lang, settings).get(f"vulnerabilities/{v.cve}/title") for lang in settings.languages},
            "severity": _worst(v, settings),
            "impact": str(v.impact),
            "cwe": v.cwe,
            "cvss": _cvss(v),
            "exploited": v.exploited,
            "publicly_disclosed": v.publicly_disclosed,
            "withdrawn": e.withdrawn,
            "release": e.release,
            "released": s["released"],
            "last_updated": s["last_updated"],
            "path": s["path"] + anchor,
            "paths": {lang: path + anchor for lang, path in s["paths"].items()},
            "url": s["url"] + anchor,
            "json": s["json"],
            "csaf": s["csaf"],
            "vex": s["vex"],
            "fixes": [
                {
                    "product": r.product,
                    "versions": r.versions,
                    "severity": v.severity[r.product],
                    "update": _update(catalog, e, r) if r.update else None,
                    "no_fix": r.no_fix.model_dump(mode="json") if r.no_fix else None,
                }
                for r in e.bulletin.affected
                if r.product in v.severity
            ],
        })
    return {**_head("cve"), "id": cve_id, "bulletins": out}


def files(catalog: Catalog) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every API file as (site-relative path, JSON value), schema included, made one at a time.

    A generator: the writer serialises and writes each file before the next is made, so the
    per-bulletin and per-CVE documents (about 30,000 at 3,000 bulletins) are never all in memory.
    """
    from patchday.export.api_schema import schema

    yield f"{API}index.json", index(catalog)
    yield f"{API}releases/index.json", release_index(catalog)
    yield f"{API}products/index.json", product_index(catalog)
    index_of_cves = cves(catalog)
    yield f"{API}cves.json", index_of_cves
    for y in index_of_cves["years"]:
        yield f"{API}{y['path']}", cves_of_year(catalog, y["year"])
    yield f"{API}schema.json", schema(common.absolute(f"{API}schema.json", catalog.settings))
    for month in catalog.releases:
        yield f"{API}releases/{month}.json", release(catalog, month)
    for e in catalog.entries:
        yield urls.api_bulletin(e.id), bulletin(catalog, e)  # the path the bulletin page links to
    for pid in catalog.products:
        yield f"{API}products/{pid}.json", product(catalog, pid)
    for cve_id in catalog.by_cve:
        yield f"{API}cves/{cve_id}.json", cve(catalog, cve_id)
