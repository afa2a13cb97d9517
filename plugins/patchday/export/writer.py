"""Assemble every export as (site-relative path -> bytes), then write them.

Exporters are pure; this module only collects their output, adds hashes,
signatures and directory listings, and touches the file system at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from patchday.catalog import Catalog
from patchday.export import api, calendar, feeds, listing, vex
from patchday.export.common import dumps, memoized
from patchday.export.csaf import document, provider, rolie
from patchday.export.sign import HASH, Signer, hash_line
from patchday.model import Settings
from patchday.outfiles import Folder

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
    return dict(sorted(_produce(catalog, as_of=as_of, signer=signer)))


def _csaf_documents(catalog: Catalog) -> Iterator[tuple[str, dict[str, Any]]]:
    """document.documents(), one bulletin at a time, so a build never holds every document at once."""
    for e in catalog.entries:
        yield document.document_path(e), document.advisory(e, catalog)
        for lang in document.translation_languages(e, catalog):
            yield document.document_path(e, lang), document.translation(e, catalog, lang)


def _with_hashes(path: str, doc: dict[str, Any], signer: Signer | None) -> Iterator[tuple[str, bytes]]:
    """A CSAF document, its one hash file and, with a key, its .asc."""
    data = dumps(doc)
    yield path, data
    yield f"{path}.{HASH}", hash_line(data, path.rsplit("/", 1)[1])
    if signer is not None:
        # Signed "at" the document's current release, so signatures only change with content.
        moment = dt.datetime.fromisoformat(doc["document"]["tracking"]["current_release_date"].replace("Z", "+00:00"))
        yield path + ".asc", signer.sign(data, moment)


def _produce(catalog: Catalog, *, as_of: dt.datetime, signer: Signer | None = None) -> Iterator[tuple[str, bytes]]:
    """Every exported file as (site-relative path, bytes), each exactly once, in no particular order.

    CSAF documents are serialised and handed out one by one; only their ``document``
    part (what index.txt, changes.csv, ROLIE and the provider metadata read) is kept.
    """
    # The caller pauses the cyclic collector (patchday.jobs.exports): what is made here is
    # acyclic and freed by reference counting, and each full collection walks the whole heap.
    with memoized():
        fingerprint = signer.fingerprint if signer else None
        heads: dict[str, dict[str, Any]] = {}
        csaf_paths: list[str] = []

        def emit(path: str, data: bytes) -> tuple[str, bytes]:
            if path.startswith(CSAF_ROOT):
                csaf_paths.append(path)
            return path, data

        for path, doc in _csaf_documents(catalog):
            for item in _with_hashes(path, doc, signer):
                yield emit(*item)
            heads[path] = {"document": doc["document"]}
        docs = dict(sorted(heads.items()))
        yield emit(provider.WHITE + "index.txt", provider.index_txt(docs))
        yield emit(provider.WHITE + "changes.csv", provider.changes_csv(docs))
        split = rolie.by_year(catalog, docs)
        years: dict[bool, list[int]] = {False: list(split)}  # feed years: advisories (False), VEX (True)
        for year, part in split.items():
            yield emit(rolie.feed_path(year), dumps(rolie.feed(catalog, part, signed=signer is not None, year=year)))
        vex_heads: dict[str, dict[str, Any]] = {}
        for e in vex.entries(catalog):
            path, doc = vex.path(e), vex.document(catalog, e)
            for item in _with_hashes(path, doc, signer):
                yield emit(*item)
            vex_heads[path] = {"document": doc["document"]}
        vex_docs = dict(sorted(vex_heads.items()))
        yield emit(provider.VEX + "index.txt", provider.index_txt(vex_docs, provider.VEX))
        yield emit(provider.VEX + "changes.csv", provider.changes_csv(vex_docs, provider.VEX))
        split = rolie.by_year(catalog, vex_docs)
        years[True] = list(split)
        for year, part in split.items():
            yield emit(rolie.feed_path(year, vex=True), dumps(rolie.feed(catalog, part, signed=signer is not None, year=year, vex=True)))
        yield emit(rolie.CATEGORIES, dumps(rolie.categories(catalog)))
        yield emit(rolie.SERVICE, dumps(rolie.service(catalog, years)))
        yield emit(provider.METADATA, dumps(provider.metadata(catalog, {**docs, **vex_docs}, fingerprint=fingerprint, years=years)))
        if signer is not None and fingerprint:
            yield emit(provider.key_path(fingerprint), signer.public_key())
        yield from _listings(dict.fromkeys(csaf_paths, b"")).items()
        security = provider.security_txt(catalog.settings, as_of, fingerprint=fingerprint)
        yield ".well-known/security.txt", signer.clearsign(security, as_of) if signer is not None else security
        yield "robots.txt", provider.robots_txt(catalog.settings)
        yield from feeds.feeds(catalog).items()
        yield from calendar.calendars(catalog, as_of).items()
        for path, value in api.files(catalog):
            yield path, dumps(value)
        yield AFFECTED_JS, resources.files("patchday.export").joinpath("assets/affected.js").read_bytes()


def write_exports(
    catalog: Catalog,
    out_dir: Path,
    *,
    settings: Settings,
    as_of: dt.datetime,
    signing_key: str | None = None,
    gnupg_home: str | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write CSAF provider tree, feeds, calendars, JSON API and the checker script into ``out_dir``.

    ``should_stop`` is asked before each file; once it says yes, nothing more is written
    (`mkdocs serve` is shutting down and is about to delete ``out_dir``).
    """
    if settings != catalog.settings:
        raise ValueError("write_exports: settings differ from the settings the catalog was built with")
    if as_of.tzinfo is None:
        raise ValueError("as_of must be timezone-aware")
    signer = Signer(signing_key, gnupg_home) if signing_key else None
    written: list[str] = []
    out = Folder(out_dir)
    for rel, data in _produce(catalog, as_of=as_of, signer=signer):  # written as produced: memory stays flat
        if should_stop is not None and should_stop():
            break
        out.write(rel, data)
        written.append(rel)
    return [Path(out_dir) / rel for rel in sorted(written)]
