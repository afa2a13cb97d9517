"""Every CSAF document in the built tree passes csaf-validator-lib (strict schema + mandatory tests)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("csaf_validate.mjs")
LIB = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "@secvisogram" / "csaf-validator-lib"


def csaf_documents(site: Path) -> list[Path]:
    # Year folders hold the documents; feeds and metadata live above them.
    return sorted(p for p in (site / ".well-known/csaf").rglob("*.json") if p.parent.name.isdigit())


def run_validator(files: list[Path]) -> tuple[int, list[dict]]:
    node = shutil.which("node")
    if node is None or not LIB.exists():
        pytest.fail("node and tests/js/node_modules are needed: run `cd tests/js && npm ci`")
    done = subprocess.run([node, str(SCRIPT), *map(str, files)], capture_output=True, text=True, check=False)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return done.returncode, lines


def test_every_csaf_document_is_valid(signed_site, tmp_path):
    files = csaf_documents(signed_site)
    assert files, "no CSAF document was built"
    assert any(f.name == "cx26-001-ja.json" for f in files)  # translations are validated too
    # One node run (loading the lib takes seconds): the real documents plus one
    # deliberately broken copy that proves the validator is not a no-op.
    doc = json.loads(files[0].read_text())
    doc["vulnerabilities"][0]["product_status"]["known_affected"].append("no-such-product")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(doc))
    rc, lines = run_validator([*files, broken])
    results = {Path(r["file"]).name: r for r in lines if "file" in r}
    summary = next(r for r in lines if r.get("summary"))
    assert summary["tests"] > 30  # the strict schema + the 6.1.x mandatory tests ran
    bad = [r for name, r in results.items() if name != "broken.json" and not r["isValid"]]
    assert not bad, json.dumps(bad, indent=2)[:4000]
    assert len(results) == len(files) + 1
    assert not results["broken.json"]["isValid"]
    assert any(e["test"] == "mandatoryTest_6_1_1" for e in results["broken.json"]["errors"])
    assert rc == 1 and summary["failed"] == 1


def test_validator_fails_when_no_file_is_given():
    rc, lines = run_validator([])
    assert rc == 1 and lines[-1]["files"] == 0
