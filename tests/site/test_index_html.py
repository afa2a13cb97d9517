"""The release, product and CVE-year pages joined in Python escape exactly as the templates did."""

from __future__ import annotations

import dataclasses

import pytest

from patchday.catalog import build_catalog
from patchday.clock import parse_as_of
from patchday.i18n import Labels
from patchday.load.corpus import load_corpus
from patchday.model import Settings
from patchday.render import urls
from patchday.render.bulletin_view import Badge, Link
from patchday.render.context import PageCtx
from patchday.render.helpers import Helpers
from patchday.render.html import env
from patchday.render.index_html import bulletin_table, cves_year_html
from patchday.render.index_views import CveRow, Filters, Row, release_view
from patchday.translate.merge import Text

from tests.site.conftest import AS_OF, FIXTURE

EVIL = """<script>alert("x") & 'y'</script>"""

# The rows of the CVE-year template this module replaced (CVE and bulletin ID as unbreakable tokens).
CVE_ROWS = (
    '{% for r in rows %}<tr data-product="{{ r.products }}" data-severity="{{ r.severity.key }}" '
    'data-exploited="{{ 1 if r.exploited else 0 }}" data-month="{{ r.month }}"><td>{{ r.cve }}</td>'
    "<td>{{ link(r.bulletin) }}</td><td>{{ txt(r.title) }}</td><td>{{ r.impact.label }}</td>"
    "<td>{{ sev(r.severity) }}</td><td>{{ yesno(r.exploited) }}</td></tr>{% endfor %}"
)


def jinja(source: str, lang: str, **values: object) -> str:
    t = Labels(lang)
    return env().from_string(source).render(t=t, lang=lang, **Helpers(lang, t).globals(), **values)


def evil_rows() -> list[Row]:
    product = Link(f"{EVIL} Server", f"../../products/a&b'{EVIL}/")
    row = Row(id=f"CX-{EVIL}", url="../../bulletins/x'\"&/", title=Text(f"{EVIL} title", "en"),
              severity=Badge(f"crit{EVIL}", f"Crit {EVIL}"),
              impacts=[Badge("info", f"Info {EVIL}"), Badge("rce", "d'x")],
              products=[product, Link("plain", None)], cve_count=3, exploited=True, disclosed=True,
              month=f"2026-01{EVIL}", out_of_band=True, withdrawn=True, draft=True, released="x")
    quiet = dataclasses.replace(row, title=Text("Titre", "fr"), exploited=False, disclosed=False, out_of_band=False,
                                withdrawn=False, draft=False)
    return [row, quiet]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("filtered", [False, True])
def test_bulletin_table_is_the_macro(lang, filtered):
    rows = evil_rows()
    f = Filters(f'{{"labels":"{EVIL}"}}') if filtered else None
    macro = '{% from "macros.html.j2" import bulletin_table with context %}{{ bulletin_table(rows, f) }}'
    assert bulletin_table(rows, lang, f) == jinja(macro, lang, rows=rows, f=f)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cve_rows_are_the_template_rows(lang):
    rows = [CveRow(f"CVE-2026-{EVIL}", Link(f"CX-{EVIL}", f"../../bulletins/x'\"&/#{EVIL}"), Text(EVIL, "en"),
                   Badge("info", f"d'{EVIL}"), Badge(f"low{EVIL}", EVIL), exploited, f"2026-{EVIL}", f"a&b {EVIL}")
            for exploited in (True, False)]
    page = cves_year_html("2026", rows, Filters("{}"), "../", lang)
    assert jinja(CVE_ROWS, lang, rows=rows) in page
    assert "<script>" not in page


def test_release_rows_follow_a_swapped_bulletin():
    """A bulletin's facts come from its own Entry: a record `patchday serve` swaps in gets fresh ones."""
    catalog = build_catalog(load_corpus(FIXTURE / "bulletins"), Settings(), parse_as_of(AS_OF))
    rel = catalog.releases["2026-01"]
    ctx = PageCtx(catalog, "en", urls.release("2026-01"))
    i = next(i for i, e in enumerate(rel.entries) if e.id == "CX26-002")
    old = rel.entries[i]
    assert release_view(ctx, rel).rows[i].exploited
    calm = [v.model_copy(update={"exploited": False}) for v in old.bulletin.vulnerabilities]
    rel.entries[i] = dataclasses.replace(old, bulletin=old.bulletin.model_copy(update={"vulnerabilities": calm}))
    assert not release_view(ctx, rel).rows[i].exploited
