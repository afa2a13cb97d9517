"""Small HTML helpers the templates call in loops.

They are Python, not Jinja macros: a macro call costs tens of microseconds,
and a bulletin page calls these a few hundred times (see docs/site.md).
Every argument that carries record text is escaped here or is already
sanitised HTML (:class:`Rich`).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from patchday.i18n import Labels


@dataclass(frozen=True, slots=True)
class Helpers:
    lang: str
    t: Labels

    def txt(self, text) -> Markup:
        """A Text in the page, marked with its own language if it fell back."""
        value = escape(text.value, quote=False)
        if text.lang != self.lang:
            return Markup(f'<span lang="{text.lang}">{value}</span>')
        return Markup(value)

    def rich(self, r) -> Markup:
        lang = f' lang="{r.lang}"' if r.lang != self.lang else ""
        return Markup(f'<div class="pd-md"{lang}>{r.html}</div>')

    def sev(self, b) -> Markup:
        key = escape(b.key)
        return Markup(
            f'<span class="pd-sev pd-sev--{key}"><svg class="pd-ico" aria-hidden="true" focusable="false">'
            f'<use href="#pd-i-{key}"></use></svg>{escape(b.label)}</span>'
        )

    def yesno(self, value: bool) -> Markup:
        return Markup(f'<strong class="pd-yes">{escape(self.t("yes"))}</strong>') if value else Markup(escape(self.t("no")))

    def link(self, link) -> Markup:
        text = escape(link.text, quote=False)
        if link.url:
            return Markup(f'<a href="{escape(link.url)}">{text}</a>')
        return Markup(text)

    def globals(self) -> dict[str, object]:
        return {"txt": self.txt, "rich": self.rich, "sev": self.sev, "yesno": self.yesno, "link": self.link}
