"""Text fields are Markdown without raw HTML, and links use safe schemes.

Raw HTML is refused here so publishers learn early; the renderer escapes it
and sanitises the result anyway, so a record that skipped linting is still safe.
"""

from __future__ import annotations

import re
from typing import Any

from patchday.lint.context import LintContext

_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.S)
# What Markdown passes through as raw HTML: '<', a letter, then anything but '<', '>' and '@'
# up to '>' (so `<img/src=x onerror=...>`, where '/' stands for the space, is a tag too), a
# comment; or a tag left open but already given an attribute (`<svg onload=...`, `<svg/onload=`).
_HTML = re.compile(r"<!--|<\s*/?\s*[A-Za-z][^<>@\s]*(?:\s[^<>]*)?>|<\s*[A-Za-z][A-Za-z0-9-]*[\s/]+[A-Za-z-]+\s*=")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]+>")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
# A reference definition (`[name]: destination`, at the start of a line) gives the
# destination of every `[text][name]` and `[name]` link.
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\[\]]*\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.M)
_SAFE_SCHEME = re.compile(r"(?:https?:|mailto:|#|/|\.\.?/|[A-Za-z0-9_-]+(?:[./#][^:]*)?\Z)")


def _candidates(value: Any) -> list[tuple[tuple, str]]:
    """Strings that may hold HTML or a link ('<' or '](' in them), with their paths.

    Iterative (a document can be 32 levels deep); a path is built for
    containers and matching strings only, since almost every node is a
    string leaf without either.
    """
    out: list[tuple[tuple, str]] = []
    stack: list[tuple[Any, tuple]] = [(value, ())]
    pop, push = stack.pop, stack.append
    while stack:
        value, path = pop()
        if isinstance(value, dict):
            items = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            if isinstance(value, str) and ("<" in value or "](" in value or "]:" in value):
                out.append((path, value))
            continue
        for k, v in items:
            if isinstance(v, str):
                if "<" in v or "](" in v or "]:" in v:
                    out.append((path + (k,), v))
            elif isinstance(v, (dict, list)):
                push((v, path + (k,)))
    return out


def check(ctx: LintContext) -> None:
    # The catalogue's names are plain text, not Markdown, but HTML there reaches the JSON API
    # and the search index as it is, so it is refused the same way.
    catalogue = [ctx.corpus.catalogue] if ctx.corpus.catalogue is not None else []
    groups = (ctx.corpus.bulletins, ctx.corpus.overlays, ctx.corpus.release_notes, ctx.corpus.release_overlays, catalogue)
    for group in groups:
        for item in group:
            if item.doc.markup_safe:
                continue  # its source rules out raw HTML and unsafe links; walking it costs more than the rule
            for path, text in _candidates(item.doc.value):
                prose = _AUTOLINK.sub("", _CODE.sub("", text))
                m = _HTML.search(_REFERENCE.sub("", prose))  # a definition's <destination> is no tag
                if m:
                    ctx.report(item, path, "PD801", f"raw HTML {m.group(0)[:40]!r} in a text field",
                               "use Markdown instead (**bold**, `code`, [text](https://...)); put literal tags in `backticks`")
                for link in _LINK.findall(prose) + _REFERENCE.findall(prose):
                    if link and not _SAFE_SCHEME.match(link):
                        ctx.report(item, path, "PD802", f"link {link[:60]!r} uses an unsafe scheme",
                                   "links must be https://, http://, mailto: or relative")
