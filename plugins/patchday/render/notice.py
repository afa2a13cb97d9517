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

# Words of the notice only; the shared tables (i18n/labels.py) give product, severity and month names.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "kind": "Advance notification",
        "title": "Advance notification: {month}",
        "coming": "On {date}, {vendor} plans to release {count} security bulletin(s) for the products below.",
        "none": "{vendor} plans no security bulletin for the patch day of {date}.",
        "out": "The release of {date} is out: {count} bulletin(s) were planned for these products.",
        "scope": "This notice gives only the number of bulletins, the products and the highest severity for each. "
                 "The bulletins themselves, with their details and updates, are published on patch day; until then the plan may change.",
        "see": "Read the release",
    },
    "de": {
        "kind": "Vorabbenachrichtigung",
        "title": "Vorabbenachrichtigung: {month}",
        "coming": "Am {date} veröffentlicht {vendor} voraussichtlich {count} Sicherheitsbulletin(s) für die folgenden Produkte.",
        "none": "{vendor} plant für den Patchday am {date} kein Sicherheitsbulletin.",
        "out": "Die Veröffentlichung vom {date} ist erschienen: Für diese Produkte waren {count} Bulletin(s) geplant.",
        "scope": "Diese Benachrichtigung nennt nur die Anzahl der Bulletins, die Produkte und jeweils den höchsten Schweregrad. "
                 "Die Bulletins selbst, mit Details und Updates, erscheinen am Patchday; bis dahin kann sich die Planung ändern.",
        "see": "Zur Veröffentlichung",
    },
    "fr": {
        "kind": "Notification préalable",
        "title": "Notification préalable : {month}",
        "coming": "Le {date}, {vendor} prévoit de publier {count} bulletin(s) de sécurité pour les produits ci-dessous.",
        "none": "{vendor} ne prévoit aucun bulletin de sécurité pour le jour de correctifs du {date}.",
        "out": "La publication du {date} est disponible : {count} bulletin(s) étaient prévus pour ces produits.",
        "scope": "Cette notification donne seulement le nombre de bulletins, les produits et la gravité la plus élevée de chacun. "
                 "Les bulletins, avec leurs détails et mises à jour, sont publiés le jour de correctifs ; d'ici là, le plan peut changer.",
        "see": "Voir la publication",
    },
    "ja": {
        "kind": "事前通知",
        "title": "事前通知: {month}",
        "coming": "{vendor} は {date} に、以下の製品について {count} 件のセキュリティ情報を公開する予定です。",
        "none": "{vendor} は {date} の定例パッチ公開日にセキュリティ情報を公開する予定はありません。",
        "out": "{date} のリリースが公開されました。これらの製品について {count} 件のセキュリティ情報が予定されていました。",
        "scope": "この通知には、セキュリティ情報の件数、製品、製品ごとの最大深刻度のみを記載しています。"
                 "詳細と更新プログラムを含むセキュリティ情報は定例パッチ公開日に公開されます。それまでに予定が変わる場合があります。",
        "see": "リリースを見る",
    },
}


def word(lang: str, key: str, **values: object) -> str:
    text = _WORDS.get(lang, _WORDS["en"])[key]
    return text.format(**values) if values else text


def notice_path(month: str) -> str:
    """Language-root path of the notice page."""
    return f"notices/{month}/"


def title(notice: Notice, lang: str) -> str:
    return word(lang, "title", month=Formatter(lang).month(notice.month))


def sentence(notice: Notice, lang: str, vendor: str, zone: str) -> str:
    fmt = Formatter(lang)
    key = "out" if notice.released else ("coming" if notice.bulletins else "none")
    return word(lang, key, date=fmt.moment(notice.patch_day, zone), vendor=vendor, count=fmt.number(notice.bulletins))


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
