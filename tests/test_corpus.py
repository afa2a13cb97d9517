"""Repo-wide check (vulndb's all_test): the example corpus validates clean and is what we promise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from patchday.catalog import build_catalog
from patchday.diagnostics import Severity
from patchday.lint import lint
from patchday.load.corpus import load_corpus
from patchday.settings_file import load_settings
from patchday.translate.freshness import State, assess

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def loaded():
    settings, base = load_settings(ROOT / "mkdocs.yml")
    corpus = load_corpus(base / settings.source, cwd=ROOT)
    return settings, corpus, lint(corpus, settings)


def test_corpus_has_no_errors(loaded) -> None:
    _, _, diagnostics = loaded
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert errors == [], "\n".join(f"{d.file}:{d.line}: {d.code} {d.message}" for d in errors)


def test_only_expected_warnings(loaded) -> None:
    """Stale translations are kept on purpose (the site shows their notice); nothing else warns."""
    _, _, diagnostics = loaded
    assert {d.code for d in diagnostics if d.severity is Severity.WARNING} <= {"PD704"}


def test_corpus_is_the_size_we_promise(loaded) -> None:
    settings, corpus, _ = loaded
    catalog = build_catalog(corpus, settings, dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    assert len(catalog.releases) >= 14
    assert len(catalog.entries) >= 40
    assert len(catalog.by_cve) >= 120
    assert len(catalog.products) >= 6 and all(len(p.versions) >= 2 for p in catalog.products.values())
    oob = [e for e in catalog.entries if e.out_of_band]
    assert len(oob) >= 2
    # one out-of-band bulletin first shipped workarounds only, and gained its update in a revision
    assert any(len(e.bulletin.revisions) >= 2 and e.bulletin.vulnerabilities[0].workarounds for e in oob)
    assert sum(1 for e in catalog.entries if e.withdrawn) == 1
    # the remediation model's cases: separate updates, a component in a platform, exploitation found later
    separate = [p.id for p in catalog.products.values() if p.updates == "separate"]
    assert separate and sum(1 for e in catalog.entries if separate[0] in e.products) >= 3
    components = [p.id for p in catalog.products.values() if any(v.part_of for v in p.versions)]
    assert components and any(components[0] in e.products for e in catalog.entries)
    assert any(v.exploited_since for e in catalog.entries for v in e.bulletin.vulnerabilities)


def test_translations_are_mostly_there_with_some_gaps(loaded) -> None:
    settings, corpus, _ = loaded
    overlays = {(o.source.stem, o.source.lang): o.model for o in corpus.overlays}
    states = {lang: [assess(b.model, overlays.get((b.model.id, lang))).state for b in corpus.bulletins] for lang in ("de", "fr", "ja")}
    for lang, got in states.items():
        present = sum(1 for s in got if s is not State.MISSING)
        assert present / len(got) > 0.6, f"{lang}: only {present}/{len(got)} translated"
    flat = [s for got in states.values() for s in got]
    assert State.MISSING in flat and State.STALE in flat


def test_translated_csaf_says_why_no_update_exists_in_its_language(loaded) -> None:
    """A no_fix reason the overlay translates is the remediation's details in that language's CSAF document."""
    from patchday.export.csaf.document import advisory, translation

    settings, corpus, _ = loaded
    catalog = build_catalog(corpus, settings, dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    entry = catalog.by_id["CX26-001"]
    reason = {lang: entry.overlays[lang].no_fix["mail-server"]["SE"] for lang in ("de", "fr", "ja")}

    def no_fix_details(doc: dict) -> set[str]:
        return {r["details"] for v in doc["vulnerabilities"] for r in v.get("remediations", [])
                if r["category"] in ("none_available", "no_fix_planned")}

    english = no_fix_details(advisory(entry, catalog))
    assert english and not english & set(reason.values())
    for lang, text in reason.items():
        assert no_fix_details(translation(entry, catalog, lang)) == {text.strip()}, lang
