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
from pathlib import Path

from patchday.render.chrome_icons import externalize

from patchday.render.shell_contract import (INDENT, SHELL_CONTENT, SHELL_ID, SHELL_SKIP, SHELL_TITLE, SHELL_TOC,
                                            TOC_MARK, VERBATIM)

_TOKENS = re.compile("|".join(re.escape(t) for t in (SHELL_CONTENT, TOC_MARK, SHELL_TITLE, SHELL_ID, SHELL_SKIP)))
_ENTRY = re.compile("|".join(re.escape(t) for t in (SHELL_SKIP, SHELL_TOC)))


def _tight(literal: str) -> str:
    if VERBATIM.search(literal):
        raise ValueError("a page shell holds <pre> or <textarea>, whose whitespace must not be collapsed; "
                         "see patchday/render/shell_contract.py")
    return INDENT.sub("\n", literal)


def _cut_entry(html: str) -> tuple[str, tuple[str, ...]]:
    """The shell without its one contents entry, and that entry as Material rendered it, split at its tokens."""
    at = html.find(SHELL_TOC)
    start, end = html.rfind("<li", 0, at), html.find("</li>", at)
    if at < 0 or start < 0 or end < 0 or html.find(SHELL_TOC, at + 1) >= 0:
        raise ValueError("a page shell's contents list is not one <li> entry titled "
                         f"{SHELL_TOC}; see patchday/render/shell_contract.py")
    entry = _tight(html[start:end + len("</li>")])
    if entry.count(SHELL_SKIP) != 1:
        raise ValueError(f"a page shell's contents entry does not link to #{SHELL_SKIP}; see patchday/render/shell_contract.py")
    parts: list[str] = []
    pos = 0
    for m in _ENTRY.finditer(entry):
        parts += [entry[pos:m.start()], m.group(0)]
        pos = m.end()
    parts.append(entry[pos:])
    return html[:start] + TOC_MARK + html[end + len("</li>"):], tuple(parts)


@dataclass(frozen=True, slots=True)
class Shell:
    parts: tuple[str, ...]  # literal, token, literal, token, ...
    entry: tuple[str, ...]  # a contents entry: literal, token, literal, ...; () without contents
    icons: tuple[tuple[str, str], ...] = ()  # (path under the site, SVG) of the chrome icons its pages reference

    @property
    def has_toc(self) -> bool:
        return bool(self.entry)

    @classmethod
    def parse(cls, html: str) -> Shell:
        if SHELL_CONTENT not in html:
            raise ValueError("a page shell lost its content marker")
        entry: tuple[str, ...] = ()
        if SHELL_TOC in html:
            html, entry = _cut_entry(html)
        elif SHELL_SKIP in html:
            raise ValueError("a page shell links to contents it does not have; see patchday/render/shell_contract.py")
        html = _tight(html)
        icons = externalize(html)
        html = icons.html
        parts: list[str] = []
        pos = 0
        for m in _TOKENS.finditer(html):
            parts += [html[pos:m.start()], m.group(0)]
            pos = m.end()
        parts.append(html[pos:])
        return cls(tuple(parts), entry, tuple(sorted(icons.files.items())))

    def write_icons(self, site_dir: Path) -> None:
        """Its chrome icons' files, which every page poured into it references."""
        for path, doc in self.icons:
            target = site_dir / path
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(doc, encoding="utf-8")

    def fill(self, key: str, title_html: str, content: str, toc: list[tuple[str, str]]) -> str:
        """``title_html`` is already escaped: it stands where Material printed the page title."""
        if bool(toc) != self.has_toc:
            # Material's frame around the list differs with and without one (shell_contract.SHELL_HAS_TOC).
            raise ValueError(f"{key}: a page {'with' if toc else 'without'} contents needs a shell {'with' if toc else 'without'} them")
        values = {
            SHELL_SKIP: toc[0][0] if toc else "",
            SHELL_ID: key,
            SHELL_TITLE: title_html,
            SHELL_CONTENT: content,
            TOC_MARK: self.toc_html(toc),
        }
        return "".join(values.get(p, p) if i % 2 else p for i, p in enumerate(self.parts))

    def toc_html(self, toc: list[tuple[str, str]]) -> str:
        """The contents entries, each as Material rendered the shell's entry (flat: pages have no nested headings)."""
        out = []
        for anchor, title in toc:
            values = {SHELL_SKIP: escape(anchor), SHELL_TOC: escape(title)}
            out += [values.get(p, p) if i % 2 else p for i, p in enumerate(self.entry)]
        return "".join(out)
