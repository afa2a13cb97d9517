"""Rules across bulletins: an ID is used once, a superseded bulletin exists.

They read a few facts per bulletin (:class:`Facts`) instead of the records,
so the validation cache can keep the facts of an unchanged bulletin and run
these rules without loading it again. A position is looked up only when a
rule reports, through ``locate``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from patchday.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from patchday.load.corpus import Loaded
    from patchday.model import Bulletin, Settings

Path = tuple[str | int, ...]  # a field path, as in patchday.load.yaml_strict

# IDs become URL and file names; nothing that can climb out of the output folder.
SAFE_ID = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$")

# (file as displayed, field path) -> (line, column)
Locate = Callable[[str, Path], tuple[int, int]]


def safe_id(value: str) -> bool:
    return bool(SAFE_ID.fullmatch(value)) and len(value) <= 64


class Facts(NamedTuple):
    """A plain tuple, so the cache stores and replays it as is."""

    file: str
    id: str
    # (affected row, position in its supersedes list, referenced ID)
    supersedes: tuple[tuple[int, int, str], ...]


def facts(item: Loaded[Bulletin]) -> Facts:
    b = item.model
    refs = tuple(
        (i, j, ref)
        for i, row in enumerate(b.affected)
        if row.update is not None
        for j, ref in enumerate(row.update.supersedes)
    )
    return Facts(item.file, b.id, refs)


def check(all_facts: Iterable[Facts | tuple[str, str, tuple[tuple[int, int, str], ...]]], settings: Settings, locate: Locate) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def report(f: Facts, path: Path, code: str, message: str, hint: str) -> None:
        line, column = locate(f.file, path)
        found.append(Diagnostic(f.file, line, column, code, Severity.ERROR, message, hint, tuple(path)))

    listed = [Facts(*f) if not isinstance(f, Facts) else f for f in all_facts]
    seen: dict[str, str] = {}
    for f in listed:
        if not safe_id(f.id):
            continue  # reported by the ID rules; an unsafe ID is never compared
        if f.id in seen:
            report(f, ("id",), "PD104", f"ID {f.id!r} is already used by {seen[f.id]}",
                   "each bulletin needs its own ID; run `patchday new` for the next free one")
        else:
            seen[f.id] = f.file
    ids = {f.id for f in listed}
    external = re.compile(settings.external_id_pattern, re.ASCII)  # \d: 0-9 only
    for f in listed:
        for i, j, ref in f.supersedes:
            if ref != f.id and ref not in ids and not external.fullmatch(ref):
                report(f, ("affected", i, "update", "supersedes", j), "PD605",
                       f"superseded bulletin {ref!r} does not exist",
                       f"use an ID of this corpus or of the external series {settings.external_id_pattern}")
    return found
