"""What pouring pages into Material's shells relies on, in one place, each with its reason.

MkDocs and Material render one *shell* per kind of page that grows with the corpus
(bulletins, release months, products, CVE years) and language; every other page of the
kind is that shell with its key, title, content and contents list put in
(:mod:`patchday.render.shell`). That is only right while the shell differs from a page
Material would render in exactly those places. This module names every such assumption;
``tests/site/test_shell_contract.py`` renders one page of each kind both ways (poured,
and by Material as an ordinary page at the same URL) and compares the chrome region by
region, and ``tests/site/test_theme_overrides.py`` fails when Material changes a
partial that ``theme/partials/`` overrides. docs/site.md says what is guaranteed.
"""

from __future__ import annotations

import re

# ---- tokens: printed into the shell by MkDocs/Material, replaced per page -------------

# The page's key (bulletin ID, month, product ID, year) in every URL of the shell: its own
# path, the alternate (language) links and a product's feed link. No key can contain it.
SHELL_ID = "pdshell0"
# The page title. Material prints ``page.title`` (from the Markdown's meta) unescaped into
# <title>, the header and the feed's title, so the glue hands Material the title escaped
# and the pouring puts in the title escaped the same way.
SHELL_TITLE = "PDTITLE0"
# The article's content. It contains "<h1" because Material adds a page title heading to
# content without one; poured content brings its own <h1>.
SHELL_CONTENT = "<!--PDCONTENT<h1-->"
# The title of the shell's only contents entry. The entry as Material rendered it
# (partials/toc-item.html) is cut out of the shell and becomes the template of every
# entry of a poured page: no copy of Material's markup here or in theme/.
SHELL_TOC = "PDTOC0"
# The anchor of that entry. Material's "skip to content" link points at the first contents
# entry, so this token stands for the first entry's anchor there and in the template.
SHELL_SKIP = "pdskip0"
# Where the entries go, once the template entry is cut out.
TOC_MARK = "<!--PDTOC-->"

# ---- the shells' frame ------------------------------------------------------------------

# Whether pages of a kind have a contents list. Material leaves out the list's frame
# (partials/toc.html: the "On this page" title and <ul>) and the skip link when a page has
# none, so a kind whose pages have none needs a shell without.
SHELL_HAS_TOC = {"bulletin": True, "release": True, "product": True, "cves_year": False}

# Material indents its templates' output; whitespace that holds a line break renders
# exactly as one line break, between tags and inside text alike (the chrome has no <pre> or
# <textarea>, which shell.py checks, and its inline scripts keep their line breaks).
# Collapsing it once per shell takes 2.6 kB off every poured page between tags (48 MB at
# 3,000 bulletins x 4 languages) and another ~2 kB inside the nav's and contents' labels (24 MB).
INDENT = re.compile(r"[ \t\r]*\n\s*")
# Elements whose whitespace is content: a shell holding one could not be collapsed.
VERBATIM = re.compile(r"<(pre|textarea)\b", re.I)

# ---- Material templates that theme/ overrides --------------------------------------------

# The override the glue looks for to tell that theme.custom_dir is this project's theme/.
THEME_FILE = "partials/toc.html"
THEME_MARK = "render/shell_contract.py"

# SHA-256 (first 16 hex digits) of Material's own template each override was written from (mkdocs-material 9.8.1).
# A newer Material that changes one of them fails tests/site/test_theme_overrides.py: carry
# the change over into the override, then put the new digest here.
UPSTREAM = {
    # a 404 page per language with its own lang, and a script that sends /<lang>/ readers there
    "404.html": "80c93494b5432b1b",
    # feeds on every page, noindex and the banner in previews (Material's extension point)
    "main.html": "9948b55a7bc979c3",
    # Material's storage-scope script from assets/patchday/scope.js instead of inline
    "partials/javascripts/base.html": "d6113712bc4deb30",
    # Material's content scripts only where pymdownx.tabbed can give them a tab to select
    "partials/javascripts/content.html": "3722e156f0f6339d",
    # the language menu: each language's name marked with its lang
    "partials/alternate.html": "572b1d4dae611aa5",
    # the footer line in the reader's language
    "partials/copyright.html": "bc86bca3bf75070f",
    # the header: a search box that sends the query to the language's search page
    "partials/header.html": "8cf3fb15bcf969ff",
    # the colour-scheme toggle named in the reader's language
    "partials/palette.html": "fb935107ae7d3d74",
    # the contents list: a <div> title where a page outside the nav has no __toc checkbox
    "partials/toc.html": "fde48f583563364b",
}

# Blocks of Material templates that an override (main.html) replaces: SHA-256 (first 16 hex
# digits) of the block's source in Material's template, from {% block name %} to its {% endblock %}.
UPSTREAM_BLOCKS = {
    # base.html's config: only the translations the enabled features read
    ("base.html", "config"): "b84001acaa9dc379",
}
