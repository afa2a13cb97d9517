"""Normalised HTML snapshots of the fixture site in two languages.

Update after an intended change with:
    pytest tests -k snapshot --update-snapshots
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.site.chrome import chrome_snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots"
PAGES = ["", "releases/", "releases/2026-01/", "bulletins/CX26-001/", "bulletins/CX26-002/", "bulletins/CX26-003/",
         "products/mail-server/", "cves/", "cves/2026/", "affected/"]


def normalise(html: str) -> str:
    """The parts we own: <html lang>, <title>, alternate links and the article; prettified."""
    soup = BeautifulSoup(html, "html.parser")
    keep = BeautifulSoup("", "html.parser")
    root = keep.new_tag("page", attrs={"lang": soup.html.get("lang", "")})
    keep.append(root)
    root.append(soup.title)
    for link in soup.find_all("link", rel="alternate"):
        root.append(link)
    for meta in soup.find_all("meta", attrs={"name": "robots"}):
        root.append(meta)
    root.append(soup.select_one("article.md-content__inner"))
    return keep.prettify()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_snapshot(site, request, lang, page):
    prefix = "" if lang == "en" else f"{lang}/"
    got = normalise((site / prefix / page / "index.html").read_text(encoding="utf-8"))
    name = (page.strip("/").replace("/", "_") or "home") + ".html"
    path = SNAPSHOTS / lang / name
    if request.config.getoption("--update-snapshots", default=False):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path}; run pytest tests -k snapshot --update-snapshots"
    assert got == path.read_text(encoding="utf-8"), f"{path} differs; review, then --update-snapshots"


# One page of each kind: the chrome around the article (header, tabs, nav, contents, footer,
# scripts, styles, language links), poured or rendered by Material.
KINDS = {"home": "", "releases": "releases/", "release": "releases/2026-01/", "bulletin": "bulletins/CX26-001/",
         "products": "products/", "product": "products/mail-server/", "cves": "cves/", "cves_year": "cves/2026/",
         "affected": "affected/", "search": "search/"}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", KINDS)
def test_chrome_snapshot(site, request, lang, kind):
    prefix = "" if lang == "en" else f"{lang}/"
    got = chrome_snapshot((site / prefix / KINDS[kind] / "index.html").read_text(encoding="utf-8"))
    path = SNAPSHOTS / lang / "chrome" / f"{kind}.txt"
    if request.config.getoption("--update-snapshots", default=False):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path}; run pytest tests -k snapshot --update-snapshots"
    assert got == path.read_text(encoding="utf-8"), f"{path} differs; review, then --update-snapshots"
