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


# Characters no text field may hold: C0 controls but tab and line breaks, DEL, C1 controls,
# surrogates and the non-characters U+FFFE/U+FFFF. XML 1.0 cannot carry most of them, so
# one in a record made every Atom feed it reached ill-formed; YAML lets them in only
# through escapes ("\x01", "\e", "\0").
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")


def control_character(value: str) -> str | None:
    """The first character of ``value`` that no text may hold, as U+XXXX, or None."""
    m = CONTROL.search(value)
    return f"U+{ord(m.group()):04X}" if m else None


# Unicode's format characters (category Cf) as of Unicode 14 (Python 3.11), written out so that
# a search runs in C; tests/lint/test_text_types.py compares the class with unicodedata, so a
# Python whose Unicode adds one fails there.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


# Anything _line looks at in the slow path, in one search: tab, controls, line breaks, format characters.
_LINE_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029" + _FORMAT.pattern[1:])


def invisible_character(value: str) -> str | None:
    """The first invisible formatting character (Unicode category Cf: bidi controls such as
    U+202E, zero-width spaces and joiners, U+FEFF), as U+XXXX, or None.

    They make an identifier or title read differently from what it is (a reversed
    "exe.txt", two IDs that look the same).
    """
    m = _FORMAT.search(value)
    return f"U+{ord(m.group()):04X}" if m else None


# Each text field runs these: a string of printable ASCII (most of them) passes on two C
# methods, so the checks cost validation little; anything else takes the full path.
# In the types below, StringConstraints stand before the BeforeValidator: pydantic then
# checks them in its core string schema, after the validator as before, instead of in a
# Python function wrapped around it (1.9 million calls, ~0.6 s at 3,000 bulletins).


def _text(value: Any) -> Any:
    if type(value) is str and (value.isascii() and value.isprintable() or CONTROL.search(value) is None):
        return value
    # A plain scalar that YAML 1.1 reads as a bool, number, date or null is
    # refused in a text field: other tools would read something else.
    if isinstance(value, Plain11):
        raise ValueError(f"yaml11:{value.reads_as}")
    if isinstance(value, str) and (bad := control_character(value)):
        raise ValueError(f"text:control:{bad}")
    return value


def _identifier(value: Any) -> Any:
    """Identifiers are ASCII: the patterns' \\d would also take other scripts' digits (CVE-２０２６-…)."""
    if type(value) is str and value.isascii() and value.isprintable():
        return value
    value = _text(value)
    if isinstance(value, str) and not value.isascii():
        bad = next(ch for ch in value if not ch.isascii())
        raise ValueError(f"text:ascii:U+{ord(bad):04X}")
    return value


def _line(value: Any) -> Any:
    """One visible line: what titles, names and identifiers are."""
    if type(value) is str and (value.isascii() and value.isprintable() or _LINE_SUSPECT.search(value) is None) \
            and (value.strip() or not value):
        return value
    value = _text(value)
    if isinstance(value, str):
        if _LINE_BREAK.search(value):
            raise ValueError("text:line:it breaks the line")
        if value and not value.strip():
            raise ValueError("text:line:it is only white space")
        if bad := invisible_character(value):
            raise ValueError(f"text:line:it holds the invisible formatting character {bad}")
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


Text = Annotated[str, StringConstraints(strict=True, min_length=1), BeforeValidator(_line)]
"""One line of plain text: no line break, not blank, no invisible formatting characters."""

Markdown = Annotated[
    str,
    StringConstraints(strict=True, min_length=1),
    BeforeValidator(_text),
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
    BeforeValidator(_identifier),
    StringConstraints(strict=True, pattern=r"^[a-z0-9][a-z0-9-]{0,62}$"),
]
"""A stable key: lowercase letters, digits and hyphens."""

VersionRef = Annotated[
    str,
    BeforeValidator(_identifier),
    StringConstraints(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$"),
]

CVEId = Annotated[
    str,
    BeforeValidator(_identifier),
    StringConstraints(strict=True, pattern=r"^CVE-\d{4}-\d{4,}$"),
]

CWEId = Annotated[
    str,
    BeforeValidator(_identifier),
    StringConstraints(strict=True, pattern=r"^CWE-[1-9]\d*$"),
]

Url = Annotated[
    str,
    BeforeValidator(_text),
    StringConstraints(strict=True, pattern=r"^https://[^\s<>\"]+$"),
]

RevisionNumber = Annotated[
    str,
    BeforeValidator(_identifier),
    StringConstraints(strict=True, pattern=r"^[1-9]\d*\.\d+(\.\d+)?$"),
]
"""Revision numbers are written as quoted text ("1.10"), never as numbers."""

Bool = Annotated[bool, Field(strict=True)]
