"""No XML document patchday writes can carry a character XML forbids, whatever the records hold."""

from __future__ import annotations

import copy
import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from pydantic import ValidationError

from patchday import Settings, build_catalog, load_corpus
from patchday.export import write_exports
from patchday.export.feeds import feeds
from patchday.model import Bulletin
from patchday.export.xml_text import escape, quoteattr
from patchday.render.chart import Bar, bar_chart
from patchday.render.sitemap import entries
from tests.export.conftest import AS_OF, FIXTURE

# Every character XML 1.0 forbids or a feed reader stumbles on, and a few that are fine.
BAD = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xD800, 0xDFFF, 0xFFFE, 0xFFFF]))
GOOD = "\t\n\r <&>\"' é 日本 \u202e \U0001F600"


def test_escaped_text_and_attributes_always_parse() -> None:
    for ch in BAD + GOOD:
        value = f"a{ch}b"
        doc = f"<x a={quoteattr(value)} b=\"{escape(value)}\">{escape(value)}</x>"
        node = ET.fromstring(doc.encode("utf-8", "surrogatepass"))
        assert node.text is not None and not any(c in node.text for c in BAD)
    assert escape(GOOD) == GOOD.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")


def test_feeds_and_sitemap_stay_well_formed_with_control_characters_in_the_records(tmp_path) -> None:
    """A record that skipped validation (or a rule that missed one) must not break a whole feed."""
    corpus = load_corpus(FIXTURE)
    for item in corpus.bulletins:  # model_copy does not validate: as if the validator had missed them
        b = item.model
        item.model = b.model_copy(update={
            "title": b.title + " \x01\x1b[31m\x0b\x00",
            "vulnerabilities": [v.model_copy(update={"title": "\x07" + v.title}) for v in b.vulnerabilities],
            "revisions": [r.model_copy(update={"summary": r.summary + "\x08"}) for r in b.revisions],
        })
    catalog = build_catalog(corpus, Settings(), AS_OF)
    write_exports(catalog, tmp_path, settings=catalog.settings, as_of=AS_OF)
    feeds = sorted((tmp_path / "feeds").rglob("*.atom"))
    assert feeds
    for path in feeds:
        data = path.read_bytes()
        ET.fromstring(data)  # raises on a single forbidden character
        assert not any(ch.encode("utf-8", "surrogatepass") in data for ch in BAD)
    assert "\ufffd" in (tmp_path / "feeds" / "en" / "bulletins.atom").read_text(encoding="utf-8")
    ET.fromstring(f'<urlset xmlns:xhtml="http://www.w3.org/1999/xhtml">{entries(catalog, "https://x.example/", ["en"], [])}</urlset>')


def test_the_chart_svg_is_well_formed_whatever_its_labels() -> None:
    svg = bar_chart([Bar("crit\x01ical", 3, "sev-critical")], title="t\x0b", desc="d\x1b", ident="c")
    ET.fromstring(svg)


BASE = Path(__file__).resolve().parents[1] / "lint" / "base"
_CORPUS = load_corpus(BASE, cwd=BASE)
_WHERE = _CORPUS.bulletins[0]
_CLEAN = _WHERE.model.model_dump(mode="json")
_AS_OF = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=30), description=st.text(min_size=1, max_size=60), summary=st.text(max_size=20))
def test_any_text_is_refused_or_makes_well_formed_feeds(title: str, description: str, summary: str) -> None:
    """Fuzzed text in the fields feeds carry: the model refuses it, or every feed document parses."""
    data = copy.deepcopy(_CLEAN)
    data["title"] = title
    data["vulnerabilities"][0]["description"] = description
    data["revisions"][-1]["summary"] = summary
    try:
        model = Bulletin.model_validate(data)
    except ValidationError as exc:
        assert all(e["loc"][0] in ("title", "vulnerabilities", "revisions") for e in exc.errors())
        return
    _WHERE.model = model
    try:
        documents = feeds(build_catalog(_CORPUS, Settings(), _AS_OF))
    finally:
        _WHERE.model = Bulletin.model_validate(_CLEAN)
    assert documents
    for data_bytes in documents.values():
        ET.fromstring(data_bytes)
