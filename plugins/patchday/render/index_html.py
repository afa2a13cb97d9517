"""The content area of the release, product and CVE-year pages, built with string joins.

These pages are the many index pages: one per month, product and CVE year,
in every language. Through Jinja they cost 3-4 ms (release), 8-24 ms
(product) and 90-130 ms (CVE year, thousands of rows) of CPU a page at
1,000-3,000 bulletins, mostly macro calls and autoescaping per row. The once-per-language index pages
(home, releases, products, CVE index) stay templates (``templates/``).

Escaping is the templates': record text goes through the helpers
(:mod:`patchday.render.helpers`), every other value through :func:`esc`,
which prints what autoescape printed, so the output is byte-for-byte the same.
:func:`bulletin_table` is the ``bulletin_table`` macro of ``macros.html.j2``,
which the home page still renders: a change to one belongs in the other.
"""

from __future__ import annotations

from functools import lru_cache

from patchday.i18n import Labels
from patchday.i18n.fmt import Formatter
from patchday.render.bulletin_view import Badge
from patchday.render.helpers import esc, escaped_labels, ident, idlink, link, rich, sev, txt, yesno
from patchday.render.index_views import CveRow, Filters, ProductView, ReleaseView, Row, VersionStatus

def _sep(lang: str) -> str:
    return Formatter(lang).separator


# Product links and severity badges recur on every row of every page: each is printed once
# (esc keeps the strings it escapes itself: months, severity keys, labels, product lists).
_link = lru_cache(maxsize=4096)(link)
_idlink = lru_cache(maxsize=4096)(idlink)
_sev = lru_cache(maxsize=1024)(sev)


def release_html(v: ReleaseView, lang: str) -> str:
    t, lb = Labels(lang), escaped_labels(lang)
    out = [
        f'<h1 id="release">{esc(v.title)}</h1>\n'
        f'<p>{lb["patch_day"]}: {esc(v.patch_day)} · {esc(t("bulletin_count", n=len(v.rows)))} · '
        f'{esc(t("cve_count_n", n=v.cve_count))}</p>\n'
    ]
    if v.out_of_band:
        items = "".join(f'<li><a class="pd-id" href="{esc(o.row.url)}">{esc(o.row.id)}</a> ({ident(o.row.released)}): '
                        f'{txt(o.row.title, lang)}{rich(o.reason, lang)}</li>' for o in v.out_of_band)
        out.append(f'<div class="admonition note pd-oob" role="note">'
                   f'<p class="admonition-title">{lb["out_of_band"]}</p>\n<ul>{items}</ul></div>\n')
    if v.highlights or v.known_issues:
        out.append(f'<h2 id="release-notes">{lb["release_notes"]}</h2>\n')
        if v.untranslated_notes:
            out.append(f'<div class="admonition info pd-untranslated" role="note">'
                       f'<p>{esc(t("untranslated_notice", fields=t("field.notes")))}</p></div>')
        if v.highlights:
            notes = "".join(f"<h4>{txt(title, lang)}</h4>{rich(text, lang)}" for title, text in v.highlights)
            out.append(f'<h3 id="highlights">{lb["highlights"]}</h3>\n{notes}')
        if v.known_issues:
            notes = "".join(f"<h4>{txt(title, lang)}</h4>{rich(text, lang)}" for title, text in v.known_issues)
            out.append(f'<h3 id="known-issues">{lb["known_issues"]}</h3>\n{notes}')
    by_severity = "".join(f"<tr><td>{_sev(b)}</td><td>{n}</td></tr>" for b, n in v.by_severity)
    by_impact = "".join(f"<tr><td>{esc(b.label)}</td><td>{n}</td></tr>" for b, n in v.by_impact)
    out.append(
        f'<h2 id="bulletins">{lb["bulletins"]}</h2>\n{bulletin_table(v.rows, lang, v.filters)}\n'
        f'<h2 id="totals">{lb["totals"]}</h2>\n<div class="pd-totals">\n'
        f'<figure>{v.severity_chart}\n'
        f'<table class="pd-table"><caption>{lb["by_severity"]}</caption>'
        f'<thead><tr><th scope="col">{lb["severity"]}</th><th scope="col">{lb["count"]}</th></tr></thead>\n'
        f'<tbody>{by_severity}</tbody></table></figure>\n'
        f'<figure>{v.impact_chart}\n'
        f'<table class="pd-table"><caption>{lb["by_impact"]}</caption>'
        f'<thead><tr><th scope="col">{lb["impact"]}</th><th scope="col">{lb["count"]}</th></tr></thead>\n'
        f'<tbody>{by_impact}</tbody></table></figure>\n</div>\n'
    )
    if v.prev or v.next:
        prev = f'<a href="{esc(v.prev.url)}" rel="prev">← {esc(v.prev.text)}</a>' if v.prev else ""
        nxt = f' <a href="{esc(v.next.url)}" rel="next">{esc(v.next.text)} →</a>' if v.next else ""
        out.append(f'<nav class="pd-prevnext" aria-label="{lb["releases"]}">{prev}{nxt}</nav>')
    return "".join(out)


def _install_cell(x: VersionStatus) -> str:
    if not x.install:
        return "—"
    items = []
    for i in x.install:
        fixed = f' (<code class="pd-id">{esc(i.fixed)}</code>)' if i.fixed else ""
        comp = f" <small>{esc(i.component)}</small>" if i.component else ""
        items.append(f'<li data-update="{esc(i.update_id)}" data-bulletin="{esc(i.bulletin.text)}">'
                     f"{idlink(i.update)}{fixed} · {idlink(i.bulletin)}{comp}</li>")
    return f'<ol class="pd-install">{"".join(items)}</ol>'


def _open_cell(x: VersionStatus) -> str:
    if not x.open:
        return "—"
    items = []
    for o in x.open:
        comp = f" <small>{esc(o.component)}</small>" if o.component else ""
        items.append(f'<li data-bulletin="{esc(o.bulletin.text)}">{idlink(o.bulletin)}: {esc(o.kind)}{comp}</li>')
    return f'<ul class="pd-open">{"".join(items)}</ul>'


def product_html(v: ProductView, lang: str) -> str:
    lb = escaped_labels(lang)
    home = f' · <a href="{esc(v.url)}">{esc(v.url)}</a>' if v.url else ""
    versions = []
    for x in v.versions:
        platforms = f" <small>({_sep(lang).join(txt(p, lang) for p in x.platforms)})</small>" if x.platforms else ""
        versions.append(f'<tr data-version="{esc(x.id)}" data-bulletins="{esc(" ".join(x.bulletins))}">'
                        f"<td>{esc(x.name)}{platforms}</td><td>{esc(x.support)}</td>\n"
                        f"<td>{_install_cell(x)}</td>\n<td>{_open_cell(x)}</td></tr>")
    out = [
        f'<h1 id="product">{esc(v.name)}</h1>\n<p>{lb["family"]}: {txt(v.family, lang)}{home}</p>\n'
        f'<h2 id="versions">{lb["versions_status"]}</h2>\n<p>{esc(v.updates)}</p>\n'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pd-table pd-versions">\n'
        f'<thead><tr><th scope="col">{lb["version"]}</th><th scope="col">{lb["status"]}</th>'
        f'<th scope="col">{lb["install_in_order"]}</th><th scope="col">{lb["open_issues"]}</th></tr></thead>\n'
        f'<tbody>{"".join(versions)}</tbody>\n</table></div></div>\n'
        f'<h2 id="bulletins">{lb["bulletins_by_release"]}</h2>\n{filter_div(v.filters)}\n'
    ]
    for rel, rows in v.by_release:
        # One filter bar above serves every release's table (filter.js filters the article).
        out.append(f"<h3>{link(rel)}</h3>\n{bulletin_table(rows, lang, filterable=True)}\n")
    return "".join(out)


def cves_year_html(year: str, rows: list[CveRow], filters: Filters, index_url: str, lang: str) -> str:
    t, lb = Labels(lang), escaped_labels(lang)
    body = "".join(
        f'<tr data-product="{esc(r.products)}" data-severity="{esc(r.severity.key)}" '
        f'data-exploited="{1 if r.exploited else 0}" data-month="{esc(r.month)}">'
        # The two identifier columns are kept on one line by the table's class (patchday.css), not by a
        # .pd-id on each cell's text: 44 bytes a row, on 26,654 rows per language at 3,000 bulletins.
        f'<td>{esc(r.cve)}</td><td>{_link(r.bulletin)}</td><td>{txt(r.title, lang)}</td>'
        f'{_cve_cells(r.impact.label, r.severity.key, r.severity.label, r.severity.icon, bool(r.exploited), lang)}'
        for r in rows
    )
    return (
        f'<h1 id="cves">{esc(t("cves_year", year=year))}</h1>\n'
        f'<p><a href="{esc(index_url)}">{lb["cves"]}</a></p>\n{filter_div(filters)}\n'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pd-table pd-sortable pd-filterable pd-cves">\n'
        f'<thead><tr><th scope="col">CVE</th><th scope="col">{lb["bulletin"]}</th><th scope="col">{lb["title"]}</th>'
        f'<th scope="col">{lb["impact"]}</th><th scope="col">{lb["max_severity"]}</th>'
        f'<th scope="col">{lb["exploited"]}</th></tr></thead>\n'
        f'<tbody>{body}</tbody>\n</table></div></div>'
    )


# The last cells of a CVE row come from a few dozen combinations of impact, severity and
# exploited per language, on thousands of rows: each is built once.
@lru_cache(maxsize=1024)
def _cve_cells(impact: str, severity: str, severity_label: str, icon: str, exploited: bool, lang: str) -> str:
    return (f"<td>{esc(impact)}</td><td>{sev(Badge(severity, severity_label, icon))}</td>"
            f"<td>{yesno(exploited, Labels(lang))}</td></tr>")


def filter_div(f: Filters) -> str:
    """The ``filter_table`` macro: filter.js builds the filter bar from this."""
    return f'<div class="pd-filter" data-pd-filter="{esc(f.config)}"></div>'


def bulletin_table(rows: list[Row], lang: str, filters: Filters | None = None, *, filterable: bool = False) -> str:
    """With ``filters``, the table has its own filter bar; ``filterable`` tables answer a bar above them."""
    lb = escaped_labels(lang)
    out = [
        filter_div(filters) if filters is not None else "",
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n',
        '<table class="pd-table pd-sortable pd-filterable">\n' if filters is not None or filterable
        else '<table class="pd-table pd-sortable">\n',
        f'<thead><tr><th scope="col">{lb["id"]}</th><th scope="col">{lb["title"]}</th>'
        f'<th scope="col">{lb["max_severity"]}</th><th scope="col">{lb["impact"]}</th>'
        f'<th scope="col">{lb["products"]}</th><th scope="col">{lb["cve_count"]}</th>'
        f'<th scope="col">{lb["exploited_disclosed"]}</th></tr></thead>\n<tbody>\n',
    ]
    out += [_row(r, lang, lb) for r in rows]
    out.append("</tbody></table></div></div>")
    return "".join(out)


def _row(r: Row, lang: str, lb: dict[str, str]) -> str:
    title = txt(r.title, lang)
    if r.out_of_band:
        title += f' <span class="pd-flag pd-flag--oob">{lb["out_of_band"]}</span>'
    if r.withdrawn:
        title += f' <span class="pd-flag">{lb["withdrawn"]}</span>'
    if r.draft:
        title += f' <span class="pd-flag pd-flag--draft">{lb["draft"]}</span>'
    flags = ""  # the ``flags`` macro
    if r.exploited:
        flags += f'<span class="pd-flag pd-flag--exploited">{lb["exploited"]}</span>'
    if r.disclosed:
        flags += f'<span class="pd-flag">{lb["publicly_disclosed"]}</span>'
    if not r.exploited and not r.disclosed:
        flags += lb["no"]
    withdrawn = ' class="pd-withdrawn"' if r.withdrawn else ""
    return (
        f'<tr data-product="{esc(r.data_products)}" data-severity="{esc(r.severity.key)}" '
        f'data-exploited="{1 if r.exploited else 0}" data-month="{esc(r.month)}"{withdrawn}>\n'
        f'<td><a class="pd-id" href="{esc(r.url)}">{esc(r.id)}</a></td>\n'
        f'<td>{title}</td>\n'
        f'<td>{_sev(r.severity)}</td>\n'
        f'<td>{_sep(lang).join(esc(i.label) for i in r.impacts)}</td>\n'
        f'<td>{_sep(lang).join(_link(p) for p in r.products)}</td>\n'
        f'<td>{r.cve_count}</td>\n'
        f'<td>{flags}</td>\n'
        f'</tr>\n'
    )
