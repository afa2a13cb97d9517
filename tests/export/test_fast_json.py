"""common.dumps is byte-identical to json.dumps(indent=2, sort_keys=True, ensure_ascii=False) + newline."""

from __future__ import annotations

import enum
import json

import pytest

from patchday.export.common import dumps


class Colour(enum.StrEnum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


VALUES = [
    {},
    [],
    {"a": [], "b": {}, "c": [[], {}]},
    {"z": 1, "a": 2.5, "m": [True, False, None, 1e16, -0.0, 10.0, 7.1]},
    {"text": "Grüße \"quoted\" \\ back\nslash\t\u2028 \x00 情報漏えい"},
    {"nested": [{"b": [1, [2, [3, {"x": "y"}]]], "a": ("t", "u")}]},
    {"enum": Colour.RED, "int": Level.HIGH, Colour.RED: "key as StrEnum"},
    ["top", "level", "list", 1, 2.0],
    "just a string",
    42,
    {10: "int keys fall back", 9: "b"},
    {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")},
]


@pytest.mark.parametrize("value", VALUES)
def test_same_bytes_as_stdlib(value):
    expected = (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    assert dumps(value) == expected
