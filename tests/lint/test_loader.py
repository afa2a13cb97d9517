"""The strict loader on inputs that case files cannot express well."""

from __future__ import annotations

from pathlib import Path

import pytest

from patchday.lint import lint
from patchday.load.corpus import load_corpus
from patchday.load.scalars import Plain11, read_plain
from patchday.load.yaml_strict import MAX_BYTES, read_text
from patchday.model import Settings

BASE = Path(__file__).parent / "base"


def codes(text: str) -> list[str]:
    return [d.code for d in read_text(text, "x.yaml")[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.10", 1.1),  # YAML 1.2 float; the model refuses it where text is expected
        ("true", True),
        ("false", False),
        ("~", None),
        ("42", 42),
        ("CX26-001", "CX26-001"),
        ("15.2.1544.9", "15.2.1544.9"),
    ],
)
def test_plain_scalars_follow_yaml_12_core(text: str, expected: object) -> None:
    assert read_plain(text) == expected


@pytest.mark.parametrize(
    ("text", "reads_as"),
    [("no", "a boolean"), ("Yes", "a boolean"), ("off", "a boolean"), ("2026-01-13", "a date"),
     ("1_000", "a number"), ("0o17", "a number"), ("1:20", "a number"), (".inf", "a number"), ("NULL", "null (nothing)")],
)
def test_yaml11_traps_are_marked(text: str, reads_as: str) -> None:
    value = read_plain(text)
    assert isinstance(value, Plain11) and value == text and value.reads_as == reads_as


def _read_by_patterns(text: str) -> object:
    """read_plain without its shortcuts: every pattern tried in turn."""
    from patchday.load import scalars

    if text in ("true", "false"):
        return text == "true"
    if text in ("null", "~", ""):
        return None
    if scalars._INT12.fullmatch(text):
        return int(text)
    if scalars._FLOAT12.fullmatch(text):
        return float(text)
    reads_as = scalars.yaml11_reading(text)
    return Plain11(text, reads_as) if reads_as is not None else text


def test_plain_scalar_shortcuts_read_as_the_patterns_do() -> None:
    # Texts with spaces (the shortcut's case) beside every special form, and the one special
    # form that may hold spaces: a YAML 1.1 timestamp.
    import itertools

    heads = ["The", "For", "No", "no", "On", "Yes", "True", "Null", "off", "-", "+", ".", "~", "1", "2026-01-13", "0x1F",
             "1_000", "1:20", ".inf", "2026-01-13T10:00:00Z", "10.0.1", "tO", "Field"]
    tails = ["", " ", " update", "\tupdate", " 10:00:00", "\t10:00:00", " 10:00:00 +01:00", "T10:00:00 Z", "  ", "s"]
    texts = ["".join(p) for p in itertools.product(heads, tails)]
    texts += ["2026-01-13 10:00:00", "2026-1-3  1:00:00.5 -05", "2026-01-13\t10:00:00", "1 2", "- x", "~ x", "y n"]
    for text in texts:
        got, want = read_plain(text), _read_by_patterns(text)
        assert (type(got), got, getattr(got, "reads_as", None)) == (type(want), want, getattr(want, "reads_as", None)), text
    assert isinstance(read_plain("2026-01-13 10:00:00"), Plain11)  # the spaced form the shortcut must leave alone


def test_quoted_scalars_stay_text() -> None:
    doc, problems = read_text('a: "no"\nb: \'1.10\'\n', "x.yaml")
    assert problems == [] and doc.value == {"a": "no", "b": "1.10"}
    assert not isinstance(doc.value["a"], Plain11)


def test_positions_are_kept() -> None:
    doc, _ = read_text("a:\n  b:\n    - x\n    - y: 1\n", "x.yaml")
    assert doc.where[("a", "b", 1, "y")] == (4, 10)
    assert doc.key_where[("a", "b")] == (2, 3)
    assert doc.locate(("a", "b", 1, "y", "missing")) == (4, 10)


def test_too_large_file_is_refused() -> None:
    assert codes("a: " + "x" * (MAX_BYTES + 1)) == ["PD001"]


def test_complex_key_is_refused() -> None:
    assert codes("? [a, b]\n: 1\n") == ["PD005"]


def test_unknown_alias_is_refused() -> None:
    assert codes("a: *nope\n") in (["PD007"], ["PD002"])


def test_no_key_is_dropped_for_its_spelling() -> None:
    # The full walk once marked a repeated key's value with the key "\\0dup": a key written so vanished.
    doc, problems = read_text('"\\0dup": 1\na: 2\na: 3\n', "x.yaml")
    assert doc.value == {"\x00dup": 1, "a": 2} and [d.code for d in problems] == ["PD010"]


def test_all_problems_of_a_file_are_reported_at_once() -> None:
    doc, problems = read_text("a: 1\na: 2\nb: 3\nb: 4\n", "x.yaml")
    assert [(d.line, d.code) for d in problems] == [(2, "PD010"), (4, "PD010")]


def test_non_utf8_file(tmp_path: Path) -> None:
    root = tmp_path / "b"
    (root / "2026").mkdir(parents=True)
    (root / "products.yaml").write_bytes((BASE / "products.yaml").read_bytes())
    (root / "2026" / "CX26-001.yaml").write_bytes(b"id: \xff\xfe\n")
    found = [d.code for d in lint(load_corpus(root, cwd=root), Settings())]
    assert "PD032" in found


def test_missing_catalogue_is_reported(tmp_path: Path) -> None:
    (tmp_path / "2026").mkdir()
    (tmp_path / "2026" / "CX26-001.yaml").write_bytes((BASE / "2026" / "CX26-001.yaml").read_bytes())
    found = {(d.file, d.code) for d in lint(load_corpus(tmp_path, cwd=tmp_path), Settings())}
    assert ("products.yaml", "PD034") in found


def test_problems_across_files_come_in_one_run(tmp_path: Path) -> None:
    root = tmp_path / "b"
    import shutil

    shutil.copytree(BASE, root)
    (root / "2026" / "CX26-002.yaml").write_text("id: [\n", encoding="utf-8")
    (root / "2026" / "CX26-003.yaml").write_text("title: no\n", encoding="utf-8")
    found = {d.file for d in lint(load_corpus(root, cwd=root), Settings())}
    assert {"2026/CX26-002.yaml", "2026/CX26-003.yaml"} <= found
