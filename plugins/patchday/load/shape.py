"""Stage 1 of validation: turn a parsed YAML document into a model.

Pydantic's errors name a field path; this module maps each one back to the
line and column it came from and rewrites the message for a publisher, with a
hint to fix it ("quote it", "did you mean ...").
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from patchday.diagnostics import Diagnostic, Severity
from patchday.load.yaml_strict import Document, Path

M = TypeVar("M", bound=BaseModel)

_PATTERN_HINTS = {
    r"^CVE-\d{4}-\d{4,}$": "write a CVE id such as CVE-2026-21001",
    r"^CWE-[1-9]\d*$": "write a CWE id such as CWE-787",
    r"^https://[^\s<>\"]+$": "write a full https:// URL",
    r"^[1-9]\d*\.\d+(\.\d+)?$": 'write a revision number in quotes, such as "1.0" or "1.1"',
    r"^[a-z0-9][a-z0-9-]{0,62}$": "use lowercase letters, digits and hyphens, e.g. disable-smbv3",
    r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$": 'use letters, digits, dots and hyphens, in quotes, e.g. "15.2.1544.9"',
}


_OWN_RULE = re.compile(r"^(?P<code>PD\d{3}): (?P<msg>.*?)(?: \| hint: (?P<hint>.*))?$", re.S)


def _unwrap(tp: Any) -> list[Any]:
    """All the concrete classes a field annotation can hold."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_unwrap(arg))
        return out
    return [tp]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Walk a model class along an error location; None if it leaves the models."""
    current: Any = model
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str) or part not in current.model_fields:
                return None
            current = current.model_fields[part].annotation
            continue
        candidates = _unwrap(current)
        nxt = None
        for cand in candidates:
            origin = typing.get_origin(cand)
            if origin is list and isinstance(part, int):
                nxt = typing.get_args(cand)[0]
            elif origin is dict and isinstance(part, str):
                nxt = typing.get_args(cand)[1]
            elif isinstance(cand, type) and issubclass(cand, BaseModel):
                nxt = cand
                if isinstance(part, str) and part in cand.model_fields:
                    nxt = cand.model_fields[part].annotation
        if nxt is None:
            return None
        current = nxt
    for cand in _unwrap(current):
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            return cand
        origin = typing.get_origin(cand)
        if origin in (list, dict):
            continue
    return None


def _fmt_path(path: Path) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else ("." if out else "") + str(p)
    return out or "(top level)"


def _diagnose(doc: Document, model: type[BaseModel], err: Any) -> Diagnostic:
    loc = tuple(p for p in err["loc"] if p != "[key]")
    is_key_error = "[key]" in err["loc"]
    kind = err["type"]
    raw = doc.raw.get(loc)
    field = (f"{loc[-2]}[{loc[-1]}]" if len(loc) > 1 else str(loc[-1])) if loc and isinstance(loc[-1], int) else (loc[-1] if loc else "")
    msg = err["msg"]
    hint = ""
    code = "PD020"
    where = doc.locate(loc, key=is_key_error)

    if kind == "extra_forbidden":
        code = "PD011"
        parent = _model_at(model, loc[:-1])
        known = sorted(parent.model_fields) if parent else []
        msg = f"unknown key {field!r}"
        close = difflib.get_close_matches(str(field), known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else (f"known keys here: {', '.join(known)}" if known else "remove it")
        where = doc.locate(loc, key=True)
    elif kind == "missing":
        code = "PD012"
        msg = f"missing required field {field!r}"
        hint = f"add `{field}:` under {_fmt_path(loc[:-1])}"
        where = doc.locate(loc[:-1])
    elif kind == "value_error" and "yaml11:" in msg:
        code = "PD013"
        reads_as = msg.split("yaml11:", 1)[1]
        msg = f"`{raw}` is not text: YAML 1.1 tools read it as {reads_as}"
        hint = f'quote it: "{raw}"'
    elif kind == "value_error" and "text:control:" in msg:
        code = "PD021"
        msg = f"{field!r} holds the control character {msg.split('text:control:', 1)[1]}"
        hint = "remove it (a \\x.. or \\e escape?); feeds, CSAF and the pages cannot carry control characters"
    elif kind == "value_error" and "text:ascii:" in msg:
        code = "PD017"
        msg = f"{_fmt_path(loc)}: {err.get('input')!r} has the wrong form: {msg.split('text:ascii:', 1)[1]} is not an ASCII character"
        hint = "identifiers are written in ASCII letters and digits (0-9)"
    elif kind == "value_error" and "text:line:" in msg:
        code = "PD022"
        msg = f"{field!r} must be one visible line, but {msg.split('text:line:', 1)[1]}"
        hint = "write titles, names and IDs on one line, without invisible or direction-changing characters"
    elif kind in ("string_type",) and raw is not None:
        code = "PD013"
        value = err.get("input")
        what = "a boolean" if isinstance(value, bool) else "nothing (null)" if value is None else "a number"
        changed = f" ({value!r})" if isinstance(value, float) and str(value) != raw else ""
        msg = f"`{raw}` is read as {what}{changed}, but {field!r} is text"
        hint = f'quote it: "{raw}"'
    elif kind == "bool_type":
        code = "PD014"
        msg = f"{field!r} must be true or false" + (f", not `{raw}`" if raw is not None else "")
        hint = "write true or false (yes/no/on/off are not accepted)"
    elif kind == "stated_type":
        code = "PD014"
        msg = f"{field!r} must be true, false or unknown" + (f", not `{raw}`" if raw is not None else "")
        hint = "write true or false, or unknown when the source does not say (yes/no are not accepted)"
    elif kind in ("int_type", "int_parsing"):
        code = "PD015"
        msg = f"{field!r} must be a whole number"
        hint = "write digits only, without quotes"
    elif kind == "enum":
        code = "PD016"
        expected = err.get("ctx", {}).get("expected", "")
        msg = f"{field!r} is `{err.get('input')}`, which is not allowed"
        hint = f"use one of {expected}"
    elif kind == "literal_error":
        code = "PD016"
        msg = f"{field!r} is `{err.get('input')}`, which is not allowed"
        hint = f"expected {err.get('ctx', {}).get('expected', '')}"
    elif kind == "string_pattern_mismatch":
        code = "PD017"
        pattern = err.get("ctx", {}).get("pattern", "")
        what = "key" if is_key_error else "value"
        msg = f"{_fmt_path(loc)}: {what} `{err.get('input')}` has the wrong form"
        hint = _PATTERN_HINTS.get(pattern, f"it must match {pattern}")
    elif kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        code = "PD018"
        expected = {"list_type": "a list (lines starting with '- ')", "dict_type": "a mapping (key: value lines)"}.get(
            kind, "a mapping (key: value lines)"
        )
        msg = f"{field!r} must be {expected}"
        hint = "check the indentation and the '-' markers"
    elif kind in ("too_short", "string_too_short"):
        code = "PD019"
        msg = f"{field!r} must not be empty"
        hint = "fill it in, or remove the key if it is optional"
    elif kind == "value_error" and (own := _OWN_RULE.match(msg.removeprefix("Value error, "))):
        # A validator with a rule of its own (e.g. model/identifiers.py) names its code and hint.
        code, text, hint = own["code"], own["msg"], own["hint"] or ""
        msg = f"{field!r}: {text}"
    elif kind == "value_error":
        code = "PD020"
        msg = f"{field!r}: {msg.removeprefix('Value error, ')}"
        hint = "see the publisher guide in the README for the expected form"
    else:
        msg = f"{_fmt_path(loc)}: {msg}"
        hint = "see the publisher guide in the README for this field"
    return Diagnostic(
        file=doc.file,
        line=where[0],
        column=where[1],
        code=code,
        severity=Severity.ERROR,
        message=msg,
        hint=hint,
        path=loc,
    )


def to_model(doc: Document, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """Validate a document against a model; never raises on bad data."""
    if not isinstance(doc.value, dict):
        found = "empty" if doc.value is None else type(doc.value).__name__
        return None, [
            Diagnostic(
                file=doc.file,
                line=doc.locate(())[0],
                column=doc.locate(())[1],
                code="PD018",
                severity=Severity.ERROR,
                message=f"the file must hold a mapping of fields, but it is {found}",
                hint="start with `schema_version: 1` and the record's fields",
            )
        ]
    try:
        return model.model_validate(doc.value), []
    except ValidationError as exc:
        diags = [_diagnose(doc, model, e) for e in exc.errors(include_url=False)]
        return None, sorted(dict.fromkeys(diags))
