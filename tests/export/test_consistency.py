"""One catalog, many formats: counts agree, nothing private leaks, builds are byte-identical."""

from __future__ import annotations

import pytest

from patchday.export import build, counts, write_exports
from tests.export.conftest import AS_OF


def test_counts_agree_across_formats(signed_site, catalog):
    c = counts(signed_site)
    expected_releases = {
        month: {"bulletins": len(rel.entries), "cves": rel.cve_count} for month, rel in catalog.releases.items()
    }
    for fmt in ("csaf", "json", "feeds", "feeds:de", "feeds:fr", "feeds:ja"):
        assert c[fmt]["bulletins"] == len(catalog.entries) == 4, fmt
        assert c[fmt]["cves"] == len(catalog.by_cve) == 5, fmt
        assert c[fmt]["releases"] == expected_releases, fmt
    assert c["csaf"]["translations"] == 3


def test_private_and_unpublished_text_never_appears(signed_site):
    markers = [b"SECRET-INTERNAL", b"alice@research.example", b"SECRET-DRAFT-MARKER", b"CX26-005", b"CVE-2026-29999"]
    checked = 0
    for path in signed_site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            checked += 1
            for marker in markers:
                assert marker not in data, (path, marker)
    assert checked > 50


def test_builds_are_byte_identical(catalog, settings, gnupg_home, signed_site, tmp_path):
    again = tmp_path / "again"
    write_exports(catalog, again, settings=settings, as_of=AS_OF, signing_key="csaf-test@contoso.example", gnupg_home=gnupg_home)
    first = {p.relative_to(signed_site): p.read_bytes() for p in signed_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_signing_does_not_change_documents(signed_site, plain_site):
    for doc in (plain_site / ".well-known/csaf/white/2026").glob("*.json"):
        assert doc.read_bytes() == (signed_site / doc.relative_to(plain_site)).read_bytes()


def test_as_of_only_moves_time_dependent_files(catalog):
    import datetime as dt

    later = build(catalog, as_of=AS_OF + dt.timedelta(days=40))
    now = build(catalog, as_of=AS_OF)
    changed = sorted(k for k in now if now[k] != later[k])
    # Only the calendars (upcoming patch days) and security.txt (Expires) depend on the build time.
    assert all(k.startswith("calendar/") or k == ".well-known/security.txt" for k in changed), changed


def test_documents_alone_equal_the_built_ones(catalog):
    """A translation shares its bulletin's facts inside a build; made one by one (as preflight does) they are the same."""
    from patchday.export.common import dumps
    from patchday.export.csaf import document

    built = build(catalog, as_of=AS_OF)
    alone = {}
    for e in catalog.entries:
        alone[document.document_path(e)] = dumps(document.advisory(e, catalog))
        for lang in document.translation_languages(e, catalog):
            alone[document.document_path(e, lang)] = dumps(document.translation(e, catalog, lang))
    assert len(alone) == 7
    assert {path: built[path] for path in alone} == alone


def test_collector_is_back_after_a_failed_write(catalog, settings, tmp_path, monkeypatch):
    import gc

    from patchday.outfiles import Folder

    def full_disk(self, rel, data):
        raise OSError("no space left on device")

    monkeypatch.setattr(Folder, "write", full_disk)
    assert gc.isenabled()
    with pytest.raises(OSError):
        write_exports(catalog, tmp_path, settings=settings, as_of=AS_OF)
    assert gc.isenabled()  # the exports pause the cyclic collector; it must not stay off
