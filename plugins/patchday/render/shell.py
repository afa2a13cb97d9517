"""Pour page content into the one page of its kind MkDocs rendered per language.

Material renders ``bulletins/pdshell0/`` (and ``releases/pdshell0/``,
``products/pdshell0/``, ``cves/pdshell0/``) with the site's header, nav,
language switcher and footer. Every page of that kind differs from its
shell only in its key (the bulletin ID, month, product or year, in URLs),
title, content and table of contents, so we split the shell once at those
tokens and join the pieces per page: microseconds instead of a Material
template render per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from patchday.render.pages import SHELL_CONTENT, SHELL_ID, SHELL_SKIP, SHELL_TITLE

TOC_MARK = "<!--PDTOC-->"
_TOKENS = re.compile("|".join(re.escape(t) for t in (SHELL_CONTENT, TOC_MARK, SHELL_TITLE, SHELL_ID, SHELL_SKIP)))
# Material indents its templates' output; between tags, whitespace that holds a line break
# renders exactly as one line break (the chrome has no <pre> or <textarea>). Collapsing it
# once per shell takes 2.6 kB off every poured page: 48 MB at 3,000 bulletins x 4 languages.
_INDENT = re.compile(r">[ \t\r]*\n\s*<")


def _tight(literal: str) -> str:
    return _INDENT.sub(">\n<", literal)


@dataclass(frozen=True, slots=True)
class Shell:
    parts: tuple[str, ...]  # literal, token, literal, token, ...
    has_toc: bool

    @classmethod
    def parse(cls, html: str) -> Shell:
        if SHELL_CONTENT not in html:
            raise ValueError("a page shell lost its content marker")
        if (TOC_MARK in html) != (SHELL_SKIP in html):
            raise ValueError("a page shell lost its contents marker; check theme/partials/toc-item.html")
        parts: list[str] = []
        pos = 0
        for m in _TOKENS.finditer(html):
            parts += [_tight(html[pos:m.start()]), m.group(0)]
            pos = m.end()
        parts.append(_tight(html[pos:]))
        return cls(tuple(parts), TOC_MARK in html)

    def fill(self, key: str, title_html: str, content: str, toc: list[tuple[str, str]]) -> str:
        """``title_html`` is already escaped: it stands where Material printed the page title."""
        if bool(toc) != self.has_toc:
            # Material's frame around the list differs with and without one (pages.SHELL_HAS_TOC).
            raise ValueError(f"{key}: a page {'with' if toc else 'without'} contents needs a shell {'with' if toc else 'without'} them")
        values = {
            SHELL_SKIP: toc[0][0] if toc else "",
            SHELL_ID: key,
            SHELL_TITLE: title_html,
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
