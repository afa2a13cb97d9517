"""Read the ``patchday`` plugin block of mkdocs.yml without importing MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from patchday.model.site import BuildOptions, Settings, SettingsProblem, read_plugin_block


class SettingsError(Exception):
    """mkdocs.yml is missing, unreadable, or its patchday block is invalid."""


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name and !ENV tags; the patchday block does not need them."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_Tolerant.add_multi_constructor("", _ignore)


def plugin_block(config_file: Path) -> dict[str, Any]:
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    except OSError as exc:
        raise SettingsError(f"{config_file}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{config_file}: not UTF-8 text: {exc.reason}") from None
    except yaml.YAMLError as exc:
        raise SettingsError(f"{config_file}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file}: not a MkDocs configuration (a mapping of settings such as site_name and plugins)")
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: value} for name, value in plugins.items()]
    if not isinstance(plugins, list):
        raise SettingsError(f"{config_file}: plugins must be a list, such as `plugins: [patchday]`")
    for entry in plugins:
        if entry == "patchday":
            return {}
        if isinstance(entry, dict) and "patchday" in entry:
            block = entry["patchday"] or {}
            if not isinstance(block, dict):
                raise SettingsError(f"{config_file}: plugins.patchday must be a mapping of settings, such as `vendor: Contoso`")
            return dict(block)
    return {}


def load_site(config_file: Path | None) -> tuple[Settings, BuildOptions, Path]:
    """Settings, build options and the folder that paths in them are relative to.

    The block is read by :func:`patchday.model.site.read_plugin_block`, as the plugin
    reads it: every command accepts the same keys and refuses the same mistakes.
    """
    if config_file is None:
        candidate = Path("mkdocs.yml")
        if not candidate.exists():
            return Settings(), BuildOptions(), Path.cwd()
        config_file = candidate
    block = plugin_block(config_file)
    try:
        settings, options = read_plugin_block(block)
    except SettingsProblem as exc:
        raise SettingsError(f"{config_file}: plugins.patchday: {exc}") from None
    return settings, options, config_file.resolve().parent


def load_settings(config_file: Path | None) -> tuple[Settings, Path]:
    """Settings and the folder that paths in them are relative to."""
    settings, _, base = load_site(config_file)
    return settings, base
