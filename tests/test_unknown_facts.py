"""Facts a legacy or third-party record does not state are said to be unknown in every output,
never guessed: the page ("Not stated", translated), the CVE index (not marked exploited),
the API (`unknown`, `fixed: null`) and CSAF (no invented score, "Not stated" in the threat)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from patchday.catalog import build_catalog
from patchday.export import api
from patchday.export.csaf.document import advisory
from patchday.load.corpus import load_corpus
from patchday.model import Settings
from patchday.render import urls
from patchday.render.bulletin_html import bulletin_html
from patchday.render.bulletin_view import bulletin_view
from patchday.render.context import PageCtx
from patchday.render.index_views import cves_view

HERE = Path(__file__).parent / "lint"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    root = tmp_path_factory.mktemp("legacy") / "bulletins"
    shutil.copytree(HERE / "base", root)
    case = (HERE / "cases" / "valid" / "valid-legacy-unknowns.yaml").read_text(encoding="utf-8")
    (root / "2026" / "CX26-001.yaml").write_text(case, encoding="utf-8")
    corpus = load_corpus(root, cwd=root)
    assert not corpus.diagnostics
    return build_catalog(corpus, Settings(), dt.datetime(2026, 3, 1, tzinfo=dt.UTC))


@pytest.mark.parametrize(("lang", "not_stated", "no_score"), [
    ("en", "Not stated", "No CVSS score was published"), ("ja", "記載なし", "CVSS スコアは公開されていません")])
def test_the_page_says_not_stated(catalog, lang, not_stated, no_score) -> None:
    e = catalog.by_id["CX26-001"]
    html = bulletin_html(bulletin_view(PageCtx(catalog, lang, urls.bulletin(e.id)), e))
    assert html.count(f'<span class="pd-unknown">{not_stated}</span>') >= 3  # exploited, disclosed, fixed build
    assert no_score in html and "CVSS 3.1" not in html
    assert 'class="pd-yes"' not in html  # `unknown` is never shown as yes
    rows, _ = cves_view(PageCtx(catalog, lang, urls.CVES))
    assert rows and not any(r.exploited for r in rows)
    assert not e.exploited and not e.publicly_disclosed


def test_api_and_csaf_invent_nothing(catalog) -> None:
    e = catalog.by_id["CX26-001"]
    doc = api.bulletin(catalog, e)
    v = doc["vulnerabilities"][0]
    assert (v["exploited"], v["publicly_disclosed"], v["cvss"]) == ("unknown", "unknown", [])
    assert doc["legacy"] is True and doc["affected"][0]["update"]["fixed"] is None
    assert doc["affected"][0]["update"]["restart"] == "unknown"
    csaf = advisory(e, catalog)["vulnerabilities"][0]
    assert "scores" not in csaf
    status = next(t for t in csaf["threats"] if t["category"] == "exploit_status")
    assert status["details"] == "Exploited: Not stated. Publicly disclosed: Not stated."
    fix = next(r for r in csaf["remediations"] if r["category"] == "vendor_fix")
    assert fix["details"] == "Install KB5031001." and "restart_required" not in fix
