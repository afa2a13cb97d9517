"""One CSAF 2.0 ``csaf_vex`` document per published bulletin: the status of each of its CVEs in every product version.

What scanners (Trivy, Grype, ...) read to stop reporting what the vendor has fixed or
stated not affected. A CSAF VEX document may carry several vulnerabilities; one per
bulletin instead of one per CVE is about 48,000 fewer files (with their hashes) at 3,000
bulletins, and each document changes only with its own bulletin. Tools find a CVE's documents through the
ROLIE feed entries (which name the CVEs) and the API (``api/v1/cves/<CVE>.json``, ``vex``).
A CVE that several bulletins cover (a product fixed a month later) is in each of their
documents, each saying what that bulletin states. Per vulnerability:

* ``known_affected``: the versions of the affected rows of products the CVE rates, each
  with its remediation (the update as ``vendor_fix``, or ``none_available`` /
  ``no_fix_planned`` with the record's reason), as the VEX profile requires;
* ``fixed``: the fixed builds (``<product>:fixed:<build>``), with their CPE / PURL;
* ``known_not_affected``: the bulletins' ``not_affected`` rows, with the row's
  ``justification`` as a CSAF flag and its ``impact_statement`` as an impact threat
  (a row with neither gets an impact statement naming the bulletin that says so);
* ``under_investigation``: versions of a product the CVE rates that were supported when
  the bulletin was released and that it does not state.

The revision history is the bulletin's, so the document changes (and its feed entry is
updated) whenever the bulletin gets a revision. A withdrawn bulletin has none. English
(the source language) only. Pure: catalog in, dicts out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import patchday
from patchday.catalog import Catalog, Entry
from patchday import identity
from patchday.export import common
from patchday.export.common import csaf_filename, scores, stamp
from patchday.export.csaf import cwe
from patchday.export.csaf.document import TLP_URL, document_path
from patchday.export.csaf.facts import fixed_id, product_id
from patchday.export.labels import words
from patchday.model.bulletin import Restart, Vulnerability

VEX_DIR = ".well-known/csaf/vex/white/"
_RESTART = {Restart.YES: "machine", Restart.NO: "none"}


@dataclass(frozen=True, slots=True)
class Covering:
    entry: Entry
    vuln: Vulnerability


def covering(catalog: Catalog, cve: str) -> list[Covering]:
    """The published, non-withdrawn bulletins that cover ``cve``, in release order."""
    return [Covering(e, v) for e, v in catalog.by_cve.get(cve, []) if not e.withdrawn]


def cves(catalog: Catalog) -> list[str]:
    """CVEs that are in a VEX document (and get a CVE record): covered by a bulletin that is not withdrawn."""
    return [cve for cve in catalog.by_cve if covering(catalog, cve)]


def entries(catalog: Catalog) -> list[Entry]:
    """The bulletins that get a VEX document: published and not withdrawn."""
    return [e for e in catalog.entries if not e.withdrawn]


def tracking_id(e: Entry) -> str:
    # Unique beside the bulletin's own advisory (same publisher namespace, same number).
    return f"{e.id}-VEX"


def _history(cov: list[Covering], catalog: Catalog) -> list[tuple[dt.datetime, str]]:
    rows: list[tuple[dt.datetime, str, str, str]] = []
    for c in cov:
        e = c.entry
        moments = common.revision_moments(e.bulletin, catalog.settings)
        if not moments:  # a preview of a record without revisions
            rows.append((common.initial_release(e), e.id, "", f"{e.id}: published."))
        for rev, moment in moments:
            rows.append((moment, e.id, rev.version, f"{e.id} revision {rev.version}: {rev.summary}"))
    rows.sort(key=lambda r: (r[0], r[1], tuple(int(x) for x in r[2].split(".")) if r[2] else ()))
    return [(moment, text) for moment, _, _, text in rows]


def path(e: Entry) -> str:
    """Site-relative path: year folder = year of the bulletin's initial release (UTC), as for its advisory."""
    return f"{VEX_DIR}{common.initial_release(e).year}/{csaf_filename(tracking_id(e))}"


def _tree(catalog: Catalog, wanted: dict[str, dict[str, None]], fixes: dict[str, dict[str, identity.Ids]]) -> dict[str, Any]:
    products = []
    for p in catalog.products.values():  # catalogue order, as in the advisories
        if p.id not in wanted and p.id not in fixes:
            continue
        leaves = []
        for v in p.versions:
            if v.id not in wanted.get(p.id, {}):
                continue
            product: dict[str, Any] = {"name": v.name, "product_id": product_id(p.id, v.id)}
            ids = identity.Ids(v.cpe, v.purl)
            if ids:
                product["product_identification_helper"] = ids.csaf()
            leaves.append({"category": "product_version", "name": v.id, "product": product})
        for build, ids in fixes.get(p.id, {}).items():
            product = {"name": f"{p.name} {build}", "product_id": fixed_id(p.id, build)}
            if ids:
                product["product_identification_helper"] = ids.csaf()
            leaves.append({"category": "product_version", "name": build, "product": product})
        products.append({"category": "product_name", "name": p.name, "branches": leaves})
    return {"branches": [{"category": "vendor", "name": catalog.settings.vendor, "branches": products}]}


def _vulnerability(catalog: Catalog, cov: list[Covering], wanted: dict[str, dict[str, None]],
                   fixes: dict[str, dict[str, identity.Ids]]) -> dict[str, Any]:
    """One CVE as the bulletins in ``cov`` state it; adds the products it names to ``wanted`` and ``fixes``."""
    settings = catalog.settings
    w = words(settings.source_language)
    cve = cov[0].vuln.cve
    latest = cov[-1].vuln  # the newest statement of the CVE's text and scores

    affected: dict[str, None] = {}
    fixed: dict[str, None] = {}
    not_affected: dict[str, tuple[Entry, Any]] = {}
    remediations: list[dict[str, Any]] = []
    by_severity: dict[str, dict[str, None]] = {}
    for c in cov:
        e, v = c.entry, c.vuln
        for r in e.bulletin.affected:
            if r.product not in v.severity:
                continue
            ids = [product_id(r.product, ver) for ver in r.versions]
            wanted.setdefault(r.product, {}).update(dict.fromkeys(r.versions))
            affected.update(dict.fromkeys(ids))
            by_severity.setdefault(v.severity[r.product], {}).update(dict.fromkeys(ids))
            if r.update is not None:
                if r.update.fixed is not None:  # a KB-only update names no fixed build to list
                    fixes.setdefault(r.product, {})[r.update.fixed] = common.fixed_ids(catalog, e, r.product, r.update.fixed)
                    fixed[fixed_id(r.product, r.update.fixed)] = None
                install = (w["remedy.install"].format(update=r.update.id, fixed=r.update.fixed) if r.update.fixed is not None
                           else w["remedy.install_kb"].format(update=r.update.id))
                fix: dict[str, Any] = {
                    "category": "vendor_fix",
                    "details": install + f" ({e.id})",
                    "product_ids": ids,
                    "url": r.update.url,
                }
                if r.update.restart in _RESTART:
                    fix["restart_required"] = {"category": _RESTART[r.update.restart]}
                else:
                    fix["details"] += " " + w["remedy.restart_maybe"]
                remediations.append(fix)
            elif r.no_fix is not None:
                remediations.append({
                    "category": "none_available" if r.no_fix.planned else "no_fix_planned",
                    "details": r.no_fix.reason,
                    "product_ids": ids,
                })
        for r in e.bulletin.not_affected:
            for ver in r.versions:
                not_affected.setdefault(product_id(r.product, ver), (e, r))
                wanted.setdefault(r.product, {})[ver] = None
    # Two bulletins that disagree: affected wins, so that no scanner is told to stop looking.
    for pid in affected:
        not_affected.pop(pid, None)
    for c in cov:
        mine = [product_id(r.product, ver) for r in c.entry.bulletin.affected if r.product in c.vuln.severity for ver in r.versions]
        for wk in c.vuln.workarounds:
            remediations.append({
                "category": "workaround",
                "details": f"{wk.text}\n\n{w['workaround_impact']}: {wk.impact}\n\n{w['workaround_undo']}: {wk.undo}",
                "product_ids": mine,
            })
        if c.vuln.mitigating_factors:
            remediations.append({"category": "mitigation", "details": c.vuln.mitigating_factors, "product_ids": mine})

    last_release = max(c.entry.bulletin.released for c in cov).date()
    investigating: list[str] = []
    for pid_name in dict.fromkeys(p for c in cov for p in c.vuln.severity):
        p = catalog.products.get(pid_name)
        for ver in p.versions if p else []:
            pid = product_id(p.id, ver.id)
            if pid not in affected and pid not in not_affected and ver.supported_on(last_release):
                investigating.append(pid)
                wanted.setdefault(p.id, {})[ver.id] = None

    status: dict[str, list[str]] = {}
    if affected:
        status["known_affected"] = list(affected)
    if fixed:
        status["fixed"] = list(fixed)
    if not_affected:
        status["known_not_affected"] = list(not_affected)
    if investigating:
        status["under_investigation"] = investigating

    flags: dict[str, list[str]] = {}
    threats: list[dict[str, Any]] = []
    statements: dict[str, list[str]] = {}
    for pid, (e, r) in not_affected.items():
        if r.justification is not None:
            flags.setdefault(str(r.justification), []).append(pid)
        if r.impact_statement:
            statements.setdefault(r.impact_statement, []).append(pid)
        elif r.justification is None:
            statements.setdefault(f"Not affected, as stated in {e.id}.", []).append(pid)
    rank = settings.severity_rank
    for sev, ids_ in sorted(by_severity.items(), key=lambda kv: rank(kv[0])):
        threats.append({"category": "impact", "details": f"{w.get(latest.impact) or latest.impact}. {w['severity']}: {w.get(sev) or sev}",
                        "product_ids": list(ids_)})
    threats += [{"category": "impact", "details": text, "product_ids": ids_} for text, ids_ in statements.items()]
    if affected:
        exploited = any(c.vuln.exploited for c in cov)
        disclosed = any(c.vuln.publicly_disclosed for c in cov)
        threats.append({
            "category": "exploit_status",
            "details": f"{w['exploited']}: {w['yes'] if exploited else w['no']}. {w['disclosed']}: {w['yes'] if disclosed else w['no']}.",
            "product_ids": list(affected),
        })

    notes = [{"category": "description", "title": w["description"], "text": latest.description}]
    cvss = scores(latest)
    notes += [{"category": "other", "title": "CVSS v4.0", "text": f"{s.vector} (base score {s.base}, {s.severity})"}
              for s in cvss if s.version == "4.0"]
    notes += [{"category": "other", "title": w["csaf.cwe_more"], "text": f"{x}: {name}" if (name := cwe.name(x)) else x}
              for x in latest.cwe[1:]]

    initial = min(common.initial_release(c.entry) for c in cov)
    vuln: dict[str, Any] = {
        "cve": cve,
        "title": latest.title,
        "notes": notes,
        "product_status": status,
        "release_date": stamp(initial),
        "references": [{"category": "external", "summary": cve, "url": f"https://www.cve.org/CVERecord?id={cve}"}] + [
            {"category": "external", "summary": f"{c.entry.id}: {cve}",
             "url": common.absolute(common.bulletin_path(c.entry.id, settings.source_language, settings), settings) + "#" + cve.lower()}
            for c in cov],
    }
    if remediations:
        vuln["remediations"] = remediations
    if threats:
        vuln["threats"] = threats
    if flags:
        vuln["flags"] = [{"label": label, "product_ids": ids_} for label, ids_ in flags.items()]
    if latest.cwe and (name := cwe.name(latest.cwe[0])):
        vuln["cwe"] = {"id": latest.cwe[0], "name": name}
    v3 = [s for s in cvss if s.version.startswith("3")]
    if v3 and affected:
        s = v3[0]
        vuln["scores"] = [{"cvss_v3": {"version": "3.1", "vectorString": s.vector, "baseScore": s.base,
                                       "baseSeverity": s.severity.upper()}, "products": list(affected)}]
    if latest.acknowledgments:
        vuln["acknowledgments"] = [
            {"names": [a.name], **({"organization": a.organization} if a.organization else {}), **({"urls": [a.url]} if a.url else {})}
            for a in latest.acknowledgments
        ]

    return vuln


def document(catalog: Catalog, e: Entry) -> dict[str, Any]:
    """The VEX document of one bulletin. Raises KeyError for a withdrawn one (it has none)."""
    if e.withdrawn:
        raise KeyError(e.id)
    settings = catalog.settings
    lang = settings.source_language
    w = words(lang)
    wanted: dict[str, dict[str, None]] = {}
    fixes: dict[str, dict[str, identity.Ids]] = {}
    vulns = [_vulnerability(catalog, [Covering(e, v)], wanted, fixes) for v in e.bulletin.vulnerabilities]
    history = _history([Covering(e, e.bulletin.vulnerabilities[0])], catalog)
    page = common.absolute(common.bulletin_path(e.id, lang, settings), settings)
    references = [
        {"category": "self", "summary": f"{e.id} (CSAF VEX)", "url": common.absolute(path(e), settings)},
        {"category": "external", "summary": f"{e.id} (CSAF)", "url": common.absolute(document_path(e), settings)},
        {"category": "external", "summary": f"{e.id}: {e.bulletin.title}", "url": page},
    ]
    cves_ = ", ".join(v.cve for v in e.bulletin.vulnerabilities)
    doc = {
        "category": "csaf_vex",
        "csaf_version": "2.0",
        "lang": lang,
        "title": f"{settings.vendor} VEX: {e.id}: {e.bulletin.title}",
        "publisher": {"category": "vendor", "name": settings.vendor, "namespace": settings.csaf_namespace},
        "distribution": {"tlp": {"label": "WHITE", "url": TLP_URL}},
        "notes": [{"category": "summary", "title": w["summary"],
                   "text": f"The status of {cves_} in every product version, as {e.id} states it."}],
        "references": references,
        "tracking": {
            "id": tracking_id(e),
            "status": "final",
            "version": str(len(history)),
            "revision_history": [{"date": stamp(m), "number": str(i), "summary": text} for i, (m, text) in enumerate(history, 1)],
            "initial_release_date": stamp(common.initial_release(e)),
            "current_release_date": stamp(history[-1][0]),
            "generator": {"engine": {"name": "patchday", "version": patchday.__version__}},
        },
    }
    return {"document": doc, "product_tree": _tree(catalog, wanted, fixes), "vulnerabilities": vulns}
