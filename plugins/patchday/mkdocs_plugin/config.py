"""The ``patchday`` block of mkdocs.yml.

Site settings are declared once, in :class:`patchday.model.site.Settings`;
this config accepts exactly those keys and the build options of
:class:`patchday.model.site.BuildOptions` (so MkDocs does not warn about them)
and leaves their validation to pydantic.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from patchday.model.site import BuildOptions, Settings
from patchday.render.shell import TOC_MARK

# Every key is declared so that MkDocs passes it through untouched; what each may hold is
# decided by pydantic (patchday.model.site.read_plugin_block), exactly as for the commands
# that read mkdocs.yml themselves. Keys MkDocs does not know stay in the config too, and
# read_plugin_block refuses them.
PatchdayConfig = type(
    "PatchdayConfig",
    (Config,),
    {name: c.Optional(c.Type(object)) for name in [*BuildOptions.model_fields, *Settings.model_fields]},
)


def plugin_block(config: Config) -> dict[str, object]:
    """Every key of the block as written (declared or not), for read_plugin_block."""
    return dict(config.items())


def theme_problem(config: MkDocsConfig) -> str | None:
    """Why the site's theme cannot hold patchday's pages, or None.

    Pages are poured into shells that Material renders with this project's
    overrides (``theme/``, set as ``custom_dir``): its ``partials/toc-item.html``
    marks where each page's contents list goes. Without them the shells have no
    marker, and the build would stop much later with a confusing error.
    """
    name = config.theme.name
    if name != "material":
        return f"theme.name is {name!r}: patchday's pages are Material pages; set theme.name: material"
    for folder in config.theme.dirs:  # the order Jinja looks in: custom_dir first
        partial = Path(folder) / "partials" / "toc-item.html"
        if partial.is_file():
            if TOC_MARK in partial.read_text(encoding="utf-8"):
                return None
            break
    return ("the theme lacks patchday's overrides (partials/toc-item.html with its contents marker); "
            "set theme.custom_dir to this project's theme/ folder")
