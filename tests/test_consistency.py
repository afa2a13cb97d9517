"""One catalog, many formats: HTML, CSAF, JSON and feeds agree on the example corpus.

Counts of bulletins, CVEs and per-release totals are read back from the built
files of each format (not from the catalog) and compared, in every language.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from patchday.catalog import build_catalog
from patchday.export import counts
from patchday.load.corpus import load_corpus
from patchday.settings_file import load_settings
from tests.release.sitebuild import ROOT, build, site_config

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("example-site")]
AS_OF = "2026-11-25T12:00:00Z"
LANGS = ("", "de/", "fr/", "ja/")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("example")
    out = tmp / "site"
    build(site_config(tmp, ROOT / "bulletins"), out, as_of=AS_OF)
    return out


def html_counts(site: Path, prefix: str) -> dict:
    bulletins = sorted(p.parent.name for p in (site / prefix / "bulletins").glob("*/index.html"))
    # The CVE index: an overview with a count per year, and a page per year listing them.
    overview = BeautifulSoup((site / prefix / "cves" / "index.html").read_text(encoding="utf-8"), "html.parser")
    per_year = {tr.find_all("td")[0].get_text(strip=True): int(tr.find_all("td")[1].get_text(strip=True))
                for tr in overview.select("table tr") if tr.find("td")}
    cves = set()
    for year, count in per_year.items():
        page = BeautifulSoup((site / prefix / "cves" / year / "index.html").read_text(encoding="utf-8"), "html.parser")
        listed = {tr.find("td").get_text(strip=True) for tr in page.select("table.pd-filterable tr") if tr.find("td")}
        assert len(listed) == count and all(c.split("-")[1] == year for c in listed), (prefix, year)
        cves |= listed
    releases = {}
    for page in sorted((site / prefix / "releases").glob("*/index.html")):
        month = page.parent.name
        if not re.fullmatch(r"\d{4}-\d{2}", month):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        rows = [tr for tr in soup.select("table.pd-filterable tr") if tr.find("td")]
        live = [tr for tr in rows if "pd-withdrawn" not in (tr.get("class") or [])]
        releases[month] = {"bulletins": len(rows), "cves": sum(int(tr.find_all("td")[5].get_text(strip=True)) for tr in live)}
    return {"bulletins": len(bulletins), "cves": len(cves), "releases": releases}


def test_every_format_agrees(site: Path) -> None:
    settings, base = load_settings(ROOT / "mkdocs.yml")
    catalog = build_catalog(load_corpus(base / settings.source), settings, dt.datetime.fromisoformat(AS_OF.replace("Z", "+00:00")))
    expected = {
        "bulletins": len(catalog.entries),
        "cves": len(catalog.by_cve),
        "releases": {m: {"bulletins": len(r.entries), "cves": r.cve_count} for m, r in catalog.releases.items()},
    }
    assert expected["bulletins"] >= 40 and expected["cves"] >= 120
    found = counts(site)
    formats = {f"html:{lang or 'en/'}": html_counts(site, lang) for lang in LANGS}
    formats["csaf"] = {k: found["csaf"][k] for k in ("bulletins", "cves", "releases")}
    formats["json"] = found["json"]
    for name, value in found.items():
        if name.startswith("feed"):
            formats[name] = {k: value[k] for k in ("bulletins", "cves", "releases")}
    assert len(formats) >= 10
    for name, got in formats.items():
        assert got == expected, f"{name} disagrees with the catalog"


def test_withdrawn_bulletin_keeps_its_url_and_says_why(site: Path) -> None:
    for lang in LANGS:
        page = (site / lang / "bulletins" / "CX26-015" / "index.html").read_text(encoding="utf-8")
        assert "pd-withdrawn" in page or "withdrawn" in page.lower()
