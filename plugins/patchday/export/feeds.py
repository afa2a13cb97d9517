"""Atom feeds per language: all bulletins, critical only, exploited only, one per product.

Every revision is an entry: revision 1 announces the bulletin ("new"), later
ones are updates whose summary says what changed. Titles and summaries come
from the language's overlay field by field, falling back to English.

Each feed is an RFC 5005 archived feed. The document readers subscribe to holds
the entries of this year and the last (as of the build); older entries are in one
archive document per calendar year, chained by ``prev-archive``/``next-archive``
links, so a client can rebuild the whole history once and then poll a small
file. Twenty years of monthly releases made a subscription document of about
9 MB per language, downloaded on every poll. An archive only ever covers a
year that ended more than a year before the build, so the set of its entries
no longer changes, as RFC 5005 asks (revisions are entries of their own, dated
when they are made; a translation added later still updates an entry's title).

Elements are one to a line and not indented: feeds are read by programs. With the labels
that only repeated their terms (``_category``), that was 25 MB of 150 at 3,000 bulletins x 4
languages. An entry's page link and summary leave out what RFC 4287 makes the default (a link
without ``rel`` is ``alternate``, 4.2.7.2; text without ``type`` is plain text, 3.1.1) and the
link's advisory ``type``: 3.3 MB more, and readers take the same link and text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from patchday import remediation
from patchday.catalog import Catalog, Entry
from patchday.export import common
from patchday.export.common import localizer, stamp
from patchday.export.labels import label, severity_label
from patchday.export.xml_text import escape, quoteattr
from patchday.render import urls

ENTRY_TYPE = "entry-type"  # scheme suffix; terms "new" and "update"
HISTORY_NS = "http://purl.org/syndication/history/1.0"  # RFC 5005
CURRENT_YEARS = 2  # the subscription document: this calendar year and the one before


def feed_path(lang: str, name: str) -> str:
    """name: 'bulletins', 'critical', 'exploited' or 'products/<id>'."""
    return urls.feed(lang, name)


def archive_path(lang: str, name: str, year: int) -> str:
    return urls.feed_archive(lang, name, year)


def first_current_year(as_of: dt.datetime) -> int:
    """Entries updated in this year or later are in the subscription document; older ones are archived."""
    return as_of.astimezone(dt.UTC).year - CURRENT_YEARS + 1


def _category(scheme: str, term: str, text: str) -> str:
    # RFC 4287 4.2.2.3: a reader shows the term when there is no label, so a label that only repeats it
    # (a CVE id, a release month, a status) is left out.
    label_attr = f" label={quoteattr(text)}" if text != term else ""
    return f"<category scheme={quoteattr(scheme)} term={quoteattr(term)}{label_attr}/>"


@dataclass(frozen=True, slots=True)
class _Revision:
    version: str
    id: str  # the item's tag URI
    updated: dt.datetime
    id_line: str
    dates: str  # its <published> and <updated> lines


@dataclass(frozen=True, slots=True)
class _Shared:
    """What a bulletin's feed items say in every language, rendered once per build."""

    categories: str  # the release, status, CVE and product <category> lines
    revisions: list[_Revision]  # the first announces the bulletin, the others are updates


def _shared(e: Entry, catalog: Catalog) -> _Shared:
    memo = common._memo
    key = ("feed-shared", id(e), id(catalog))
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    settings = catalog.settings
    base = common.base_url(settings)
    host = common.host(settings)
    cats = [(f"{base}/releases/", e.release, e.release)]
    cats += [(f"{base}/status", str(e.bulletin.status), str(e.bulletin.status))]
    cats += [("https://www.cve.org/", cve, cve) for cve in e.cves]
    cats += [(f"{base}/products/", p, catalog.products[p].name if p in catalog.products else p) for p in e.products]
    moments = common.revision_moments(e.bulletin, settings) or [(None, e.bulletin.released.astimezone(dt.UTC))]
    published = f"<published>{stamp(moments[0][1])}</published>\n"
    revisions = []
    for rev, moment in moments:
        version = rev.version if rev else "0"
        day = (rev.date if rev else moment.date()).isoformat()
        dates = f"{published}<updated>{stamp(moment)}</updated>"
        tag = f"tag:{host},{day}:{e.id}/{version}"
        revisions.append(_Revision(version, tag, moment, f"<id>{escape(tag)}</id>", dates))
    out = _Shared("\n".join(_category(*c) for c in cats), revisions)
    if memo is not None:
        memo[key] = out
    return out


# (updated, item id, entry, XML of the <entry>, XML of the <entry> in a filtered feed's archive),
# newest first: one list per language and catalog.
_Rows = list[tuple[dt.datetime, str, Entry, str, str]]


def _labelled(catalog: Catalog, lang: str) -> dict[tuple[str, str], str]:
    """The <category> lines whose label is in the language, by (scheme, term): entry types and severities."""
    base = common.base_url(catalog.settings)
    # An entry type is a bulletin's first publication or a revision of it, not a software update.
    kinds = {"new": label(lang, "feed.new"), "update": label(lang, "feed.updated")}
    out = {(f"{base}/{ENTRY_TYPE}", term): _category(f"{base}/{ENTRY_TYPE}", term, text) for term, text in kinds.items()}
    for term in catalog.settings.severities:
        out[f"{base}/severity", term] = _category(f"{base}/severity", term, severity_label(catalog.settings, lang, term))
    return out


def _entries(e: Entry, lang: str, catalog: Catalog, labelled: dict[tuple[str, str], str]) -> _Rows:
    """The bulletin's feed items in one language, oldest first."""
    settings = catalog.settings
    shared = _shared(e, catalog)
    loc = localizer(e, lang, settings)
    base = common.base_url(settings)
    title = f"{e.id}: {loc.get('title')}"
    href = quoteattr(common.absolute(common.bulletin_path(e.id, lang, settings), settings))
    link = f"<link href={href}/>"
    scheme = f"{base}/severity"
    severity = labelled.get((scheme, e.severity)) or _category(scheme, e.severity, severity_label(settings, lang, e.severity))
    entry_type = f"{base}/{ENTRY_TYPE}"
    rows: _Rows = []
    for i, rev in enumerate(shared.revisions):
        if i == 0:
            kind, head, text = "new", title, loc.get("summary")
        else:
            kind, text = "update", loc.get(f"revisions/{rev.version}")
            head = f"{label(lang, 'feed.updated')}: {title} ({label(lang, 'revision')} {rev.version})"
        lines = [
            "<entry>",
            rev.id_line,
            f"<title>{escape(head)}</title>",
            rev.dates,
            link,
            labelled[entry_type, kind],
            severity,
            shared.categories,
            f"<summary>{escape(text)}</summary>",
            "</entry>",
        ]
        # A filtered feed's archive leaves out the release, status, CVE and product categories (_documents).
        rows.append((rev.updated, rev.id, e, "\n".join(lines), "\n".join(x for x in lines if x is not shared.categories)))
    return rows


def _rows(catalog: Catalog, lang: str) -> _Rows:
    """Every feed item of the language, rendered once and sorted once (inside ``common.memoized()``)."""
    memo = common._memo
    key = ("feed-rows", id(catalog), lang)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    labelled = _labelled(catalog, lang)
    rows = [row for e in catalog.entries for row in _entries(e, lang, catalog, labelled)]
    rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
    if memo is not None:
        memo[key] = rows
    return rows


def _notice_rows(catalog: Catalog, lang: str) -> _Rows:
    """The advance notices (patchday/notice.py) as entries of the all-bulletins feed: aggregates only.

    An entry is dated when the notice appears and updated at the patch day, when it starts
    to say that the release is out."""
    from patchday.render import notice as words

    settings = catalog.settings
    base = common.base_url(settings)
    names = {pid: p.name for pid, p in catalog.products.items()}
    rows: _Rows = []
    for n in catalog.notices:
        published = n.published.astimezone(dt.UTC)
        updated = n.patch_day.astimezone(dt.UTC) if n.released else published
        tag = f"tag:{common.host(settings)},{published.date().isoformat()}:notice/{n.month}"
        page = common.absolute(common.lang_prefix(lang, settings) + words.notice_path(n.month), settings)
        text = "\n".join(words.lines(n, lang, settings.vendor, settings.release.timezone, names))
        xml = "\n".join([
            "<entry>",
            f"<id>{escape(tag)}</id>",
            f"<title>{escape(words.title(n, lang))}</title>",
            f"<published>{stamp(published)}</published>",
            f"<updated>{stamp(updated)}</updated>",
            f"<link href={quoteattr(page)}/>",
            _category(f"{base}/{ENTRY_TYPE}", "notice", words.word(lang, "kind")),
            f"<summary>{escape(text)}</summary>",
            "</entry>",
        ])
        rows.append((updated, tag, None, xml, xml))  # type: ignore[arg-type]  # no Entry: the feed of every bulletin only
    return rows


def _documents(catalog: Catalog, lang: str, name: str, title: str, rows: _Rows, *, filtered: bool = True) -> dict[str, bytes]:
    """The subscription document and one archive document per older calendar year with entries.

    The archives of a filtered feed (critical, exploited, a product) hold what a reader shows of each
    entry (title, dates, link, type, severity, summary) without its release, status, CVE and product
    categories: the archive of all bulletins for the same year has each entry whole, and repeating it in
    every filtered archive was 46 MB at 3,000 bulletins x 4 languages. Subscription documents are whole.
    """
    settings = catalog.settings
    first = first_current_year(catalog.as_of)
    current: _Rows = []
    by_year: dict[int, _Rows] = {}
    for r in rows:  # newest first, and so is every part
        year = r[0].astimezone(dt.UTC).year
        if year >= first:
            current.append(r)
        else:
            by_year.setdefault(year, []).append(r)
    years = sorted(by_year)
    subscription = feed_path(lang, name)

    def link(rel: str, path: str) -> str:
        return f'<link rel="{rel}" type="application/atom+xml" href={quoteattr(common.absolute(path, settings))}/>'

    out = {}
    for i, year in enumerate(years):
        links = [link("current", subscription)]
        if i > 0:
            links.append(link("prev-archive", archive_path(lang, name, years[i - 1])))
        if i + 1 < len(years):
            links.append(link("next-archive", archive_path(lang, name, years[i + 1])))
        path = archive_path(lang, name, year)
        out[path] = _atom(catalog, lang, path, f"{title} ({year})", by_year[year], links, archive=True, whole=not filtered)
    links = [link("prev-archive", archive_path(lang, name, years[-1]))] if years else []
    out[subscription] = _atom(catalog, lang, subscription, title, current, links, archive=False)
    return out


def _atom(catalog: Catalog, lang: str, path: str, title: str, rows: _Rows, links: list[str], *, archive: bool,
          whole: bool = True) -> bytes:
    settings = catalog.settings
    updated = max((r[0] for r in rows), default=catalog.as_of)
    home = common.absolute(common.lang_prefix(lang, settings), settings)
    history = f" xmlns:fh={quoteattr(HISTORY_NS)}" if archive else ""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom"{history} xml:lang={quoteattr(lang)}>',
        f"<id>{escape(common.absolute(path, settings))}</id>",
        f"<title>{escape(title)}</title>",
        f"<updated>{stamp(updated)}</updated>",
        f'<link rel="self" type="application/atom+xml" href={quoteattr(common.absolute(path, settings))}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(home)}/>',
        *links,
        f"<author><name>{escape(settings.vendor)}</name><uri>{escape(common.base_url(settings))}/</uri></author>",
        "<generator>patchday</generator>",
    ]
    if archive:
        lines.append("<fh:archive/>")
    lines += [r[3] if whole else r[4] for r in rows]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def feeds(catalog: Catalog) -> dict[str, bytes]:
    """Every feed document (subscription and archive) by site-relative path."""
    settings = catalog.settings
    vendor = settings.vendor
    top = settings.severities[0]
    out: dict[str, bytes] = {}
    with common.memoized():
        for lang in settings.languages:
            rows = _rows(catalog, lang)
            everything = sorted(rows + _notice_rows(catalog, lang), key=lambda r: (r[0], r[1]), reverse=True)
            out.update(_documents(catalog, lang, "bulletins", label(lang, "feed.title_all", vendor=vendor), everything,
                                  filtered=False))
            out.update(_documents(catalog, lang, "critical", label(lang, "feed.title_critical", vendor=vendor),
                                  [r for r in rows if r[2].severity == top]))
            # Exploited in the wild: the bulletins to patch first. A bulletin found exploited after
            # release gets a revision saying so, which this feed carries as an update.
            out.update(_documents(catalog, lang, "exploited", label(lang, "feed.title_exploited", vendor=vendor),
                                  [r for r in rows if r[2].exploited]))
            by_product: dict[str, _Rows] = {pid: [] for pid in catalog.products}
            for r in rows:
                # A component's bulletin also reaches the feeds of the platforms it is part of.
                for pid in dict.fromkeys(x for p in r[2].products for x in (p, *remediation.platforms(catalog, p))):
                    if pid in by_product:
                        by_product[pid].append(r)
            for p in catalog.products.values():
                out.update(_documents(catalog, lang, f"products/{p.id}",
                                      label(lang, "feed.title_product", vendor=vendor, product=p.name), by_product[p.id]))
    return out
