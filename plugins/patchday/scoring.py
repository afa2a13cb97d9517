"""CVSS vectors, parsed once per process.

The linter checks a vector by parsing it and the catalog computes its base
score from the same parse; the `cvss` library takes about half a
millisecond per CVSS 4.0 vector, and a corpus repeats vectors across
bulletins, so both share this cache. A vector that does not parse raises
here on every call (errors are not cached).
"""

from __future__ import annotations

import functools

from cvss import CVSS3, CVSS4


@functools.lru_cache(maxsize=131_072)
def cvss3(vector: str) -> CVSS3:
    return CVSS3(vector)


@functools.lru_cache(maxsize=131_072)
def cvss4(vector: str) -> CVSS4:
    return CVSS4(vector)
