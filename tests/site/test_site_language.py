"""Every word of the interface in the reader's language: an English UI label in a German,
French or Japanese page is an error unless it stands inside an element marked lang="en"
(record text that is not translated yet, which the page says)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from patchday.i18n.labels import LABELS, LANGS

from tests.site.test_site_html_checker import PAGES

# What Material prints by itself (or its search and clipboard scripts write into the page),
# in English unless the theme's language or the plugin says otherwise.
THEME_ENGLISH = ("Made with", "Material for MkDocs", "Permanent link", "Skip to content", "Search",
                 "Table of contents", "Back to top", "Initializing search", "Type to start searching",
                 "Copy to clipboard", "Select language", "Share", "Clear",
                 "Switch to the dark scheme", "Switch to the light scheme")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def calendar_english() -> set[str]:
    """English month and weekday names: a date printed by a template instead of the formatter."""
    from babel.dates import get_day_names, get_month_names

    return {*get_month_names("wide", locale="en").values(), *get_day_names("wide", locale="en").values()}


def catalogue_english(catalog, lang: str) -> set[str]:
    """The catalogue's English family names, and the platform names the language translates:
    category names of the interface, in the reader's language or marked lang="en"."""
    out = {f.name for f in catalog.families.values()}
    overlay = catalog.catalogue_overlays.get(lang)
    out |= {english for english, text in (overlay.platforms.items() if overlay else ()) if text != english}
    return out


def english_labels(lang: str, catalog=None) -> list[str]:
    """Every English text of the label table (its literal parts around placeholders) that the
    language does not share, the theme's own English strings, month and weekday names, and
    the catalogue's family names."""
    i = LANGS.index(lang)
    own = "\n".join(row[i] for row in LABELS.values())
    out = set(THEME_ENGLISH) | calendar_english() | (catalogue_english(catalog, lang) if catalog else set())
    for row in LABELS.values():
        for part in re.split(r"\{[^}]*\}", row[0]):
            part = part.strip(" :.,·()…")
            # A part the language writes the same way itself ("Bulletins", "Version", German
            # "Denial of Service", so "of") proves nothing.
            if len(part) >= 2 and not re.search(r"(?<![\w-])" + re.escape(part) + r"(?![\w-])", own):
                out.add(part)
    return sorted(out, key=len, reverse=True)


def in_english(node) -> bool:
    for parent in node.parents:
        lang = parent.get("lang") if hasattr(parent, "get") else None
        if lang:
            return lang == "en"
    return False


def english_on(html: str, labels: list[str]) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    # <title> and the header's copy of the page title hold record text, which cannot carry
    # lang= there; the same text in the page's <h1> is checked (and marked when English).
    for tag in soup(["script", "style", "svg", "title"]) + soup.select(".md-header__topic"):
        tag.decompose()
    found = []
    pattern = re.compile("|".join(r"(?<![\w-])" + re.escape(label) + r"(?![\w-])" for label in labels))
    for text in soup.find_all(string=True):
        if not in_english(text) and (m := pattern.search(text)):
            found.append(f"text {m.group(0)!r} in <{text.parent.name}>")
    for tag in soup.find_all(True):
        for attr in ATTRIBUTES:
            if tag.get(attr) and not in_english(tag) and tag.get("lang") != "en" and (m := pattern.search(tag[attr])):
                found.append(f"{attr}={m.group(0)!r} on <{tag.name}>")
    meta = soup.find("meta", attrs={"name": "description"})
    if meta and (m := pattern.search(meta["content"])):
        found.append(f"meta description {m.group(0)!r}")
    return found


@pytest.mark.parametrize("lang", ["de", "fr", "ja"])
def test_no_english_ui_label_outside_lang_en(site, catalog, lang):
    labels = english_labels(lang, catalog)
    pages = sorted((site / lang).rglob("*.html"))
    # Every page of the language, the checker's list among them (a per-language 404 page too, once built).
    assert {str(p.relative_to(site / lang)) for p in pages} >= set(PAGES)
    problems = {str(page.relative_to(site)): found for page in pages
                if (found := english_on(page.read_text(), labels))}
    assert problems == {}, problems


def test_the_check_finds_an_english_label():
    labels = english_labels("de")
    assert english_on('<p>Siehe <strong>Affected software</strong></p>', labels)
    assert english_on('<p>Made with <a lang="en">Material for MkDocs</a></p>', labels)
    assert not english_on('<p>Betroffene Software <span lang="en">Affected software</span></p>', labels)


@pytest.mark.parametrize(("lang", "n", "bulletins", "cves"), [
    ("en", 1, "1 bulletin", "1 CVE"), ("en", 14, "14 bulletins", "14 CVEs"),
    ("de", 1, "1 Bulletin", "1 CVE"), ("de", 2, "2 Bulletins", "2 CVEs"),
    ("fr", 0, "0 bulletin", "0 CVE"), ("fr", 2, "2 bulletins", "2 CVE"),
    ("ja", 1, "1 件のセキュリティ情報", "CVE 1 件"),
])
def test_counts_take_the_languages_plural_form(lang, n, bulletins, cves):
    from patchday.i18n import Labels

    assert Labels(lang)("bulletin_count", n=n) == bulletins
    assert Labels(lang)("cve_count_n", n=n) == cves


def test_a_release_page_says_one_bulletin_not_one_bulletins(site):
    text = BeautifulSoup((site / "releases" / "2026-02" / "index.html").read_text(), "html.parser").get_text(" ")
    assert "1 bulletin ·" in text and "1 bulletins" not in text


def test_japanese_lists_use_the_ideographic_comma(site):
    """Japanese separates list items with 「、」, not ", " (CLDR's list pattern, through Babel):
    impacts, versions, products, the untranslated fields, acknowledgments, date and time."""
    found = []
    for page in sorted((site / "ja").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for tag in soup(["script", "style", "svg", "title"]):
            tag.decompose()
        found += [f"{page.relative_to(site)}: {text.strip()[:80]!r}" for text in soup.find_all(string=True)
                  if ", " in text and not in_english(text)]
    assert found == []
    impacts = BeautifulSoup((site / "ja" / "bulletins" / "CX26-001" / "index.html").read_text(), "html.parser")
    assert "情報漏えい、リモートでコードが実行される" in impacts.get_text()


def test_an_untranslated_family_name_is_marked_english(site):
    """The French catalogue overlay leaves "desktop" untranslated: English, marked as such;
    the translated family reads French."""
    soup = BeautifulSoup((site / "fr" / "products" / "index.html").read_text(), "html.parser")
    headings = {h.get_text(strip=True): h.find("span", lang="en") is not None for h in soup.select("article h2")}
    assert headings == {"Desktop software": True, "Logiciels serveur": False}
    ja = BeautifulSoup((site / "ja" / "products" / "mail-server" / "index.html").read_text(), "html.parser")
    assert "サーバー ソフトウェア" in ja.get_text()


def test_reference_titles_translate_or_say_they_are_english(site):
    """A reference title from the overlay reads French; untranslated (Japanese) it is marked English."""
    fr = BeautifulSoup((site / "fr" / "bulletins" / "CX26-001" / "index.html").read_text(), "html.parser")
    ja = BeautifulSoup((site / "ja" / "bulletins" / "CX26-001" / "index.html").read_text(), "html.parser")
    url = "https://contoso.example/guide/mail-hardening"
    assert fr.find("a", href=url).get_text() == "Guide de sécurisation du serveur de messagerie"
    assert fr.find("a", href=url).get("lang") is None
    assert ja.find("a", href=url).get("lang") == "en" and ja.find("a", href=url).get_text() == "Mail server hardening guide"
