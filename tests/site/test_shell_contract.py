"""The shell contract (patchday.render.shell_contract): a poured page is the page Material renders.

The fixture site is built once more with one page of each poured kind (bulletin, release
month, product, CVE year) in each language also rendered by Material as an ordinary page at
the same URL (tests/site/material_build.py). Both are compared region by region: a change
in Material's templates or in the theme's overrides that the pouring does not follow fails
here, naming the region and the lines.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.chrome import REGIONS, regions
from tests.site.conftest import AS_OF, FIXTURE

RUNNER = Path(__file__).with_name("material_build.py")
KINDS = {"bulletin": "bulletins/CX26-001/", "release": "releases/2026-01/", "product": "products/mail-server/",
         "cves_year": "cves/2026/"}
LANGS = ("en", "de", "fr", "ja")
def differences(poured: str, material: str) -> list[str]:
    a, b = regions(poured), regions(material)
    out = []
    for name in REGIONS:
        if a[name] != b[name]:
            diff = difflib.unified_diff(b[name].splitlines(), a[name].splitlines(), "material", "poured", n=1, lineterm="")
            out.append(f"{name}:\n" + "\n".join(list(diff)[:30]))
    return out


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("shell-contract")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATCHDAY_AS_OF": AS_OF, "PATCHDAY_MATERIAL_OUT": str(tmp / "material")}
    env.pop("PATCHDAY_PREVIEW", None)
    cmd = [sys.executable, str(RUNNER), "build", "--strict", "-f", str(FIXTURE / "mkdocs.yml"), "-d", str(tmp / "site")]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site", tmp / "material"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_poured_page_is_what_material_renders(both_ways, kind, lang):
    site, material = both_ways
    path = ("" if lang == "en" else f"{lang}/") + KINDS[kind] + "index.html"
    poured, rendered = (site / path).read_text(encoding="utf-8"), (material / path).read_text(encoding="utf-8")
    assert poured != rendered  # poured, not the page Material wrote there first (the indent differs)
    problems = differences(poured, rendered)
    assert not problems, f"{path}: the poured page's chrome left Material's\n" + "\n\n".join(problems)


def test_a_drift_is_caught(both_ways):
    """The comparison itself: a changed token in the chrome is reported with its region."""
    site, material = both_ways
    page = (site / KINDS["bulletin"] / "index.html").read_text(encoding="utf-8")
    rendered = (material / KINDS["bulletin"] / "index.html").read_text(encoding="utf-8")
    assert [p.split(":")[0] for p in differences(page.replace('class="md-nav__link"', 'class="md-nav__lnk"', 1), rendered)] == ["nav"]
    assert "toc" in [p.split(":")[0] for p in differences(page.replace("md-ellipsis", "md-ellipses"), rendered)]
