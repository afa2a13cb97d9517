"""View-models: what each page shows, in which language, with which fallbacks."""

from __future__ import annotations

import re

import pytest

from patchday.i18n.labels import LABELS, LANGS
from patchday.render import urls
from patchday.render.bulletin_view import bulletin_view
from patchday.render.context import PageCtx
from patchday.render.index_views import cves_view, home_view, product_view, release_view, releases_view
from patchday.translate.merge import merge_bulletin


def ctx(catalog, lang, path):
    return PageCtx(catalog, lang, path)


def test_every_label_is_translated_with_the_same_placeholders():
    for key, row in LABELS.items():
        assert len(row) == len(LANGS), key
        assert all(text.strip() for text in row), key
        names = {frozenset(re.findall(r"{(\w+)}", text)) for text in row}
        assert len(names) == 1, f"{key}: placeholders differ between languages"


def test_merge_falls_back_per_field_and_marks_the_language(catalog):
    e = catalog.by_id["CX26-001"]
    m = merge_bulletin(e.bulletin, e.overlays.get("ja"), "ja")
    assert m["title"].lang == "ja"
    assert m["vulnerabilities/CVE-2026-21001/mitigating_factors"].lang == "en"
    assert "vulnerabilities/CVE-2026-21001/faq/internet-facing/answer" in m.fallback
    assert m.state == "partial"


def test_bulletin_view_names_untranslated_fields_in_the_readers_language(catalog):
    v = bulletin_view(ctx(catalog, "ja", urls.bulletin("CX26-001")), catalog.by_id["CX26-001"])
    assert v.title.lang == "ja"
    # The Japanese overlay leaves the reference title out: shown in English, and the notice says so.
    assert v.untranslated == ["緩和策", "回避策", "よく寄せられる質問", "参考情報のタイトル"]
    assert not v.stale
    assert v.severity.label == "緊急"
    assert v.vulns[0].mitigating_factors.lang == "en"
    assert v.vulns[0].scores[0].score == "9.8"


def test_bulletin_view_flags_a_stale_translation(catalog):
    v = bulletin_view(ctx(catalog, "fr", urls.bulletin("CX26-002")), catalog.by_id["CX26-002"])
    assert v.stale
    assert v.english_url == "../../../bulletins/CX26-002/"
    assert v.out_of_band is not None and v.out_of_band.lang == "fr"
    assert v.vulns[0].scores[0].score == "5,5"  # Babel: French decimal comma


def test_bulletin_view_of_an_untranslated_language_is_english_with_german_labels(catalog):
    v = bulletin_view(ctx(catalog, "de", urls.bulletin("CX26-001")), catalog.by_id["CX26-001"])
    assert v.title.lang == "en"
    assert "Titel" in v.untranslated
    assert v.rows[0].restart == "Erforderlich"
    assert v.released == "13. Januar 2026"


def test_withdrawn_bulletin_keeps_its_page_and_says_why(catalog):
    v = bulletin_view(ctx(catalog, "en", urls.bulletin("CX26-003")), catalog.by_id["CX26-003"])
    assert v.withdrawn is not None
    assert v.withdrawn[0] == "February 12, 2026"
    assert "delays" in v.withdrawn[1].html


def test_alternates_point_to_the_same_bulletin(catalog):
    v = bulletin_view(ctx(catalog, "fr", urls.bulletin("CX26-001")), catalog.by_id["CX26-001"])
    assert [(lang, url) for lang, _, url in v.alternates] == [
        ("en", "../../../bulletins/CX26-001/"),
        ("de", "../../../de/bulletins/CX26-001/"),
        ("ja", "../../../ja/bulletins/CX26-001/"),
    ]


def test_release_view_totals_and_out_of_band(catalog):
    v = release_view(ctx(catalog, "en", urls.release("2026-01")), catalog.releases["2026-01"])
    assert [r.id for r in v.rows] == ["CX26-001", "CX26-002"]
    assert dict((b.key, n) for b, n in v.by_severity) == {"critical": 1, "important": 1, "moderate": 0, "low": 0}
    assert dict((b.key, n) for b, n in v.by_impact) == {"info": 2, "rce": 1}
    assert [o.row.id for o in v.out_of_band] == ["CX26-002"]
    assert "<title" in v.severity_chart and "<desc" in v.severity_chart
    assert v.cve_count == 3


def test_release_view_withdrawn_bulletins_do_not_count(catalog):
    v = release_view(ctx(catalog, "en", urls.release("2026-02")), catalog.releases["2026-02"])
    assert sum(n for _, n in v.by_severity) == 0
    assert v.rows[0].withdrawn


def test_releases_index_by_year(catalog):
    years = releases_view(ctx(catalog, "fr", urls.RELEASES))
    assert [y for y, _ in years] == ["2026"]
    assert [m.link.text for m in years[0][1]] == ["février 2026", "janvier 2026"]


def test_product_view_status_of_each_version(catalog):
    v = product_view(ctx(catalog, "en", urls.product("mail-server")), "mail-server")
    status = {x.name: [(i.update_id, i.fixed) for i in x.install] for x in v.versions}
    # CX26-003 (a later fix) is withdrawn, so CX26-001's updates are still the ones to install.
    assert status == {"Contoso Mail Server 2019": [("KB5031001", "15.2.1544.9")],
                      "Contoso Mail Server 2022": [("KB5031002", "16.0.120.4")]}
    assert [link.text for link, _ in v.by_release] == ["Release February 2026", "Release January 2026"]


def test_cve_index_rows(catalog):
    rows, _ = cves_view(ctx(catalog, "ja", urls.CVES))
    assert [r.cve for r in rows] == ["CVE-2026-21001", "CVE-2026-21002", "CVE-2026-21010", "CVE-2026-21020"]
    assert rows[1].title.value == "Mail Server の情報漏えいの脆弱性"
    assert rows[0].bulletin.url.endswith("bulletins/CX26-001/#cve-2026-21001")


def test_home_next_patch_day_and_recent_out_of_band(catalog):
    v = home_view(ctx(catalog, "de", urls.HOME))
    assert v.next_patch_day.startswith("Dienstag, 10. März 2026")
    assert v.out_of_band == []  # CX26-002 is older than 30 days on 2026-03-01
    assert [link.url for link in v.data_links] == [
        "../feeds/de/bulletins.atom", "../feeds/de/critical.atom", "../feeds/de/exploited.atom", "../calendar/de.ics",
        "../api/v1/index.json", "../.well-known/csaf/provider-metadata.json",
    ]


def test_preview_catalog_includes_drafts(catalog, preview_catalog):
    assert "CX26-004" not in catalog.by_id
    assert "CX26-004" in preview_catalog.by_id
    v = bulletin_view(ctx(preview_catalog, "en", urls.bulletin("CX26-004")), preview_catalog.by_id["CX26-004"])
    assert v.draft


@pytest.mark.parametrize(("src", "dst", "expected"), [
    ("", "bulletins/X/", "bulletins/X/"),
    ("bulletins/X/", "", "../../"),
    ("fr/bulletins/X/", "fr/releases/2026-01/", "../../../fr/releases/2026-01/"),
    ("fr/", "fr/", "../fr/"),
])
def test_relative_urls(src, dst, expected):
    assert urls.relative(src, dst) == expected
