"""ROLIE feed, service and category documents for the TLP:WHITE CSAF documents (R15-R17)."""

from __future__ import annotations

from typing import Any

from patchday.catalog import Catalog
from patchday.export import common
from patchday.export.sign import HASH

INFO_TYPE = {"scheme": "urn:ietf:params:rolie:category:information-type", "term": "csaf"}
CSAF_SCHEMA = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"
FEED = ".well-known/csaf/white/csaf-feed-tlp-white.json"
CATEGORIES = ".well-known/csaf/white/category-white.json"
# The CSAF VEX documents (export/vex.py), one per CVE, are a distribution and a feed of their own.
VEX_FEED = ".well-known/csaf/vex/white/csaf-vex-feed-tlp-white.json"
SERVICE = ".well-known/csaf/service.json"


def feed(catalog: Catalog, documents: dict[str, dict[str, Any]], *, signed: bool, vex: bool = False) -> dict[str, Any]:
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
            "id": f"{slug}-csaf-{'vex-' if vex else ''}feed-tlp-white",
            "title": _title(settings.vendor, vex),
            "link": [{"rel": "self", "href": url(VEX_FEED if vex else FEED)}],
            "category": [INFO_TYPE],
            "updated": updated,
            "entry": entries,
        }
    }


def _title(vendor: str, vex: bool) -> str:
    return f"{vendor} CSAF {'VEX ' if vex else ''}feed (TLP:WHITE)"


def service(catalog: Catalog) -> dict[str, Any]:
    settings = catalog.settings
    return {
        "service": {
            "workspace": [
                {
                    "title": f"{settings.vendor} public CSAF feeds",
                    "collection": [
                        {
                            "title": _title(settings.vendor, vex),
                            "href": common.absolute(VEX_FEED if vex else FEED, settings),
                            "categories": {"category": [INFO_TYPE]},
                        }
                        for vex in (False, True)
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
