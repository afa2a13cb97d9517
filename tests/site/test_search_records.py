"""What search indexes per bulletin and language: the words readers look bulletins up by."""

from __future__ import annotations

import re

from patchday.i18n import Labels
from patchday.render.search_records import plain, records
from patchday.translate.merge import merge_bulletin


def test_one_record_per_published_bulletin_and_language_at_the_page_path(catalog):
    src = catalog.settings.source_language
    for lang in catalog.settings.languages:
        got = list(records(catalog, lang))
        assert [r.id for r in got] == sorted(e.id for e in catalog.entries)
        prefix = "" if lang == src else f"{lang}/"
        assert [r.path for r in got] == [f"{prefix}bulletins/{r.id}/" for r in got]


def test_a_record_holds_ids_updates_products_and_each_cve_in_the_readers_language(catalog):
    e = catalog.by_id["CX26-001"]
    t = Labels("fr")
    r = next(r for r in records(catalog, "fr") if r.id == e.id)
    merged = merge_bulletin(e.bulletin, e.overlays.get("fr"), "fr")
    assert r.title == merged["title"].value and e.id in r.ident.split()
    assert all(update in r.ident.split() and update in r.facts for update in e.updates)
    # One section per CVE, anchored like the CVE's section on the page: results deep-link to it.
    assert [s.anchor for s in r.sections] == [v.cve.lower() for v in e.bulletin.vulnerabilities]
    for v, s in zip(e.bulletin.vulnerabilities, r.sections, strict=True):
        assert v.cve in r.ident.split()
        assert s.heading == f"{v.cve}: {merged[f'vulnerabilities/{v.cve}/title'].value}"
        assert t(f"impact.{v.impact}") in s.detail
    for row in e.bulletin.affected:
        product = catalog.products[row.product]
        names = {v.id: v.name for v in product.versions}
        assert all(names[v] in r.facts for v in row.versions)


def test_long_prose_stays_on_the_page(catalog):
    got = {r.id: r for r in records(catalog, "en")}
    for e in catalog.entries:
        r = got[e.id]
        text = " ".join([r.ident, r.title, r.summary, r.facts, *(f"{s.heading} {s.detail}" for s in r.sections)])
        for v in e.bulletin.vulnerabilities:
            for faq in v.faq:
                assert plain(faq.answer) not in text
            assert len(v.description) < 40 or plain(v.description) not in text


def test_markdown_links_and_marks_become_words():
    assert plain("See **[the guide](https://example.test/g)** and `code`.") == "See the guide and code."
    assert not re.search(r"[*_`]", plain("*a* _b_ `c`"))
    assert plain("Fixes _file_name.dll_ in **Server**.\n\n> Note | here") == "Fixes file_name.dll in Server. Note here"
