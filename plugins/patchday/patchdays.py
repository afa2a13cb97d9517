"""Patch-day arithmetic: which day is the month's release, and when is the next one."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from patchday.model.site import ReleaseRule


def patch_date(year: int, month: int, rule: ReleaseRule) -> dt.date:
    """The rule's weekday, nth occurrence (default: second Tuesday)."""
    first = dt.date(year, month, 1)
    offset = (rule.weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (rule.nth - 1))


def patch_datetime(year: int, month: int, rule: ReleaseRule) -> dt.datetime:
    """The release instant of a month's patch day, as an aware date-time."""
    hh, mm = (int(x) for x in rule.time.split(":"))
    day = patch_date(year, month, rule)
    return dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=ZoneInfo(rule.timezone))


def local(moment: dt.datetime, rule: ReleaseRule) -> dt.datetime:
    return moment.astimezone(ZoneInfo(rule.timezone))


def release_month(moment: dt.datetime, rule: ReleaseRule) -> str:
    """The monthly release a bulletin belongs to: its month in the vendor's zone."""
    return local(moment, rule).strftime("%Y-%m")


def is_patch_day(moment: dt.datetime, rule: ReleaseRule) -> bool:
    day = local(moment, rule).date()
    return day == patch_date(day.year, day.month, rule)


def upcoming(after: dt.datetime, rule: ReleaseRule, count: int) -> list[dt.datetime]:
    """The next ``count`` patch-day instants strictly after ``after``."""
    out: list[dt.datetime] = []
    here = local(after, rule)
    year, month = here.year, here.month
    while len(out) < count:
        moment = patch_datetime(year, month, rule)
        if moment > after:
            out.append(moment)
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out
