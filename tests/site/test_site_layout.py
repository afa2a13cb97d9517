"""How the pages look to a reader, in real Chromium at 1280 and 390 px, light and dark:
no identifier broken across lines, no sideways scroll, Japanese headers on one line,
axe-core clean at every impact, sortable tables, shareable filters, header search and
the colour-scheme toggle. Screenshots of every page, width and scheme go to
tests/artifacts/screenshots/ (<lang>-<page>-<width>-<scheme>.png)."""

from __future__ import annotations

import pytest

from tests.site.test_site_browser import AXE, ROOT, SHOTS, Watch, browser, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

# name -> path below the language root
PAGES = {
    "home": "",
    "releases": "releases/",
    "release": "releases/2026-01/",
    "bulletin": "bulletins/CX26-001/",
    "products": "products/",
    "product": "products/mail-server/",
    "cves-2026": "cves/2026/",
    "affected": "affected/",
    "search": "search/?q=CVE-2026-21001",
    "404": "404.html",
    "severity-ratings": "severity-ratings/",
    "report": "report/",
}
# German and French run longer than English: the pages with wide tables in those too.
LONGER = ("release", "bulletin", "product", "cves-2026")
CASES = [(lang, name) for lang in ("en", "ja") for name in PAGES] + [
    (lang, name) for lang in ("de", "fr") for name in (*LONGER, "404")]
# Pages whose tables must show identifiers (bulletin IDs, KB numbers, builds, CVE ids).
WITH_IDS = {"home", "release", "bulletin", "product", "cves-2026"}

# The lines an element's text takes: distinct tops of the rectangles of its text nodes.
_LINES = """e => { const tops = new Set(), walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const r = document.createRange(); r.selectNodeContents(n);
    for (const x of r.getClientRects()) if (x.width > 0) tops.add(Math.round(x.top)); }
  return [e.textContent.trim(), tops.size]; }"""
# Elements that hold one identifier: marked .pd-id, or a cell of the two identifier columns of a CVE table.
TOKENS_JS = f"""() => [...document.querySelectorAll('article .pd-id, article table.pd-cves td:nth-child(-n+2)')]
  .filter(e => e.getClientRects().length > 0).map({_LINES})"""
HEADER_LINES_JS = f"""() => [...document.querySelectorAll('article table th')]
  .filter(th => th.offsetWidth > 2).map({_LINES})"""


def url(server: str, lang: str, path: str) -> str:
    return server + ("" if lang == "en" else f"{lang}/") + path


@pytest.fixture(params=["light", "dark"])
def scheme(request) -> str:
    return request.param


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("lang", "name"), CASES)
def test_page_reads_at_width(browser, server, lang, name, width, scheme):  # noqa: F811
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    watch = Watch(page, server)
    response = page.goto(url(server, lang, PAGES[name]))
    assert response is not None and response.ok, (name, response and response.status)
    if name == "search":
        page.wait_for_selector("#pd-search[data-state=done]", timeout=10_000)
    if scheme == "dark":
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"

    # No sideways scroll: wide tables scroll inside their own box, never the page.
    overflow = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert overflow[0] <= overflow[1], f"{name} {lang} at {width}px: page is {overflow[0]} px wide"

    # Every identifier, KB number, build, CVE id and date renders on one line.
    tokens = page.evaluate(TOKENS_JS)
    assert [t for t in tokens if t[1] != 1] == [], tokens
    if name in WITH_IDS:
        assert tokens, f"{name}: no identifiers found (did the markup lose .pd-id?)"

    if lang == "ja":
        headers = page.evaluate(HEADER_LINES_JS)
        assert [h for h in headers if h[1] > 1] == [], headers

    if (width, scheme) != (390, "dark"):  # the same colours as 1280 dark, the same layout as 390 light
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], found

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{lang}-{name}-{width}-{scheme}.png"), full_page=True)
    if (lang, name, width, scheme) == ("en", "bulletin", 1280, "light"):
        page.screenshot(path=str(ROOT / "docs" / "img" / "bulletin.png"), full_page=False)
    ctx.close()
    watch.assert_clean()


@pytest.fixture
def page(browser, server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    watch = Watch(pg, server)
    yield pg
    ctx.close()
    watch.assert_clean()


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("article table.pd-filterable tbody tr",
                                     "els => els.filter(e => !e.hidden).map(e => e.querySelector('.pd-id').textContent)")


def test_filter_state_is_in_the_address_and_can_be_shared(page, server):
    page.goto(server + "releases/2026-01/")
    everything = visible_ids(page)
    page.select_option("select[id^=pd-f-severity]", "critical")
    assert "severity=critical" in page.url
    critical = visible_ids(page)
    assert 0 < len(critical) < len(everything)
    page.check("input[id^=pd-f-exploited]")
    assert "exploited=1" in page.url
    shared = page.url
    # Someone opens the shared address: the same rows, the same controls.
    page.goto(server)
    page.goto(shared)
    assert visible_ids(page) == critical
    assert page.input_value("select[id^=pd-f-severity]") == "critical"
    assert page.is_checked("input[id^=pd-f-exploited]")
    # A value the page does not offer is ignored, not an empty table.
    page.goto(server + "releases/2026-01/?severity=nonsense")
    assert visible_ids(page) == everything


def test_columns_sort_and_say_so(page, server):
    page.goto(server + "cves/2026/")
    rows = "article table.pd-sortable tbody tr"

    def column(i: int) -> list[str]:
        return page.eval_on_selector_all(rows, f"els => els.map(e => e.cells[{i}].textContent.trim())")

    published = column(0)
    assert len(published) >= 3
    page.click("article table.pd-sortable th:nth-child(1) button.pd-sort")
    assert page.get_attribute("article table.pd-sortable th:nth-child(1)", "aria-sort") == "ascending"
    assert column(0) == sorted(published)
    page.click("article table.pd-sortable th:nth-child(1) button.pd-sort")
    assert page.get_attribute("article table.pd-sortable th:nth-child(1)", "aria-sort") == "descending"
    assert column(0) == sorted(published, reverse=True)
    # Severity sorts by the scale (critical first), not by the alphabet.
    page.click("article table.pd-sortable th:nth-child(5) button.pd-sort")
    order = page.eval_on_selector_all(rows, "els => els.map(e => e.dataset.severity)")
    scale = ["critical", "important", "moderate", "low"]
    assert order == sorted(order, key=scale.index) and len(set(order)) >= 2, order


def test_header_search_uses_the_readers_language(page, server):
    page.goto(server + "ja/bulletins/CX26-001/")
    page.fill("#pd-hsearch-q", "情報漏えい")
    page.press("#pd-hsearch-q", "Enter")
    page.wait_for_url("**/ja/search/?q=*")
    page.wait_for_selector("#pd-search[data-state=done]", timeout=10_000)
    links = page.eval_on_selector_all(".pd-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert links and all("/ja/" in h for h in links), links


def test_dark_scheme_follows_the_system_and_the_toggle(browser, server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = ctx.new_page()
    page.goto(server + "de/releases/2026-01/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    toggle = page.locator("form[data-md-component=palette] label:visible")
    assert toggle.get_attribute("title") == "Zum hellen Farbschema wechseln"
    toggle.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    ctx.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_chart_labels_are_legible(browser, server, lang, width):  # noqa: F811
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(url(server, lang, PAGES["release"]))
    sizes = page.eval_on_selector_all("svg.pd-chart text", """els => els.map(e => {
        const box = e.getBoundingClientRect(), svg = e.ownerSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [e.textContent, parseFloat(getComputedStyle(e).fontSize) * scale, box.left >= svg.getBoundingClientRect().left - 1];
    })""")
    assert sizes and all(px >= 12 for _, px, _ in sizes), sizes
    assert all(inside for _, _, inside in sizes), sizes  # no label cut off at the left edge
    ctx.close()


def test_release_times_show_the_readers_own_time_beside_the_vendors(browser, server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 390, "height": 900}, timezone_id="Asia/Tokyo", locale="ja-JP")
    page = ctx.new_page()
    page.goto(url(server, "ja", PAGES["bulletin"]))
    iso = page.get_attribute("time.pd-time", "datetime")
    assert iso == "2026-01-13T18:00:00Z"
    local = page.text_content("time.pd-time + .pd-localtime")
    assert local is not None and local.startswith("現地時刻: ") and "2026年1月14日 3:00" in local, local  # 18:00 UTC = 03:00 JST
    ctx.close()
    # A reader in the vendor's zone gets no second line; without JavaScript, nobody does.
    for options in ({"timezone_id": "America/Los_Angeles"}, {"timezone_id": "Asia/Tokyo", "java_script_enabled": False}):
        ctx = browser.new_context(**options)
        page = ctx.new_page()
        page.goto(url(server, "en", PAGES["bulletin"]))
        assert page.locator("time.pd-time").count() >= 2 and page.locator(".pd-localtime").count() == 0, options
        ctx.close()


def test_download_links_resolve(page, server):
    for lang in ("en", "ja"):
        page.goto(url(server, lang, PAGES["bulletin"]))
        hrefs = page.eval_on_selector_all(".pd-downloads a", "as => as.map(a => a.href)")
        kinds = page.eval_on_selector_all(".pd-downloads a", "as => as.map(a => a.className)")
        assert any("csaf" in k for k in kinds) and any("json" in k for k in kinds) and any("feed" in k for k in kinds), kinds
        for href in hrefs:
            response = page.request.get(href)
            assert response.status == 200, href
        footer = page.eval_on_selector_all(".pd-footer-contact a", "as => as.map(a => a.href).filter(h => h.startsWith(location.origin))")
        assert len(footer) == 2, footer  # the report and severity pages
        for href in footer:
            assert page.request.get(href).status == 200, href
