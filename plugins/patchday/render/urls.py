"""The URL contract, in one place. Paths are relative to the language root.

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
ABOUT = "about/"


def site_feeds(lang: str) -> list[tuple[str, str]]:
    """(label key, path from the site root) of the Atom feeds every page advertises."""
    return [(f"feed_{name}", f"feeds/{lang}/{file}.atom")
            for name, file in (("all", "bulletins"), ("critical", "critical"), ("exploited", "exploited"))]


def product_feed(lang: str, pid: str) -> str:
    return f"feeds/{lang}/products/{pid}.atom"


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
