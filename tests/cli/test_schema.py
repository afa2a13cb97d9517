"""The committed JSON Schemas are generated from the model and match it; records point at them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from patchday.schema import SCHEMAS, render

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_model(name: str) -> None:
    committed = ROOT / "schema" / name
    assert committed.exists(), f"schema/{name} is missing; run `patchday schema`"
    assert committed.read_text(encoding="utf-8") == render(name), f"schema/{name} drifted; run `patchday schema`"


def test_schema_refuses_unknown_keys_and_accepts_the_fixture() -> None:
    schema = json.loads(render("bulletin.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    record = yaml.load((ROOT / "tests/lint/base/2026/CX26-001.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    validator = jsonschema.Draft202012Validator(schema)
    # BaseLoader keeps every scalar as text, so only booleans and the version need fixing for JSON
    record["schema_version"] = 1
    for v in record["vulnerabilities"]:
        v["exploited"] = v["exploited"] == "true"
        v["publicly_disclosed"] = v["publicly_disclosed"] == "true"
    for row in record["affected"]:
        if "no_fix" in row:
            row["no_fix"]["planned"] = row["no_fix"]["planned"] == "true"
    assert list(validator.iter_errors(record)) == []
    record["colour"] = "red"
    assert any("colour" in e.message for e in validator.iter_errors(record))


def test_every_record_declares_its_schema() -> None:
    files = sorted((ROOT / "bulletins").rglob("*.yaml"))
    assert files, "the example corpus is missing"
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.exists(), f"{path}: schema {target} does not exist"


def test_readme_field_reference_matches_the_model() -> None:
    from patchday.fieldref import splice

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert splice(readme) == readme, "README field reference drifted; run `patchday schema --readme README.md`"


def test_readme_starts_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").split("\n")
    block = lines[lines.index("```sh") + 1 : lines.index("```")]
    assert [line.split("#")[0].strip() for line in block] == ["make site", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
