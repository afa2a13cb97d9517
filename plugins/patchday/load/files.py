"""Which file under ``bulletins/`` holds what, decided from its path alone."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path


class Kind(enum.Enum):
    CATALOGUE = "catalogue"
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
_RELEASE = re.compile(rf"^(?P<stem>\d{{4}}-\d{{2}})(?:\.(?P<lang>{_LANG}))?\.yaml$")


def classify(path: Path, root: Path, display: str) -> SourceFile:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    parts = rel.parts
    if parts == ("products.yaml",):
        return SourceFile(path, display, Kind.CATALOGUE, "products")
    if len(parts) == 2 and parts[0] == "releases":
        m = _RELEASE.match(parts[1])
        if m:
            kind = Kind.RELEASE_OVERLAY if m["lang"] else Kind.RELEASE_NOTES
            return SourceFile(path, display, kind, m["stem"], m["lang"])
        return SourceFile(path, display, Kind.UNKNOWN, parts[1])
    if len(parts) == 2 and re.fullmatch(r"\d{4}", parts[0]):
        m = _BULLETIN.match(parts[1])
        if m:
            kind = Kind.BULLETIN_OVERLAY if m["lang"] else Kind.BULLETIN
            return SourceFile(path, display, kind, m["stem"], m["lang"], parts[0])
    return SourceFile(path, display, Kind.UNKNOWN, rel.name)


def discover(root: Path) -> list[Path]:
    """Every file under the data folder that patchday must account for.

    Sorted by path so that diagnostics and outputs never depend on the order
    the file system lists them in.
    """
    found = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml") and not p.name.startswith(".")]
    return sorted(found)
