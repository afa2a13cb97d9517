"""Which file under ``bulletins/`` holds what, decided from its path alone."""

from __future__ import annotations

import enum
import os
import re
from dataclasses import dataclass
from pathlib import Path


class Kind(enum.Enum):
    CATALOGUE = "catalogue"
    CATALOGUE_OVERLAY = "catalogue-overlay"
    BULLETIN = "bulletin"
    BULLETIN_OVERLAY = "bulletin-overlay"
    RELEASE_NOTES = "release-notes"
    RELEASE_OVERLAY = "release-notes-overlay"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    display: str  # the path as printed in diagnostics
    kind: Kind
    stem: str  # bulletin ID or YYYY-MM as written in the file name
    lang: str | None = None
    folder: str | None = None  # the year folder of a bulletin


_LANG = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?"
_BULLETIN = re.compile(rf"^(?P<stem>[^./\\][^/\\]*?)(?:\.(?P<lang>{_LANG}))?\.yaml$")
_YEAR = re.compile(r"\d{4}")
_RELEASE = re.compile(rf"^(?P<stem>\d{{4}}-\d{{2}})(?:\.(?P<lang>{_LANG}))?\.yaml$")
_CATALOGUE_OVERLAY = re.compile(rf"^products\.(?P<lang>{_LANG})\.yaml$")


def classify(path: Path, root: Path, display: str) -> SourceFile:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    parts = rel.parts
    if parts == ("products.yaml",):
        return SourceFile(path, display, Kind.CATALOGUE, "products")
    if len(parts) == 1 and (m := _CATALOGUE_OVERLAY.fullmatch(parts[0])):
        return SourceFile(path, display, Kind.CATALOGUE_OVERLAY, "products", m["lang"])
    if len(parts) == 2 and parts[0] == "releases":
        m = _RELEASE.fullmatch(parts[1])
        if m:
            kind = Kind.RELEASE_OVERLAY if m["lang"] else Kind.RELEASE_NOTES
            return SourceFile(path, display, kind, m["stem"], m["lang"])
        return SourceFile(path, display, Kind.UNKNOWN, parts[1])
    if len(parts) == 2 and _YEAR.fullmatch(parts[0]):
        m = _BULLETIN.fullmatch(parts[1])
        if m:
            kind = Kind.BULLETIN_OVERLAY if m["lang"] else Kind.BULLETIN
            return SourceFile(path, display, kind, m["stem"], m["lang"], parts[0])
    return SourceFile(path, display, Kind.UNKNOWN, rel.name)


def display(path: Path, cwd: Path) -> str:
    """A path as diagnostics print it: relative to the working folder where possible."""
    try:
        return os.path.relpath(path, cwd)
    except ValueError:
        return str(path)


def bulletin_unit(rel: str) -> str | None:
    """``2026/XX26-001.de.yaml`` -> ``2026/XX26-001``: the bulletin a record file belongs to, by path alone.

    None for files that are not bulletins or their translations (the same
    patterns as :func:`classify`).
    """
    folder, sep, name = rel.partition("/")
    if not sep or "/" in name or not _YEAR.fullmatch(folder):
        return None
    m = _BULLETIN.fullmatch(name)
    return f"{folder}/{m['stem']}" if m else None


def scan(root: Path) -> list[tuple[str, os.stat_result]]:
    """Every record file under the data folder, as (path relative to it, stat), in path order.

    One ``scandir`` walk: the validation cache compares these stats with
    what it saw last time, so this is all a run costs for unchanged files.
    Like ``Path.rglob``, symlinked folders are not entered. Visiting each
    folder's entries by name gives the order of sorted ``Path`` objects
    (part by part) without sorting the whole list.

    Every entry named like a record (``.yaml`` or ``.yml`` in any case) is
    returned, whatever it is: a folder, a named pipe or a link to nothing is
    reported by the loader rather than skipped in silence. A link is followed
    for its stats, where it leads anywhere.
    """
    found: list[tuple[str, os.stat_result]] = []

    def walk(prefix: str, folder: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            name = entry.name
            try:
                record_like = name[0] != "." and name.lower().endswith((".yaml", ".yml"))
                if entry.is_dir(follow_symlinks=False) and not record_like:
                    walk(prefix + name + "/", entry.path)
                elif record_like:
                    try:
                        st = entry.stat()
                    except OSError:  # a link to nothing: its own stats
                        st = entry.stat(follow_symlinks=False)
                    found.append((prefix + name, st))
            except OSError:
                continue

    walk("", str(root))
    return found


def discover(root: Path) -> list[Path]:
    """Every file under the data folder that patchday must account for.

    Sorted by path so that diagnostics and outputs never depend on the order
    the file system lists them in.
    """
    return [root / rel for rel, _ in scan(root)]
