"""The ``patchday`` block of mkdocs.yml.

Site settings are declared once, in :class:`patchday.model.site.Settings`;
this config accepts exactly those keys (so MkDocs does not warn about them)
and leaves their validation to pydantic. Build options of the plugin itself
come first.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from patchday.model.site import Settings
from patchday.render.shell import TOC_MARK

# Plugin options that are not site settings.
_OWN = {
    "enabled": c.Type(bool, default=True),
    # Include drafts and embargoed bulletins; also PATCHDAY_PREVIEW=1.
    "preview": c.Type(bool, default=False),
    # Build the Pagefind search index after the site (skip for fast previews).
    "search_index": c.Type(bool, default=True),
    # Worker processes for bulletin pages; 0 = one per CPU.
    "workers": c.Type(int, default=0),
    # Log lint warnings (e.g. stale translations) as MkDocs warnings, which
    # makes `mkdocs build --strict` fail on them. Off: one info line sums them up
    # by code (each is listed at debug level, `--verbose`),
    # because a stale translation is a state the site shows, not a build error.
    "strict_lint": c.Type(bool, default=False),
}

PatchdayConfig = type(
    "PatchdayConfig",
    (Config,),
    {**_OWN, **{name: c.Optional(c.Type(object)) for name in Settings.model_fields}},
)


def settings_dict(config: Config) -> dict[str, object]:
    """The given site-setting keys, for Settings.model_validate."""
    return {k: v for k, v in config.items() if k in Settings.model_fields and v is not None}


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
