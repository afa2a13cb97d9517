"""The bulletin header (times, flags, downloads), the CVE links, and the site chrome around it:
footer, severity ratings, how to report, the home page's lead and a 404 page per language."""

from __future__ import annotations

import re

from patchday.export import api
from patchday.export.csaf.document import document_path, translation_languages
from patchday.model import Settings
from patchday.render import html, urls
from patchday.render.bulletin_view import bulletin_view
from patchday.render.chrome import footer_links
from patchday.render.context import PageCtx
from tests.test_settings import SCALE


def view(catalog, lang, bid):
    return bulletin_view(PageCtx(catalog, lang, urls.bulletin(bid)), catalog.by_id[bid])


def test_header_times_are_the_instants_the_exports_state_in_the_vendors_zone(catalog):
    e = catalog.by_id["CX26-001"]
    v = view(catalog, "en", "CX26-001")
    summary = api.summary(e, catalog)
    assert v.released_at.iso == summary["released"] == "2026-01-13T18:00:00Z"
    assert v.updated_at.iso == summary["last_updated"]
    assert v.released_at.text == "January 13, 2026, 10:00\u202fAM (Pacific Standard Time)"
    assert v.released_at.zone == "America/Los_Angeles"
    ja = view(catalog, "ja", "CX26-001").released_at.text
    assert ja.startswith("2026年1月13日 10:00") and "太平洋" in ja
    page = html.bulletin(PageCtx(catalog, "de", urls.bulletin("CX26-001")), e).html
    assert '<time class="pd-time" datetime="2026-01-13T18:00:00Z" data-pd-zone="America/Los_Angeles" data-pd-local="Ihre Zeit">' in page


def test_out_of_band_bulletin_says_when(catalog):
    v = view(catalog, "fr", "CX26-002")
    assert v.out_of_band is not None
    page = html.bulletin(PageCtx(catalog, "fr", urls.bulletin("CX26-002")), catalog.by_id["CX26-002"]).html
    oob = page[page.index('class="admonition note pd-oob"'):]
    assert re.search(r"<p>Publié hors cycle le <time class=\"pd-time\" datetime=\"[0-9T:-]+Z\"", oob), oob[:400]
    assert '<span class="pd-flag pd-flag--oob">Hors cycle</span>' in page
    assert '<span class="pd-flag pd-flag--oob">' not in html.bulletin(
        PageCtx(catalog, "fr", urls.bulletin("CX26-001")), catalog.by_id["CX26-001"]).html


def test_header_counts_cves_and_shows_only_the_flags_that_hold(catalog):
    e = catalog.by_id["CX26-001"]
    v = view(catalog, "en", "CX26-001")
    n = len(e.bulletin.vulnerabilities)
    assert v.cve_count == n > 1
    page = html.bulletin(PageCtx(catalog, "en", urls.bulletin("CX26-001")), e).html
    flags = page[page.index('<p class="pd-flags">'):page.index("</p>", page.index('<p class="pd-flags">'))]
    assert f"{n} CVEs" in flags
    assert ("Publicly disclosed" in flags) == (e.publicly_disclosed is True)
    assert ("Exploited" in flags) == (e.exploited is True)
    assert '<span class="pd-sev pd-sev--critical">' in flags  # the severity has its icon (patchday.css), never colour alone


def test_downloads_are_the_exports_paths_in_every_published_language(catalog):
    e = catalog.by_id["CX26-001"]
    v = view(catalog, "ja", "CX26-001")
    up = "../../../"  # from ja/bulletins/CX26-001/ to the site root
    csaf = [(d.lang, d.url) for d in v.downloads if d.kind == "csaf"]
    assert csaf[0] == ("en", up + document_path(e))
    assert [lang for lang, _ in csaf] == ["en", *translation_languages(e, catalog)]
    assert [d.url for d in v.downloads if d.kind == "json"] == [up + urls.api_bulletin("CX26-001")]
    feeds = [d.url for d in v.downloads if d.kind == "feed"]
    assert feeds == [up + urls.product_feed("ja", p) for p in dict.fromkeys(r.product for r in e.bulletin.affected)]
    page = html.bulletin(PageCtx(catalog, "ja", urls.bulletin("CX26-001")), e).html
    assert '>CSAF 2.0 (<span lang="en">English</span>)</a>' in page  # a language's own name, marked as such


def test_cve_sections_link_the_records_and_named_weaknesses(catalog):
    v = view(catalog, "de", "CX26-001")
    x = v.vulns[0]
    assert [(lk.text, lk.url) for lk in x.links] == [
        ("CVE.org", f"https://www.cve.org/CVERecord?id={x.cve}"), ("NVD", f"https://nvd.nist.gov/vuln/detail/{x.cve}")]
    assert x.cwes and all(c.url == f"https://cwe.mitre.org/data/definitions/{c.id[4:]}.html" for c in x.cwes)
    page = html.bulletin(PageCtx(catalog, "de", urls.bulletin("CX26-001")), catalog.by_id["CX26-001"]).html
    a = x.anchor
    assert f'<a class="headerlink" href="#{a}" aria-label="Dauerhafter Link zu {x.cve}"' in page
    c = x.cwes[0]
    assert c.name and f'<a href="{c.url}"><span class="pd-id">{c.id}</span>: <span lang="en">{c.name}</span></a>' in page


def test_footer_names_what_is_set_and_leaves_out_the_rest():
    bare = footer_links(Settings(), "de")
    assert [label for label, _, _ in bare] == ["Sicherheitslücke melden", "Schweregrade"]
    assert [href for _, href, own in bare if own] == ["de/report/", "de/severity-ratings/"]
    full = footer_links(Settings(psirt_contact="mailto:psirt@example.com", policy_url="https://example.com/policy",
                                 encryption_url="https://example.com/key.asc"), "en")
    assert [(label, href) for label, href, own in full if not own] == [
        ("psirt@example.com", "mailto:psirt@example.com"), ("Disclosure policy", "https://example.com/policy"),
        ("Encryption key", "https://example.com/key.asc")]


def test_severity_ratings_define_the_sites_scale_with_custom_levels(catalog):
    built_in = html.severity_ratings(PageCtx(catalog, "en", urls.SEVERITY_RATINGS)).html
    assert [m for m in re.findall(r'<tr id="([a-z-]+)">', built_in)] == list(catalog.settings.severities)
    assert "without any action by the user" in built_in
    settings = Settings.model_validate({"severities": SCALE})
    ctx = PageCtx(type("C", (), {"settings": settings})(), "de", urls.SEVERITY_RATINGS)
    page = html.severity_ratings(ctx).html
    assert re.findall(r'<tr id="([a-z-]+)">', page) == ["critical", "not-critical", "important", "moderate", "low"]
    row = page[page.index('<tr id="not-critical">'):]
    assert "Nicht kritisch" in row[:row.index("</tr>")] and 'class="pd-sev pd-sev--moderate"' in row[:row.index("</tr>")]


def test_report_page_gives_the_contact_key_and_policy_that_are_set(catalog):
    settings = Settings(vendor="Fabrikam", psirt_contact="mailto:psirt@fabrikam.example",
                        encryption_url="https://fabrikam.example/key.asc")
    page = html.report(PageCtx(type("C", (), {"settings": settings})(), "fr", urls.REPORT)).html
    assert '<a href="mailto:psirt@fabrikam.example">psirt@fabrikam.example</a>' in page
    assert 'href="https://fabrikam.example/key.asc"' in page and "Fabrikam" in page
    assert "politique de divulgation" not in page  # no policy_url: no link to one


def test_home_leads_with_the_latest_release(catalog):
    page = html.home(PageCtx(catalog, "de", urls.HOME)).html
    latest = list(catalog.releases)[-1]
    month = PageCtx(catalog, "de", "").fmt.month(latest)
    assert page.index(f'<h1 id="home">Sicherheitsupdates für {month}</h1>') < page.index('id="next-patch-day"')


def test_a_404_page_per_language(site):
    for lang in catalog_languages(site):
        prefix = "" if lang == "en" else f"{lang}/"
        text = (site / prefix / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in text, lang
        assert '<h1 id="not-found">' in text and f'href="/{prefix}search/"' in text
    root = (site / "404.html").read_text(encoding="utf-8")
    assert 'langs = ["de", "fr", "ja"]' in root and "Page not found" in root
    assert 'langs = ' not in (site / "ja" / "404.html").read_text(encoding="utf-8")
    for page in ("severity-ratings/index.html", "report/index.html"):
        for prefix in ("", "de/", "fr/", "ja/"):
            assert (site / prefix / page).exists(), prefix + page


def catalog_languages(site):
    return ["en", "de", "fr", "ja"]


def test_report_page_without_a_contact_says_so(catalog):
    page = html.report(PageCtx(type("C", (), {"settings": Settings(vendor="Fabrikam")})(), "ja", urls.REPORT)).html
    assert "まだ報告先が記載されていません" in page and "Fabrikam" in page and "mailto:" not in page
