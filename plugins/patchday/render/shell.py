"""Pour bulletin content into the one bulletin page MkDocs rendered per language.

Material renders ``bulletins/pdshell0/`` with the site's header, nav,
language switcher and footer. Every bulletin page differs from it only in
its ID (in URLs), title, content and table of contents, so we split the
shell once at those tokens and join the pieces per bulletin: microseconds
instead of a Material template render per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from patchday.render.pages import SHELL_CONTENT, SHELL_ID, SHELL_TITLE, SHELL_TOC

TOC_MARK = "<!--PDTOC-->"
_TOKENS = re.compile("|".join(re.escape(t) for t in (SHELL_CONTENT, TOC_MARK, SHELL_TITLE, SHELL_ID)))


@dataclass(frozen=True, slots=True)
class Shell:
    parts: tuple[str, ...]  # literal, token, literal, token, ...

    @classmethod
    def parse(cls, html: str) -> Shell:
        if SHELL_CONTENT not in html or TOC_MARK not in html:
            raise ValueError("the bulletin shell lost its markers; check theme/partials/toc-item.html")
        parts: list[str] = []
        pos = 0
        for m in _TOKENS.finditer(html):
            parts += [html[pos:m.start()], m.group(0)]
            pos = m.end()
        parts.append(html[pos:])
        return cls(tuple(parts))

    def fill(self, bid: str, title: str, content: str, toc: list[tuple[str, str]]) -> str:
        values = {
            SHELL_ID: bid,
            SHELL_TITLE: escape(f"{bid}: {title}", quote=False),
            SHELL_CONTENT: content,
            TOC_MARK: toc_html(toc),
        }
        return "".join(values.get(p, p) if i % 2 else p for i, p in enumerate(self.parts))


def toc_html(toc: list[tuple[str, str]]) -> str:
    """Material's toc-item markup, flat."""
    return "".join(
        f'<li class="md-nav__item"><a href="#{escape(a)}" class="md-nav__link"><span class="md-ellipsis">{escape(t)}</span></a></li>'
        for a, t in toc
    )
