"""CVE JSON 5 records: one CNA container per published CVE, valid against the CVE Program's schema (from cvelib)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from cvelib.cve_api import CveRecord

from patchday import Settings, build_catalog, load_corpus
from patchday.export import cve_record, vex
from tests.export.conftest import AS_OF, FIXTURE

EXAMPLE = Path(__file__).resolve().parents[2] / "bulletins"
ORG = "b3476cb9-2e3d-41a6-98d0-0f47421a65b6"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(Path(CveRecord.Schemas.CNA_PUBLISHED).read_text())
    return jsonschema.Draft7Validator(schema)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """What `patchday cve-records` writes for the fixture corpus: the records a CNA uploads."""
    import shutil
    site = tmp_path_factory.mktemp("records")
    shutil.copytree(FIXTURE, site / "bulletins")
    (site / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - patchday\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "patchday.cli", "cve-records", "--as-of", AS_OF.isoformat(), "-d", "out"],
                          cwd=site, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "4 CVE record(s)" in done.stdout
    return site / "out"


def _errors(validator, record: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]


def test_every_published_record_validates(written, catalog, validator):
    files = sorted(written.glob("*.json"))
    # One per CVE of a published bulletin that is not withdrawn: not CVE-2026-21301 (withdrawn), not the draft's.
    assert [p.stem for p in files] == ["CVE-2026-21001", "CVE-2026-21002", "CVE-2026-21101", "CVE-2026-21201"]
    assert [p.stem for p in files] == vex.cves(catalog)
    for path in files:
        record = json.loads(path.read_text())
        assert "providerMetadata" not in record  # no cna_org_id: the upload client adds the uploader's
        # What `cve publish` of cvelib sends: the container plus the uploading CNA's providerMetadata.
        assert _errors(validator, {**record, "providerMetadata": {"orgId": ORG}}) == [], path.name


def test_with_an_org_id_records_validate_as_written(validator):
    settings = Settings(cna_org_id=ORG)
    catalog = build_catalog(load_corpus(FIXTURE), settings, AS_OF)
    for cve, record in cve_record.records(catalog).items():
        assert record["providerMetadata"] == {"orgId": ORG}
        assert _errors(validator, record) == [], cve
    # The check is real: a record without an English description, or with a bad CPE, is refused.
    record = cve_record.record(catalog, "CVE-2026-21001")
    assert _errors(validator, {**record, "descriptions": [d for d in record["descriptions"] if d["lang"] != "en"]})
    broken = json.loads(json.dumps(record))
    broken["affected"][0]["cpes"] = ["cpe:2.3:a:contoso"]
    assert _errors(validator, broken)


def test_record_content(written):
    record = json.loads((written / "CVE-2026-21001.json").read_text())
    assert [d["lang"] for d in record["descriptions"]] == ["en", "de", "fr", "ja"]  # CX26-001 is fully translated
    by_product = {a["product"]: a for a in record["affected"]}
    assert by_product["Contoso Mail Server 2019 CU14"]["versions"] == [
        {"version": "0", "lessThan": "15.2.1544.9", "versionType": "custom", "status": "affected"}]
    assert by_product["Contoso Mail Server 2019 CU14"]["cpes"] == ["cpe:2.3:a:contoso:mail_server:2019:cu14:*:*:*:*:*:*"]
    assert by_product["Contoso Mail Server 2022"]["versions"] == [{"version": "2022", "status": "unaffected"}]
    assert record["problemTypes"][0]["descriptions"][0]["cweId"] == "CWE-787"
    assert {"cvssV3_1", "cvssV4_0"} <= {k for m in record["metrics"] for k in m}
    urls = [r["url"] for r in record["references"]]
    assert "https://security.contoso.example/bulletins/CX26-001/#cve-2026-21001" in urls
    assert "https://security.contoso.example/.well-known/csaf/white/2026/cx26-001.json" in urls
    assert "https://security.contoso.example/.well-known/csaf/vex/white/2026/cx26-001-vex.json" in urls
    gateway = json.loads((written / "CVE-2026-21101.json").read_text())
    assert {a.get("packageURL") for a in gateway["affected"]} >= {"pkg:generic/contoso/gateway@2.0"}


def test_example_corpus_records_validate(validator):
    settings = Settings(cna_org_id=ORG)
    catalog = build_catalog(load_corpus(EXAMPLE), settings, dt.datetime(2026, 12, 5, tzinfo=dt.UTC))
    made = cve_record.records(catalog)
    assert len(made) > 100
    bad = {cve: errs[:3] for cve, r in made.items() if (errs := _errors(validator, r))}
    assert not bad, bad


def test_the_command_writes_the_records_and_the_site_does_not(written, signed_site, catalog):
    """A CNA submits the records to CVE Services, which publishes them; the site does not host a second copy."""
    from patchday.export.common import dumps
    assert {p.name: p.read_bytes() for p in written.glob("*.json")} == {
        f"{cve}.json": dumps(r) for cve, r in cve_record.records(catalog).items()}
    assert not (signed_site / "api/v1/cve-records").exists()
