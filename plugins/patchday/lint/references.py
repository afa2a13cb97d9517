"""Which bulletin IDs a record names: in ``supersedes`` and anywhere in its text.

An ID is a fact about a bulletin: printed before that bulletin is public, it
tells that something is coming. The rules in :mod:`patchday.lint.across`
compare every named ID with the bulletin it names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

Path = tuple[str | int, ...]

# Top-level fields that are never published, or are the record's own key.
_UNPUBLISHED = frozenset({"id", "internal", "schema_version", "source_hashes", "source_revision", "release"})
_ANCHOR_START = re.compile(r"^(?:\^|\\A)+")
_ANCHOR_END = re.compile(r"(?:\$|\\Z|\\z)+$")


@lru_cache(maxsize=8)
def finder(id_pattern: str) -> re.Pattern[str]:
    """The site's ID pattern, unanchored, to find IDs inside text (``see CX26-004``, a URL)."""
    core = _ANCHOR_END.sub("", _ANCHOR_START.sub("", id_pattern))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{core})(?![A-Za-z0-9])")


def named_ids(value: Any, find: re.Pattern[str]) -> list[tuple[Path, str]]:
    """(field path, ID) for every ID written in a published text field of a parsed record,
    ``supersedes`` lists excepted (the rules read those from the model, IDs of any series)."""
    out: list[tuple[Path, str]] = []
    if not isinstance(value, dict):
        return out
    stack: list[tuple[Any, Path]] = [(value, ())]
    search = find.search
    while stack:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for k, v in items:
            if (not path and k in _UNPUBLISHED) or k == "supersedes":
                continue
            if isinstance(v, str):
                if search(v):
                    out.extend((path + (k,), m.group(0)) for m in find.finditer(v))
            elif isinstance(v, (dict, list)):
                stack.append((v, path + (k,)))
    return out
