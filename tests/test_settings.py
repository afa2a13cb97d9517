"""Site settings declared once and checked: custom severity levels, vendor_url, languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from patchday.catalog import build_catalog
from patchday.clock import parse_as_of
from patchday.export import api, feeds
from patchday.export.csaf.document import advisory
from patchday.load.corpus import load_corpus
from patchday.model import Settings
from patchday.render import html
from patchday.render.context import PageCtx

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"
AS_OF = "2026-03-01T00:00:00Z"
SCALE = ["critical", {"id": "not-critical", "labels": {"en": "Not critical", "de": "Nicht kritisch"}, "icon": "moderate"},
         "important", "moderate", "low"]


def test_a_custom_severity_is_labelled_and_drawn_everywhere(tmp_path: Path) -> None:
    root = tmp_path / "bulletins"
    shutil.copytree(FIXTURE / "bulletins", root)
    record = root / "2026" / "CX26-001.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(": critical", ": not-critical"), encoding="utf-8")
    settings = Settings.model_validate({"severities": SCALE})
    catalog = build_catalog(load_corpus(root), settings, parse_as_of(AS_OF))
    entry = catalog.by_id["CX26-001"]
    assert entry.severity == "not-critical"

    de = html.bulletin(PageCtx(catalog, "de", "bulletins/CX26-001/"), entry).html
    assert '<span class="pd-sev pd-sev--moderate">' in de
    assert "Nicht kritisch" in de and "not-critical<" not in de
    fr = html.bulletin(PageCtx(catalog, "fr", "bulletins/CX26-001/"), entry).html
    assert "Not critical" in fr  # no French label: the English one, never the key

    assert api.index(catalog)["labels"]["de"]["not-critical"] == "Nicht kritisch"
    assert advisory(entry, catalog)["document"]["aggregate_severity"]["text"] == "Not critical"
    atom = feeds.feeds(catalog)["feeds/de/bulletins.atom"].decode()
    assert 'term="not-critical" label="Nicht kritisch"' in atom


def test_built_in_levels_keep_their_labels_and_plain_strings_still_work() -> None:
    s = Settings.model_validate({"severities": SCALE})
    assert s.severities == ["critical", "not-critical", "important", "moderate", "low"]
    assert s.severity_label("critical", "de") is None  # the built-in table names it
    assert s.severity_icon("critical") == "critical" and s.severity_icon("not-critical") == "moderate"
    assert Settings.model_validate(s.model_dump()) == s
    assert Settings.model_validate({"severities": ["critical", "low"]}).severities == ["critical", "low"]


@pytest.mark.parametrize(("given", "says"), [
    ({"severities": ["critical", "not-critical"]}, "severity 'not-critical' is not built in, so it needs an English label"),
    ({"severities": [{"id": "meh", "labels": {"de": "Meh"}}]}, "needs an English label"),
    ({"severities": [{"id": "meh", "labels": {"en": "Meh", "xx": "?"}}]}, "labels for xx, which is not in languages"),
    ({"severities": [{"id": "meh", "labels": {"en": "Meh"}, "icon": "skull"}]}, "severities[0]: icon"),
    ({"vendor_url": "https://www.example.com/security"}, "would land under https://www.example.com/security/.well-known/"),
    ({"vendor_url": "http://www.example.com"}, "must be an https URL"),
])
def test_settings_that_cannot_be_right_are_refused_with_the_reason(given: dict, says: str) -> None:
    with pytest.raises(ValidationError) as exc:
        Settings.model_validate(given)
    assert says in str(exc.value)
