"""common.dumps writes the bytes of json.dumps(separators=(",", ":"), sort_keys=True, ensure_ascii=False) + newline.

It is orjson underneath; the few values where the two disagree are pinned
here, so that an orjson upgrade that changes them is noticed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json

import pytest

from patchday.export.common import dumps


class Colour(enum.StrEnum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


@dataclasses.dataclass
class Point:
    x: int


VALUES = [
    {},
    [],
    {"a": [], "b": {}, "c": [[], {}]},
    {"z": 1, "a": 2.5, "m": [True, False, None, 1e16, 1.5e300, 5e-324, -0.0, 10.0, 7.1, 9.8, 0.0001]},
    {"text": "Grüße \"quoted\" \\ back\nslash\t\u2028 \x00 \x1f \x7f 情報漏えい \U0001f600"},
    {"é": 1, "e": 2, "\uffff": 3, "\U0001f600": 4, "Z": 5},  # code point order, as sort_keys
    {"nested": [{"b": [1, [2, [3, {"x": "y"}]]], "a": ("t", "u")}]},
    {"enum": Colour.RED, "int": Level.HIGH, Colour.RED: "key as StrEnum"},
    ["top", "level", "list", 1, 2.0],
    "just a string",
    42,
    {"big": 2**70, "small": -(2**64)},  # beyond orjson's 64 bits: json.dumps writes them
    {10: "int keys fall back", 9: "b"},
    {1.5: "float keys", 0.5: "too"},
    [[[[[[[[[[]]]]]]]]]] * 2,
]


def _stdlib(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


@pytest.mark.parametrize("value", VALUES)
def test_same_bytes_as_stdlib(value):
    assert dumps(value) == _stdlib(value)


def test_deep_nesting_falls_back():
    value: list[object] = []
    for _ in range(300):  # orjson stops at 255 levels
        value = [value]
    assert dumps(value) == _stdlib(value)


@pytest.mark.parametrize(("value", "written"), [
    (float("nan"), b"null\n"),  # json.dumps: NaN (not JSON)
    (float("inf"), b"null\n"),  # json.dumps: Infinity
    (1e-5, b"0.00001\n"),  # json.dumps: 1e-05; only 1e-9 <= |x| < 1e-4 differ
])
def test_floats_no_export_writes(value, written):
    """The exports' only floats are CVSS scores (0.0-10.0, one decimal), which both write alike."""
    assert dumps(value) == written


@pytest.mark.parametrize("value", [dt.date(2026, 1, 1), dt.datetime(2026, 1, 1, tzinfo=dt.UTC), Point(1), {(1, 2): "x"}, object()])
def test_refuses_what_json_refuses(value):
    with pytest.raises(TypeError):
        dumps(value)
