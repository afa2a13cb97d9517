"""Errors about mkdocs.yml name the file and line of each setting, also through INHERIT."""

from __future__ import annotations

from pathlib import Path

from patchday.mkdocs_plugin.config import where

ROOT = Path(__file__).resolve().parents[2]


def _line(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip().startswith(text))


def test_a_setting_is_found_in_the_file_that_inherits_or_in_the_one_it_inherits(monkeypatch):
    monkeypatch.chdir(ROOT)
    fixture = ROOT / "tests" / "fixtures" / "site" / "mkdocs.yml"
    # The fixture lists i18n's languages itself and inherits patchday's from the root mkdocs.yml.
    assert where(str(fixture), "plugins", "i18n", "languages") == f"tests/fixtures/site/mkdocs.yml:{_line(fixture, 'languages:')}"
    assert where(str(fixture), "plugins", "patchday", "languages") == f"mkdocs.yml:{_line(ROOT / 'mkdocs.yml', 'languages: [')}"
    assert where(str(fixture), "plugins", "patchday", "no_such_key") == "tests/fixtures/site/mkdocs.yml"
