"""Record Markdown -> safe HTML.

Raw HTML in a record is *escaped* (shown as text), not interpreted, and the
result is sanitised again with nh3, so a record that skipped linting cannot
inject markup, event handlers or ``javascript:`` links.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

import markdown
import nh3

_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "a", "blockquote",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr",
}
_ATTRS = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def _engine() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # Escape, don't interpret: raw HTML blocks and inline tags become text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _engine()


# Characters that can start Markdown syntax (or an entity / autolink). Text
# without any of them renders to one escaped paragraph, so we skip the parser:
# most record text is plain prose, and the parser is the build's hot spot.
# Two patterns, not one alternation: a "^" alternative is tried at every position.
_SYNTAX_CHAR = re.compile(r"[\\`*_\[\]!#|~<>&\n]")
_BLOCK_START = re.compile(r"\s*(?:\d+[.)]|[-+=])(?:\s|$)| {4}")  # list item, setext underline, code block


def _has_syntax(text: str) -> bool:
    return _SYNTAX_CHAR.search(text) is not None or _BLOCK_START.match(text) is not None


# One line of prose whose only Markdown is `code` spans and [label](https://url) links: the
# commonest record text after plain prose. It is rendered by string joins; the output is
# byte-identical to Python-Markdown + nh3 (tests/site/test_site_markup.py checks both ways).
# Anything else (emphasis, escapes, entities, reference links, titles, other schemes,
# non-ASCII spaces that nh3 writes as entities) goes to the parser. Every character outside
# a span or link is plain, so each backtick or bracket starts the one span or link it can
# be: the match never needs to backtrack, and the possessive loops say so (the
# per-character alternation this replaces was five times slower).
_SIMPLE = re.compile(r"(?:[^`\[\]\\*_!#|~<>&\n\"\u00a0]++|`[^`\s][^`]*?(?<=\S)`|`[^`\s]`"
                     r"|\[[^`\[\]()\\*_!#|~<>&\n\"\u00a0]+\]\(https?://[^\s()<>\"'&_*\\`\[\]]+\))*+")
_ODD_SPACE = re.compile(r"[^\S ]")  # tabs (expanded by the parser), other white space
_PIECE = re.compile(r"`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)")

# Brackets of one kind only cannot form a link, reference or image (they need both), and
# a lone backtick cannot form a code span: Python-Markdown prints them as they are. They
# are masked as plain characters while the text is checked and joined, then restored.
_MASK = {"[": "\ue000", "]": "\ue001", "`": "\ue002"}
_MASKED = re.compile("[\ue000-\ue002]")


# A link cut short at the end of a text ("See [the guidance](https://learn.contoso.e"): its
# brackets and parenthesis form no link, no reference and no image, and Python-Markdown prints
# them as they are. Translations cut to a length end this way. The label and the cut target
# hold none of the characters that start other syntax, so the rest of the text renders as if
# the tail were not there, and the tail is text.
_CUT_LINK = re.compile(r"\[[^`\[\]()\\*_!#|~<>&\n\"\u00a0]+\](?:\([^\s()<>\"'&_*\\`\[\]]*)?$")


def _stray(text: str) -> str:
    chars = "[]" if ("[" in text) != ("]" in text) else ""
    return chars + "`" if text.count("`") == 1 else chars


def _simple(text: str) -> str | None:
    if "``" in text or _ODD_SPACE.search(text) or _BLOCK_START.match(text):
        return None
    cut = _CUT_LINK.search(text)
    if cut is not None:
        head = text[: cut.start()]
        if "[" in head or "]" in head:
            return None  # a link or bracket before it: the parser decides which pairs form what
        if not head:
            return f"<p>{cut.group()}</p>"
        simple = _simple(head)
        return None if simple is None else f"{simple[:-4]}{cut.group()}</p>"
    stray = _stray(text)
    if stray:
        if _MASKED.search(text):
            return None
        for c in stray:
            text = text.replace(c, _MASK[c])
    if not _SIMPLE.fullmatch(text):
        return None
    out = []
    pos = 0
    for m in _PIECE.finditer(text):
        out.append(text[pos:m.start()])
        if m.group(1) is not None:
            out.append(f"<code>{escape(m.group(1), quote=False)}</code>")  # a span may hold any character
        elif stray and _MASKED.search(m.group(0)):
            return None  # a lone backtick inside a link: leave it to the parser
        else:
            out.append(f'<a href="{m.group(3)}" rel="noopener noreferrer">{m.group(2)}</a>')
        pos = m.end()
    out.append(text[pos:])
    html = "<p>" + "".join(out) + "</p>"
    for c in stray:
        html = html.replace(_MASK[c], c)
    return html


@lru_cache(maxsize=65536)
def render(text: str) -> str:
    """Markdown -> sanitised HTML. Cached: the same English text appears in up to four languages."""
    text = text.strip()
    if not _has_syntax(text):
        return f"<p>{escape(text, quote=False)}</p>"
    simple = _simple(text)
    if simple is not None:
        return simple
    return _full(text)


def _full(text: str) -> str:
    html = _MD.reset().convert(text)
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
