"""Reporters: the only place diagnostics become text."""

from __future__ import annotations

import json

from patchday.diagnostics import Diagnostic, Severity


def _escape_gh(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def text(diagnostics: list[Diagnostic], *, files: int) -> str:
    lines = []
    for d in diagnostics:
        lines.append(f"{d.file}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}")
        if d.hint:
            lines.append(f"    hint: {d.hint}")
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = len(diagnostics) - errors
    lines.append(f"{files} files checked: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines) + "\n"


def as_json(diagnostics: list[Diagnostic], *, files: int) -> str:
    payload = {
        "files": files,
        "errors": sum(1 for d in diagnostics if d.severity is Severity.ERROR),
        "warnings": sum(1 for d in diagnostics if d.severity is Severity.WARNING),
        "diagnostics": [d.as_dict() for d in diagnostics],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def github(diagnostics: list[Diagnostic], *, files: int) -> str:
    """GitHub workflow commands: annotations on the changed lines of a pull request."""
    out = []
    for d in diagnostics:
        level = "error" if d.severity is Severity.ERROR else "warning"
        props = f"file={_escape_gh(d.file, prop=True)},line={d.line},col={d.column},title={_escape_gh(d.code, prop=True)}"
        body = d.message + (f" (hint: {d.hint})" if d.hint else "")
        out.append(f"::{level} {props}::{_escape_gh(body)}")
    return "\n".join(out) + ("\n" if out else "")


REPORTERS = {"text": text, "json": as_json, "github": github}
