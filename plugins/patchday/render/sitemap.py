"""sitemap.xml entries for the pages MkDocs does not render: bulletins and the poured index pages.

One ``<url>`` per page and language. Which pages are one page in several
languages, every page says itself (``<link rel="alternate" hreflang>`` in its
head, which search engines read as they read a sitemap's ``xhtml:link``); the
sitemap does not say it again (mkdocs-static-i18n's alternates are taken out of
the pages it lists too): four alternates a URL were ~5 MB of the sitemap at
3,000 bulletins x 4 languages, 75 % of it. ``lastmod`` is
when the page's content last changed (the newest revision among the
bulletins it lists), not the build date: a rebuild alone should not ask
crawlers to fetch 12,000 pages again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from patchday.catalog import Catalog, Entry, cve_year
from patchday.export.xml_text import escape
from patchday.render import urls
from patchday.render.pages import SHELL_ID, PageSpec

_SHELL_URL = re.compile(r"\s*<url>(?:(?!</url>).)*?" + SHELL_ID + r".*?</url>", re.S)


def without_shells(sitemap: str) -> str:
    """MkDocs lists the page shells it rendered; they are removed from the site, so from the map too."""
    return _SHELL_URL.sub("", sitemap)


_ALTERNATE = re.compile(r"\s*<xhtml:link [^>]*/>")


def without_alternates(sitemap: str) -> str:
    """mkdocs-static-i18n lists each page's language alternates; the pages' heads carry them (see above)."""
    return _ALTERNATE.sub("", sitemap)


_LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")


def dated(sitemap: str, as_of: dt.datetime) -> str:
    """MkDocs dates the pages it renders (home, indexes) by the wall clock of the build, so two
    builds of one release on different days differed; they are dated by as-of (its UTC day)."""
    return _LASTMOD.sub(f"<lastmod>{as_of.astimezone(dt.UTC).date().isoformat()}</lastmod>", sitemap)


def _newest(entries: Iterable[Entry]) -> dt.date | None:
    return max((e.last_updated for e in entries), default=None)


def _lastmod(catalog: Catalog, kind: str, key: str, years: dict[str, dt.date]) -> dt.date | None:
    if kind == "bulletin":
        return catalog.by_id[key].last_updated
    if kind == "release":
        return _newest(catalog.releases[key].entries)
    if kind == "product":
        return _newest(catalog.by_product.get(key, ()))
    return years.get(key)


def _by_year(catalog: Catalog) -> dict[str, dt.date]:
    out: dict[str, dt.date] = {}
    for cve, rows in catalog.by_cve.items():
        newest = _newest(e for e, _ in rows)
        year = cve_year(cve)
        if newest is not None and (year not in out or newest > out[year]):
            out[year] = newest
    return out


def entries(catalog: Catalog, site_url: str, languages: Sequence[str], poured: Sequence[PageSpec]) -> str:
    """``<url>`` elements for every bulletin and poured page, in every language, in a stable order."""
    base = site_url.rstrip("/") + "/"
    src = catalog.settings.source_language
    pages = [("bulletin", urls.bulletin(e.id), e.id) for e in catalog.entries]
    pages += sorted({(s.kind, s.path, s.key) for s in poured}, key=lambda p: p[1])
    years = _by_year(catalog) if any(kind == "cves_year" for kind, _, _ in pages) else {}
    out = []
    for kind, path, key in pages:
        lastmod = _lastmod(catalog, kind, key, years)
        for lang in languages:
            loc = escape(base + urls.site_path(lang, src, path))
            out.append(f"<url><loc>{loc}</loc>" + (f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else "") + "</url>")
    return "\n".join(out)


# sitemaps.org: at most 50,000 URLs and 50 MB (uncompressed) per file. Four languages
# reach 50,000 URLs at about 12,400 bulletins; more languages, sooner. The byte limit is
# the hosts' instead (Cloudflare Pages serves no file over 25 MiB, footprint.HOSTS): a URL
# takes ~130 bytes now, but one with language alternates took ~530, and 50,000 of those ~26 MB.
MAX_URLS = 50_000
MAX_BYTES = 25 * 1024 * 1024
_URL = re.compile(r"<url>.*?</url>", re.S)


def split(sitemap: str, site_url: str, *, max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> dict[str, str]:
    """File name -> text: ``sitemap.xml`` alone when it is within the limits, otherwise
    ``sitemap-1.xml``, ``sitemap-2.xml``, ... and ``sitemap.xml`` as their index, so the
    address crawlers already know keeps working."""
    if len(sitemap.encode("utf-8")) <= max_bytes and sitemap.count("<url>") <= max_urls:
        return {"sitemap.xml": sitemap}
    entries = _URL.findall(sitemap)
    head = sitemap[: sitemap.index("<url>")].rstrip() + "\n"
    tail = "\n</urlset>\n"
    room = max_bytes - len((head + tail).encode("utf-8"))
    chunks: list[list[str]] = [[]]
    size = 0
    for entry in entries:
        n = len(entry.encode("utf-8")) + 1
        if chunks[-1] and (len(chunks[-1]) >= max_urls or size + n > room):
            chunks.append([])
            size = 0
        chunks[-1].append(entry)
        size += n
    base = site_url.rstrip("/") + "/"
    files = {f"sitemap-{i}.xml": head + "\n".join(chunk) + tail for i, chunk in enumerate(chunks, 1)}
    index = "".join(f"<sitemap><loc>{escape(base + name)}</loc></sitemap>\n" for name in files)
    files["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{index}</sitemapindex>\n')
    return files
