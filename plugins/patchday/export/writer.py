"""Assemble every export as (site-relative path -> bytes), then write them.

Exporters are pure; this module only collects their output, adds hashes,
signatures and directory listings, and touches the file system at the end.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from patchday.catalog import Catalog
from patchday.export import api, calendar, feeds, listing
from patchday.export.common import dumps
from patchday.export.csaf import document, provider, rolie
from patchday.export.sign import Signer, hash_lines
from patchday.model import Settings

CSAF_ROOT = ".well-known/csaf/"
AFFECTED_JS = "assets/patchday/affected.js"


def _listings(files: dict[str, bytes]) -> dict[str, bytes]:
    """An index.html in every folder of the CSAF tree (R14), made from the files that exist."""
    folders: dict[str, dict[str, bool]] = {CSAF_ROOT: {}}
    for path in files:
        if not path.startswith(CSAF_ROOT):
            continue
        parts = path.split("/")
        for depth in range(2, len(parts)):
            parent = "/".join(parts[:depth]) + "/"
            folders.setdefault(parent, {})
            if depth < len(parts) - 1:
                folders[parent][parts[depth]] = True
            else:
                folders[parent][parts[depth]] = False
    out = {}
    for folder, entries in folders.items():
        if not folder.startswith(CSAF_ROOT):
            continue
        out[f"{folder}index.html"] = listing.listing("/" + folder, list(entries.items()))
    return out


def build(catalog: Catalog, *, as_of: dt.datetime, signer: Signer | None = None) -> dict[str, bytes]:
    """Every exported file by site-relative path. Pure apart from calling gpg when signing."""
    files: dict[str, bytes] = {}
    docs = document.documents(catalog)
    fingerprint = signer.fingerprint if signer else None
    for path, doc in docs.items():
        data = dumps(doc)
        name = path.rsplit("/", 1)[1]
        sha256, sha512 = hash_lines(data, name)
        files[path] = data
        files[path + ".sha256"] = sha256
        files[path + ".sha512"] = sha512
        if signer is not None:
            # Signed "at" the document's current release, so signatures only change with content.
            moment = dt.datetime.fromisoformat(doc["document"]["tracking"]["current_release_date"].replace("Z", "+00:00"))
            files[path + ".asc"] = signer.sign(data, moment)
    files[provider.WHITE + "index.txt"] = provider.index_txt(docs)
    files[provider.WHITE + "changes.csv"] = provider.changes_csv(docs)
    files[rolie.FEED] = dumps(rolie.feed(catalog, docs, signed=signer is not None))
    files[rolie.CATEGORIES] = dumps(rolie.categories(catalog))
    files[rolie.SERVICE] = dumps(rolie.service(catalog))
    files[provider.METADATA] = dumps(provider.metadata(catalog, docs, fingerprint=fingerprint))
    if signer is not None and fingerprint:
        files[provider.key_path(fingerprint)] = signer.public_key()
    files.update(_listings(files))
    files[".well-known/security.txt"] = provider.security_txt(catalog.settings, as_of)
    files.update(feeds.feeds(catalog))
    files.update(calendar.calendars(catalog, as_of))
    files.update({path: dumps(value) for path, value in api.files(catalog).items()})
    files[AFFECTED_JS] = resources.files("patchday.export").joinpath("assets/affected.js").read_bytes()
    return dict(sorted(files.items()))


def write_exports(
    catalog: Catalog,
    out_dir: Path,
    *,
    settings: Settings,
    as_of: dt.datetime,
    signing_key: str | None = None,
    gnupg_home: str | None = None,
) -> list[Path]:
    """Write CSAF provider tree, feeds, calendars, JSON API and the checker script into ``out_dir``."""
    if settings != catalog.settings:
        raise ValueError("write_exports: settings differ from the settings the catalog was built with")
    if as_of.tzinfo is None:
        raise ValueError("as_of must be timezone-aware")
    signer = Signer(signing_key, gnupg_home) if signing_key else None
    written = []
    for rel, data in build(catalog, as_of=as_of, signer=signer).items():
        target = Path(out_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
