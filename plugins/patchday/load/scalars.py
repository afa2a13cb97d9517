"""How a plain YAML scalar is read.

patchday reads YAML with the YAML 1.2 core rules only: ``true``/``false``,
``null``/``~``, decimal integers and decimal floats. Anything that YAML 1.1
(PyYAML, many editors) would turn into something else -- ``yes``/``no``,
``on``/``off``, ``1_000``, ``0o17``, ``1:20``, dates, ``.inf`` -- stays text
but is marked with :class:`Plain11`, so that a text field can refuse it and
tell the publisher to quote it.
"""

from __future__ import annotations

import re

_BOOL11 = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|True|TRUE|False|FALSE)$")
_NULL11 = re.compile(r"^(?:Null|NULL)$")
_INT12 = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT12 = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$")
_INT11 = re.compile(
    r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
)
_FLOAT11 = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
# YAML 1.2 tools read these as numbers too; plain text must not look like them.
_INT12_OTHER = re.compile(r"^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_DATE11 = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$")
_TIMESTAMP11 = re.compile(
    r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$"
)
_DATETIME_NO_SECONDS = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?:Z|[-+][0-9]{2}:[0-9]{2})$")


class Plain11(str):
    """An unquoted scalar that YAML 1.1 would not read as text."""

    __slots__ = ("reads_as",)
    reads_as: str

    def __new__(cls, text: str, reads_as: str) -> Plain11:
        obj = super().__new__(cls, text)
        obj.reads_as = reads_as
        return obj

    def __reduce__(self) -> tuple:  # for the worker processes that parse in parallel
        return (Plain11, (str(self), self.reads_as))


def yaml11_reading(text: str) -> str | None:
    """Say what YAML 1.1 would turn an unquoted scalar into, or None for text."""
    if _BOOL11.fullmatch(text):
        return "a boolean"
    if _NULL11.fullmatch(text):
        return "null (nothing)"
    if _TIMESTAMP11.fullmatch(text) or _DATETIME_NO_SECONDS.fullmatch(text):
        return "a date-time"
    if _DATE11.fullmatch(text):
        return "a date"
    if _INT11.fullmatch(text) or _INT12_OTHER.fullmatch(text):
        return "a number"
    if _FLOAT11.fullmatch(text):
        return "a number"
    return None


# Every special form above (true/false/null/~, the YAML 1.2 numbers and each
# YAML 1.1 pattern) starts with one of these characters. A plain scalar that
# starts with anything else -- most prose, ids and slugs -- is text, and skips
# the regular expressions. Keep this in step when a pattern is added.
SPECIAL_FIRST = frozenset("-+.0123456789~yYnNoOtTfF")
_DIGITS = frozenset("0123456789")


def read_plain(text: str) -> object:
    """Turn an unquoted scalar into a Python value by the YAML 1.2 core rules."""
    if text and text[0] not in SPECIAL_FIRST:
        return text
    # Of the special forms only a YAML 1.1 timestamp holds a space, and it starts with a digit:
    # prose that starts with one of the letters above ("The", "For", "No") is text. Four in five
    # scalars that come this far are such prose, each tried against eight patterns otherwise.
    if " " in text and text[0] not in _DIGITS:
        return text
    if text in ("true", "false"):
        return text == "true"
    if text in ("null", "~", ""):
        return None
    if _INT12.fullmatch(text):
        return int(text)
    if _FLOAT12.fullmatch(text):
        return float(text)
    reads_as = yaml11_reading(text)
    if reads_as is not None:
        return Plain11(text, reads_as)
    return text
