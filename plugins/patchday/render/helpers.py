"""Small HTML helpers the templates call in loops, and the bulletin page builds with.

They are Python, not Jinja macros: a macro call costs tens of microseconds,
and a bulletin page calls these a few hundred times (see docs/site.md).
Every argument that carries record text is escaped here or is already
sanitised HTML (:class:`Rich`). The module functions return plain strings
for :mod:`patchday.render.bulletin_html`; :class:`Helpers` wraps the same
functions as ``Markup`` so Jinja's autoescape leaves them alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape

from markupsafe import Markup

from patchday.i18n import LABELS, Labels


# A page escapes the same short strings again and again (product names, identifiers, URLs,
# vectors, labels): each is escaped once per process (2 % of a bulletin page). Long record
# texts are escaped where they are rendered, never kept here. The table is emptied when
# full, so a long preview session holds at most this many.
_ESCAPED: dict[str, str] = {}
_ESCAPED_MAX = 1 << 16


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def esc(value: object) -> str:
    """What Jinja's autoescape prints for a plain value (markupsafe's entities, not html.escape's)."""
    if type(value) is not str:  # a number or a date: str() first, and not kept (1 and True are one key)
        return _escape(str(value))
    out = _ESCAPED.get(value)
    if out is None:
        if len(_ESCAPED) >= _ESCAPED_MAX:
            _ESCAPED.clear()
        out = _ESCAPED[value] = _escape(value)
    return out


@lru_cache(maxsize=16)
def escaped_labels(lang: str) -> dict[str, str]:
    """Every label of one language as autoescape prints ``{{ t(key) }}``, escaped once."""
    t = Labels(lang)
    return {key: esc(t(key)) for key in LABELS}


def txt(text, lang: str) -> str:
    """A Text in the page, marked with its own language if it fell back."""
    value = escape(text.value, quote=False)
    if text.lang != lang:
        return f'<span lang="{text.lang}">{value}</span>'
    return value


def rich(r, lang: str, *, framed: bool = False) -> str:
    """Rendered record Markdown, which is block elements (<p>, <ul>, ...) already. It is wrapped only to mark
    text that fell back to another language, or (``framed``) to give a table cell's text its margins:
    a wrapper on every text was 26 bytes forty times a bulletin page, 12 MB at 3,000 bulletins x 4 languages."""
    if r.lang != lang:
        return f'<div class="pd-md" lang="{r.lang}">{r.html}</div>'
    return f'<div class="pd-md">{r.html}</div>' if framed else r.html


def sev(b) -> str:
    icon = escape(b.icon or b.key)
    # The shape is drawn by patchday.css from the class (.pd-sev--<icon>::before), not inlined: ~110 bytes a
    # badge, and a CVE-year page has thousands of them.
    return f'<span class="pd-sev pd-sev--{icon}">{escape(b.label)}</span>'


def yesno(value: bool | str, t: Labels) -> str:
    # `unknown` (a fact the source did not state) is said so, never shown as yes or no.
    if value == "unknown":
        return f'<span class="pd-unknown">{escape(t("not_stated"))}</span>'
    return f'<strong class="pd-yes">{escape(t("yes"))}</strong>' if value is True else escape(t("no"))


def link(lk) -> str:
    text = escape(lk.text, quote=False)
    lang = f' lang="{escape(lk.lang)}"' if getattr(lk, "lang", None) else ""
    if lk.url:
        return f'<a href="{escape(lk.url)}"{lang}>{text}</a>'
    return f'<span{lang}>{text}</span>' if lang else text


def idlink(lk) -> str:
    """A link whose text is an identifier (bulletin ID, KB number): never broken across lines."""
    text = escape(lk.text, quote=False)
    if lk.url:
        return f'<a class="pd-id" href="{escape(lk.url)}">{text}</a>'
    return f'<span class="pd-id">{text}</span>'


def ident(value: object) -> str:
    """An identifier, build number or date as one unbreakable token (``.pd-id``)."""
    return f'<span class="pd-id">{esc(value)}</span>'


@dataclass(frozen=True, slots=True)
class Helpers:
    lang: str
    t: Labels

    def txt(self, text) -> Markup:
        return Markup(txt(text, self.lang))

    def rich(self, r) -> Markup:
        return Markup(rich(r, self.lang))

    def sev(self, b) -> Markup:
        return Markup(sev(b))

    def yesno(self, value: bool) -> Markup:
        return Markup(yesno(value, self.t))

    def link(self, lk) -> Markup:
        return Markup(link(lk))

    def idlink(self, lk) -> Markup:
        return Markup(idlink(lk))

    def ident(self, value: object) -> Markup:
        return Markup(ident(value))

    def globals(self) -> dict[str, object]:
        return {"txt": self.txt, "rich": self.rich, "sev": self.sev, "yesno": self.yesno, "link": self.link,
                "idlink": self.idlink, "ident": self.ident}
