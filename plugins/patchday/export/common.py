"""Helpers every exporter shares: URLs, time stamps, JSON bytes, localized text.

Kept here so that CSAF, the JSON API, feeds and the calendar name the same
URL and the same instant for the same record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from patchday.catalog import Catalog, Entry
from patchday.model import Settings
from patchday.model.bulletin import Bulletin, Revision
from patchday.translate.fields import bulletin_texts, overlay_texts
from patchday.translate.freshness import State, assess

UTC = dt.UTC


def base_url(settings: Settings) -> str:
    return settings.vendor_url.rstrip("/")


def host(settings: Settings) -> str:
    return urlsplit(settings.vendor_url).hostname or "localhost"


def lang_prefix(lang: str, settings: Settings) -> str:
    """'' for the source language, 'de/' for others: the site's URL scheme."""
    return "" if lang == settings.source_language else f"{lang}/"


def bulletin_path(entry_id: str, lang: str, settings: Settings) -> str:
    return f"{lang_prefix(lang, settings)}bulletins/{entry_id}/"


def release_path(month: str, lang: str, settings: Settings) -> str:
    return f"{lang_prefix(lang, settings)}releases/{month}/"


def product_path(product: str, lang: str, settings: Settings) -> str:
    return f"{lang_prefix(lang, settings)}products/{product}/"


def absolute(path: str, settings: Settings) -> str:
    return f"{base_url(settings)}/{path.lstrip('/')}"


def stamp(moment: dt.datetime) -> str:
    """RFC 3339 in UTC with a Z: the one time format of every export."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def revision_moments(b: Bulletin, settings: Settings) -> list[tuple[Revision, dt.datetime]]:
    """Each revision with an instant.

    Records date revisions by day only. The first revision is the release
    itself, so it gets the exact release instant; later ones get the vendor's
    release time of day on their date, never earlier than the one before, so
    that the history stays sorted in every format (CSAF test 6.1.14).
    """
    rule = settings.release
    zone = ZoneInfo(rule.timezone)
    hh, mm = (int(x) for x in rule.time.split(":"))
    out: list[tuple[Revision, dt.datetime]] = []
    previous: dt.datetime | None = None
    for i, rev in enumerate(b.revisions):
        if i == 0:
            moment = b.released
        else:
            moment = dt.datetime(rev.date.year, rev.date.month, rev.date.day, hh, mm, tzinfo=zone)
        if previous is not None and moment < previous:
            moment = previous
        moment = moment.astimezone(UTC)
        out.append((rev, moment))
        previous = moment
    return out


def initial_release(e: Entry) -> dt.datetime:
    return e.bulletin.released.astimezone(UTC)


def current_release(e: Entry, settings: Settings) -> dt.datetime:
    moments = revision_moments(e.bulletin, settings)
    return moments[-1][1] if moments else initial_release(e)


def dumps(value: Any) -> bytes:
    """Canonical JSON bytes: sorted keys, UTF-8, two-space indent, final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


class Localizer:
    """Per-field translation lookup with English fallback.

    A field is used only if the overlay has it and it is not stale, so that a
    feed never shows a translation of text the English record has since changed.
    """

    def __init__(self, e: Entry, lang: str, settings: Settings):
        self.lang = lang
        self.texts: dict[str, str] = {}
        self.english = bulletin_texts(e.bulletin)
        self.state = State.OK
        if lang != settings.source_language:
            overlay = e.overlays.get(lang)
            fresh = assess(e.bulletin, overlay)
            self.state = fresh.state
            if overlay is not None:
                stale = set(fresh.stale)
                self.texts = {k: v for k, v in overlay_texts(overlay).items() if k not in stale and k in self.english}

    def get(self, key: str) -> str:
        return self.texts.get(key) or self.english.get(key, "")

    def has(self, key: str) -> bool:
        return key in self.texts


def fully_translated(e: Entry, lang: str) -> bool:
    return assess(e.bulletin, e.overlays.get(lang)).state is State.OK


_SAFE = re.compile(r"[^+\-a-z0-9]+")


def csaf_filename(tracking_id: str) -> str:
    """CSAF 2.0 §5.1: lowercase, runs of other characters become '_', add .json."""
    return _SAFE.sub("_", tracking_id.lower()) + ".json"
