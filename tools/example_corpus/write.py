"""A small YAML writer for the corpus: block style, quoted versions, folded long text.

PyYAML's dumper cannot keep key order and per-field quoting the way a person
writes a record, so the files are emitted here and read back to check that
they mean exactly what was intended.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml

WIDTH = 96


class Q(str):
    """Always written quoted (versions, revision numbers, builds)."""


class Raw(str):
    """Written exactly as is (date-times)."""


_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_PLAIN_OK = re.compile(r"[^\n\t]*")


def _plain_ok(s: str, flow: bool) -> bool:
    if not s or s != s.strip() or s[0] in _INDICATORS or not _PLAIN_OK.fullmatch(s):
        return False
    if ": " in s or " #" in s or s.endswith(":"):
        return False
    if flow and any(c in s for c in ",[]{}"):
        return False
    try:
        return yaml.safe_load(s) == s
    except yaml.YAMLError:
        return False


def scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Q) or not _plain_ok(value, flow):
        return json.dumps(str(value), ensure_ascii=False)
    return value


def _wrap(text: str, width: int) -> list[str]:
    if any(ord(c) >= 0x3000 for c in text):
        return [text]  # Japanese has no spaces to fold at; keep it on one line
    lines, cur = [], ""
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return lines


def _foldable(s: str) -> bool:
    return "\n" not in s and s == s.strip() and "  " not in s and not s.startswith("#")


def _emit_value(key: str, value, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        lines.append(f"{pad}{key}:")
        _emit_map(value, indent + 2, lines)
    elif isinstance(value, list):
        if all(not isinstance(x, (dict, list)) for x in value):
            lines.append(f"{pad}{key}: [{', '.join(scalar(x, flow=True) for x in value)}]")
            return
        lines.append(f"{pad}{key}:")
        for item in value:
            sub: list[str] = []
            _emit_map(item, indent + 4, sub)
            sub[0] = f"{pad}  - " + sub[0].lstrip()
            lines.extend(sub)
    elif isinstance(value, str) and not isinstance(value, (Q, Raw)) and len(pad) + len(key) + len(value) + 2 > WIDTH \
            and _foldable(value):
        lines.append(f"{pad}{key}: >-")
        lines.extend(" " * (indent + 2) + ln for ln in _wrap(value, WIDTH - indent - 2))
    else:
        lines.append(f"{pad}{key}: {scalar(value)}")


def _emit_map(d: dict, indent: int, lines: list[str]) -> None:
    for k, v in d.items():
        if v is None or (isinstance(v, (list, dict)) and not v):
            continue
        _emit_value(scalar(k), v, indent, lines)


def _plainify(value):
    """What a YAML 1.2-minded reader (BaseLoader: everything text) should see."""
    if isinstance(value, dict):
        return {str(k): _plainify(v) for k, v in value.items() if v is not None and v != [] and v != {}}
    if isinstance(value, list):
        return [_plainify(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def dump(doc: dict, schema: str) -> str:
    lines = [f"# yaml-language-server: $schema={schema}"]
    _emit_map(doc, 0, lines)
    text = "\n".join(lines) + "\n"
    back = yaml.load(text, Loader=yaml.BaseLoader)
    if back != _plainify(doc):
        raise ValueError(f"round trip changed the document:\n{text[:2000]}")
    return text


def write(path: Path, doc: dict, schema: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(doc, schema), encoding="utf-8")
