"""What the theme's own parts (header, colour-scheme toggle, footer, page metadata) print,
in the reader's language.

Material takes these strings from ``mkdocs.yml`` in one language; the overrides in
``theme/partials/`` read them from here instead, so a German page has a German search
box, toggle and footer. Paths are site-root paths: the templates pass them through
MkDocs' ``url`` filter, which makes them relative (or absolute on the 404 page).
"""

from __future__ import annotations

from patchday.i18n import Labels
from patchday.model import Settings
from patchday.render import urls


def chrome(settings: Settings, lang: str) -> dict[str, str]:
    t = Labels(lang)
    return {
        "search": t("search"),
        "search_path": urls.site_path(lang, settings.source_language, urls.SEARCH),
        "search_placeholder": t("chrome.search_placeholder"),
        "scheme_dark": t("chrome.scheme_dark"),
        "scheme_light": t("chrome.scheme_light"),
        "generator_before": t("chrome.generator").split("{link}")[0],
        "generator_after": t("chrome.generator").split("{link}")[1],
        "description": t("chrome.description", vendor=settings.vendor),
    }
