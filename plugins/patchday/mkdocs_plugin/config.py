"""The ``patchday`` block of mkdocs.yml.

Site settings are declared once, in :class:`patchday.model.site.Settings`;
this config accepts exactly those keys and the build options of
:class:`patchday.model.site.BuildOptions` (so MkDocs does not warn about them)
and leaves their validation to pydantic.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from patchday.model.site import BuildOptions, Settings
from patchday.render.shell_contract import THEME_FILE, THEME_MARK

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
    overrides (``theme/``, set as ``custom_dir``; see render/shell_contract.py).
    Without them the build would stop much later with a confusing error, or
    pour pages into a frame the shell contract was not checked against.
    """
    name = config.theme.name
    if name != "material":
        return f"theme.name is {name!r}: patchday's pages are Material pages; set theme.name: material"
    for folder in config.theme.dirs:  # the order Jinja looks in: custom_dir first
        partial = Path(folder) / THEME_FILE
        if partial.is_file():
            if THEME_MARK in partial.read_text(encoding="utf-8"):
                return None
            break
    return (f"the theme lacks patchday's overrides ({THEME_FILE} naming {THEME_MARK}); "
            "set theme.custom_dir to this project's theme/ folder")


def where(config_file: str | None, *keys: str) -> str:
    """``file:line`` of a setting in mkdocs.yml (or the file it INHERITs), e.g. ``where(f, "plugins", "i18n", "languages")``;
    the file alone when the setting is not written there (its default) or the line cannot be told."""
    path = Path(config_file or "mkdocs.yml")
    for _ in range(8):  # an INHERIT chain
        try:
            # compose, not load: the node positions without MkDocs' tags (!ENV, !relative) being resolved
            root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError):
            break
        node = _find(root, keys)
        if node is not None:
            return f"{_shown(path)}:{node.start_mark.line + 1}"
        inherit = _find(root, ("INHERIT",), value=True)
        if not isinstance(inherit, yaml.ScalarNode):
            break
        path = path.parent / inherit.value
    return _shown(Path(config_file or "mkdocs.yml"))


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _find(node: yaml.Node | None, keys: tuple[str, ...], *, value: bool = False) -> yaml.Node | None:
    """The key node of ``keys`` (its value node with ``value``); a plugin is found in a list or a mapping of plugins."""
    found = None
    for key in keys:
        if isinstance(node, yaml.SequenceNode):  # plugins: [- search, - i18n: {...}]
            items = [i for i in node.value if isinstance(i, yaml.MappingNode) and i.value and i.value[0][0].value == key]
            if not items:
                return None
            found, node = items[0].value[0]
        elif isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key]
            if not pairs:
                return None
            found, node = pairs[0]
        else:
            return None
    return node if value else found


def site_url_problem(config: MkDocsConfig, settings: Settings) -> str | None:
    """Why site_url and plugins.patchday.vendor_url cannot both be right, or None.

    MkDocs writes site_url into every page's canonical link and the sitemap;
    the feeds, CSAF documents, the API and security.txt use vendor_url. Two
    different sites would send readers and tools to different places.
    """
    if not config.site_url:
        return None
    site, vendor = urlsplit(config.site_url), urlsplit(settings.vendor_url)
    if (site.scheme, site.netloc.lower(), site.path.strip("/")) == (vendor.scheme, vendor.netloc.lower(), ""):
        return None
    file = config.config_file_path
    return (f"{where(file, 'site_url')}: site_url is {config.site_url} but plugins.patchday.vendor_url "
            f"is {settings.vendor_url} ({where(file, 'plugins', 'patchday', 'vendor_url')}): pages would "
            f"link to one and the feeds, CSAF and API to the other; set site_url to {settings.vendor_url.rstrip('/')}/")


def languages_problem(config: MkDocsConfig, settings: Settings) -> str | None:
    """Why the i18n plugin's languages and patchday's disagree, or None.

    patchday's ``languages`` (source language first) decide which pages exist;
    the i18n plugin builds the languages it lists. Both must name the same set.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None
    file = config.config_file_path
    built = [lang.locale for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), None)
    if sorted(built) != sorted(settings.languages):
        missing = [lang for lang in settings.languages if lang not in built]
        extra = [lang for lang in built if lang not in settings.languages]
        said = "; ".join(x for x in (f"not built by i18n: {', '.join(missing)}" if missing else "",
                                      f"built by i18n but not in patchday's languages: {', '.join(extra)}" if extra else "") if x)
        return (f"{where(file, 'plugins', 'i18n', 'languages')}: plugins.i18n.languages builds {built} but "
                f"plugins.patchday.languages ({where(file, 'plugins', 'patchday', 'languages')}) is {settings.languages} "
                f"({said}); list the same languages in both (each i18n entry with build: true)")
    if default is not None and default != settings.source_language:
        return (f"{where(file, 'plugins', 'i18n', 'languages')}: plugins.i18n's default language is {default} but "
                f"patchday's source language (the first of plugins.patchday.languages, "
                f"{where(file, 'plugins', 'patchday', 'languages')}) is {settings.source_language}; make them the same")
    return None
