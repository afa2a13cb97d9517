"""CVSS vectors, parsed and scored once per build.

The linter checks a vector by parsing it with the `cvss` library, and the
catalog shows the base score from the same parse. The library takes about a
tenth of a millisecond per CVSS 4.0 vector (12,500 of them at 3,000 bulletins),
so each vector is scored once per process, and the facts of it that patchday
uses are plain data (:class:`Scored`): a build's linter runs in a process of its
own, and hands them back with its findings (:func:`known`, :func:`learn`), so
that the catalog does not score them again. A vector that does not parse raises
here on every call (errors are not kept).
"""

from __future__ import annotations

from typing import NamedTuple

from cvss import CVSS3, CVSS4


class Scored(NamedTuple):
    vector: str  # as the library writes it back (metrics in their order)
    base: float
    severity: str  # None/Low/Medium/High/Critical


# (major version, vector as written) -> what it scores; bounded for a long `patchday serve`.
_SCORED: dict[tuple[int, str], Scored] = {}
_LIMIT = 131_072


def score3(vector: str) -> Scored:
    """A CVSS 3.x vector's base score; raises the library's error when it does not parse."""
    hit = _SCORED.get((3, vector))
    if hit is None:
        c = CVSS3(vector)
        hit = _keep((3, vector), Scored(c.clean_vector(), float(c.base_score), c.severities()[0]))
    return hit


def score4(vector: str) -> Scored:
    """A CVSS 4.0 vector's base score; raises the library's error when it does not parse."""
    hit = _SCORED.get((4, vector))
    if hit is None:
        c = CVSS4(vector)
        hit = _keep((4, vector), Scored(c.clean_vector(), float(c.base_score), c.severity))
    return hit


def _keep(key: tuple[int, str], scored: Scored) -> Scored:
    if len(_SCORED) >= _LIMIT:
        _SCORED.clear()
    _SCORED[key] = scored
    return scored


def known() -> dict[tuple[int, str], Scored]:
    """Every vector scored in this process so far, to hand to another (see :func:`learn`)."""
    return dict(_SCORED)


def learn(scored: dict[tuple[int, str], Scored]) -> None:
    """Take vectors scored by another process of the same build (the same library, the same answers)."""
    for key, value in scored.items():
        if key not in _SCORED:
            _keep(key, Scored(*value))
