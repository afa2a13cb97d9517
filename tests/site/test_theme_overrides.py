"""theme/ overrides Material templates (partials, main.html, 404.html); each was written from the partial whose digest
render/shell_contract.py keeps. A Material release that changes one fails here, by name."""

from __future__ import annotations

from pathlib import Path

import material

from patchday.render.shell_contract import THEME_FILE, THEME_MARK, UPSTREAM, UPSTREAM_BLOCKS
from tests.site.chrome import changed_partials

THEME = Path(__file__).resolve().parents[2] / "theme"
MATERIAL = Path(material.__file__).parent / "templates"


def test_every_override_of_a_material_template_is_in_the_contract():
    overrides = {p.relative_to(THEME).as_posix() for p in THEME.rglob("*.html") if (MATERIAL / p.relative_to(THEME)).exists()}
    assert overrides == set(UPSTREAM), "list each override in shell_contract.UPSTREAM with the digest of Material's template"


def test_material_has_not_changed_the_partials_we_override():
    changed = changed_partials(MATERIAL, UPSTREAM)
    assert not changed, (f"Material {material.__version__} changed {changed}: compare each with theme/{changed[0]}, "
                         "carry the change over, then update shell_contract.UPSTREAM")


def test_the_glue_can_tell_this_theme():
    assert THEME_MARK in (THEME / THEME_FILE).read_text(encoding="utf-8")


def test_the_palette_script_is_materials_own():
    """partials/header.html loads Material's palette script from assets/patchday/palette.js instead of inlining it."""
    import re

    inline = (MATERIAL / "partials" / "javascripts" / "palette.html").read_text(encoding="utf-8")
    script = re.search(r"<script>(.*)</script>", inline, re.S)
    assert script, "Material's palette script is no longer one inline <script>: see theme/partials/header.html"
    assert (THEME / "assets" / "patchday" / "palette.js").read_text(encoding="utf-8").strip() == script.group(1).strip()
    assert "partials/javascripts/palette.html" not in (THEME / "partials" / "header.html").read_text(encoding="utf-8")


def test_material_has_not_changed_the_blocks_we_override():
    import hashlib
    import re

    for (template, block), digest in UPSTREAM_BLOCKS.items():
        source = (MATERIAL / template).read_text(encoding="utf-8")
        found = re.search(r"\{%% block %s %%\}.*?\{%% endblock %%\}" % block, source, re.S)
        assert found, f"Material's {template} has no block {block}: see theme/main.html"
        assert hashlib.sha256(found.group(0).encode()).hexdigest()[:16] == digest, (
            f"Material {material.__version__} changed block {block} of {template}: carry the change over into "
            "theme/main.html, then update shell_contract.UPSTREAM_BLOCKS")


def test_the_scope_script_is_materials_own():
    """partials/javascripts/base.html loads Material's storage-scope script from assets/patchday/scope.js: the
    same functions, with the scope worked out from the script's own address instead of the page's base."""
    import re

    inline = (MATERIAL / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    script = re.search(r"<script>__md_scope=new URL\(\"\{\{ config.extra.scope \| d\(base_url\) \}\}\",location\)(,.*)</script>",
                       inline, re.S)
    assert script, "Material's scope script changed: see theme/partials/javascripts/base.html"
    ours = (THEME / "assets" / "patchday" / "scope.js").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ours.endswith(script.group(1).strip())
    assert ours.startswith("__md_scope=function(s){")
