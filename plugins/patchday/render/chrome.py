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


def chrome(settings: Settings, lang: str) -> dict[str, object]:
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
        "home": t("home"),
        "home_path": urls.site_path(lang, settings.source_language, urls.HOME),
        "notfound_title": t("notfound.title"),
        "notfound_text": t("notfound.text"),
        "footer_label": t("footer.label"),
        "footer": footer_links(settings, lang),
    }


def footer_links(settings: Settings, lang: str) -> list[tuple[str, str, bool]]:
    """(label, href, is a site path) of the footer's PSIRT line: what is unset is left out.

    The report and severity pages are the site's own (site-root paths, for the ``url``
    filter); the policy and the key are the vendor's URLs from the settings.
    """
    t = Labels(lang)
    out = [(t("footer.contact"), urls.site_path(lang, settings.source_language, urls.REPORT), True),
           (t("severity_ratings"), urls.site_path(lang, settings.source_language, urls.SEVERITY_RATINGS), True)]
    if settings.psirt_contact:
        out.insert(1, (settings.psirt_contact.removeprefix("mailto:"), settings.psirt_contact, False))
    if settings.policy_url:
        out.append((t("footer.policy"), settings.policy_url, False))
    if settings.encryption_url:
        out.append((t("footer.key"), settings.encryption_url, False))
    return out
