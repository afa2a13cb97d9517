"""Placeholders that `patchday new` writes are refused until replaced.

A scaffold validates as a draft, so it can be merged while it is being
written, but every placeholder is reported (a warning in a draft, an error
in any other status) with the line it is on, so none reaches a reader.
The scaffold's template takes its placeholders from here.
"""

from __future__ import annotations

import re
from typing import Any

from patchday.lint.context import LintContext
from patchday.model import Status

TODO = "TODO"
CVE_NUMBER = "0000"  # no CVE id has sequence number 0000: CVE-YYYY-0000 is a placeholder

_TODO = re.compile(rf"\b{TODO}\b")
_CVE = re.compile(rf"^CVE-\d{{4}}-{CVE_NUMBER}$")


def _strings(value: Any) -> list[tuple[tuple, str]]:
    out: list[tuple[tuple, str]] = []
    stack: list[tuple[Any, tuple]] = [(value, ())]
    while stack:
        value, path = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for k, v in items:
            if isinstance(v, str):
                out.append((path + (k,), v))
            elif isinstance(v, (dict, list)):
                stack.append((v, path + (k,)))
    return out


def _field(path: tuple) -> str:
    return ".".join(str(p) for p in path if not isinstance(p, int)) or "field"


def _surely_none(source: str | bytes | None) -> bool:
    """True when the record's own text shows no placeholder could be in it: neither word is
    written and no escape could spell one. Walking every string of 3,000 bulletins costs a
    third of the linter's time, for a word a finished record never holds."""
    if source is None:  # the text is gone once positions were built: walk
        return False
    if isinstance(source, str):
        return TODO not in source and CVE_NUMBER not in source and "\\" not in source
    return TODO.encode() not in source and CVE_NUMBER.encode() not in source and b"\\" not in source


def check(ctx: LintContext) -> None:
    for item in ctx.corpus.bulletins:
        if _surely_none(item.doc.text):
            continue
        report = ctx.warn if item.model.status is Status.DRAFT else ctx.report
        for path, text in _strings(item.doc.value):
            if path[-1:] == ("cve",) and _CVE.match(text):
                report(item, path, "PD803", f"placeholder CVE id {text} left from the scaffold",
                       f"replace {text} with the CVE id assigned to this flaw (and in its translations)")
            elif _TODO.search(text):
                shown = text if len(text) <= 50 else text[:47] + "..."
                report(item, path, "PD803", f"placeholder {shown!r} left from the scaffold in {_field(path)}",
                       f"write the {_field(path)} in place of the {TODO} text")
