"""Preview builds show drafts and embargoed bulletins, marked on every page and not indexable."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.release.sitebuild import ROOT, build, find, site_config

pytestmark = pytest.mark.slow
FIXTURE = ROOT / "tests" / "fixtures" / "site" / "bulletins"
AS_OF = "2026-03-01T00:00:00Z"


def test_preview_shows_drafts_with_banner_and_noindex(tmp_path: Path) -> None:
    config = site_config(tmp_path, FIXTURE)
    public, preview = tmp_path / "public", tmp_path / "preview"
    build(config, public, as_of=AS_OF)
    build(config, preview, as_of=AS_OF, preview=True)
    assert not (public / "bulletins" / "CX26-004").exists()
    assert find(public, ["CX26-004"]) == {}
    draft = preview / "bulletins" / "CX26-004" / "index.html"
    assert draft.exists()
    pages = [p for p in preview.rglob("*.html") if ".well-known" not in p.parts]
    assert pages and all('name="robots" content="noindex"' in p.read_text(encoding="utf-8") for p in pages)
    assert "pd-preview" in (preview / "index.html").read_text(encoding="utf-8")
    assert "pd-banner--draft" in draft.read_text(encoding="utf-8")
    public_pages = list(public.rglob("*.html"))
    assert not any('content="noindex"' in p.read_text(encoding="utf-8") for p in public_pages)
