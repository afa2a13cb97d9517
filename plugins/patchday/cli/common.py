"""Helpers shared by sub-commands: settings and the data folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from patchday.model import Settings
from patchday.settings_file import load_settings


def settings_and_root(args: argparse.Namespace) -> tuple[Settings, Path]:
    settings, base = load_settings(Path(args.config) if args.config else None)
    return settings, (base / settings.source)


def find_root(path: Path) -> Path | None:
    """The data folder a path belongs to: the nearest folder holding products.yaml."""
    here = path.resolve()
    for folder in [here, *here.parents] if here.is_dir() else list(here.parents):
        if (folder / "products.yaml").exists():
            return folder
    return None
