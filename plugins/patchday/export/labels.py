"""The label table (``patchday.i18n.labels``) as feeds, calendar, CSAF and the JSON API ask for it.

No words live here: a second table drifted from the site's (German "Mitigating factors" and
Japanese "exploited" read differently in CSAF than on the page). What remains is naming:
exporters and the JSON API call severities and impacts by their bare values ("critical",
"rce"), the table by namespaced keys ("sev.critical", "impact.rce").
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from patchday.i18n.fmt import Formatter
from patchday.i18n.labels import LABELS, labels

if TYPE_CHECKING:
    from patchday.model import Settings

_BARE = {
    **{k.removeprefix("sev."): k for k in LABELS if k.startswith("sev.")},
    **{k.removeprefix("impact."): k for k in LABELS if k.startswith("impact.")},
    "disclosed": "publicly_disclosed",
}


def key_of(name: str) -> str | None:
    """The table key for an exporter's name, or None when the table has no such label."""
    key = _BARE.get(name, name)
    return key if key in LABELS else None


def severity_label(settings: Settings, lang: str, key: str) -> str:
    """A severity level's name: the site's own label (``severities`` objects) or the built-in one."""
    return settings.severity_label(key, lang) or label(lang, key)


def label(lang: str, key: str, **fmt: object) -> str:
    """The label in ``lang`` (English for a language the table lacks); an unknown key is itself."""
    table_key = key_of(key)
    return labels(lang)(table_key, **fmt) if table_key else key


@functools.cache
def words(lang: str) -> dict[str, str]:
    """``label(lang, key)`` for every key, bare names too, as one dict for exporters that ask
    thousands of times. Shared, so read only; a site's own severity names are missing:
    use ``words(lang).get(key) or key``.
    """
    return {name: label(lang, name) for name in (*LABELS, *_BARE)}


def release_summary(lang: str, bulletins: int, cves: int) -> str:
    """'3 bulletins, 1 CVE' in the language's plural forms and list pattern."""
    t = labels(lang)
    return Formatter(lang).separator.join([t("bulletin_count", n=bulletins), t("cve_count_n", n=cves)])


def month_name(month: str, lang: str) -> str:
    """'2026-12' -> 'December 2026' / 'Dezember 2026' / '2026年12月' via Babel."""
    try:
        return Formatter(lang).month(month)
    except Exception:  # unknown locale: fall back to the ISO month
        return month
