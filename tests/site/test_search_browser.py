"""The search page in real Chromium: what a reader types, what they get back, in their language."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.site.test_site_browser import browser, page, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

DONE = "#pd-search[data-state=done]"


def _links(page) -> list[str]:
    return page.eval_on_selector_all(".pd-result__link", "els => els.map(e => e.getAttribute('href'))")


def test_a_word_finds_its_plural_and_the_start_of_a_word_finds_it(page, server):  # noqa: F811
    page.goto(server + "search/?q=vulnerabilities")
    page.wait_for_selector(DONE, timeout=10_000)
    plural = _links(page)
    page.goto(server + "search/?q=vulnerab")
    page.wait_for_selector(DONE, timeout=10_000)
    prefix = _links(page)
    assert plural and prefix
    assert {h.split("#")[0] for h in plural} <= {h.split("#")[0] for h in prefix}


def test_no_result_says_so_in_the_readers_language(page, server):  # noqa: F811
    page.goto(server + "de/search/?q=zzqxqz")
    page.wait_for_selector(DONE, timeout=10_000)
    assert page.inner_text(".pd-search__status") == "Keine Ergebnisse für „zzqxqz“."
    assert _links(page) == []


def test_the_address_follows_the_box_so_a_search_can_be_shared(page, server):  # noqa: F811
    page.goto(server + "fr/search/")
    page.fill("#pd-search-input", "KB5031010")
    page.wait_for_selector(DONE, timeout=10_000)
    assert page.url.endswith("/fr/search/?q=KB5031010"), page.url
    status = page.inner_text(".pd-search__status")
    assert status.replace("\xa0", " ") == "1 résultat pour « KB5031010 »", status  # French puts no-break spaces inside « »
    # The word is marked where the result shows it.
    assert "KB5031010" in page.eval_on_selector_all(".pd-result mark", "els => els.map(e => e.textContent)")


def test_record_text_is_shown_as_text_never_run_as_markup(page, server):  # noqa: F811
    """A record whose title holds markup (the publisher's text is escaped on the pages; the index
    must be no weaker): the results show it literally and nothing runs."""
    evil = '<img src=x onerror="window.__pwned=1">'

    def poisoned(route):
        response = route.fetch()
        records = json.loads(gzip.decompress(response.body()))
        for r in records:
            r["t"] = evil + r["t"]
            r["x"] = evil
        route.fulfill(response=response, body=gzip.compress(json.dumps(records).encode()))

    page.route("**/search-index/*/r/*.json.gz", poisoned)
    page.goto(server + "search/?q=CVE-2026-21001")
    page.wait_for_selector(DONE, timeout=10_000)
    assert page.locator(".pd-results img").count() == 0
    assert evil in page.inner_text(".pd-result__title")
    assert page.evaluate("() => window.__pwned") is None


def test_a_broken_index_says_so_instead_of_hanging(browser, server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 390, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/search-index/meta.json", lambda route: route.fulfill(status=500, body="no"))
    page.goto(server + "ja/search/?q=" + "脆弱性")
    page.wait_for_selector("#pd-search[data-state=error]", timeout=10_000)
    assert "検索インデックスを読み込めませんでした" in page.inner_text(".pd-search__status")
    assert errors == []  # the failure is the page's message, not an uncaught error
    ctx.close()
