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
_SYNTAX = re.compile(r"[\\`*_\[\]!#|~<>&\n]|^\s*(?:\d+[.)]|[-+=])(?:\s|$)|^ {4}")


@lru_cache(maxsize=65536)
def render(text: str) -> str:
    """Markdown -> sanitised HTML. Cached: the same English text appears in up to four languages."""
    text = text.strip()
    if not _SYNTAX.search(text):
        return f"<p>{escape(text, quote=False)}</p>"
    html = _MD.reset().convert(text)
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
