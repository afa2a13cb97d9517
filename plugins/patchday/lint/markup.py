"""Text fields are Markdown without raw HTML, and links use safe schemes.

Raw HTML is refused here so publishers learn early; the renderer escapes it
and sanitises the result anyway, so a record that skipped linting is still safe.
"""

from __future__ import annotations

import re
from typing import Any

from patchday.lint.context import LintContext

_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.S)
_HTML = re.compile(r"<!--|<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?\s*>|<\s*[A-Za-z][A-Za-z0-9-]*\s+[a-z-]+\s*=")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]+>")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|#|/|\.\.?/|[A-Za-z0-9_-]+(?:[./#][^:]*)?$)")


def _strings(value: Any, path: tuple) -> list[tuple[tuple, str]]:
    """Every string in a parsed document with its path, depth first, in document order."""
    out: list[tuple[tuple, str]] = []
    stack: list[tuple[Any, tuple]] = [(value, path)]  # iterative: a document can be 32 levels deep
    pop, push = stack.pop, stack.append
    while stack:
        value, path = pop()
        kind = type(value)
        if kind is str or isinstance(value, str):
            out.append((path, value))
        elif kind is dict or isinstance(value, dict):
            for k, v in reversed(value.items()):
                push((v, path + (k,)))
        elif kind is list or isinstance(value, list):
            for i in range(len(value) - 1, -1, -1):
                push((value[i], path + (i,)))
    return out


def check(ctx: LintContext) -> None:
    groups = (ctx.corpus.bulletins, ctx.corpus.overlays, ctx.corpus.release_notes, ctx.corpus.release_overlays)
    for group in groups:
        for item in group:
            for path, text in _strings(item.doc.value, ()):
                if "<" not in text and "](" not in text:
                    continue
                prose = _AUTOLINK.sub("", _CODE.sub("", text))
                m = _HTML.search(prose)
                if m:
                    ctx.report(item, path, "PD801", f"raw HTML {m.group(0)[:40]!r} in a text field",
                               "use Markdown instead (**bold**, `code`, [text](https://...)); put literal tags in `backticks`")
                for link in _LINK.findall(prose):
                    if link and not _SAFE_SCHEME.match(link):
                        ctx.report(item, path, "PD802", f"link {link[:60]!r} uses an unsafe scheme",
                                   "links must be https://, http://, mailto: or relative")
