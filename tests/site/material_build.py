"""`mkdocs build` that also lets Material render one page of every poured kind, for the shell-contract test.

Run as ``python tests/site/material_build.py build -f ... -d ...`` with PATCHDAY_MATERIAL_OUT set:
besides every usual page, the first bulletin, release month, product and CVE year of each
language become ordinary MkDocs pages (same path, title and content), and what Material
rendered for them is written under PATCHDAY_MATERIAL_OUT/<language root>/<path>. The
poured pages then overwrite them in the site as usual, so the test can compare the two.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.__main__ import cli

from patchday.mkdocs_plugin import plugin as glue
from patchday.render import urls
from patchday.render.pages import PageSpec, bulletin_title, poured_pages

OUT = Path(os.environ["PATCHDAY_MATERIAL_OUT"])
_site_pages = glue.site_pages
_on_post_page = glue.PatchdayPlugin.on_post_page


def site_pages(catalog):
    out = _site_pages(catalog)
    first: dict[tuple[str, str], PageSpec] = {}
    for spec in poured_pages(catalog):
        first.setdefault((spec.kind, spec.lang), spec)
    bid = catalog.entries[0].id
    for lang in catalog.settings.languages:
        out.append(PageSpec("bulletin", bid, lang, urls.bulletin(bid), bulletin_title(catalog, lang, bid), False))
    return out + list(first.values())


def on_post_page(self, output, page, config):
    spec = self._spec(page)
    if spec is not None and spec.kind in ("bulletin", "release", "product", "cves_year"):
        src = self._state.settings.source_language
        target = OUT / urls.site_path(spec.lang, src, spec.path) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
    return _on_post_page(self, output, page, config)


glue.site_pages = site_pages
glue.PatchdayPlugin.on_post_page = on_post_page

if __name__ == "__main__":
    sys.argv[0] = "mkdocs"
    cli()
