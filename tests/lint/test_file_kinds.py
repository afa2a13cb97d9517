"""Entries of the data folder named like records that are not plain files: each gets a diagnostic, never silence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from patchday.lint.across import safe_id
from patchday.load.files import Kind, classify

BASE = Path(__file__).parent / "base"


def validate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "patchday.cli", "validate", *args], cwd=root, capture_output=True,
                          text=True, timeout=60, check=False)


def plant(root: Path, kind: str) -> str:
    """Make one odd entry named like a bulletin; return its path as diagnostics print it."""
    rel = "bulletins/2026/CX26-002.yaml"
    path = root / rel
    if kind == "dangling link":
        path.symlink_to("CX26-404.yaml")
    elif kind == "fifo":
        os.mkfifo(path)  # reading it would wait for a writer forever
    elif kind == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("x\n", encoding="utf-8")
    elif kind == "link to a folder":
        (root / "elsewhere").mkdir()
        path.symlink_to(root / "elsewhere")
    elif kind == "upper-case yml":
        rel = "bulletins/2026/CX26-002.YML"
        (root / rel).write_text("schema_version: 1\n", encoding="utf-8")
    return rel


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
@pytest.mark.parametrize(("kind", "code", "words"), [
    ("dangling link", "PD035", "a symbolic link to CX26-404.yaml, which does not exist"),
    ("fifo", "PD035", "named like a record, but a named pipe"),
    ("folder", "PD035", "named like a record, but a folder"),
    ("link to a folder", "PD035", "named like a record, but a folder"),
    ("upper-case yml", "PD030", "record files end in .yaml"),
])
def test_an_entry_named_like_a_record_is_reported(tmp_path: Path, kind: str, code: str, words: str, cache: bool) -> None:
    shutil.copytree(BASE, tmp_path / "bulletins")
    rel = plant(tmp_path, kind)
    r = validate(tmp_path, *([] if cache else ["--no-cache"]))
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"{rel}:1:1: error {code} {words}" in r.stdout, r.stdout
    assert "hint: " in r.stdout and "Traceback" not in r.stderr
    if cache:  # the verdict is replayed from the cache the second time, and the same
        again = validate(tmp_path)
        assert again.stdout == r.stdout


def test_ids_and_file_names_are_matched_whole() -> None:
    """Python's `$` matches before a final line break; every check uses fullmatch."""
    assert safe_id("CX26-001") and not safe_id("CX26-001\n")
    root = Path("/data")
    assert classify(root / "2026" / "CX26-001.yaml", root, "x").kind is Kind.BULLETIN
    assert classify(root / "2026" / "CX26-001.yaml\n", root, "x").kind is Kind.UNKNOWN
    assert classify(root / "releases" / "2026-01.yaml\n", root, "x").kind is Kind.UNKNOWN
