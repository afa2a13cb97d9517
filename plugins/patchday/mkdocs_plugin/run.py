"""Run MkDocs from the patchday CLI (so the CLI itself never imports MkDocs)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

# MkDocs 1.6.1 prints an end-of-life banner on import unless told not to.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _setup_logging(verbose: bool) -> None:
    log = logging.getLogger("mkdocs")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.DEBUG if verbose else logging.INFO)


class BuildFailed(Exception):
    """The engine stopped the build with a message for the publisher (configuration, plugin, abort)."""


def build_site(config_file: Path, *, site_dir: Path | None = None, strict: bool = False, verbose: bool = False) -> None:
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    try:
        _build(config_file, site_dir=site_dir, strict=strict, verbose=verbose)
    except (PluginError, ConfigurationError, Abort) as exc:
        raise BuildFailed(str(exc)) from None


def _build(config_file: Path, *, site_dir: Path | None, strict: bool, verbose: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _setup_logging(verbose)
    overrides: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    cfg = load_config(str(config_file), **overrides)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def serve_site(config_file: Path, *, dev_addr: str | None = None, verbose: bool = False) -> None:
    from mkdocs.commands.serve import serve

    _setup_logging(verbose)
    kwargs: dict[str, object] = {}
    if dev_addr:
        kwargs["dev_addr"] = dev_addr
    serve(str(config_file), livereload=True, **kwargs)
