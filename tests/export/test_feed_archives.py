"""Feeds are RFC 5005 archived feeds: a small subscription document, one stable archive per old year.

The example corpus runs from 2025-09 to 2026-11. Built as of 2027-03-01, its 2025
entries are archived and the subscription document holds 2026 and 2027 only.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from patchday.catalog import build_catalog
from patchday.export import feeds
from patchday.export.counts import ATOM, feed_documents
from patchday.load.corpus import load_corpus
from patchday.settings_file import load_settings

ROOT = Path(__file__).resolve().parents[2]
LATER = dt.datetime(2027, 3, 1, tzinfo=dt.UTC)
HISTORY = "{http://purl.org/syndication/history/1.0}"


@pytest.fixture(scope="module")
def catalog():
    settings, base = load_settings(ROOT / "mkdocs.yml")
    return build_catalog(load_corpus(base / settings.source), settings, LATER)


@pytest.fixture(scope="module")
def written(catalog, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("feeds")
    for path, data in feeds.feeds(catalog).items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    return site


def _ids(root: ET.Element) -> list[str]:
    return [e.findtext(f"{ATOM}id") or "" for e in root.findall(f"{ATOM}entry")]


def _links(root: ET.Element) -> dict[str, str]:
    return {link.get("rel", ""): link.get("href", "") for link in root.findall(f"{ATOM}link")}


def test_old_years_are_archived_and_the_subscription_document_keeps_two(written, catalog):
    docs = feed_documents(written / "feeds/en/bulletins.atom")
    assert len(docs) == 2  # the subscription document and 2025
    current, archive = docs
    years = {e.findtext(f"{ATOM}updated")[:4] for e in current.findall(f"{ATOM}entry")}
    assert years == {"2026"}
    assert {e.findtext(f"{ATOM}updated")[:4] for e in archive.findall(f"{ATOM}entry")} == {"2025"}
    assert current.find(f"{HISTORY}archive") is None and archive.find(f"{HISTORY}archive") is not None
    assert _links(archive)["current"] == _links(current)["self"]
    assert _links(current)["prev-archive"] == _links(archive)["self"]
    assert _links(archive)["self"].endswith("/feeds/en/archive/2025/bulletins.atom")
    assert "prev-archive" not in _links(archive) and "next-archive" not in _links(archive)
    assert archive.findtext(f"{ATOM}title") == "Contoso security bulletins (2025)"


def test_no_entry_is_lost_or_repeated_by_the_split(catalog, monkeypatch):
    split = feeds.feeds(catalog)
    monkeypatch.setattr(feeds, "CURRENT_YEARS", 100)
    whole = feeds.feeds(catalog)
    assert not [p for p in whole if "/archive/" in p] and [p for p in split if "/archive/" in p]
    for path, data in whole.items():
        _, lang, name = path.split("/", 2)  # feeds/<lang>/<name>.atom
        archives = [d for p, d in split.items() if p.startswith(f"feeds/{lang}/archive/") and p.split("/", 4)[4] == name]
        parts = [split[path], *archives]
        got = [i for d in parts for i in _ids(ET.fromstring(d))]
        assert sorted(got) == sorted(_ids(ET.fromstring(data))), path
        assert len(got) == len(set(got)), path


def test_a_client_following_the_chain_counts_every_bulletin(written, catalog):
    for lang in catalog.settings.languages:
        new = [e for root in feed_documents(written / "feeds" / lang / "bulletins.atom") for e in root.findall(f"{ATOM}entry")
               if any(c.get("term") == "new" and c.get("scheme", "").endswith("/entry-type") for c in e.findall(f"{ATOM}category"))]
        assert len(new) == len(catalog.entries), lang


def test_every_document_parses(written):
    paths = sorted((written / "feeds").rglob("*.atom"))
    assert any("/archive/" in p.as_posix() for p in paths)
    for path in paths:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))


def test_archive_links_chain_both_ways(catalog, monkeypatch, tmp_path):
    monkeypatch.setattr(feeds, "CURRENT_YEARS", 0)  # everything archived: 2025 and 2026
    out = feeds.feeds(catalog)
    for path, data in out.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    chains = [feed_documents(p) for p in (tmp_path / "feeds/fr/products").glob("*.atom")]
    assert max(len(docs) for docs in chains) == 3  # a product with entries in both years
    for docs in chains:  # each product's chain, followed from its subscription document, goes back in time
        years = [d.findtext(f"{ATOM}title")[-5:-1] for d in docs[1:]]
        assert years == sorted(years, reverse=True), years
    a2025 = ET.fromstring(out["feeds/en/archive/2025/bulletins.atom"])
    a2026 = ET.fromstring(out["feeds/en/archive/2026/bulletins.atom"])
    current = ET.fromstring(out["feeds/en/bulletins.atom"])
    assert _ids(current) == []
    assert _links(current)["prev-archive"] == _links(a2026)["self"]
    assert _links(a2026)["prev-archive"] == _links(a2025)["self"]
    assert _links(a2025)["next-archive"] == _links(a2026)["self"]
    assert "next-archive" not in _links(a2026) and "prev-archive" not in _links(a2025)


def test_a_looping_chain_is_an_error(written, tmp_path):
    site = tmp_path
    src = (written / "feeds/en/bulletins.atom").read_text(encoding="utf-8")
    (site / "feeds/en").mkdir(parents=True)
    looped = src.replace("/feeds/en/archive/2025/bulletins.atom", "/feeds/en/bulletins.atom")
    (site / "feeds/en/bulletins.atom").write_text(looped, encoding="utf-8")
    with pytest.raises(ValueError, match="loops"):
        feed_documents(site / "feeds/en/bulletins.atom")


def test_a_filtered_archive_has_what_a_reader_shows_and_the_full_archive_the_rest(written):
    """Archives of critical, exploited and product feeds leave out the release, status, CVE and product
    categories (export/feeds.py); the same entry, whole, is in the archive of all bulletins of that year."""
    whole: dict[str, ET.Element] = {}
    for f in sorted((written / "feeds" / "en" / "archive").glob("*/bulletins.atom")):
        whole.update({e.findtext(f"{ATOM}id"): e for e in ET.parse(f).getroot().iter(f"{ATOM}entry")})
    assert whole
    checked = 0
    for f in sorted((written / "feeds" / "en" / "archive").rglob("*.atom")):
        if f.name == "bulletins.atom":
            continue
        for e in ET.parse(f).getroot().iter(f"{ATOM}entry"):
            full = whole[e.findtext(f"{ATOM}id")]
            for tag in ("title", "published", "updated", "summary"):
                assert e.findtext(f"{ATOM}{tag}") == full.findtext(f"{ATOM}{tag}"), (f, tag)
            schemes = {c.get("scheme").rsplit("/", 2)[-2 if c.get("scheme").endswith("/") else -1] for c in e.iter(f"{ATOM}category")}
            assert schemes == {"entry-type", "severity"}, (f, schemes)
            assert any(c.get("scheme") == "https://www.cve.org/" for c in full.iter(f"{ATOM}category"))
            checked += 1
    assert checked
