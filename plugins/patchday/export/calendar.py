"""iCalendar per language: the next 12 patch days after as_of, plus published releases.

UIDs are stable (month + host) so calendar clients update events in place
instead of duplicating them when the file is fetched again.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from patchday.catalog import Catalog
from patchday.export import common
from patchday.export.labels import label, month_name, release_summary
from patchday.patchdays import upcoming
from patchday.render import notice as notice_words
from patchday.render import urls

UPCOMING = 12  # one year of monthly patch days
DURATION = dt.timedelta(hours=1)


def calendar_path(lang: str) -> str:
    return urls.calendar(lang)


def _event(uid: str, start: dt.datetime, summary: str, stamp: dt.datetime, url: str | None, description: str | None) -> Event:
    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp.astimezone(dt.UTC))
    ev.add("dtstart", start.astimezone(dt.UTC))
    ev.add("dtend", (start + DURATION).astimezone(dt.UTC))
    ev.add("summary", summary)
    if description:
        ev.add("description", description)
    if url:
        ev.add("url", url)
    ev.add("transp", "TRANSPARENT")
    return ev


def ics(catalog: Catalog, lang: str, as_of: dt.datetime) -> bytes:
    settings = catalog.settings
    host = common.host(settings)
    vendor = settings.vendor
    cal = Calendar()
    cal.add("prodid", f"-//{vendor}//patchday//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", label(lang, "calendar.name", vendor=vendor))
    released = set(catalog.releases)
    for month, rel in catalog.releases.items():
        entries = rel.entries
        stamp_at = max(common.current_release(e, settings) for e in entries)
        summary = label(lang, "calendar.release", vendor=vendor, month=month_name(month, lang))
        desc = release_summary(lang, len(entries), rel.cve_count)
        start = min([rel.patch_day] + [e.bulletin.released for e in entries])
        url = common.absolute(common.release_path(month, lang, settings), settings)
        cal.add_component(_event(f"release-{month}@{host}", start, summary, stamp_at, url, desc))
    notices = {n.month: n for n in catalog.notices if not n.released}
    names = {pid: p.name for pid, p in catalog.products.items()}
    for moment in upcoming(as_of, settings.release, UPCOMING):
        month = moment.strftime("%Y-%m")
        if month in released:
            continue
        summary = label(lang, "calendar.patch_day", vendor=vendor, month=month_name(month, lang))
        # The advance notice, once due, describes the event: bulletin count, products, highest severities.
        n = notices.get(month)
        description = "\n".join(notice_words.lines(n, lang, vendor, settings.release.timezone, names)) if n else None
        url = common.absolute(common.lang_prefix(lang, settings) + notice_words.notice_path(month), settings) if n else None
        cal.add_component(_event(f"patchday-{month}@{host}", moment, summary, as_of, url, description))
    return cal.to_ical()


def calendars(catalog: Catalog, as_of: dt.datetime) -> dict[str, bytes]:
    return {calendar_path(lang): ics(catalog, lang, as_of) for lang in catalog.settings.languages}
