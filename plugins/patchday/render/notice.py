"""The advance-notice page, feed text and calendar text of a patch day, in each site language.

Everything here is made from a :class:`patchday.notice.Notice`, which holds only the
aggregate (a number of bulletins, products and their highest severity): there is no
bulletin ID, title, CVE or text to show, by construction.
"""

from __future__ import annotations

from html import escape

from patchday.i18n import Formatter, Labels
from patchday.notice import Notice
from patchday.render import urls
from patchday.render.context import PageCtx

def word(lang: str, key: str, **values: object) -> str:
    """The notice's words come from the one label table (``notice.*``), counts in their plural form."""
    return Labels(lang)("notice." + key, **values)


def notice_path(month: str) -> str:
    """Language-root path of the notice page."""
    return f"notices/{month}/"


def title(notice: Notice, lang: str) -> str:
    return word(lang, "title", month=Formatter(lang).month(notice.month))


def sentence(notice: Notice, lang: str, vendor: str, zone: str) -> str:
    fmt = Formatter(lang)
    key = "out" if notice.released else ("coming" if notice.bulletins else "none")
    return word(lang, key, date=fmt.moment(notice.patch_day, zone), vendor=vendor, n=notice.bulletins)


def rows(notice: Notice, lang: str, product_names: dict[str, str]) -> list[tuple[str, str]]:
    """(product name, highest severity in the language), catalogue order."""
    t = Labels(lang)
    return [(product_names.get(pid, pid), t("sev." + sev) if t.has("sev." + sev) else sev) for pid, sev in notice.products]


def lines(notice: Notice, lang: str, vendor: str, zone: str, product_names: dict[str, str]) -> list[str]:
    """The notice as plain lines: the sentence, then one 'product: severity' line each (feeds, calendar)."""
    return [sentence(notice, lang, vendor, zone)] + [f"{p}: {s}" for p, s in rows(notice, lang, product_names)]


def notice_html(ctx: PageCtx, notice: Notice) -> str:
    """The content of the notice page: escaped text, a table, and the release link once it is out."""
    settings = ctx.catalog.settings
    t = ctx.t
    names = {pid: p.name for pid, p in ctx.catalog.products.items()}
    text = sentence(notice, ctx.lang, settings.vendor, settings.release.timezone)
    parts = [f"<h1>{escape(title(notice, ctx.lang))}</h1>", f"<p>{escape(text)}</p>"]
    if notice.products:
        parts.append('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pd-table">')
        parts.append(f"<thead><tr><th>{escape(t('product'))}</th><th>{escape(t('max_severity'))}</th></tr></thead><tbody>")
        for product, severity in rows(notice, ctx.lang, names):
            parts.append(f"<tr><td>{escape(product)}</td><td>{escape(severity)}</td></tr>")
        parts.append("</tbody></table></div></div>")
    if notice.released and notice.month in ctx.catalog.releases:
        parts.append(f'<p><a href="{escape(ctx.url(urls.release(notice.month)))}">{escape(word(ctx.lang, "see"))}: '
                     f'{escape(t("release", month=ctx.fmt.month(notice.month)))}</a></p>')
    parts.append(f"<p><em>{escape(word(ctx.lang, 'scope'))}</em></p>")
    return "\n".join(parts)
