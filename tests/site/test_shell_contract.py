"""The shell contract (patchday.render.shell_contract): a poured page is the page Material renders.

The fixture site is built once more with one page of each poured kind (bulletin, release
month, product, CVE year) in each language also rendered by Material as an ordinary page at
the same URL (tests/site/material_build.py). Both are compared region by region: a change
in Material's templates or in the theme's overrides that the pouring does not follow fails
here, naming the region and the lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.site.chrome import KINDS, LANGS, build_both_ways, differences


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_both_ways(Path(sys.executable), tmp_path_factory.mktemp("shell-contract"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_poured_page_is_what_material_renders(both_ways, kind, lang):
    site, material = both_ways
    path = ("" if lang == "en" else f"{lang}/") + KINDS[kind] + "index.html"
    poured, rendered = (site / path).read_text(encoding="utf-8"), (material / path).read_text(encoding="utf-8")
    assert poured != rendered  # poured, not the page Material wrote there first (the indent differs)
    problems = differences(poured, rendered, site)
    assert not problems, f"{path}: the poured page's chrome left Material's\n" + "\n\n".join(problems)


def test_a_drift_is_caught(both_ways):
    """The comparison itself: a changed token in the chrome is reported with its region."""
    site, material = both_ways
    page = (site / KINDS["bulletin"] / "index.html").read_text(encoding="utf-8")
    rendered = (material / KINDS["bulletin"] / "index.html").read_text(encoding="utf-8")
    assert [p.split(":")[0] for p in differences(page.replace('class="md-nav__link"', 'class="md-nav__lnk"', 1), rendered, site)] == ["nav"]
    assert "toc" in [p.split(":")[0] for p in differences(page.replace("md-ellipsis", "md-ellipses"), rendered, site)]
