"""Helpers shared by sub-commands: settings and the data folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from patchday.model.site import BuildOptions, Settings
from patchday.settings_file import load_site


def settings_and_root(args: argparse.Namespace) -> tuple[Settings, Path]:
    settings, _, base = load_site(Path(args.config) if args.config else None)
    return settings, (base / settings.source)


def build_options(args: argparse.Namespace) -> BuildOptions:
    """The plugin's own options (preview, workers, ...), read and checked as every command reads them."""
    return load_site(Path(args.config) if args.config else None)[1]


def find_root(path: Path) -> Path | None:
    """The data folder a path belongs to: the nearest folder holding products.yaml."""
    here = path.resolve()
    for folder in [here, *here.parents] if here.is_dir() else list(here.parents):
        if (folder / "products.yaml").exists():
            return folder
    return None
