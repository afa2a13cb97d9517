"""Helpers every exporter shares: URLs, time stamps, JSON bytes, localized text.

Kept here so that CSAF, the JSON API, feeds and the calendar name the same
URL and the same instant for the same record.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import orjson

from patchday import identity
from patchday.catalog import Catalog, Entry, Score
from patchday.catalog import vector_scores
from patchday.model import Settings
from patchday.model.bulletin import Bulletin, Revision
from patchday.render import urls
from patchday.translate.fields import bulletin_texts, overlay_texts
from patchday.translate.freshness import Freshness, State
from patchday.translate.freshness import assess as _assess

UTC = dt.UTC


def base_url(settings: Settings) -> str:
    return settings.vendor_url.rstrip("/")


def host(settings: Settings) -> str:
    return urlsplit(settings.vendor_url).hostname or "localhost"


# The pages' paths from the site root, as the site's own links make them (render/urls.py).

def lang_prefix(lang: str, settings: Settings) -> str:
    """'' for the source language, 'de/' for others: the site's URL scheme."""
    return urls.site_path(lang, settings.source_language, "")


def bulletin_path(entry_id: str, lang: str, settings: Settings) -> str:
    return urls.site_path(lang, settings.source_language, urls.bulletin(entry_id))


def release_path(month: str, lang: str, settings: Settings) -> str:
    return urls.site_path(lang, settings.source_language, urls.release(month))


def product_path(product: str, lang: str, settings: Settings) -> str:
    return urls.site_path(lang, settings.source_language, urls.product(product))


def absolute(path: str, settings: Settings) -> str:
    return f"{base_url(settings)}/{path.lstrip('/')}"


@functools.lru_cache(maxsize=65_536)
def stamp(moment: dt.datetime) -> str:
    """RFC 3339 in UTC with a Z: the one time format of every export.

    Remembered: a build writes each revision's moment in every format and language
    (~150,000 times at 3,000 bulletins), and strftime is 30 times a lookup."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def revision_moments(b: Bulletin, settings: Settings) -> list[tuple[Revision, dt.datetime]]:
    """Each revision with an instant.

    Records date revisions by day only. The first revision is the release
    itself, so it gets the exact release instant; later ones get the vendor's
    release time of day on their date, never earlier than the one before, so
    that the history stays sorted in every format (CSAF test 6.1.14).

    Every format asks, the calendar once per language: inside ``memoized()`` the
    list is made once per bulletin and shared, so read it, never change it.
    """
    return _remembered(("moments", id(b), id(settings)), lambda: _revision_moments(b, settings))


def _revision_moments(b: Bulletin, settings: Settings) -> list[tuple[Revision, dt.datetime]]:
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


# Compact: the exports are read by tools, not by eye, and indentation was a third of
# their bytes (178 MB of the CSAF tree alone at 3,000 bulletins x 4 languages), which
# pushed a large vendor's site past the hosts' 1 GB limit. CSAF 2.0 allows any valid JSON.
# orjson's compact output with sorted keys is the bytes of json.dumps(separators=(",", ":"),
# sort_keys=True, ensure_ascii=False), in a tenth of the time of the fastest pure-Python
# encoder. Datetimes and dataclasses go to ``_refuse``: as with
# json.dumps they are an error, never silently written in orjson's own format.
_OPTIONS = (
    orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
)


def _refuse(o: Any) -> Any:
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def dumps(value: Any) -> bytes:
    """Canonical JSON bytes: sorted keys, UTF-8, compact, final newline.

    The bytes of ``json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)``
    plus a newline, except for floats no export has (their only floats are CVSS
    scores, 0.0-10.0): NaN and infinities become ``null``, and 1e-9 <= |x| < 1e-4 is
    written without an exponent (tests/export/test_fast_json.py). What orjson refuses
    (keys that are not strings, integers beyond 64 bits, nesting deeper than 255)
    goes to json.dumps.
    """
    try:
        return orjson.dumps(value, default=_refuse, option=_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError included
        return (json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


# ---- per-build memos ------------------------------------------------------------
# Exporters ask the same questions many times per build (a bulletin's title in each
# language for the API index, every release file, every feed...). Inside
# ``memoized()`` the answers are kept, keyed by object identity, which is stable
# while the catalog is alive; outside it nothing is kept, so a long-running
# `patchday serve` never sees an answer about an older catalog.

_memo: dict[tuple[Any, ...], Any] | None = None
T = TypeVar("T")


def _remembered(key: tuple[Any, ...], make: Callable[[], T]) -> T:
    """``make()``, kept under ``key`` inside ``memoized()``; outside it, made every time."""
    if _memo is None:
        return make()
    hit = _memo.get(key)
    if hit is None:
        hit = _memo[key] = make()
    return hit  # type: ignore[no-any-return]


@contextlib.contextmanager
def memoized() -> Iterator[None]:
    global _memo
    outer = _memo
    if outer is None:
        _memo = {}
    try:
        yield
    finally:
        if outer is None:
            _memo = None


def fixed_ids(catalog: Catalog, e: Entry, product: str, build: str) -> identity.Ids:
    """:func:`patchday.identity.fixed_ids`, shared inside ``memoized()``: the CSAF product tree, the VEX
    document and the API file of every CVE of a bulletin ask for each fixed build's identifiers."""
    return _remembered(("fixed", id(e), product, build), lambda: identity.fixed_ids(catalog.products, e.bulletin, product, build))


def assess(e: Entry, lang: str) -> Freshness:
    return _assess(e.bulletin, e.overlays.get(lang))


def scores(v: Any) -> tuple[Score, ...]:
    """catalog's scores, remembered there per pair of vectors."""
    return vector_scores(v.cvss.v3, v.cvss.v4) if v.cvss is not None else ()  # a legacy record may state none


def localizer(e: Entry, lang: str, settings: Settings) -> Localizer:
    """A Localizer, shared inside ``memoized()`` (it is read-only once made)."""
    return _remembered(("loc", id(e), lang, id(settings)), lambda: Localizer(e, lang, settings))


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
            fresh = assess(e, lang)
            self.state = fresh.state
            if overlay is not None:
                done = overlay_texts(overlay)
                if not fresh.stale and done.keys() <= self.english.keys():
                    self.texts = done  # the usual translation: nothing to leave out (read only, like the memo it is)
                else:
                    stale = set(fresh.stale)
                    self.texts = {k: v for k, v in done.items() if k not in stale and k in self.english}
        # What ``get`` answers, in one lookup: exporters ask hundreds of thousands of times per build.
        kept = self.texts if all(self.texts.values()) else {k: v for k, v in self.texts.items() if v}
        self._merged = self.english | kept if kept else self.english

    def get(self, key: str) -> str:
        """The translation if there is a non-empty one, else the English text, else ''."""
        return self._merged.get(key, "")

    def has(self, key: str) -> bool:
        return key in self.texts


def fully_translated(e: Entry, lang: str) -> bool:
    return assess(e, lang).state is State.OK


_SAFE = re.compile(r"[^+\-a-z0-9]+")


def csaf_filename(tracking_id: str) -> str:
    """CSAF 2.0 §5.1: lowercase, runs of other characters become '_', add .json."""
    return _SAFE.sub("_", tracking_id.lower()) + ".json"
