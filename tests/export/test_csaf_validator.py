"""Every CSAF document passes csaf-validator-lib: strict schema, mandatory tests (errors) and
recommended tests (warnings), with none of either, on the fixture and on the example corpus."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from patchday import Settings, build_catalog, load_corpus
from patchday.export import write_exports

SCRIPT = Path(__file__).with_name("csaf_validate.mjs")
LIB = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "@secvisogram" / "csaf-validator-lib"
EXAMPLE = Path(__file__).resolve().parents[2] / "bulletins"


def csaf_documents(site: Path) -> list[Path]:
    # Year folders hold the documents (advisories and VEX); feeds and metadata live above them.
    return sorted(p for p in (site / ".well-known/csaf").rglob("*.json") if p.parent.name.isdigit())


def run_validator(files: list[Path], tmp_path: Path | None = None) -> tuple[int, list[dict]]:
    node = shutil.which("node")
    if node is None or not LIB.exists():
        pytest.fail("node and tests/js/node_modules are needed: run `cd tests/js && npm ci`")
    args = [str(f) for f in files]
    if tmp_path is not None:  # hundreds of paths: a list file instead of the command line
        listing = tmp_path / "files.txt"
        listing.write_text("\n".join(args) + "\n")
        args = ["--list", str(listing)]
    done = subprocess.run([node, str(SCRIPT), *args], capture_output=True, text=True, check=False)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return done.returncode, lines


def _v4_only(file: str) -> set[str]:
    """Known-affected paths of vulnerabilities scored by CVSS v4 alone: CSAF 2.0 has no v4 score slot,
    so recommended test 6.2.3 ("missing score") cannot be met for them (the vector is a note)."""
    doc = json.loads(Path(file).read_text())
    return {f"/vulnerabilities/{i}/product_status/known_affected/{j}"
            for i, v in enumerate(doc.get("vulnerabilities", [])) if not v.get("scores")
            for j in range(len(v.get("product_status", {}).get("known_affected", [])))}


def _unclean(results: dict[str, dict], skip: set[str], *, allow_v4_only: bool = False) -> list[dict]:
    out = []
    for name, r in results.items():
        if name in skip:
            continue
        warnings = r["warnings"]
        if allow_v4_only:
            excused = _v4_only(r["file"])
            warnings = [w for w in warnings if not (w["test"] == "optionalTest_6_2_3" and w["instancePath"] in excused)]
        if r["errors"] or warnings or not r["isValid"]:
            out.append({"file": name, "errors": r["errors"][:5], "warnings": warnings[:5]})
    return out


def test_every_csaf_document_is_valid(signed_site, tmp_path):
    files = csaf_documents(signed_site)
    assert files, "no CSAF document was built"
    assert any(f.name == "cx26-001-ja.json" for f in files)  # translations are validated too
    assert any(f.parts[-4] == "vex" for f in files)  # and VEX documents
    # One node run (loading the lib takes seconds): the real documents plus two deliberately
    # broken copies that prove errors and warnings are both caught.
    doc = json.loads(files[0].read_text())
    broken_doc = copy.deepcopy(doc)
    broken_doc["vulnerabilities"][0]["product_status"]["known_affected"].append("no-such-product")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(broken_doc))
    unnamed_doc = copy.deepcopy(doc)  # no product identification helper: recommended test 6.2.16 warns
    for vendor in unnamed_doc["product_tree"]["branches"]:
        for name in vendor["branches"]:
            for leaf in name["branches"]:
                leaf["product"].pop("product_identification_helper", None)
    unnamed = tmp_path / "unnamed.json"
    unnamed.write_text(json.dumps(unnamed_doc))
    rc, lines = run_validator([*files, broken, unnamed])
    results = {Path(r["file"]).name: r for r in lines if "file" in r}
    summary = next(r for r in lines if r.get("summary"))
    assert summary["tests"] > 50  # the strict schema, the 6.1.x mandatory and the 6.2.x recommended tests ran
    # The fixture has one vulnerability scored by CVSS v4 alone (CX26-002); the example corpus has none.
    bad = _unclean(results, {"broken.json", "unnamed.json"}, allow_v4_only=True)
    assert not bad, json.dumps(bad, indent=2)[:4000]
    assert len(results) == len(files) + 2
    assert not results["broken.json"]["isValid"]
    assert any(e["test"] == "mandatoryTest_6_1_1" for e in results["broken.json"]["errors"])
    assert results["unnamed.json"]["isValid"] and not results["unnamed.json"]["clean"]
    assert {w["test"] for w in results["unnamed.json"]["warnings"]} == {"optionalTest_6_2_16"}
    assert summary["failed"] >= 2 and rc == 1


@pytest.mark.slow
def test_example_corpus_has_no_error_and_no_warning(tmp_path):
    """The example site's advisories and VEX documents as `make site` builds them, and the translations a publisher
    gets with `csaf_translations: true`."""
    settings = Settings(csaf_translations=True)
    as_of = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    catalog = build_catalog(load_corpus(EXAMPLE), settings, as_of)
    write_exports(catalog, tmp_path / "site", settings=settings, as_of=as_of)
    files = csaf_documents(tmp_path / "site")
    kinds = {json.loads(f.read_text())["document"]["category"] for f in files}
    assert kinds == {"csaf_security_advisory", "csaf_vex"}
    assert any(json.loads(f.read_text())["document"].get("source_lang") for f in files)
    rc, lines = run_validator(files, tmp_path)
    results = {r["file"]: r for r in lines if "file" in r}
    assert len(results) == len(files) > 100
    bad = _unclean(results, set())
    assert not bad, json.dumps(bad, indent=2)[:4000]
    assert rc == 0


def test_validator_fails_when_no_file_is_given():
    rc, lines = run_validator([])
    assert rc == 1 and lines[-1]["files"] == 0
