"""Rules across records: an ID is used once, a superseded bulletin exists, and no record
names a bulletin before that bulletin is public.

They read a few facts per record (:class:`Facts`) instead of the records, so the
validation cache can keep the facts of an unchanged bulletin and run these rules
without loading it again. A position is looked up only when a rule reports, through
``locate``.

Two of them depend on the moment a build publishes as of, and run only when one is
given (``patchday build`` gives its own, ``patchday validate`` the clock's): a
published record that names a bulletin not yet public (PD608), and a published
bulletin whose newest revision is dated after that moment (PD609). Their text would
otherwise reach the site before its time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from patchday.diagnostics import Diagnostic, Severity
from patchday.lint.references import finder, named_ids
from patchday.patchdays import local, patch_datetime

if TYPE_CHECKING:
    from patchday.load.corpus import Corpus, Loaded
    from patchday.model import Bulletin, Settings

Path = tuple[str | int, ...]  # a field path, as in patchday.load.yaml_strict

# IDs become URL and file names; nothing that can climb out of the output folder.
SAFE_ID = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$")
PUBLISHED = ("final", "withdrawn")
NOTES = "notes"  # the status of release notes' facts: public from their patch-day time

# (file as displayed, field path) -> (line, column)
Locate = Callable[[str, Path], tuple[int, int]]


def safe_id(value: str) -> bool:
    return bool(SAFE_ID.fullmatch(value)) and len(value) <= 64


class Facts(NamedTuple):
    """A plain tuple, so the cache stores and replays it as is."""

    file: str
    id: str  # "" for release notes
    status: str  # the bulletin's status, or NOTES
    released: str  # ISO date-time: the bulletin's release, or the notes' patch-day time
    revised: tuple[Any, ...]  # the newest revision as (index, version, ISO date); () if none
    # (affected row, position in its supersedes list, referenced ID)
    supersedes: tuple[tuple[int, int, str], ...]
    # (file, field path, ID) for every ID of the site's series written in published text,
    # the bulletin's translations included
    mentions: tuple[tuple[str, Path, str], ...]
    withdrawn: str = ""  # ISO date of the withdrawal; "" if not withdrawn


def facts(item: Loaded[Bulletin], settings: Settings, overlays: Iterable[Loaded[Any]] = ()) -> Facts:
    b = item.model
    refs = tuple(
        (i, j, ref)
        for i, row in enumerate(b.affected)
        if row.update is not None
        for j, ref in enumerate(row.update.supersedes)
    )
    find, known = finder(settings.id_pattern), frozenset([b.id, *(ref for _i, _j, ref in refs)])
    mentions = tuple((where.file, path, ref) for where in (item, *overlays)
                     for path, ref in named_ids(where.doc, find, known))
    revised: tuple[Any, ...] = ()
    if b.revisions:
        i, rev = max(enumerate(b.revisions), key=lambda ir: (ir[1].date, ir[0]))
        revised = (i, rev.version, rev.date.isoformat())
    withdrawn = b.withdrawn.date.isoformat() if b.withdrawn is not None else ""
    return Facts(item.file, b.id, str(b.status), b.released.isoformat(), revised, refs, mentions, withdrawn)


def notes_facts(item: Loaded[Any], settings: Settings, overlays: Iterable[Loaded[Any]] = ()) -> Facts:
    year, month = (int(x) for x in item.model.release.split("-"))
    find = finder(settings.id_pattern)
    mentions = tuple((where.file, path, ref) for where in (item, *overlays)
                     for path, ref in named_ids(where.doc, find))
    return Facts(item.file, "", NOTES, patch_datetime(year, month, settings.release).isoformat(), (), (), mentions)


def collect(corpus: Corpus, settings: Settings) -> tuple[list[Facts], dict[str, Loaded[Any]]]:
    """The facts of every bulletin and release notes, in path order, and each record by file."""
    by_file: dict[str, Loaded[Any]] = {}
    overlays: dict[tuple[str | None, str], list[Loaded[Any]]] = {}
    for o in corpus.overlays:
        overlays.setdefault((o.source.folder, o.source.stem), []).append(o)
        by_file[o.file] = o
    notes_overlays: dict[str, list[Loaded[Any]]] = {}
    for o in corpus.release_overlays:
        notes_overlays.setdefault(o.source.stem, []).append(o)
        by_file[o.file] = o
    out: list[Facts] = []
    for item in corpus.bulletins:
        by_file[item.file] = item
        out.append(facts(item, settings, overlays.get((item.source.folder, item.source.stem), ())))
    for n in corpus.release_notes:
        by_file[n.file] = n
        out.append(notes_facts(n, settings, notes_overlays.get(n.model.release, ())))
    return out, by_file


def check(all_facts: Iterable[Facts | tuple[Any, ...]], settings: Settings, locate: Locate,
          as_of: dt.datetime | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def report(file: str, path: Path, code: str, message: str, hint: str) -> None:
        line, column = locate(file, path)
        found.append(Diagnostic(file, line, column, code, Severity.ERROR, message, hint, tuple(path)))

    listed = [Facts(*f) if not isinstance(f, Facts) else f for f in all_facts]
    bulletins = [f for f in listed if f.status != NOTES]
    seen: dict[str, str] = {}
    for f in bulletins:
        if not safe_id(f.id):
            continue  # reported by the ID rules; an unsafe ID is never compared
        if f.id in seen:
            report(f.file, ("id",), "PD104", f"ID {f.id!r} is already used by {seen[f.id]}",
                   "each bulletin needs its own ID; run `patchday new` for the next free one")
        else:
            seen[f.id] = f.file
    ids = {f.id for f in bulletins}
    external = re.compile(settings.external_id_pattern, re.ASCII)  # \d: 0-9 only
    for f in bulletins:
        for i, j, ref in f.supersedes:
            if ref != f.id and ref not in ids and not external.fullmatch(ref):
                report(f.file, ("affected", i, "update", "supersedes", j), "PD605",
                       f"superseded bulletin {ref!r} does not exist",
                       f"use an ID of this corpus or of the external series {settings.external_id_pattern}")
    _embargo(listed, settings, report, as_of)
    return found


def _embargo(listed: list[Facts], settings: Settings, report: Callable[..., None],
             as_of: dt.datetime | None) -> None:
    """PD607-PD609, PD612: nothing a published record says may come from a bulletin's future."""
    rule = settings.release
    by_id: dict[str, Facts] = {}
    for f in listed:
        if f.status != NOTES:
            by_id.setdefault(f.id, f)
    moments: dict[str, dt.datetime] = {}

    def moment(f: Facts) -> dt.datetime:
        if f.released not in moments:
            moments[f.released] = dt.datetime.fromisoformat(f.released)
        return moments[f.released]

    def public(f: Facts) -> bool:
        return as_of is not None and (f.status in PUBLISHED or f.status == NOTES) and moment(f) <= as_of

    today = local(as_of, rule).date() if as_of is not None else None
    for f in listed:
        refs = [(f.file, ("affected", i, "update", "supersedes", j), ref) for i, j, ref in f.supersedes]
        refs += list(f.mentions)
        for file, path, ref in refs:
            t = by_id.get(ref)
            if t is None or ref == f.id:
                continue  # not a bulletin of this corpus (PD605 judges supersedes), or itself
            if f.status in PUBLISHED and t.status not in PUBLISHED:
                report(file, path, "PD607", f"names {ref}, which is {t.status}: its ID would be published before it",
                       f"remove the reference, or publish {ref} first (status: final, released no later than this bulletin)")
                continue
            if f.status in PUBLISHED and moment(t) > moment(f) and not _revised_since(f, moment(t), rule):
                report(file, path, "PD607",
                       f"names {ref}, released {t.released}, after this bulletin ({f.released}): "
                       f"its ID would be published early",
                       f"remove it, or add it in a revision dated {local(moment(t), rule).date()} or later")
                continue
            if public(f) and not public(t):
                what = "these release notes are" if f.status == NOTES else "this bulletin is"
                state = f"is {t.status}" if t.status not in PUBLISHED else f"is released {t.released}"
                report(file, path, "PD608",
                       f"names {ref}, which {state}: not published as of {as_of.isoformat()}, "  # type: ignore[union-attr]
                       f"but {what}",
                       f"add the reference on the day {ref} is released, or build with --as-of after "
                       f"{t.released if t.status in PUBLISHED else 'its release'}")
        if today is not None and f.revised and public(f) and dt.date.fromisoformat(f.revised[2]) > today:
            i, version, date = f.revised
            report(f.file, ("revisions", i, "date"), "PD609",
                   f"revision {version} is dated {date}, after the build's as-of ({today}): "
                   "the record already carries that revision's text, which would be published early",
                   f"merge the revision on its day (the next build publishes it), or build with --as-of {date} or later")
        if today is not None and f.withdrawn and public(f) and dt.date.fromisoformat(f.withdrawn) > today:
            report(f.file, ("withdrawn", "date"), "PD612",
                   f"withdrawn on {f.withdrawn}, after the build's as-of ({today}): "
                   "the tombstone would publish the withdrawal and its reason early",
                   f"keep status: final until {f.withdrawn} and merge the withdrawal that day, "
                   f"or build with --as-of {f.withdrawn} or later")


def _revised_since(f: Facts, when: dt.datetime, rule: Any) -> bool:
    """A revision of ``f`` dated on or after ``when``'s day may name what was released then."""
    return bool(f.revised) and dt.date.fromisoformat(f.revised[2]) >= local(when, rule).date()
