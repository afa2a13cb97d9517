"""One URL contract: the paths pages link to are the paths the exporters write."""

from __future__ import annotations

from pathlib import Path

from patchday.catalog import build_catalog
from patchday.clock import parse_as_of
from patchday.export import calendar, common, feeds
from patchday.load.corpus import load_corpus
from patchday.model import Settings
from patchday.render import urls

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site" / "bulletins"
AS_OF = parse_as_of("2026-03-01T00:00:00Z")


def test_advertised_feeds_and_calendars_are_the_files_written() -> None:
    catalog = build_catalog(load_corpus(FIXTURE), Settings(), AS_OF)
    written = set(feeds.feeds(catalog)) | set(calendar.calendars(catalog, AS_OF))
    for lang in catalog.settings.languages:
        assert {path for _, path in urls.site_feeds(lang)} <= written
        assert {urls.product_feed(lang, p) for p in catalog.by_product if catalog.by_product[p]} <= written
        assert urls.calendar(lang) in written


def test_exports_name_pages_as_the_site_links_them() -> None:
    settings = Settings()
    for lang in settings.languages:
        prefix = "" if lang == settings.source_language else f"{lang}/"
        assert common.bulletin_path("CX26-001", lang, settings) == prefix + urls.bulletin("CX26-001")
        assert common.release_path("2026-01", lang, settings) == prefix + urls.release("2026-01")
        assert common.product_path("mail-server", lang, settings) == prefix + urls.product("mail-server")
