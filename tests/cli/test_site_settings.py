"""Settings that disagree between mkdocs.yml's blocks stop the build at once, saying which and how to fix it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE = Path(__file__).parent.parent / "lint" / "base"
THEME = Path(__file__).resolve().parents[2] / "theme"
I18N = """  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: de, name: Deutsch, build: true}
"""


@pytest.mark.parametrize(("head", "patchday", "i18n", "expected"), [
    ("site_url: https://docs.contoso.example/security/\n", "", "",
     "mkdocs.yml:2: site_url is https://docs.contoso.example/security/ but plugins.patchday.vendor_url is https://security.contoso.example"),
    # Each setting by file and line: the i18n plugin's list (line 12) and patchday's (line 8).
    ("", "      languages: [en, de, fr]\n      required_languages: [en]\n", I18N,
     "mkdocs.yml:12: plugins.i18n.languages builds ['en', 'de'] but plugins.patchday.languages (mkdocs.yml:8) is "
     "['en', 'de', 'fr'] (not built by i18n: fr); list the same languages in both"),
    ("", "      languages: [de, en]\n      required_languages: [de]\n", I18N,
     "mkdocs.yml:12: plugins.i18n's default language is en but patchday's source language (the first of "
     "plugins.patchday.languages, mkdocs.yml:8) is de"),
    ("", "      vendor_url: https://contoso.example/security\n", "",
     "would land under https://contoso.example/security/.well-known/"),
])
def test_disagreeing_settings_stop_the_build_with_the_fix(tmp_path: Path, head: str, patchday: str, i18n: str,
                                                           expected: str) -> None:
    shutil.copytree(BASE, tmp_path / "bulletins")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\n{head}theme:\n  name: material\n  custom_dir: {THEME}\n"
        f"plugins:\n  - patchday:\n      vendor: Test\n{patchday}{i18n}", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "patchday.cli", "build", "-d", "out"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode in (1, 2), r.stdout + r.stderr
    assert expected in r.stderr, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
