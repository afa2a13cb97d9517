"""CSAF VEX: one document per published bulletin, each CVE's status in every product version, history from the bulletin."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from patchday.export import vex
from patchday.model.bulletin import Revision


def _doc(site, bulletin: str) -> dict:
    (path,) = (site / ".well-known/csaf/vex/white").rglob(f"{bulletin.lower()}-vex.json")
    return json.loads(path.read_text())


def test_one_vex_document_per_published_bulletin_that_is_not_withdrawn(plain_site, catalog):
    docs = sorted((plain_site / ".well-known/csaf/vex/white").rglob("*-vex.json"))
    found = {json.loads(p.read_text())["document"]["tracking"]["id"]:
             [v["cve"] for v in json.loads(p.read_text())["vulnerabilities"]] for p in docs}
    # CVE-2026-21301 is only in a withdrawn bulletin; CVE-2026-29999 only in a draft.
    assert {cve for cves in found.values() for cve in cves} == {"CVE-2026-21001", "CVE-2026-21002", "CVE-2026-21101", "CVE-2026-21201"}
    assert found["CX26-001-VEX"] == ["CVE-2026-21001", "CVE-2026-21002"]  # one document carries all of its CVEs
    assert set(found) == {f"{e.id}-VEX" for e in catalog.entries if not e.withdrawn}
    assert "CVE-2026-21301" in catalog.by_cve and "CVE-2026-29999" not in catalog.by_cve
    for p in docs:
        assert json.loads(p.read_text())["document"]["category"] == "csaf_vex"


def test_the_api_finds_a_cves_vex_documents(plain_site):
    entry = json.loads((plain_site / "api/v1/cves/CVE-2026-21001.json").read_text())
    (b,) = entry["bulletins"]
    assert b["vex"] == "https://security.contoso.example/.well-known/csaf/vex/white/2026/cx26-001-vex.json"
    assert (plain_site / b["vex"].split("example/", 1)[1]).exists()


def test_statuses_remediations_and_justifications(plain_site):
    doc = _doc(plain_site, "CX26-001")
    v = next(v for v in doc["vulnerabilities"] if v["cve"] == "CVE-2026-21001")
    assert v["product_status"] == {
        "known_affected": ["mail-server:2016", "mail-server:2019"],
        "fixed": ["mail-server:fixed:15.2.1544.9"],
        "known_not_affected": ["mail-server:2022"],
    }
    fix = next(r for r in v["remediations"] if r["category"] == "vendor_fix")
    assert fix["product_ids"] == ["mail-server:2016", "mail-server:2019"] and "KB5031001" in fix["details"]
    assert v["flags"] == [{"label": "component_not_present", "product_ids": ["mail-server:2022"]}]
    assert {"category": "impact", "details": "Mail Server 2022 has no SMTP parser of its own.",
            "product_ids": ["mail-server:2022"]} in v["threats"]
    leaves = {leaf["product"]["product_id"]: leaf["product"] for b in doc["product_tree"]["branches"][0]["branches"]
              for leaf in b["branches"]}
    # The fixed build's CPE is the one the record states (fixed_cpe), not one derived from two versions.
    assert leaves["mail-server:fixed:15.2.1544.9"]["product_identification_helper"] == {
        "cpe": "cpe:2.3:a:contoso:mail_server:15.2.1544.9:*:*:*:*:*:*:*"}
    assert leaves["mail-server:2019"]["product_identification_helper"]["cpe"].startswith("cpe:2.3:a:contoso:mail_server:2019:")


def test_history_follows_the_bulletin(catalog):
    e = catalog.by_id["CX26-001"]
    before = vex.document(catalog, e)["document"]["tracking"]
    assert [h["summary"].split(":")[0] for h in before["revision_history"]] == [
        f"CX26-001 revision {r.version}" for r in e.bulletin.revisions]
    # A new revision of the covering bulletin makes a new VEX revision, dated with it.
    revised = e.bulletin.model_copy(update={"revisions": [
        *e.bulletin.revisions, Revision(version="1.2", date=dt.date(2026, 3, 3), summary="Added a workaround.")]})
    entries = [dataclasses.replace(x, bulletin=revised) if x is e else x for x in catalog.entries]
    changed = dataclasses.replace(catalog, entries=entries)
    for name in ("by_id", "by_product", "by_cve"):
        changed.__dict__.pop(name, None)
    after = vex.document(changed, changed.by_id["CX26-001"])["document"]["tracking"]
    assert int(after["version"]) == int(before["version"]) + 1
    assert after["revision_history"][-1]["summary"] == "CX26-001 revision 1.2: Added a workaround."
    assert after["current_release_date"] == "2026-03-03T18:00:00Z" > before["current_release_date"]
    assert after["initial_release_date"] == before["initial_release_date"]
