"""The built fixture site: every page type in every language, the URL contract,
the static-i18n traps, safety and no third-party requests."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

LANGS = ["en", "de", "fr", "ja"]
PAGES = ["", "releases/", "releases/2026-01/", "releases/2026-02/", "bulletins/CX26-001/", "bulletins/CX26-002/",
         "bulletins/CX26-003/", "products/", "products/mail-server/", "products/office-suite/", "cves/", "cves/2026/", "affected/",
         "search/", "about/"]


def page(site: Path, lang: str, path: str) -> BeautifulSoup:
    prefix = "" if lang == "en" else f"{lang}/"
    return BeautifulSoup((site / prefix / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_page_exists_in_every_language_with_the_right_lang(site):
    # Regression guard for the static-i18n traps: virtual pages must survive its
    # re-creation of every File, in every language, with their own content.
    for lang in LANGS:
        for path in PAGES:
            soup = page(site, lang, path)
            assert soup.html["lang"] == lang, (lang, path)
            assert soup.select_one("article.md-content__inner").get_text(strip=True), (lang, path)
    assert not (site / "bulletins" / "pdshell0").exists()
    assert not any(site.rglob("pdshell0*"))


def test_draft_is_not_published(site):
    assert not (site / "bulletins" / "CX26-004").exists()
    cve_pages = sorted((site / "cves").rglob("index.html"))
    assert len(cve_pages) >= 2  # the overview and a page per year
    assert all("CX26-004" not in p.read_text(encoding="utf-8") for p in cve_pages)
    assert 'name="robots"' not in (site / "index.html").read_text(encoding="utf-8")


def test_translated_content_and_english_fallback_marked(site):
    fr = page(site, "fr", "bulletins/CX26-001/")
    assert "Exécution de code à distance" in fr.h1.get_text()
    ja = page(site, "ja", "bulletins/CX26-001/")
    fallback = [d for d in ja.select("div.pd-md[lang=en]")]
    assert fallback and "relay internal mail" in fallback[0].get_text()
    assert "まだ翻訳されていない" in ja.select_one(".pd-untranslated").get_text()
    stale = page(site, "fr", "bulletins/CX26-002/").select_one(".pd-stale")
    assert stale is not None and "fait foi" in stale.get_text()


def test_feeds_advertised_on_every_page(site):
    for lang in LANGS:
        for path in PAGES:
            links = page(site, lang, path).find_all("link", rel="alternate", type="application/atom+xml")
            hrefs = [link["href"] for link in links]
            assert any(h.endswith(f"feeds/{lang}/bulletins.atom") for h in hrefs), (lang, path)
            assert any(h.endswith(f"feeds/{lang}/critical.atom") for h in hrefs), (lang, path)
    product = page(site, "fr", "products/mail-server/").find_all("link", rel="alternate", type="application/atom+xml")
    assert any(link["href"] == "../../../feeds/fr/products/mail-server.atom" for link in product)


def test_affected_page_contract(site):
    for lang in LANGS:
        soup = page(site, lang, "affected/")
        box = soup.select_one("#pd-affected")
        root = "../" if lang == "en" else "../../"
        assert box["data-api"] == f"{root}api/v1/" and box["data-lang"] == lang
        assert soup.find("script", src=f"{root}assets/patchday/affected.js").has_attr("defer")
        assert soup.find("noscript")


def test_home_links_machine_readable_data(site):
    hrefs = [a["href"] for a in page(site, "en", "").select("article a")]
    for target in ("feeds/en/bulletins.atom", "feeds/en/critical.atom", "calendar/en.ics", "api/v1/index.json",
                   ".well-known/csaf/provider-metadata.json"):
        assert target in hrefs


def test_release_chart_has_text_equivalent(site):
    soup = page(site, "en", "releases/2026-01/")
    svg = soup.select_one("svg.pd-chart")
    assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
    assert soup.select("table caption")
    assert soup.select_one("tr.pd-withdrawn") is None


def test_no_third_party_requests_in_markup(site):
    own = re.compile(r"^(?!https?:|//)")
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                value = el.get(attr)
                if value and not (tag == "link" and "canonical" in el.get("rel", [])):
                    assert own.match(value), f"{html}: {tag} {value}"
        assert "fonts.googleapis" not in html.read_text(encoding="utf-8")


def test_bulletin_pages_are_small(site):
    for f in site.glob("**/bulletins/*/index.html"):
        assert f.stat().st_size < 100_000, f


def test_search_index_per_language(site):
    import gzip
    import json

    # One index per language under its root (render/search.py), holding that language's pages only.
    for lang in LANGS:
        bundle = site / ("search-index" if lang == "en" else f"{lang}/search-index")
        meta = json.loads((bundle / "meta.json").read_text())
        assert meta["lang"] == lang and meta["docs"] == 3, meta
        records = [r for f in sorted((bundle / meta["build"] / "r").glob("*.json.gz")) for r in json.loads(gzip.decompress(f.read_bytes()))]
        prefix = "" if lang == "en" else f"{lang}/"
        assert [r["u"] for r in records] == [f"{prefix}bulletins/CX26-00{i}/" for i in (1, 2, 3)], records
        # Nothing but the build's folder and meta.json: a new build never leaves an old one beside it.
        assert sorted(p.name for p in bundle.iterdir()) == sorted([meta["build"], "meta.json"])


def test_sitemap_lists_every_page_in_every_language_and_no_shell(site):
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    base = "https://security.contoso.example/"
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    listed = {u.find("s:loc", ns).text: u for u in urls}
    assert len(listed) == len(urls)  # each page once
    pages = {base + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")}
    pages = {p.replace(f"{base}./", base) for p in pages if "/.well-known/" not in p}  # CSAF folder listings are data
    assert set(listed) == pages
    assert not [u for u in listed if "pdshell0" in u]
    assert "xhtml:link" not in (site / "sitemap.xml").read_text(encoding="utf-8")  # MkDocs' pages' entries too
    for path in ("releases/2026-01/", "products/mail-server/", "cves/2026/", "bulletins/CX26-001/"):
        for lang in LANGS:
            url = listed[base + ("" if lang == "en" else f"{lang}/") + path]
            # The page says which pages are it in other languages; the sitemap does not repeat it.
            assert url.findall("x:link", ns) == [], (lang, path)
            head = {a["hreflang"]: a["href"] for a in page(site, lang, path).head.find_all("link", rel="alternate", hreflang=True)}
            here = base + ("" if lang == "en" else f"{lang}/") + path
            assert {x: urljoin(here, h) for x, h in head.items()} == {x: base + ("" if x == "en" else f"{x}/") + path for x in LANGS}
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", url.find("s:lastmod", ns).text)


def test_skip_link_and_contents_of_poured_pages(site):
    # Material links "skip to content" to the first contents entry, and leaves both out on a page without one.
    for lang in LANGS:
        release = page(site, lang, "releases/2026-01/")
        first = release.select_one("nav.md-nav--secondary a.md-nav__link")["href"]
        assert release.select_one("a.md-skip")["href"] == first and release.select(first)
        year = page(site, lang, "cves/2026/")
        assert year.select_one("a.md-skip") is None
        assert year.select_one("nav.md-nav--secondary label.md-nav__title") is None


def test_not_found_page_offers_the_language_homes(site):
    switcher = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["hreflang"]: a["href"] for a in switcher.select("a.md-select__link")}
    assert links == {"en": "/", "de": "/de/", "fr": "/fr/", "ja": "/ja/"}
