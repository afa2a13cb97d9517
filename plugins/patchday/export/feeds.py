"""Atom feeds per language: all bulletins, critical only, one per product.

Every revision is an entry: revision 1 announces the bulletin ("new"), later
ones are updates whose summary says what changed. Titles and summaries come
from the language's overlay field by field, falling back to English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from patchday.catalog import Catalog, Entry
from patchday.export import common
from patchday.export.common import localizer, stamp
from patchday.export.labels import label

ENTRY_TYPE = "entry-type"  # scheme suffix; terms "new" and "update"


def feed_path(lang: str, name: str) -> str:
    """name: 'bulletins', 'critical' or 'products/<id>'."""
    return f"feeds/{lang}/{name}.atom"


@dataclass(frozen=True)
class _Item:
    id: str
    title: str
    summary: str
    link: str
    published: dt.datetime
    updated: dt.datetime
    categories: tuple[tuple[str, str, str], ...]  # (scheme, term, label)


def _items(e: Entry, lang: str, catalog: Catalog) -> list[_Item]:
    settings = catalog.settings
    loc = localizer(e, lang, settings)
    base = common.base_url(settings)
    title = f"{e.id}: {loc.get('title')}"
    link = common.absolute(common.bulletin_path(e.id, lang, settings), settings)
    cats = [("", f"{base}/severity", e.severity, label(lang, e.severity))]
    cats += [("", f"{base}/releases/", e.release, e.release)]
    cats += [("", f"{base}/status", str(e.bulletin.status), str(e.bulletin.status))]
    cats += [("", "https://www.cve.org/", cve, cve) for cve in e.cves]
    cats += [("", f"{base}/products/", p, catalog.products[p].name if p in catalog.products else p) for p in e.products]
    moments = common.revision_moments(e.bulletin, settings) or [(None, e.bulletin.released.astimezone(dt.UTC))]
    published = moments[0][1]
    out = []
    for i, (rev, moment) in enumerate(moments):
        kind = "new" if i == 0 else "update"
        version = rev.version if rev else "0"
        day = (rev.date if rev else moment.date()).isoformat()
        if kind == "new":
            text, head = loc.get("summary"), title
        else:
            text = loc.get(f"revisions/{version}")
            head = f"{label(lang, 'updated')}: {title} ({label(lang, 'revision')} {version})"
        categories = [(f"{base}/{ENTRY_TYPE}", kind, label(lang, kind))] + [(s, t, lab) for _, s, t, lab in cats]
        out.append(
            _Item(
                id=f"tag:{common.host(settings)},{day}:{e.id}/{version}",
                title=head,
                summary=text,
                link=link,
                published=published,
                updated=moment,
                categories=tuple(categories),
            )
        )
    return out


def _entry_xml(i: _Item) -> str:
    lines = [
        "  <entry>",
        f"    <id>{escape(i.id)}</id>",
        f"    <title>{escape(i.title)}</title>",
        f"    <published>{stamp(i.published)}</published>",
        f"    <updated>{stamp(i.updated)}</updated>",
        f'    <link rel="alternate" type="text/html" href={quoteattr(i.link)}/>',
    ]
    lines += [f"    <category scheme={quoteattr(s)} term={quoteattr(t)} label={quoteattr(lab)}/>" for s, t, lab in i.categories]
    lines += [f'    <summary type="text">{escape(i.summary)}</summary>', "  </entry>"]
    return "\n".join(lines)


# (updated, item id, entry, XML of the <entry>), newest first: one list per language and catalog.
_Rows = list[tuple[dt.datetime, str, Entry, str]]


def _rows(catalog: Catalog, lang: str) -> _Rows:
    """Every feed item of the language, rendered once and sorted once (inside ``common.memoized()``)."""
    memo = common._memo
    key = ("feed-rows", id(catalog), lang)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    rows = [(i.updated, i.id, e, _entry_xml(i)) for e in catalog.entries for i in _items(e, lang, catalog)]
    rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
    if memo is not None:
        memo[key] = rows
    return rows


def atom(catalog: Catalog, lang: str, name: str, title: str, keep: Callable[[Entry], bool]) -> bytes:
    return _atom(catalog, lang, name, title, [r for r in _rows(catalog, lang) if keep(r[2])])


def _atom(catalog: Catalog, lang: str, name: str, title: str, rows: _Rows) -> bytes:
    settings = catalog.settings
    path = feed_path(lang, name)
    updated = max((r[0] for r in rows), default=catalog.as_of)
    home = common.absolute(common.lang_prefix(lang, settings), settings)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"  <id>{escape(common.absolute(path, settings))}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <updated>{stamp(updated)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(common.absolute(path, settings))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(home)}/>',
        f"  <author><name>{escape(settings.vendor)}</name><uri>{escape(common.base_url(settings))}/</uri></author>",
        "  <generator>patchday</generator>",
    ]
    lines += [r[3] for r in rows]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def feeds(catalog: Catalog) -> dict[str, bytes]:
    """Every feed by site-relative path."""
    settings = catalog.settings
    vendor = settings.vendor
    top = settings.severities[0]
    out: dict[str, bytes] = {}
    with common.memoized():
        for lang in settings.languages:
            rows = _rows(catalog, lang)
            out[feed_path(lang, "bulletins")] = _atom(catalog, lang, "bulletins", label(lang, "feed_all", vendor=vendor), rows)
            out[feed_path(lang, "critical")] = _atom(
                catalog, lang, "critical", label(lang, "feed_critical", vendor=vendor), [r for r in rows if r[2].severity == top]
            )
            by_product: dict[str, _Rows] = {pid: [] for pid in catalog.products}
            for r in rows:
                for pid in r[2].products:
                    if pid in by_product:
                        by_product[pid].append(r)
            for p in catalog.products.values():
                out[feed_path(lang, f"products/{p.id}")] = _atom(
                    catalog, lang, f"products/{p.id}", label(lang, "feed_product", vendor=vendor, product=p.name), by_product[p.id]
                )
    return out
