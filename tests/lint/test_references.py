"""Cross-references and revisions never publish a bulletin's future (PD607-PD609).

A published record may name another bulletin only once that one is public; a
published bulletin may not carry a revision dated after the build's as-of. The
case files under cases/ show one diagnostic of each; these tests cover the other
ways in (supersedes, overlays, a draft target, revisions that add a mention
later) and check that the validation cache says exactly what a full run says.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml

from patchday.lint import cache, lint
from patchday.lint.references import finder, ids_in
from patchday.load.corpus import load_corpus
from patchday.model import Settings

BASE = Path(__file__).parent / "base"
LONG_AGO = time.time() - 3600


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    os.utime(path, (LONG_AGO, LONG_AGO))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The base corpus plus CX26-002, an out-of-band bulletin released after CX26-001."""
    root = tmp_path / "bulletins"
    shutil.copytree(BASE, root)
    b = _load(root / "2026" / "CX26-001.yaml")
    b.update(id="CX26-002", released="2026-01-22T15:30:00-08:00", out_of_band={"reason": "Exploited in the wild."})
    b["vulnerabilities"][0]["cve"] = "CVE-2026-21002"
    b["affected"][0]["update"]["id"] = "KB5031002"
    b["revisions"] = [{"version": "1.0", "date": "2026-01-22", "summary": "Information published."}]
    _dump(root / "2026" / "CX26-002.yaml", b)
    for path in root.rglob("*.yaml"):
        os.utime(path, (LONG_AGO, LONG_AGO))
    return root


def _codes(root: Path, as_of: str | None = None) -> set[tuple[str, str, tuple]]:
    """What the rules say, stale translations (a warning a new revision brings) aside."""
    found = lint(load_corpus(root, cwd=root), Settings(), as_of=_utc(as_of) if as_of else None)
    return {(d.file, d.code, d.path) for d in found if d.code != "PD704"}


def _edit(path: Path, change) -> None:
    data = _load(path)
    change(data)
    _dump(path, data)


def test_the_fixture_is_clean(root: Path) -> None:
    assert _codes(root) == set()
    assert _codes(root, "2026-12-01T00:00:00Z") == set()


def test_an_id_is_found_as_a_whole_word_only() -> None:
    find = finder(Settings().id_pattern)
    assert ids_in("see CX26-004, and (CX25-010); https://x.example/bulletins/CX26-005/", find) == [
        "CX26-004", "CX25-010", "CX26-005"]
    assert ids_in("XCX26-004 CX26-0045 CX26-04 cx26-004", find) == []


def test_supersedes_naming_a_draft_is_refused(root: Path) -> None:
    _edit(root / "2026" / "CX26-002.yaml", lambda b: b.update(status="draft"))
    _edit(root / "2026" / "CX26-001.yaml", lambda b: b["affected"][0]["update"]["supersedes"].append("CX26-002"))
    assert _codes(root) == {("2026/CX26-001.yaml", "PD607", ("affected", 0, "update", "supersedes", 1))}


def test_a_translation_naming_a_later_bulletin_is_refused(root: Path) -> None:
    _edit(root / "2026" / "CX26-001.fr.yaml", lambda o: o.update(title="Voir aussi CX26-002"))
    assert _codes(root) == {("2026/CX26-001.fr.yaml", "PD607", ("title",))}


def test_a_mention_added_by_a_revision_on_its_day_passes_but_not_before_that_day(root: Path) -> None:
    def revise(b: dict) -> None:
        b["vulnerabilities"][0]["faq"][0]["answer"] = "Those who have not installed CX26-002."
        b["revisions"].append({"version": "1.2", "date": "2026-01-23", "summary": "Named CX26-002."})

    _edit(root / "2026" / "CX26-001.yaml", revise)
    assert _codes(root) == set()
    # a build as of the revision's day, before CX26-002's time: both would be early
    assert _codes(root, "2026-01-22T20:00:00Z") == {
        ("2026/CX26-001.yaml", "PD608", ("vulnerabilities", 0, "faq", 0, "answer")),
        ("2026/CX26-001.yaml", "PD608", ("revisions", 2, "summary")),
        ("2026/CX26-001.yaml", "PD609", ("revisions", 2, "date")),
    }
    assert _codes(root, "2026-01-24T00:00:00Z") == set()


def test_a_draft_may_name_anything_until_it_is_final(root: Path) -> None:
    _edit(root / "2026" / "CX26-001.yaml", lambda b: b.update(status="draft", summary="Replaced by CX26-002."))
    assert _codes(root, "2026-01-14T00:00:00Z") == set()


def test_release_notes_name_a_bulletin_only_once_it_is_public(root: Path) -> None:
    _edit(root / "releases" / "2026-01.yaml", lambda n: n["highlights"][0].update(text="Install CX26-002 too."))
    assert _codes(root) == set()  # no build moment: nothing to compare with
    assert _codes(root, "2026-01-21T00:00:00Z") == {("releases/2026-01.yaml", "PD608", ("highlights", 0, "text"))}
    assert _codes(root, "2026-01-13T17:00:00Z") == set()  # before patch day the notes are not public
    assert _codes(root, "2026-01-23T00:00:00Z") == set()


def test_the_cache_says_what_a_full_run_says(root: Path, tmp_path: Path) -> None:
    settings = Settings()
    as_of = _utc("2026-01-20T00:00:00Z")

    def cached() -> cache.Outcome:
        return cache.validate(root, settings, cwd=root, cache_dir=tmp_path / ".cache", as_of=as_of)

    def full() -> list:
        return lint(load_corpus(root, cwd=root), settings, as_of=as_of)

    first = cached()
    assert first.diagnostics == full()
    assert [d.code for d in first.diagnostics if d.code.startswith("PD6")] == ["PD609"]  # CX26-001 1.1 is 2026-01-20
    _edit(root / "releases" / "2026-01.yaml", lambda n: n["highlights"][0].update(text="Install CX26-002 too."))
    again = cached()
    assert again.diagnostics == full()
    assert {d.code for d in again.diagnostics} == {"PD608", "PD609"}
    replayed = cached()  # nothing changed: every unit replayed, the as-of rules still run
    assert replayed.cached_units == 2 and replayed.checked_units == 0
    assert replayed.diagnostics == again.diagnostics
