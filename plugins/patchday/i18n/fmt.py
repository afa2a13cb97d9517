"""Dates, times and numbers in the reader's locale.

Everything goes through Babel with an explicit locale, never the process
locale, so a build is the same on every machine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time, get_datetime_format, get_timezone_location
from babel.lists import format_list
from babel.numbers import format_decimal


@lru_cache(maxsize=16)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@dataclass(frozen=True, slots=True)
class Formatter:
    lang: str

    def date(self, day: dt.date | dt.datetime, width: str = "long") -> str:
        if isinstance(day, dt.datetime):
            day = day.date()
        return format_date(day, width, locale=_locale(self.lang))

    def month(self, month: str) -> str:
        """'2026-01' as 'January 2026' / 'janvier 2026' / '2026年1月'."""
        year, mon = (int(x) for x in month.split("-"))
        return _month_skeleton(year, mon, self.lang)

    def moment(self, when: dt.datetime, zone: str) -> str:
        """A date and time in the vendor's zone, with the zone named in the reader's language."""
        local = when.astimezone(ZoneInfo(zone))
        loc = _locale(self.lang)
        day = format_date(local.date(), "full", locale=loc)
        clock = format_time(local, "short", tzinfo=ZoneInfo(zone), locale=loc)
        # The locale's own glue of date and time: "Tuesday, …, 10:00" but "…火曜日 10:00".
        moment = get_datetime_format("full", locale=loc).replace("{1}", day).replace("{0}", clock)
        return f"{moment} ({get_timezone_location(ZoneInfo(zone), locale=loc)})"

    def list(self, items: list[str]) -> str:
        """Items of a sentence: 'A, B and C' / 'A, B et C' / 'A、B、C'."""
        return format_list(items, locale=_locale(self.lang)) if items else ""

    @property
    def separator(self) -> str:
        """Between the items of a table cell or an enumeration of ids: ', ' or Japanese '、'."""
        return _separator(self.lang)

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=_locale(self.lang))

    def score(self, value: float) -> str:
        return format_decimal(value, format="0.0", locale=_locale(self.lang))


@lru_cache(maxsize=4096)
def _month_skeleton(year: int, mon: int, lang: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", dt.date(year, mon, 1), locale=_locale(lang))


@lru_cache(maxsize=16)
def _separator(lang: str) -> str:
    # CLDR's "middle" list pattern, e.g. "{0}, {1}" or "{0}、{1}", without its placeholders.
    return _locale(lang).list_patterns["standard"]["middle"].replace("{0}", "").replace("{1}", "")
