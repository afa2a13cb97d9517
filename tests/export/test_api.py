"""Every static API file validates against the published schema, and the content answers the right questions."""

from __future__ import annotations

import json

import jsonschema
import pytest


def _load(site, rel):
    return json.loads((site / "api/v1" / rel).read_text(encoding="utf-8"))


def test_every_api_file_validates_against_schema_json(signed_site):
    schema = _load(signed_site, "schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    files = sorted((signed_site / "api/v1").rglob("*.json"))
    assert len(files) == 14 + 1 + 5  # a CVE list for the one year of CVE ids, and one file per published CVE
    for path in files:
        errors = sorted(validator.iter_errors(json.loads(path.read_text())), key=str)
        assert not errors, (path, errors[0].message)


def test_schema_rejects_wrong_files(signed_site):
    validator = jsonschema.Draft202012Validator(_load(signed_site, "schema.json"))
    doc = _load(signed_site, "bulletins/CX26-001.json")
    doc["severity"] = 3
    assert list(validator.iter_errors(doc))
    doc = _load(signed_site, "index.json")
    doc["kind"] = "nonsense"
    assert list(validator.iter_errors(doc))


def test_product_versions_have_status_and_newest_fix(signed_site):
    gw = {v["id"]: v for v in _load(signed_site, "products/gateway.json")["versions"]}
    # 2.0: fixed by GW-2.0.3 (CX26-002), then GW-2.0.4 (CX26-003) which is the newest.
    assert [r["bulletin"] for r in gw["2.0"]["bulletins"]] == ["CX26-002", "CX26-003"]
    assert gw["2.0"]["latest_update"]["id"] == "GW-2.0.4"
    assert gw["2.0"]["unfixed"] == []
    assert gw["1.10"]["latest_update"] is None and gw["1.10"]["unfixed"] == ["CX26-002", "CX26-003"]
    ms = {v["id"]: v for v in _load(signed_site, "products/mail-server.json")["versions"]}
    assert ms["2019"]["latest_update"]["id"] == "KB5031001"
    # 2022 is only named by the withdrawn CX26-004 (affected) and CX26-001 (not affected): no fix needed.
    assert ms["2022"]["latest_update"] is None
    assert {(r["bulletin"], r["status"], r["withdrawn"]) for r in ms["2022"]["bulletins"]} == {
        ("CX26-001", "not_affected", False), ("CX26-004", "affected", True)}
    assert ms["2016"]["supported"] is False  # support ended 2026-10-13, as of 2026-12-01


def test_index_releases_and_cves(signed_site):
    index = _load(signed_site, "index.json")
    assert [b["id"] for b in index["bulletins"]] == ["CX26-001", "CX26-002", "CX26-003", "CX26-004"]
    assert index["counts"] == {"bulletins": 4, "cves": 5, "releases": 3, "products": 2}
    first = index["bulletins"][0]
    assert first["titles"]["ja"] == "Contoso Mail Server のセキュリティ更新プログラム"
    assert first["paths"] == {"en": "bulletins/CX26-001/", "de": "de/bulletins/CX26-001/",
                              "fr": "fr/bulletins/CX26-001/", "ja": "ja/bulletins/CX26-001/"}
    assert index["labels"]["de"]["critical"] == "Kritisch"
    rel = _load(signed_site, "releases/2026-03.json")
    assert rel["totals"]["bulletins"] == 2 and rel["totals"]["withdrawn"] == 1 and rel["totals"]["out_of_band"] == 1
    cves = _load(signed_site, "cves.json")
    assert cves["count"] == 5 and cves["years"] == [{"year": "2026", "count": 5, "path": "cves/2026.json"}]
    year = _load(signed_site, "cves/2026.json")
    assert year["kind"] == "cves-year" and year["count"] == 5 and len(year["cves"]) == 5
    assert year["cves"]["CVE-2026-21001"][0]["cvss"][0]["base_score"] == 9.8


@pytest.mark.parametrize("rel", ["bulletins/CX26-001.json", "index.json"])
def test_api_links_point_at_the_site(signed_site, rel):
    doc = _load(signed_site, rel)
    text = json.dumps(doc)
    assert "https://security.contoso.example/.well-known/csaf/white/2026/cx26-001.json" in text


def test_a_cve_file_says_what_fixes_it_per_product_version(signed_site):
    doc = _load(signed_site, "cves/CVE-2026-21101.json")
    assert doc["kind"] == "cve" and doc["id"] == "CVE-2026-21101"
    [item] = doc["bulletins"]
    assert item["bulletin"] == "CX26-002" and item["severity"] == "moderate" and item["cwe"] == ["CWE-200"]
    assert item["path"] == "bulletins/CX26-002/#cve-2026-21101"
    assert item["paths"]["fr"] == "fr/bulletins/CX26-002/#cve-2026-21101"
    assert item["json"] == "bulletins/CX26-002.json"
    fixes = {tuple(f["versions"]): f for f in item["fixes"]}
    assert fixes[("2.0",)]["update"]["id"] == "GW-2.0.3" and fixes[("2.0",)]["no_fix"] is None
    assert fixes[("1.10",)]["update"] is None and fixes[("1.10",)]["no_fix"]["planned"] is True
    assert item["cvss"][0]["version"] == "4.0"


def test_cve_files_are_exactly_the_published_cves(signed_site):
    files = {p.stem for p in (signed_site / "api/v1/cves").glob("CVE-*.json")}
    assert files == set(_load(signed_site, "cves/2026.json")["cves"])
    assert "CVE-2026-29999" not in files  # only in a bulletin that is not published
