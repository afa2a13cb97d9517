"""The content area of a bulletin page, built with string joins.

Bulletin pages are the bulk of the site (bulletins x languages). The Jinja
template this replaces took ~1.5 ms of a page, mostly autoescape and helper
calls through Jinja's runtime; these joins take ~0.35 ms. The other page
types are rendered once per language and stay Jinja templates (``templates/``).

Escaping is the template's: record text goes through the helpers
(:mod:`patchday.render.helpers`), every other value through :func:`esc`,
which prints what autoescape printed, so the output is byte-for-byte the same.
Block elements follow each other without line breaks: between blocks one renders as
nothing, and ~160 a page were 2 MB at 3,000 bulletins x 4 languages.
"""

from __future__ import annotations

from patchday.i18n import Labels
from patchday.i18n.fmt import Formatter
from patchday.render.bulletin_view import BulletinView, Download, Moment, Vuln
from patchday.render.helpers import esc, escaped_labels, ident, idlink, link, rich, sev, txt, yesno


def bulletin_html(v: BulletinView) -> str:
    lang = v.lang
    t = Labels(lang)
    lb = escaped_labels(lang)
    sep = Formatter(lang).separator  # ', ' or Japanese '、'
    out = ['<div class="pd-bulletin"><header class="pd-head">',
           f'<h1 id="{esc(v.id.lower())}"><span class="pd-id">{esc(v.id)}</span> {txt(v.title, lang)}</h1>']
    # The maximum severity first (icon and word), then only the flags that hold: scanned in a second.
    flags = [f'<span class="pd-flag pd-flag--severity"><span class="pd-flag__label">{lb["max_severity"]}:</span> {sev(v.severity)}</span>']
    if v.out_of_band:
        flags.append(f'<span class="pd-flag pd-flag--oob">{lb["out_of_band"]}</span>')
    if v.exploited is True:
        flags.append(f'<span class="pd-flag pd-flag--exploited">{lb["exploited"]}</span>')
    if v.publicly_disclosed is True:
        flags.append(f'<span class="pd-flag pd-flag--disclosed">{lb["publicly_disclosed"]}</span>')
    flags.append(f'<span class="pd-flag">{esc(t("cve_count_n", n=v.cve_count))}</span>')
    out.append(f'<p class="pd-flags">{"".join(flags)}</p>')
    if v.draft:
        out.append(f'<p class="pd-banner pd-banner--draft" role="note">{lb["preview_banner"]}</p>')
    if v.withdrawn:
        out.append(f'<div class="admonition warning pd-withdrawn-notice" role="note"><p class="admonition-title">'
                   f'{lb["withdrawn"]}</p><p>{esc(t("withdrawn_notice", date=v.withdrawn[0]))}</p>'
                   f'{rich(v.withdrawn[1], lang)}</div>')
    if v.stale:
        out.append(f'<div class="admonition warning pd-stale" role="note"><p>{lb["stale_notice"]} '
                   f'<a href="{esc(v.english_url)}" hreflang="en" lang="en">{lb["read_english"]}</a></p></div>')
    if v.untranslated:
        out.append(f'<div class="admonition info pd-untranslated" role="note"><p>'
                   f'{esc(t("untranslated_notice", fields=sep.join(v.untranslated)))}</p></div>')
    released = time_html(v.released_at, lb) if v.released_at else esc(v.released)
    updated = time_html(v.updated_at, lb) if v.updated_at else esc(v.last_updated)
    out.append(
        f'<dl class="pd-facts pd-head__facts">'
        f'<div><dt>{lb["released"]}</dt><dd>{released}<span class="pd-sub">{link(v.release)}</span></dd></div>'
        f'<div><dt>{lb["last_updated"]}</dt><dd>{updated}<span class="pd-sub">{lb["revision"]} {ident(v.revision)}</span></dd></div>'
        f'<div><dt>{lb["impact"]}</dt><dd>{esc(sep.join(i.label for i in v.impacts))}</dd></div>'
        f'<div><dt>{lb["exploited"]}</dt><dd>{yesno(v.exploited, t)}</dd></div>'
        f'<div><dt>{lb["publicly_disclosed"]}</dt><dd>{yesno(v.publicly_disclosed, t)}</dd></div>'
        f'</dl>'
    )
    if v.downloads:
        items = "".join(
            f'<li><a href="{esc(d.url)}" type="{esc(d.type)}" class="pd-download pd-download--{esc(d.kind)}"'
            + (f' hreflang="{esc(d.lang)}"' if d.lang else "") + f'>{_download_text(d, t)}</a></li>'
            for d in v.downloads)
        out.append(f'<nav class="pd-downloads" aria-label="{lb["downloads"]}"><p class="pd-downloads__title">'
                   f'{lb["downloads"]}</p><ul>{items}</ul></nav>')
    out.append('</header>')
    if v.superseded_by:
        ids = sep.join(link(s) for s in v.superseded_by)
        notice = esc(t("superseded_notice", ids="\x00")).replace("\x00", ids)  # the links are HTML; the label is text
        out.append(f'<div class="admonition info pd-superseded" role="note"><p class="admonition-title">'
                   f'{lb["superseded_by"]}</p><p>{notice}</p></div>')
    if v.out_of_band:
        when = (esc(t("released_oob", time="\x00")).replace("\x00", time_html(v.released_at, lb))
                if v.released_at else lb["out_of_band_notice"])  # the <time> is HTML; the label is text
        out.append(f'<div class="admonition note pd-oob" role="note"><p class="admonition-title">'
                   f'{lb["out_of_band"]}</p><p>{when}</p>{rich(v.out_of_band, lang)}</div>')
    out.append(
        f'<h2 id="summary">{lb["summary"]}</h2>{rich(v.summary, lang)}'
        f'<h2 id="affected-software">{lb["affected_software"]}</h2>'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pd-table pd-cards">'
        f'<thead><tr><th scope="col">{lb["product"]}</th><th scope="col">{lb["version"]}</th>'
        f'<th scope="col">{lb["update"]}</th><th scope="col">{lb["fixed_version"]}</th>'
        f'<th scope="col">{lb["severity"]}</th><th scope="col">{lb["impact"]}</th>'
        f'<th scope="col">{lb["restart"]}</th><th scope="col">{lb["supersedes"]}</th></tr></thead><tbody>'
    )
    for r in v.rows:
        if r.update:
            fixed = f'<code class="pd-id">{esc(r.fixed)}</code>' if r.fixed else f'<span class="pd-unknown">{lb["not_stated"]}</span>'
            fix = (f'<td data-label="{lb["update"]}">{idlink(r.update)}</td>'
                   f'<td data-label="{lb["fixed_version"]}">{fixed}</td>')
        else:
            fix = (f'<td colspan="2" data-label="{lb["update"]}"><strong class="pd-nofix">{esc(r.no_fix_kind)}</strong>'
                   f'{rich(r.no_fix, lang, framed=True)}</td>')
        supersedes = sep.join(idlink(s) for s in r.supersedes) if r.supersedes else lb["none"]
        if r.superseded_by:
            supersedes += (f'<br><span class="pd-superseded-by">{lb["superseded_by"]}: '
                           f'{sep.join(idlink(s) for s in r.superseded_by)}</span>')
        out.append(
            f'<tr><td data-label="{lb["product"]}">{link(r.product)}</td>'
            f'<td data-label="{lb["version"]}">{esc(sep.join(r.versions))}</td>{fix}'
            f'<td data-label="{lb["severity"]}">{sev(r.severity)}</td><td data-label="{lb["impact"]}">{esc(r.impact.label)}</td>'
            f'<td data-label="{lb["restart"]}">{esc(r.restart or "—")}</td>'
            f'<td data-label="{lb["supersedes"]}">{supersedes}</td></tr>'
        )
    out.append('</tbody></table></div></div>')
    if v.not_affected:
        products = "; ".join(f"{link(p)} {esc(sep.join(vs))}" for p, vs in v.not_affected)
        out.append(f'<p><strong>{lb["not_affected"]}:</strong> {products}</p>')
    out.append(f'<h2 id="vulnerabilities">{lb["vulnerabilities"]}</h2>')
    for x in v.vulns:
        _vuln(out, x, lang, t, lb)
    if v.references:
        items = "".join(f"<li>{link(r)}</li>" for r in v.references)
        out.append(f'<h2 id="references">{lb["references"]}</h2><ul>{items}</ul>')
    revisions = "".join(f"<tr><td>{ident(r.version)}</td><td>{ident(r.date)}</td><td>{txt(r.summary, lang)}</td></tr>"
                        for r in v.revisions)
    alternates = " · ".join(f'<a href="{esc(url)}" hreflang="{esc(code)}" lang="{esc(code)}">{esc(name)}</a>'
                            for code, name, url in v.alternates)
    out.append(
        f'<h2 id="revisions">{lb["revisions"]}</h2>'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pd-table">'
        f'<thead><tr><th scope="col">{lb["revision"]}</th><th scope="col">{lb["date"]}</th>'
        f'<th scope="col">{lb["description"]}</th></tr></thead>'
        f'<tbody>{revisions}</tbody></table></div></div>'
        f'<p class="pd-langs"><strong>{lb["other_languages"]}:</strong> {alternates}</p></div>'
    )
    return "".join(out)


def _vuln(out: list[str], x: Vuln, lang: str, t: Labels, lb: dict[str, str]) -> None:
    a = esc(x.anchor)
    severities = "<br>".join(f"{esc(p)}: {sev(s)}" for p, s in x.severities)
    # A plain <section>, not one named by its heading: a named section is a region landmark, and a
    # bulletin with a dozen CVEs listed a dozen landmarks beside main and the navigation (the heading
    # outline already leads to each CVE); 3.7 MB at 3,000 bulletins x 4 languages as well.
    out.append(
        f'<section class="pd-vuln">'
        f'<h3 id="{a}"><span class="pd-id">{esc(x.cve)}</span>: {txt(x.title, lang)} '
        # Named for assistive technology only: a title repeating it was 6 MB at 3,000 bulletins x 4 languages.
        f'<a class="headerlink" href="#{a}" aria-label="{esc(t("permalink_to", name=x.cve))}">¶</a></h3>'
        f'<dl class="pd-facts">'
        f'<div><dt>{lb["impact"]}</dt><dd>{esc(x.impact.label)}</dd></div>'
        f'<div><dt>{lb["severity"]}</dt><dd>{severities}</dd></div>'
        f'<div><dt>{lb["exploited"]}</dt><dd>{_since(x, t) or yesno(x.exploited, t)}</dd></div>'
        f'<div><dt>{lb["publicly_disclosed"]}</dt><dd>{yesno(x.publicly_disclosed, t)}</dd></div>'
    )
    if x.links:
        records = " · ".join(f'<a href="{esc(lk.url)}">{esc(lk.text)}</a>' for lk in x.links)
        out.append(f'<div><dt>{lb["cve_links"]}</dt><dd>{records}</dd></div>')
    if x.cwes:
        # The names are MITRE's English ones, as in the CSAF documents: marked as English on a page in another language.
        english = lang.split("-")[0].lower() == "en"
        items = "<br>".join(f'<a href="{esc(c.url)}"><span class="pd-id">{esc(c.id)}</span>'
                            + ((f': {esc(c.name)}' if english else f': <span lang="en">{esc(c.name)}</span>') if c.name else "") + "</a>"
                            for c in x.cwes)
        out.append(f'<div><dt>{lb["cwe"]}</dt><dd>{items}</dd></div>')
    if x.no_score:
        out.append(f'<div><dt>CVSS</dt><dd class="pd-unknown">{lb["no_score"]}</dd></div>')
    for s in x.scores:
        out.append(f'<div><dt>CVSS {esc(s.version)}</dt><dd>{lb["cvss_score"]} <strong>{esc(s.score)}</strong> '
                   f'({esc(s.rating)})<br><code class="pd-vector">{esc(s.vector)}</code></dd></div>')
    out.append(f'</dl><h4 id="{a}-description">{lb["description"]}</h4>{rich(x.description, lang)}')
    if x.mitigating_factors:
        out.append(f'<h4 id="{a}-mitigating">{lb["mitigating_factors"]}</h4>{rich(x.mitigating_factors, lang)}')
    if x.workarounds:
        items = "".join(
            f'<li>{rich(w.text, lang)}<p><strong>{lb["workaround_impact"]}</strong></p>{rich(w.impact, lang)}'
            f'<p><strong>{lb["workaround_undo"]}</strong></p>{rich(w.undo, lang)}</li>'
            for w in x.workarounds
        )
        out.append(f'<h4 id="{a}-workarounds">{lb["workarounds"]}</h4><ol class="pd-workarounds">{items}</ol>')
    if x.faq:
        items = "".join(f"<dt>{txt(f.question, lang)}</dt><dd>{rich(f.answer, lang)}</dd>" for f in x.faq)
        out.append(f'<h4 id="{a}-faq">{lb["faq"]}</h4><dl class="pd-faq">{items}</dl>')
    if x.acknowledgments:
        items = "".join(f"<li>{link(k)}</li>" for k in x.acknowledgments)
        out.append(f'<h4 id="{a}-ack">{lb["acknowledgments"]}</h4><ul>{items}</ul>')
    out.append("</section>")


def _since(x: Vuln, t: Labels) -> str:
    if not x.exploited_since:
        return ""
    return f'<strong class="pd-yes pd-exploited-since">{esc(t("exploited_since", date=x.exploited_since))}</strong>'


def time_html(m: Moment, lb: dict[str, str]) -> str:
    """The vendor's time; ``localtime.js`` adds the reader's own beside it (labelled, in the page's language)."""
    return (f'<time class="pd-time" datetime="{esc(m.iso)}" data-pd-zone="{esc(m.zone)}" '
            f'data-pd-local="{lb["your_time"]}">{esc(m.text)}</time>')


def _download_text(d: Download, t: Labels) -> str:
    if d.kind != "csaf":
        return esc(d.text)
    name = f'<span lang="{esc(d.lang)}">{esc(d.text)}</span>' if d.lang else esc(d.text)
    return esc(t("download_csaf", language="\x00")).replace("\x00", name)  # the name is HTML; the label is text
