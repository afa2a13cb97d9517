"""One CVE JSON 5 CNA container per published CVE: what a CNA uploads to CVE Services.

The same facts as the bulletins, the CSAF advisories and the VEX document of the CVE
(the non-withdrawn bulletins that cover it, ``vex.covering``), in the CVE Program's form:

* ``descriptions``: the description in the source language and in every language whose
  translation of it is current (stale or missing translations are left out);
* ``affected``: one entry per catalogue version the CVE touches, named by its display
  name, with its CPE in ``cpes`` and its PURL in ``packageURL`` (CVE 5.2). A version an
  update fixes is ``affected`` from 0 up to the fixed build (``lessThan``, custom version
  type); one without a fix is ``affected`` at its version; a not-affected version is
  ``unaffected``. Versions not listed have ``defaultStatus: unknown``;
* ``problemTypes`` from the CWEs, ``metrics`` from the CVSS 3.1 and 4.0 vectors (scores
  computed), ``references`` to the bulletin pages, the CSAF advisories and VEX documents and
  the updates, ``solutions`` (the updates), ``workarounds`` and ``credits``.

``providerMetadata`` is written only when the site sets ``cna_org_id``; without it the
upload client adds the uploading CNA's own (as ``cve publish`` of cvelib does).
"""

from __future__ import annotations

from typing import Any

import patchday
from patchday.catalog import Catalog
from patchday.export import common, vex
from patchday.export.common import localizer, scores, stamp
from patchday.export.csaf import cwe
from patchday.export.csaf.document import document_path


def record(catalog: Catalog, cve: str) -> dict[str, Any]:
    """The CNA container of ``cve``. Raises KeyError for a CVE no published, non-withdrawn bulletin covers."""
    settings = catalog.settings
    cov = vex.covering(catalog, cve)
    if not cov:
        raise KeyError(cve)
    last = cov[-1]
    v = last.vuln
    key = f"vulnerabilities/{cve}"

    descriptions = []
    for lang in settings.languages:
        loc = localizer(last.entry, lang, settings)
        if lang == settings.source_language or loc.has(f"{key}/description"):
            descriptions.append({"lang": lang, "value": loc.get(f"{key}/description")})

    # (product, version) -> versions entry; catalogue order below.
    states: dict[tuple[str, str], dict[str, Any]] = {}
    solutions: list[dict[str, str]] = []
    references: list[dict[str, Any]] = []
    for c in cov:
        e = c.entry
        for r in e.bulletin.affected:
            if r.product not in c.vuln.severity:
                continue
            for ver in r.versions:
                if r.update is not None and r.update.fixed is not None:  # a KB-only update names no build to compare
                    states[r.product, ver] = {"version": "0", "lessThan": r.update.fixed, "versionType": "custom", "status": "affected"}
                else:
                    states[r.product, ver] = {"version": ver, "status": "affected"}
            if r.update is not None:
                solutions.append({"lang": "en", "value": f"Install {r.update.id} ({r.update.url}): {e.id} fixes "
                                  f"{', '.join(r.versions)}" + (f" with build {r.update.fixed}." if r.update.fixed else ".")})
                references.append({"url": r.update.url, "name": r.update.id, "tags": ["patch"]})
            elif r.no_fix is not None:
                solutions.append({"lang": "en", "value": f"No update for {', '.join(r.versions)} yet ({e.id}): {r.no_fix.reason}"})
        for r in e.bulletin.not_affected:
            for ver in r.versions:
                states.setdefault((r.product, ver), {"version": ver, "status": "unaffected"})
        for lang in settings.languages:
            references.append({"url": common.absolute(common.bulletin_path(e.id, lang, settings), settings) + "#" + cve.lower(),
                               "name": f"{e.id} ({lang})", "tags": ["vendor-advisory"]})
        references.append({"url": common.absolute(document_path(e), settings), "name": f"{e.id} (CSAF)", "tags": ["vendor-advisory"]})
        references.append({"url": common.absolute(vex.path(e), settings), "name": f"{e.id} (CSAF VEX)", "tags": ["vendor-advisory"]})

    affected = []
    for p in catalog.products.values():
        for ver in p.versions:
            state = states.get((p.id, ver.id))
            if state is None:
                continue
            item: dict[str, Any] = {"vendor": settings.vendor, "product": ver.name, "versions": [state], "defaultStatus": "unknown"}
            if ver.cpe:
                item["cpes"] = [ver.cpe]
            if ver.purl:
                item["packageURL"] = ver.purl
            if ver.platforms:
                item["platforms"] = list(ver.platforms)
            affected.append(item)

    problem_types = [
        {"descriptions": [{"lang": "en", "type": "CWE", "cweId": x, "description": f"{x}: {name}" if (name := cwe.name(x)) else x}]}
        for x in v.cwe
    ]
    metrics = []
    for s in scores(v):
        field = "cvssV3_1" if s.version.startswith("3") else "cvssV4_0"
        metrics.append({
            "format": "CVSS",
            "scenarios": [{"lang": "en", "value": "GENERAL"}],
            field: {"version": s.version, "vectorString": s.vector, "baseScore": s.base, "baseSeverity": s.severity.upper()},
        })

    container: dict[str, Any] = {
        "title": v.title,
        "datePublic": stamp(min(common.initial_release(c.entry) for c in cov)),
        "descriptions": descriptions,
        "affected": affected,
        "references": _unique(references),
        "x_generator": {"engine": f"patchday {patchday.__version__}"},
    }
    if settings.cna_org_id:
        container["providerMetadata"] = {"orgId": settings.cna_org_id}
    if problem_types:
        container["problemTypes"] = problem_types
    if metrics:
        container["metrics"] = metrics
    if solutions:
        container["solutions"] = solutions
    if v.workarounds:
        container["workarounds"] = [{"lang": "en", "value": f"{w.text} ({w.impact})"} for w in v.workarounds]
    if v.acknowledgments:
        container["credits"] = [
            {"lang": "en", "type": "finder", "value": a.name + (f" ({a.organization})" if a.organization else "")}
            for a in v.acknowledgments
        ]
    return container


def _unique(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """CVE references are unique by URL; the first name and tags win."""
    seen: dict[str, dict[str, Any]] = {}
    for r in refs:
        seen.setdefault(r["url"], r)
    return list(seen.values())


def records(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Every CVE record by CVE id, for the CVEs that have a VEX document (same rule)."""
    return {cve: record(catalog, cve) for cve in vex.cves(catalog)}
