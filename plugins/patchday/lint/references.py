"""Which bulletin IDs a record names: in ``supersedes`` and anywhere in its text.

An ID is a fact about a bulletin: printed before that bulletin is public, it
tells that something is coming. The rules in :mod:`patchday.lint.across`
compare every named ID with the bulletin it names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from patchday.load.yaml_strict import Document

Path = tuple[str | int, ...]

# Top-level fields that are never published, or are the record's own key.
_UNPUBLISHED = frozenset({"id", "internal", "schema_version", "source_hashes", "source_revision", "release"})
_ANCHOR_START = re.compile(r"^(?:\^|\\A)+")
_ANCHOR_END = re.compile(r"(?:\$|\\Z|\\z)+$")


@lru_cache(maxsize=8)
def finder(id_pattern: str) -> re.Pattern[str]:
    """The site's ID pattern without its anchors, to find IDs inside text (``see CX26-004``, a URL).

    No look-around in the pattern: with one, ``re`` tries every position of the text
    instead of jumping to the pattern's literal prefix (30 times slower); the ends of a
    match are checked by :func:`ids_in` instead.
    """
    return re.compile(_ANCHOR_END.sub("", _ANCHOR_START.sub("", id_pattern)))


def ids_in(text: str, find: re.Pattern[str]) -> list[str]:
    """IDs written in ``text`` as whole words (not ``XCX26-0012``)."""
    out = []
    for m in find.finditer(text):
        start, end = m.span()
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        out.append(m.group(0))
    return out


def named_ids(doc: Document, find: re.Pattern[str], known: frozenset[str] = frozenset()) -> list[tuple[Path, str]]:
    """(field path, ID) for every ID written in a published text field of a parsed record,
    ``supersedes`` lists excepted (the rules read those from the model, IDs of any series).

    ``known``: the record's own ID and those its bulletin supersedes. The rules judge a
    superseded ID at its ``supersedes`` entry, so a record whose text names no other ID is
    not walked (most are not: walking every string of 12,000 records took 0.4 s).
    """
    out: list[tuple[Path, str]] = []
    value = doc.value
    if not isinstance(value, dict):
        return out
    raw = doc.text
    if raw is not None:
        # Most records name no other bulletin: one look at the whole text says so.
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        if find.search(text) is None or known.issuperset(ids_in(text, find)):
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
                    out.extend((path + (k,), ref) for ref in ids_in(v, find))
            elif isinstance(v, (dict, list)):
                stack.append((v, path + (k,)))
    return out
