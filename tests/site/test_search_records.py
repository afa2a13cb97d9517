"""What search indexes per bulletin and language: the words readers look bulletins up by."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from patchday.i18n import Labels
from patchday.render.search_records import plain, records
from patchday.translate.merge import merge_bulletin


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.h2: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if tag == "h2":
            self.h2.append(attrs.get("id", ""))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    return p


def test_one_record_per_published_bulletin_and_language_at_the_page_url(catalog):
    src = catalog.settings.source_language
    for lang in catalog.settings.languages:
        got = list(records(catalog, lang))
        assert [u for u, _ in got] == sorted(u for u, _ in got)
        prefix = "/" if lang == src else f"/{lang}/"
        assert {u for u, _ in got} == {f"{prefix}bulletins/{e.id}/" for e in catalog.entries}
        for _, html in got:
            assert _parse(html).lang == lang


def test_a_record_holds_ids_updates_products_and_each_cve_in_the_readers_language(catalog):
    e = catalog.by_id["CX26-001"]
    t = Labels("fr")
    html = dict(records(catalog, "fr"))[f"/fr/bulletins/{e.id}/"]
    page = _parse(html)
    text = " ".join(page.text)
    merged = merge_bulletin(e.bulletin, e.overlays.get("fr"), "fr")
    assert merged["title"].value in text and e.id in text
    for update in e.updates:
        assert update in text
    for v in e.bulletin.vulnerabilities:
        assert v.cve in text
        assert merged[f"vulnerabilities/{v.cve}/title"].value in text
        assert t(f"impact.{v.impact}") in text
    # One heading per CVE, anchored like the CVE's section on the page: results deep-link to it.
    assert page.h2 == [v.cve.lower() for v in e.bulletin.vulnerabilities]
    for row in e.bulletin.affected:
        product = catalog.products[row.product]
        names = {v.id: v.name for v in product.versions}
        assert all(names[v] in text for v in row.versions)


def test_long_prose_stays_on_the_page(catalog):
    for e in catalog.entries:
        html = dict(records(catalog, "en"))[f"/bulletins/{e.id}/"]
        for v in e.bulletin.vulnerabilities:
            for faq in v.faq:
                assert plain(faq.answer) not in html
            assert len(v.description) < 40 or plain(v.description) not in html


def test_markdown_links_and_marks_become_words():
    assert plain("See **[the guide](https://example.test/g)** and `code`.") == "See the guide and code ."
    assert not re.search(r"[*_`]", plain("*a* _b_ `c`"))
