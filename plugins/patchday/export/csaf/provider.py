"""The provider side of the tree: provider-metadata.json, index.txt, changes.csv, security.txt."""

from __future__ import annotations

import datetime as dt
from typing import Any

from patchday.catalog import Catalog
from patchday.export import common
from patchday.export.csaf import rolie
from patchday.model import Settings

METADATA = ".well-known/csaf/provider-metadata.json"
WHITE = ".well-known/csaf/white/"
OPENPGP = ".well-known/csaf/openpgp/"


def key_path(fingerprint: str) -> str:
    return f"{OPENPGP}{fingerprint}.asc"


VEX = ".well-known/csaf/vex/white/"


def metadata(catalog: Catalog, documents: dict[str, dict[str, Any]], *, fingerprint: str | None,
             years: dict[bool, list[int]]) -> dict[str, Any]:
    """``documents``: every CSAF document of the provider (advisories and VEX) by path, ``document`` part at least;
    ``years``: the ROLIE feed years of the advisories (False) and of the VEX documents (True)."""
    settings = catalog.settings
    url = lambda p: common.absolute(p, settings)  # noqa: E731
    # last_updated follows the content, not the build clock, so rebuilding changes nothing.
    updated = max((d["document"]["tracking"]["current_release_date"] for d in documents.values()), default=common.stamp(catalog.as_of))
    out: dict[str, Any] = {
        "canonical_url": url(METADATA),
        "distributions": [
            {
                "directory_url": url(WHITE),
                "rolie": {
                    "feeds": [{"summary": f"The TLP:WHITE advisories of {settings.vendor} first released in {year}.", "tlp_label": "WHITE",
                               "url": url(rolie.feed_path(year))} for year in years[False]],
                    "categories": [url(rolie.CATEGORIES)],
                    "services": [url(rolie.SERVICE)],
                },
            },
            {
                "directory_url": url(VEX),
                "rolie": {
                    "feeds": [{"summary": f"CSAF VEX documents of {settings.vendor} first released in {year}: one per bulletin.",
                               "tlp_label": "WHITE", "url": url(rolie.feed_path(year, vex=True))} for year in years[True]],
                    "categories": [url(rolie.CATEGORIES)],
                    "services": [url(rolie.SERVICE)],
                },
            },
        ],
        "last_updated": updated,
        "list_on_CSAF_aggregators": True,
        "metadata_version": "2.0",
        "mirror_on_CSAF_aggregators": True,
        "publisher": {"category": "vendor", "name": settings.vendor, "namespace": settings.csaf_namespace},
        # Trusted provider needs hashes + signatures + public key (R18-R20): only claim it with a key.
        "role": "csaf_trusted_provider" if fingerprint else "csaf_provider",
    }
    if fingerprint:
        out["public_openpgp_keys"] = [{"fingerprint": fingerprint, "url": url(key_path(fingerprint))}]
    return out


def index_txt(documents: dict[str, dict[str, Any]], base: str = WHITE) -> bytes:
    """R12: the documents of one directory distribution (``base``), relative to it."""
    return "".join(f"{p.removeprefix(base)}\n" for p in sorted(documents)).encode()


def changes_csv(documents: dict[str, dict[str, Any]], base: str = WHITE) -> bytes:
    """R13: "path","current_release_date" newest first, no header."""
    rows = sorted(
        ((d["document"]["tracking"]["current_release_date"], p.removeprefix(base)) for p, d in documents.items()),
        key=lambda r: (r[0], r[1]),
        reverse=True,
    )
    return "".join(f'"{p}","{when}"\n' for when, p in rows).encode()


def security_txt(settings: Settings, as_of: dt.datetime, *, fingerprint: str | None = None) -> bytes:
    """RFC 9116 with the CSAF field (R8). Expires a year after the build's as_of, never the clock.

    ``Contact`` is the reporting address of the settings (``psirt_contact``), else the site;
    ``Encryption`` is ``encryption_url``, else the published signing key. With a key, the
    writer signs the file as a whole (cleartext signature, RFC 9116 §2.3).
    """
    expires = as_of.astimezone(dt.UTC) + dt.timedelta(days=365)
    lines = [f"Contact: {settings.psirt_contact or common.base_url(settings) + '/'}"]
    if settings.encryption_url or fingerprint:
        lines.append(f"Encryption: {settings.encryption_url or common.absolute(key_path(fingerprint or ''), settings)}")
    if settings.policy_url:
        lines.append(f"Policy: {settings.policy_url}")
    lines += [
        f"Expires: {common.stamp(expires)}",
        f"Preferred-Languages: {', '.join(settings.languages)}",
        f"Canonical: {common.absolute('.well-known/security.txt', settings)}",
        f"CSAF: {common.absolute(METADATA, settings)}",
    ]
    return ("\n".join(lines) + "\n").encode()


def robots_txt(settings: Settings) -> bytes:
    """Crawlers may read everything; the sitemap (or its index, at 50,000 pages) is named so they find it."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {common.absolute('sitemap.xml', settings)}\n".encode()
