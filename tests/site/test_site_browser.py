"""The built fixture site in real Chromium (Playwright): navigation, language
switch, search, filters, accessibility (axe-core), no console errors and no
request to another host. Screenshots go to tests/artifacts/screenshots/."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "tests" / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watch:
    """Console errors, page errors, dialogs and requests to other hosts, for one page."""

    def __init__(self, page, base: str) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else self.foreign.append(r.url))

        def _dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", _dialog)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.foreign == [], self.foreign
        assert self.dialogs == [], self.dialogs


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    watch = Watch(pg, server)
    pg.watch = watch
    yield pg
    ctx.close()
    watch.assert_clean()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_release_bulletin_product(page, server):
    page.goto(server)
    shot(page, "en-home")
    page.click("article a[href*='releases/2026-02/']")
    page.goto(server + "releases/2026-01/")
    shot(page, "en-release")
    page.click("article table a[href$='bulletins/CX26-001/']")
    assert page.url.endswith("/bulletins/CX26-001/")
    assert "Remote code execution" in page.inner_text("h1")
    shot(page, "en-bulletin")
    page.click("article table a[href$='products/mail-server/']")
    assert page.url.endswith("/products/mail-server/")
    assert page.inner_text("h1") == "Contoso Mail Server"
    shot(page, "en-product")


def test_language_switch_keeps_the_bulletin(page, server):
    page.goto(server + "bulletins/CX26-001/")
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang=fr]")
    page.wait_for_url("**/fr/bulletins/CX26-001/")
    assert "Exécution de code" in page.inner_text("h1")
    assert page.get_attribute("html", "lang") == "fr"


def test_affected_labels_keep_a_gap_to_their_fields(page, server):
    """"Product" and "Version" ran into their selects on /affected/. Measured in English and in
    Japanese (no spaces between words to fall back on), and the Japanese page speaks Japanese."""
    for prefix in ("", "ja/"):
        page.goto(server + prefix + "affected/")
        page.wait_for_selector("#pd-affected[data-ready=true]")
        gaps = page.evaluate("""() => ['product', 'version'].map(id => {
            const label = document.querySelector(`label[for=pd-affected-${id}]`).getBoundingClientRect();
            const field = document.getElementById(`pd-affected-${id}`).getBoundingClientRect();
            return [Math.round(field.left - label.right), Math.abs(field.top - label.top) < label.height];
        })""")
        between = page.evaluate("""() => document.querySelector('label[for=pd-affected-version]').getBoundingClientRect().left
            - document.getElementById('pd-affected-product').getBoundingClientRect().right""")
        assert all(gap >= 6 and same_line for gap, same_line in gaps), (prefix, gaps)
        assert between >= 16, (prefix, between)
    assert page.inner_text("label[for=pd-affected-product]") == "製品"


def test_search_cve_in_english(page, server):
    page.goto(server + "search/?q=CVE-2026-21001")
    page.wait_for_selector("#pd-search[data-state=done]", timeout=10_000)
    links = page.eval_on_selector_all(".pd-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert any("/bulletins/CX26-001/" in h and "/fr/" not in h for h in links), links


def test_search_kb_number_in_french_stays_french(page, server):
    page.goto(server + "fr/search/?q=KB5031010")
    page.wait_for_selector("#pd-search[data-state=done]", timeout=10_000)
    links = page.eval_on_selector_all(".pd-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert links and all("/fr/bulletins/" in h for h in links), links


def test_search_japanese_compound_word(page, server):
    page.goto(server + "ja/search/?q=" + "情報漏えい")
    page.wait_for_selector("#pd-search[data-state=done]", timeout=10_000)
    links = page.eval_on_selector_all(".pd-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert any("/ja/bulletins/CX26-002/" in h for h in links), links
    shot(page, "ja-search")


def test_filter_release_table(page, server):
    page.goto(server + "releases/2026-01/")
    rows = "article table.pd-filterable tbody tr"
    assert page.locator(rows).count() == 2
    page.select_option("select[id^=pd-f-severity]", "critical")
    visible = page.eval_on_selector_all(rows, "els => els.filter(e => !e.hidden).map(e => e.dataset.severity)")
    assert visible == ["critical"]
    page.select_option("select[id^=pd-f-severity]", "")
    page.check("input[id^=pd-f-exploited]")
    ids = page.eval_on_selector_all(rows, "els => els.filter(e => !e.hidden).map(e => e.querySelector('a').textContent)")
    assert ids == ["CX26-001", "CX26-002"]
    assert "2" in page.inner_text(".pd-filter__status")


def test_filter_product_tables(page, server):
    # One filter bar above a table per release: every release's rows answer it.
    page.goto(server + "products/mail-server/")
    rows = "article table.pd-filterable tbody tr"
    severities = page.eval_on_selector_all(rows, "els => els.map(e => e.dataset.severity)")
    assert page.locator("article table.pd-filterable").count() >= 2 and len(set(severities)) >= 2, severities
    keep = severities[0]
    page.select_option("select[id^=pd-f-severity]", keep)
    visible = page.eval_on_selector_all(rows, "els => els.filter(e => !e.hidden).map(e => e.dataset.severity)")
    assert visible == [s for s in severities if s == keep]


# axe-core at every impact, both widths and schemes: test_site_layout.py.


def test_the_benchmark_measures_what_a_search_downloads(site, browser):
    """bench/reader_cost.py on the fixture site: one row per query, every language, real bytes."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import reader_cost

    rows = reader_cost.rows(site, ROOT / "tests" / "fixtures" / "site" / "bulletins", 3, browser)
    searches = [r for r in rows if "search_kb" in r]
    assert {r["what"].split(", ")[1] for r in searches} == {"en", "de", "fr", "ja"}, rows
    for r in searches:
        # The script, meta.json, a shard and a chunk of records at least; fewer bytes than the whole page load.
        assert 5 < r["search_kb"] < r["page_load_kb"] and r["search_under_limit"], r
    page = next(r for r in rows if "html_kb" in r)
    assert page["html_kb"] * 1000 == pytest.approx(max(p.stat().st_size for p in (site / "bulletins").glob("*/index.html")), abs=50)


def test_chrome_icons_of_poured_pages_draw_from_their_files(page, server, site):
    """Poured pages reference Material's icons (render/chrome_icons.py); each one must still draw."""
    for url in ("bulletins/CX26-001/", "ja/releases/2026-01/", "de/products/mail-server/"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert '<svg xmlns="http://www.w3.org/2000/svg"' not in html, url  # nothing inline left
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
        drawn = page.evaluate("""() => [...document.querySelectorAll('header svg use, .md-top svg use')]
            .map(u => [u.getAttribute('href'), u.closest('svg').getClientRects().length > 0, u.getBBox().width > 0])""")
        assert len(drawn) >= 4 and sum(shown for _, shown, _ in drawn) >= 3, (url, drawn)
        assert [h for h, shown, ok in drawn if shown and not ok] == [], (url, drawn)  # every icon on screen draws
        for href in {h for h, _, _ in drawn}:  # and the hidden ones' files are there too
            assert page.request.get(page.url + href.split("#")[0]).ok, href


def test_severity_badges_draw_their_shape_from_the_stylesheet(page, server, site):
    """Each badge is text plus a shape (patchday.css .pd-sev--<level>::before), never colour alone."""
    for url in ("cves/2026/", "bulletins/CX26-001/", "ja/bulletins/CX26-001/"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>")[0]
        assert 'class="pd-sev pd-sev--' in article and "<svg" not in article, url
    page.goto(server + "cves/2026/")
    shapes = page.evaluate("""() => [...document.querySelectorAll('.pd-sev')].map(e => {
        const s = getComputedStyle(e, '::before');
        return [e.className, (s.maskImage || s.webkitMaskImage).slice(0, 30), parseFloat(s.width)]; })""")
    assert {c.split("--")[1] for c, _, _ in shapes} >= {"critical", "important"}, shapes
    assert [s for s in shapes if not s[1].startswith('url("data:image/svg+xml') or s[2] < 8] == [], shapes


def test_the_colour_scheme_a_reader_picks_follows_them_across_the_site(page, server):
    """Material keeps the chosen scheme under the site root's path (scope.js works the root out from its own
    address, not from an inline script per page): picked on a bulletin, it holds on a French product page."""
    page.goto(server + "bulletins/CX26-001/")
    assert page.evaluate("__md_scope.href") == server
    before = page.get_attribute("body", "data-md-color-scheme")
    page.click("form[data-md-component=palette] label:not([hidden])")
    chosen = page.get_attribute("body", "data-md-color-scheme")
    assert chosen != before
    page.goto(server + "fr/products/mail-server/")
    assert page.evaluate("__md_scope.href") == server
    assert page.get_attribute("body", "data-md-color-scheme") == chosen
    assert page.evaluate("Object.keys(localStorage)") == [urlsplit(server).path + ".__palette"]
