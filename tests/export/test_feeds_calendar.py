"""Atom feeds parse cleanly and are localized; the calendar has the right next patch day."""

from __future__ import annotations

import datetime as dt

import feedparser
import icalendar
import pytest

from patchday import Settings, build_catalog
from patchday.export import calendar as cal_mod
from tests.export.conftest import AS_OF


def test_every_feed_parses_without_bozo(signed_site):
    feeds = sorted((signed_site / "feeds").rglob("*.atom"))
    assert len(feeds) == 4 * (3 + 2)  # 4 languages x (all, critical, exploited, 2 products)
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"


def test_feeds_carry_no_bytes_a_reader_does_not_use(signed_site):
    """No label that repeats its term, no indentation, no attribute an entry's link or summary would have by
    default (export/feeds.py): programs read feeds, and at 3,000 bulletins x 4 languages these were 28 MB.
    What a reader shows stays: translated labels, summaries, the page link as the entry's alternate."""
    import re
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    files = sorted((signed_site / "feeds").rglob("*.atom"))
    assert len(files) > 10
    translated = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"^[ \t]+<", text, re.M), f
        root = ET.fromstring(text)
        for entry in root.iter(f"{atom}entry"):
            assert entry.find(f"{atom}summary") is not None, f
            assert [x.attrib for x in entry.iter() if x.tag in (f"{atom}link", f"{atom}summary") and set(x.attrib) - {"href"}] == [], f
            cats = entry.findall(f"{atom}category")
            assert cats and [c.attrib for c in cats if c.get("label") == c.get("term")] == [], f
            translated += sum(1 for c in cats if c.get("label"))
    assert translated  # severities, entry types and product names keep their labels
    entry = feedparser.parse((signed_site / "feeds/de/bulletins.atom").read_bytes()).entries[0]
    assert [(x.rel, x.href) for x in entry.links] == [("alternate", entry.link)] and entry.link.startswith("https://")
    assert entry.summary_detail.type == "text/plain" and entry.summary


def test_entry_types_are_named_in_the_feed_language(signed_site):
    """'new' and 'update' say a bulletin was published or revised, in the reader's words (not a software update)."""
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    expected = {"en": {"new": "New", "update": "Updated"}, "ja": {"new": "新規", "update": "更新"},
                "de": {"new": "Neu", "update": "Aktualisiert"}}
    for lang, names in expected.items():
        seen = {}
        for e in ET.parse(signed_site / "feeds" / lang / "bulletins.atom").getroot().iter(f"{atom}entry"):
            for c in e.iter(f"{atom}category"):
                if c.get("scheme", "").endswith("/entry-type"):
                    seen[c.get("term")] = c.get("label")
        assert {k: seen[k] for k in names if k in seen} == {k: v for k, v in names.items() if k in seen} and "new" in seen, (lang, seen)


def test_feed_entries_new_and_updates(signed_site):
    en = feedparser.parse((signed_site / "feeds/en/bulletins.atom").read_bytes())
    # 4 bulletins + revision 1.1 of CX26-001 + revision 2.0 of CX26-004.
    assert len(en.entries) == 6
    updates = [e for e in en.entries if any(t.term == "update" for t in e.tags)]
    assert {e.title for e in updates} == {
        "Updated: CX26-001: Security update for Contoso Mail Server (Revision 1.1)",
        "Updated: CX26-004: Withdrawn update for Contoso Mail Server 2022 (Revision 2.0)",
    }
    assert any(e.summary == "Added an FAQ entry about authentication." for e in updates)
    assert en.entries[0].updated >= en.entries[-1].updated  # newest first
    assert all(e.link.startswith("https://security.contoso.example/bulletins/") for e in en.entries)


def test_feeds_are_localized_with_english_fallback(signed_site):
    de = feedparser.parse((signed_site / "feeds/de/bulletins.atom").read_bytes())
    titles = {e.id.rsplit(":", 1)[1]: e.title for e in de.entries}
    assert titles["CX26-001/1.0"] == "CX26-001: Sicherheitsupdate für Contoso Mail Server"
    assert titles["CX26-001/1.1"].startswith("Aktualisiert: CX26-001: Sicherheitsupdate")
    assert titles["CX26-003/1.0"] == "CX26-003: Critical security update for Contoso Gateway"  # no overlay: English
    assert all(e.link.startswith("https://security.contoso.example/de/bulletins/") for e in de.entries)
    ja = feedparser.parse((signed_site / "feeds/ja/bulletins.atom").read_bytes())
    assert ja.feed.title == "Contoso セキュリティ情報" and ja.feed.language == "ja"


def test_critical_and_product_feeds_filter(signed_site):
    crit = feedparser.parse((signed_site / "feeds/en/critical.atom").read_bytes())
    assert {e.id.rsplit(":", 1)[1].split("/")[0] for e in crit.entries} == {"CX26-001", "CX26-003"}
    exploited = feedparser.parse((signed_site / "feeds/ja/exploited.atom").read_bytes())
    assert {e.id.rsplit(":", 1)[1].split("/")[0] for e in exploited.entries} == {"CX26-003"}
    assert exploited.feed.title == "Contoso セキュリティ情報: 悪用が確認された脆弱性"
    gw = feedparser.parse((signed_site / "feeds/fr/products/gateway.atom").read_bytes())
    assert {e.id.rsplit(":", 1)[1].split("/")[0] for e in gw.entries} == {"CX26-002", "CX26-003"}


def _events(data: bytes) -> list:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_parses_and_next_patch_day(signed_site):
    for lang in ("en", "de", "fr", "ja"):
        events = _events((signed_site / f"calendar/{lang}.ics").read_bytes())
        upcoming = sorted(e.decoded("dtstart") for e in events if str(e["uid"]).startswith("patchday-"))
        assert len(upcoming) == 12
        assert upcoming[0] > AS_OF
        # As of 2026-12-01 the next patch day is Tuesday 2026-12-08, 10:00 Pacific.
        assert upcoming[0] == dt.datetime(2026, 12, 8, 18, 0, tzinfo=dt.UTC)
        assert upcoming[-1].date() == dt.date(2027, 11, 9)
        released = [e for e in events if str(e["uid"]).startswith("release-")]
        assert {str(e["uid"]).split("@")[0] for e in released} == {"release-2026-01", "release-2026-02", "release-2026-03"}
    de = {str(e["summary"]) for e in _events((signed_site / "calendar/de.ics").read_bytes())}
    assert "Contoso-Patchday: Dezember 2026" in de
    ja = {str(e["summary"]) for e in _events((signed_site / "calendar/ja.ics").read_bytes())}
    assert "Contoso 定例日: 2026年12月" in ja  # the site says 定例日 for patch day too


@pytest.mark.parametrize(
    ("as_of", "first"),
    [
        (dt.datetime(2026, 12, 1, tzinfo=dt.UTC), dt.date(2026, 12, 8)),
        (dt.datetime(2026, 12, 8, 17, 59, tzinfo=dt.UTC), dt.date(2026, 12, 8)),  # 09:59 Pacific, same day
        (dt.datetime(2026, 12, 8, 18, 0, tzinfo=dt.UTC), dt.date(2027, 1, 12)),  # at release: the next month
    ],
)
def test_next_patch_day_depends_only_on_as_of(catalog, as_of, first):
    data = cal_mod.ics(catalog, "en", as_of)
    starts = sorted(e.decoded("dtstart") for e in _events(data) if str(e["uid"]).startswith("patchday-"))
    assert starts[0].date() == first
    assert cal_mod.ics(catalog, "en", as_of) == data


def test_empty_catalog_still_has_a_calendar(settings):
    from patchday.load.corpus import Corpus
    from pathlib import Path

    empty = build_catalog(Corpus(root=Path(".")), Settings(), AS_OF)
    assert len(_events(cal_mod.ics(empty, "fr", AS_OF))) == 12
