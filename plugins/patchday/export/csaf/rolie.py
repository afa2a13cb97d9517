"""ROLIE feeds, service and category documents for the TLP:WHITE CSAF documents (R15-R17).

One feed per distribution and year (the year folder of its documents): one feed of
every document was 20 MB at 3,000 bulletins and over the 25 MiB a file may have on some
hosts near 10,000. CSAF lets a distribution list several feeds (provider metadata,
``rolie.feeds``); the service document lists them too, and a document never moves
between feeds (its folder year is its initial release's).
"""

from __future__ import annotations

from typing import Any

from patchday.catalog import Catalog
from patchday.export import common
from patchday.export.sign import HASH

INFO_TYPE = {"scheme": "urn:ietf:params:rolie:category:information-type", "term": "csaf"}
CSAF_SCHEMA = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"
CATEGORIES = ".well-known/csaf/white/category-white.json"
SERVICE = ".well-known/csaf/service.json"


def feed_path(year: int | str, *, vex: bool = False) -> str:
    # The CSAF VEX documents (export/vex.py) are a distribution with feeds of their own.
    if vex:
        return f".well-known/csaf/vex/white/csaf-vex-feed-tlp-white-{year}.json"
    return f".well-known/csaf/white/csaf-feed-tlp-white-{year}.json"


def by_year(catalog: Catalog, documents: dict[str, dict[str, Any]]) -> dict[int, dict[str, dict[str, Any]]]:
    """The documents of each feed, by the year folder they are in; with none, one empty feed of the build's year."""
    out: dict[int, dict[str, dict[str, Any]]] = {}
    for path, doc in documents.items():
        out.setdefault(int(path.rsplit("/", 2)[1]), {})[path] = doc
    return dict(sorted(out.items())) or {catalog.as_of.year: {}}


def feed(catalog: Catalog, documents: dict[str, dict[str, Any]], *, signed: bool, year: int, vex: bool = False) -> dict[str, Any]:
    """The feed of one year's documents of one distribution."""
    settings = catalog.settings
    url = lambda p: common.absolute(p, settings)  # noqa: E731
    entries = []
    for path, doc in documents.items():
        d = doc["document"]
        links = [
            {"rel": "self", "href": url(path)},
            {"rel": "hash", "href": url(f"{path}.{HASH}")},
        ]
        if signed:
            links.append({"rel": "signature", "href": url(path + ".asc")})
        summary = next((n["text"] for n in d.get("notes", []) if n["category"] == "summary"), d["title"])
        entries.append(
            {
                "id": d["tracking"]["id"],
                "title": d["title"],
                "link": links,
                "published": d["tracking"]["initial_release_date"],
                "updated": d["tracking"]["current_release_date"],
                "summary": {"content": summary},
                "content": {"type": "application/json", "src": url(path)},
                "format": {"schema": CSAF_SCHEMA, "version": "2.0"},
            }
        )
    # Newest first, so a poller can stop at the first entry it has seen.
    entries.sort(key=lambda x: (x["updated"], x["id"]), reverse=True)
    updated = max((x["updated"] for x in entries), default=common.stamp(catalog.as_of))
    slug = common.host(settings).replace(".", "-")
    return {
        "feed": {
            "id": f"{slug}-csaf-{'vex-' if vex else ''}feed-tlp-white-{year}",
            "title": _title(settings.vendor, vex, year),
            "link": [{"rel": "self", "href": url(feed_path(year, vex=vex))}],
            "category": [INFO_TYPE],
            "updated": updated,
            "entry": entries,
        }
    }


def _title(vendor: str, vex: bool, year: int) -> str:
    return f"{vendor} CSAF {'VEX ' if vex else ''}feed (TLP:WHITE), {year}"


def service(catalog: Catalog, years: dict[bool, list[int]]) -> dict[str, Any]:
    """``years``: the feed years of the advisories (False) and of the VEX documents (True)."""
    settings = catalog.settings
    return {
        "service": {
            "workspace": [
                {
                    "title": f"{settings.vendor} public CSAF feeds",
                    "collection": [
                        {
                            "title": _title(settings.vendor, vex, year),
                            "href": common.absolute(feed_path(year, vex=vex), settings),
                            "categories": {"category": [INFO_TYPE]},
                        }
                        for vex in (False, True) for year in years[vex]
                    ],
                }
            ]
        }
    }


def categories(catalog: Catalog) -> dict[str, Any]:
    """Category terms a client may filter on: the information type and every product name."""
    terms = [INFO_TYPE] + [
        {"scheme": common.absolute("api/v1/products/index.json", catalog.settings), "term": p.name}
        for p in catalog.products.values()
    ]
    return {"categories": {"category": terms}}
