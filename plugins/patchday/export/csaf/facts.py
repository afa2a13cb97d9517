"""What every CSAF document of a bulletin shares, whatever its language.

A bulletin has an original and up to one translation per site language; their
product tree, product ids, scores, revision numbers and dates are the same.
They are worked out once per bulletin here, and document.py adds the words.
The dicts and lists in these facts end up inside several documents at once,
so nobody may mutate them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from patchday.catalog import Catalog, Entry
from patchday import identity
from patchday.export import common
from patchday.export.common import scores, stamp
from patchday.export.csaf import cwe
from patchday.model.bulletin import Affected, Restart, Vulnerability

_SEMVER = re.compile(r"^[1-9]\d*\.\d+(\.\d+)?$")

# CSAF has no "maybe" restart: that case gets no restart_required and a sentence instead.
_RESTART = {Restart.YES: {"category": "machine"}, Restart.NO: {"category": "none"}}


def product_id(product: str, version: str) -> str:
    return f"{product}:{version}"


def fixed_id(product: str, fixed: str) -> str:
    return f"{product}:fixed:{fixed}"


def combined_id(product: str, version: str, platform: str, platform_version: str) -> str:
    """The product id of a component version inside (or on) one platform version (a relationship)."""
    return f"{product}:{version}@{platform}:{platform_version}"


def _platforms(catalog: Catalog, product: str, version: str) -> list[tuple[str, str, str]]:
    """(platform, platform version, relation) for a component version, catalogue order."""
    v = catalog.version(product, version)
    if v is None:
        return []
    return [(part.product, pv, part.relation) for part in v.part_of for pv in part.versions
            if catalog.version(part.product, pv) is not None]


def row_ids(catalog: Catalog, product: str, versions: list[str]) -> list[str]:
    """A row's product ids: each version, then each version as part of its platforms."""
    own = [product_id(product, ver) for ver in versions]
    return own + [combined_id(product, ver, pp, pv) for ver in versions for pp, pv, _ in _platforms(catalog, product, ver)]


@dataclass(frozen=True, slots=True)
class VendorFix:
    """A ``vendor_fix`` remediation but for its ``details``, which are in the document's language."""

    frame: dict[str, Any]  # category, product_ids, url and restart_required if CSAF can say it
    update: str
    fixed: str | None  # None: the update is known by its KB/package only
    restart_unknown: bool  # "may be required": said in words, since CSAF cannot


@dataclass(frozen=True, slots=True)
class NoFix:
    """A ``none_available`` / ``no_fix_planned`` remediation; its ``details`` are the record's
    reason in the document's language (the overlay's ``no_fix`` field, keyed by text key)."""

    frame: dict[str, Any]  # category, product_ids
    key: str  # no_fix/<product>/<first version>, as translate/fields.py names it


@dataclass(frozen=True, slots=True)
class VulnFacts:
    v: Vulnerability
    # Keys of its translatable texts (translate/fields.py)
    title: str
    description: str
    faq: list[tuple[str, str]]  # (question, answer)
    workarounds: list[tuple[str, str, str]]  # (text, impact, undo)
    mitigation: str | None
    affected: list[str]
    frame: dict[str, Any]  # cve, product_status, release_date, references, cwe, scores, acknowledgments
    score_notes: list[dict[str, str]]  # CVSS v4.0 vectors, which CSAF 2.0 scores cannot hold
    more_cwes: list[str]  # text of one note per CWE after the first (CSAF 2.0 has one cwe)
    remediations: list[VendorFix | NoFix]  # affected-row order
    impacts: list[tuple[str, list[str]]]  # (severity, product ids), most severe first


@dataclass(frozen=True, slots=True)
class Revision:
    version: str  # the record's number: the key of its translatable summary
    date: str
    number: str  # CSAF version_t
    legacy: bool


@dataclass(frozen=True, slots=True)
class BulletinFacts:
    product_tree: dict[str, Any]
    revisions: list[Revision]
    initial_release: str
    current_release: str
    references: list[dict[str, str]]  # the record's own references, after the generated ones
    vulnerabilities: list[VulnFacts]


def facts(e: Entry, catalog: Catalog) -> BulletinFacts:
    """Made once per bulletin inside ``common.memoized()``, once per call outside it."""
    memo = common._memo
    if memo is None:
        return _facts(e, catalog)
    key = ("csaf-facts", id(e), id(catalog))
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _facts(e, catalog)
    return hit  # type: ignore[no-any-return]


def versions(revisions: list[str]) -> tuple[list[str], bool]:
    """Map record revision numbers ("1.0", "1.1") to CSAF version_t.

    Semantic versioning ("1.0.0") keeps the numbers readers see on the page.
    If majors would skip a number (test 6.1.21) fall back to integer versions
    and keep the original as legacy_version.
    """
    majors = list(dict.fromkeys(int(r.split(".")[0]) for r in revisions))
    if all(_SEMVER.match(r) for r in revisions) and majors == list(range(1, len(majors) + 1)):
        return [r if r.count(".") == 2 else f"{r}.0" for r in revisions], False
    return [str(i + 1) for i in range(len(revisions))], True


def _facts(e: Entry, catalog: Catalog) -> BulletinFacts:
    settings = catalog.settings
    b = e.bulletin
    moments = common.revision_moments(b, settings)
    numbers, legacy = versions([r.version for r, _ in moments])
    released = stamp(b.released)
    not_affected = [i for r in b.not_affected for i in row_ids(catalog, r.product, r.versions)]
    return BulletinFacts(
        product_tree=_product_tree(e, catalog),
        revisions=[Revision(rev.version, stamp(moment), n, legacy) for (rev, moment), n in zip(moments, numbers, strict=True)],
        initial_release=stamp(common.initial_release(e)),
        current_release=stamp(moments[-1][1]) if moments else stamp(common.initial_release(e)),
        references=[{"category": r.category, "summary": r.title, "url": r.url} for r in b.references],
        vulnerabilities=[_vuln_facts(e, v, released, not_affected, catalog) for v in b.vulnerabilities],
    )


def _product_tree(e: Entry, catalog: Catalog) -> dict[str, Any]:
    wanted: dict[str, dict[str, None]] = {}
    fixes: dict[str, dict[str, None]] = {}
    relationships: list[dict[str, Any]] = []
    for row in [*e.bulletin.affected, *e.bulletin.not_affected]:
        wanted.setdefault(row.product, {}).update(dict.fromkeys(row.versions))
        if isinstance(row, Affected) and row.update is not None and row.update.fixed is not None:
            fixes.setdefault(row.product, {})[row.update.fixed] = None
        # A component's versions as part of (or installed on) platform versions: CSAF relationships,
        # so a tool that knows the platform finds the component's bulletin.
        for ver in row.versions:
            for pp, pv, relation in _platforms(catalog, row.product, ver):
                wanted.setdefault(pp, {})[pv] = None
                comp, plat = catalog.version(row.product, ver), catalog.version(pp, pv)
                assert comp is not None and plat is not None
                joint = "in" if relation == "default_component_of" else "on"
                name: dict[str, Any] = {"name": f"{comp.name} {joint} {plat.name}",
                                        "product_id": combined_id(row.product, ver, pp, pv)}
                if comp.cpe:  # what a scanner finds on the platform is the component itself
                    name["product_identification_helper"] = {"cpe": comp.cpe}
                relationships.append({
                    "category": relation,
                    "full_product_name": name,
                    "product_reference": product_id(row.product, ver),
                    "relates_to_product_reference": product_id(pp, pv),
                })
    products = []
    # ProductList order, so the tree reads like products.yaml and never depends on record order.
    for p in catalog.products.values():
        if p.id not in wanted:
            continue
        leaves = []
        for v in p.versions:
            if v.id not in wanted[p.id]:
                continue
            product: dict[str, Any] = {"name": v.name, "product_id": product_id(p.id, v.id)}
            _identify(product, identity.Ids(v.cpe, v.purl))
            leaves.append({"category": "product_version", "name": v.id, "product": product})
        for fixed in fixes.get(p.id, {}):
            product = {"name": f"{p.name} {fixed}", "product_id": fixed_id(p.id, fixed)}
            _identify(product, common.fixed_ids(catalog, e, p.id, fixed))
            leaves.append({"category": "product_version", "name": fixed, "product": product})
        products.append({"category": "product_name", "name": p.name, "branches": leaves})
    tree: dict[str, Any] = {"branches": [{"category": "vendor", "name": catalog.settings.vendor, "branches": products}]}
    if relationships:
        tree["relationships"] = list({r["full_product_name"]["product_id"]: r for r in relationships}.values())
    return tree


def _identify(product: dict[str, Any], ids: identity.Ids) -> None:
    """CPE / PURL for scanners (recommended test 6.2.16); see identity.py for fixed builds."""
    if ids:
        product["product_identification_helper"] = ids.csaf()


def _vuln_facts(e: Entry, v: Vulnerability, released: str, not_affected: list[str], catalog: Catalog) -> VulnFacts:
    rows = [r for r in e.bulletin.affected if r.product in v.severity]
    ids = [row_ids(catalog, r.product, r.versions) for r in rows]
    affected = [i for these in ids for i in these]
    fixed = list(dict.fromkeys(fixed_id(r.product, r.update.fixed) for r in rows if r.update and r.update.fixed))
    status: dict[str, list[str]] = {"known_affected": affected}
    if fixed:
        status["fixed"] = fixed
    if not_affected:
        status["known_not_affected"] = not_affected

    remediations: list[VendorFix | NoFix] = []
    for r, these in zip(rows, ids, strict=True):
        if r.update is not None:
            fix: dict[str, Any] = {"category": "vendor_fix", "product_ids": these, "url": r.update.url}
            restart = _RESTART.get(r.update.restart)
            if restart:
                fix["restart_required"] = dict(restart)  # a copy: documents never share module state
            remediations.append(VendorFix(fix, r.update.id, r.update.fixed, r.update.restart is Restart.MAYBE))
        elif r.no_fix is not None:
            remediations.append(NoFix({"category": "none_available" if r.no_fix.planned else "no_fix_planned",
                                       "product_ids": these}, f"no_fix/{r.product}/{r.versions[0]}"))

    rank = catalog.settings.severity_rank
    by_severity: dict[str, list[str]] = {}
    for r, these in zip(rows, ids, strict=True):
        # The CVE's rating for the product, never above the row's: a vendor may rate versions lower.
        level = max(v.severity[r.product], r.severity, key=rank)
        by_severity.setdefault(level, []).extend(these)

    frame: dict[str, Any] = {
        "cve": v.cve,
        "product_status": status,
        "release_date": released,
        "references": [{"category": "external", "summary": v.cve, "url": f"https://www.cve.org/CVERecord?id={v.cve}"}],
    }
    first_cwe = cwe.name(v.cwe[0]) if v.cwe else None
    if first_cwe:
        frame["cwe"] = {"id": v.cwe[0], "name": first_cwe}
    cvss = scores(v)
    v3 = [s for s in cvss if s.version.startswith("3")]
    if v3 and affected:
        s = v3[0]
        frame["scores"] = [
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
        frame["acknowledgments"] = acks

    key = f"vulnerabilities/{v.cve}"
    return VulnFacts(
        v=v,
        title=f"{key}/title",
        description=f"{key}/description",
        faq=[(f"{key}/faq/{q.key}/question", f"{key}/faq/{q.key}/answer") for q in v.faq],
        workarounds=[
            (f"{key}/workarounds/{w.key}/text", f"{key}/workarounds/{w.key}/impact", f"{key}/workarounds/{w.key}/undo")
            for w in v.workarounds
        ],
        mitigation=f"{key}/mitigating_factors" if v.mitigating_factors else None,
        affected=affected,
        frame=frame,
        score_notes=[
            {"category": "other", "title": "CVSS v4.0", "text": f"{s.vector} (base score {s.base}, {s.severity})"}
            for s in cvss
            if s.version == "4.0"
        ],
        more_cwes=[f"{extra}: {name}" if (name := cwe.name(extra)) else extra for extra in v.cwe[1:]],
        remediations=remediations,
        impacts=sorted(by_severity.items(), key=lambda kv: rank(kv[0])),
    )
