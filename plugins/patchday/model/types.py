"""Scalar types shared by every record model.

The loader hands the model plain Python values whose scalars were *not*
converted by YAML 1.1 rules (see ``patchday.load.yaml_strict``). These types
decide, per field, what a scalar may be, so that a publisher who wrote
``version: 1.10`` or ``exploited: no`` gets an error instead of a silent
``1.1`` or ``False``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

from patchday.load.scalars import Plain11


def _text(value: Any) -> Any:
    # A plain scalar that YAML 1.1 reads as a bool, number, date or null is
    # refused in a text field: other tools would read something else.
    if isinstance(value, Plain11):
        raise ValueError(f"yaml11:{value.reads_as}")
    return value


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date-time")
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("expected a date written as YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"not a calendar date: {exc}") from None
    return value


_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)")


def _datetime(value: Any) -> Any:
    if isinstance(value, str):
        if not _DATETIME.fullmatch(value):
            raise ValueError(
                "expected a date-time with a time zone, e.g. 2026-01-13T17:00:00Z or 2026-01-13T10:00:00-07:00"
            )
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


# Moments outside these years cannot be shifted between zones or given a next patch day
# (Python's dates end at 9999); no bulletin is released before 1970.
FIRST_YEAR, LAST_YEAR = 1970, 9998


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("the date-time needs a time zone offset such as Z or +01:00")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"the year {value.year} is out of range ({FIRST_YEAR} to {LAST_YEAR})")
    return value


Text = Annotated[str, BeforeValidator(_text), StringConstraints(strict=True, min_length=1)]
"""One line of plain text."""

Markdown = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, min_length=1),
    WithJsonSchema({"type": "string", "minLength": 1, "contentMediaType": "text/markdown"}),
]
"""Markdown text. Raw HTML in it is escaped when rendered (see README)."""

Date = Annotated[
    dt.date,
    BeforeValidator(_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]

DateTime = Annotated[
    dt.datetime,
    BeforeValidator(_datetime),
    AfterValidator(_aware),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]

Slug = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, pattern=r"^[a-z0-9][a-z0-9-]{0,62}$"),
]
"""A stable key: lowercase letters, digits and hyphens."""

VersionRef = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$"),
]

CVEId = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, pattern=r"^CVE-\d{4}-\d{4,}$"),
]

CWEId = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, pattern=r"^CWE-[1-9]\d*$"),
]

Url = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, pattern=r"^https://[^\s<>\"]+$"),
]

RevisionNumber = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, pattern=r"^[1-9]\d*\.\d+(\.\d+)?$"),
]
"""Revision numbers are written as quoted text ("1.10"), never as numbers."""

Bool = Annotated[bool, Field(strict=True)]
