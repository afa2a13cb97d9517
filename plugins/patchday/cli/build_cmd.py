"""`patchday build`: the whole site (all languages, search index, exports) into a folder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from patchday import jobs
from patchday.cli.common import build_options
from patchday.clock import ClockError, parse_as_of
from patchday.settings_file import load_site


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", help="publish as of this ISO date-time (default: PATCHDAY_AS_OF, SOURCE_DATE_EPOCH or now)")
    p.add_argument("--preview", action="store_true", help="include drafts and embargoed bulletins; pages get noindex and a banner")
    p.add_argument("-d", "--site-dir", help="output folder (default: site_dir of mkdocs.yml)")
    p.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    p.add_argument("-v", "--verbose", action="store_true")


def apply_env(args: argparse.Namespace) -> int | None:
    """The plugin reads the publication moment and preview flag from the environment (see patchday.clock)."""
    if getattr(args, "as_of", None):
        try:
            os.environ["PATCHDAY_AS_OF"] = parse_as_of(args.as_of).isoformat()
        except ClockError as exc:
            print(f"patchday: {exc}", file=sys.stderr)
            return 2
    if args.preview:
        os.environ["PATCHDAY_PREVIEW"] = "1"
    if Path(getattr(args, "config", None) or "mkdocs.yml").exists():
        build_options(args)  # the plugin block, read as every command reads it: same keys, same errors
    return None


def run(args: argparse.Namespace) -> int:
    if (code := apply_env(args)) is not None:
        return code
    config = Path(args.config or "mkdocs.yml")
    if not config.exists():
        print(f"patchday build: {config}: no such file", file=sys.stderr)
        return 2
    _read_ahead(config)
    from patchday.mkdocs_plugin.run import BuildFailed, build_site

    try:
        build_site(config, site_dir=Path(args.site_dir) if args.site_dir else None, strict=args.strict, verbose=args.verbose)
    except BuildFailed as exc:
        print(f"patchday build: {exc}", file=sys.stderr)
        return 1
    finally:
        jobs.drop_ahead()
    return 0


def _read_ahead(config: Path) -> None:
    """The records are parsed while MkDocs is imported and reads its configuration (the plugin
    takes what the workers found: patchday.jobs.load_corpus). Settings were checked already."""
    settings, options, base = load_site(config)
    if options.enabled:
        jobs.read_ahead((base / settings.source).resolve())
