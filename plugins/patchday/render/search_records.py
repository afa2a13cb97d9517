"""What search finds a bulletin by, per language: a small record, not the page.

Readers search for an ID, a CVE, a KB number, a product or version, an
impact, or words of a title or summary. The record holds exactly those,
in the reader's language (titles, summaries and impact names translated
where a translation exists), with one section per CVE so that a result
links straight to that CVE's section of the page.

Descriptions, FAQ, workarounds and CVSS vectors are left out on purpose:
they made the index five times larger and indexing four times slower, for
words that rarely lead anywhere but to the same bulletin (see
docs/performance-site.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from patchday.catalog import Catalog, Entry
from patchday.i18n import Labels
from patchday.render import urls
from patchday.translate.fields import overlay_texts

# Markdown link syntax and marks are noise to a search index and its excerpts; the words stay.
# Emphasis and code marks hug their words ("**Server**." reads "Server."), an underscore
# inside a word is part of it (file_name.dll); block marks stand apart from words.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MARKS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")
_BLOCK_MARKS = re.compile(r"[#>|]+")


def plain(markdown: str) -> str:
    return " ".join(_BLOCK_MARKS.sub(" ", _INLINE_MARKS.sub("", _LINK.sub(r"\1", markdown))).split())


@dataclass(frozen=True, slots=True)
class Section:
    """One CVE of a bulletin: a result links to its section of the page."""

    anchor: str  # the section's id on the page
    heading: str  # "CVE-...: title"
    detail: str  # impact and CWE


@dataclass(frozen=True, slots=True)
class Record:
    path: str  # the page's path from the site root, without a leading slash
    id: str
    ident: str  # what readers paste: the bulletin ID, its CVE IDs and update numbers
    title: str
    summary: str
    facts: str  # severity, impacts, products and versions, updates
    sections: tuple[Section, ...]


def path(catalog: Catalog, lang: str, bid: str) -> str:
    return urls.site_path(lang, catalog.settings.source_language, urls.bulletin(bid))


def record(catalog: Catalog, entry: Entry, lang: str, t: Labels) -> Record:
    b = entry.bulletin
    overlay = entry.overlays.get(lang) if lang != catalog.settings.source_language else None
    # The per-field rule of translate.merge, for the three kinds of text a record holds; a full
    # merge (every description and FAQ) per bulletin and language cost 10x the record itself.
    done = overlay_texts(overlay) if overlay is not None else {}

    def text(key: str, english: str) -> str:
        return done[key] if key in done else english

    products = []
    for row in b.affected:
        product = catalog.products.get(row.product)
        names = {v.id: v.name for v in product.versions} if product else {}
        products.append(", ".join(names.get(v, v) for v in row.versions) if product else row.product)
    facts = [
        catalog.settings.severity_label(entry.severity, lang)
        or (t(f"sev.{entry.severity}") if t.has(f"sev.{entry.severity}") else entry.severity),
        *(t(f"impact.{i}") for i in entry.impacts),
        *products,
        *entry.updates,
    ]
    sections = tuple(
        Section(v.cve.lower(), f"{v.cve}: {text(f'vulnerabilities/{v.cve}/title', v.title)}",
                " ".join([t(f"impact.{v.impact}"), *v.cwe]))
        for v in b.vulnerabilities)
    return Record(path(catalog, lang, b.id), b.id, " ".join([b.id, *(v.cve for v in b.vulnerabilities), *entry.updates]),
                  text("title", b.title), plain(text("summary", b.summary)), " · ".join(facts), sections)


def records(catalog: Catalog, lang: str) -> Iterator[Record]:
    """A record for every bulletin on the site, in ID order."""
    t = Labels(lang)
    for entry in sorted(catalog.entries, key=lambda e: e.id):
        yield record(catalog, entry, lang, t)
