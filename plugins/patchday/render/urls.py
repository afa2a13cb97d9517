"""The URL contract, in one place: the pages' paths (relative to the language root)
and the exports' paths (relative to the site root). The pages link with these,
and the exports (export/common.py, feeds, calendar) name their files and
absolute URLs with them, so a page and the file it points at cannot drift apart.

English lives at the site root, other languages under ``/<lang>/``. Every
link we emit is relative, so the site works from any mount point or mirror.
"""

from __future__ import annotations

HOME = ""
RELEASES = "releases/"
CVES = "cves/"
PRODUCTS = "products/"
AFFECTED = "affected/"
SEARCH = "search/"
SEARCH_INDEX = "search-index/"  # one per language root: render/search.py
ABOUT = "about/"
SEVERITY_RATINGS = "severity-ratings/"
REPORT = "report/"


API = "api/v1/"


def api_bulletin(bid: str) -> str:
    """A bulletin's JSON in the static API, from the site root."""
    return f"{API}bulletins/{bid}.json"


def feed(lang: str, name: str) -> str:
    """An Atom feed, from the site root; name: 'bulletins', 'critical', 'exploited' or 'products/<id>'."""
    return f"feeds/{lang}/{name}.atom"


def feed_archive(lang: str, name: str, year: int) -> str:
    """The archive document of one calendar year (its own folder: a product id may end in a year)."""
    return f"feeds/{lang}/archive/{year}/{name}.atom"


def calendar(lang: str) -> str:
    return f"calendar/{lang}.ics"


def site_feeds(lang: str) -> list[tuple[str, str]]:
    """(label key, path from the site root) of the Atom feeds every page advertises."""
    return [(f"feed_{name}", feed(lang, file))
            for name, file in (("all", "bulletins"), ("critical", "critical"), ("exploited", "exploited"))]


def product_feed(lang: str, pid: str) -> str:
    return feed(lang, f"products/{pid}")


def release(month: str) -> str:
    return f"releases/{month}/"


def cves_year(year: str) -> str:
    return f"cves/{year}/"


def bulletin(bid: str) -> str:
    return f"bulletins/{bid}/"


def product(pid: str) -> str:
    return f"products/{pid}/"


def site_path(lang: str, source_lang: str, path: str) -> str:
    """Language-root path -> site-root path."""
    return path if lang == source_lang else f"{lang}/{path}"


def root(from_site_path: str) -> str:
    """The relative path from a page (a directory URL) up to the site root."""
    depth = from_site_path.count("/")
    return "../" * depth


def relative(from_site_path: str, to_site_path: str) -> str:
    """A relative link between two site-root paths of directory URLs.

    Always climbs to the root and back down: pages of one type sit at one
    depth, so their links are identical strings (the bulletin shell relies on it).
    """
    return (root(from_site_path) + to_site_path) or "./"
