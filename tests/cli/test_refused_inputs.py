"""The hostile inputs of the build's attack, through the real commands: exit 1, file:line and a hint, no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lint.test_cases import parse_case

CASES = Path(__file__).resolve().parents[1] / "lint" / "cases" / "invalid"
BASE = CASES.parent.parent / "base"
THEME = Path(__file__).resolve().parents[2] / "theme"
ATTACK = ["control-character-bulletin", "control-character-overlay", "control-character-catalogue",
          "control-character-release-notes", "title-blank", "title-newline", "title-invisible-characters",
          "id-trailing-newline", "catalogue-name-invisible", "released-year-9999", "uppercase-extension",
          "html-slash-forms", "javascript-reference-link", "catalogue-html-name", "identifier-other-digits"]


def corpus_with(tmp_path: Path, name: str) -> tuple[Path, set[tuple[str, int, str]]]:
    _, target, expected, text = parse_case(CASES / f"{name}.yaml")
    shutil.copytree(BASE, tmp_path / "bulletins")
    dest = tmp_path / "bulletins" / target
    dest.write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\ntheme:\n  name: material\n  custom_dir: {THEME}\n"
                                         "plugins:\n  - patchday\n", encoding="utf-8")
    return tmp_path, expected


def run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "patchday.cli", *args], cwd=site, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.mark.parametrize("name", ATTACK)
def test_validate_names_file_line_and_hint(tmp_path: Path, name: str) -> None:
    site, expected = corpus_with(tmp_path, name)
    r = run(site, "validate", "--no-cache")
    assert r.returncode == 1, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    for file, line, code in expected:
        at = [i for i, text in enumerate(lines) if text.startswith(f"bulletins/{file}:{line}:") and f" {code} " in text]
        assert at, (file, line, code, r.stdout)
        assert lines[at[0] + 1].strip().startswith("hint: ")
    assert "Traceback" not in r.stdout + r.stderr


@pytest.mark.parametrize("name", ["control-character-bulletin", "released-year-9999", "title-invisible-characters"])
def test_build_stops_with_the_lint_errors(tmp_path: Path, name: str) -> None:
    site, _ = corpus_with(tmp_path, name)
    r = run(site, "build", "-d", "out", "--as-of", "2026-12-01T00:00:00Z")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "error(s) in the records" in r.stderr and "Traceback" not in r.stdout + r.stderr
    assert not (site / "out" / "feeds").exists()
