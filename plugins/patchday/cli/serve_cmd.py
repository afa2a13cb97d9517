"""`patchday serve`: live preview; rebuilds when a record, page or theme file changes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patchday.cli.build_cmd import apply_env


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--preview", action="store_true", help="include drafts and embargoed bulletins")
    p.add_argument("--as-of", help="publish as of this ISO date-time")
    p.add_argument("-a", "--dev-addr", help="IP:PORT to serve on (default 127.0.0.1:8000)")
    p.add_argument("-v", "--verbose", action="store_true")


def run(args: argparse.Namespace) -> int:
    if (code := apply_env(args)) is not None:
        return code
    config = Path(args.config or "mkdocs.yml")
    if not config.exists():
        print(f"patchday serve: {config}: no such file", file=sys.stderr)
        return 2
    from patchday.mkdocs_plugin.run import serve_site

    serve_site(config, dev_addr=args.dev_addr, verbose=args.verbose)
    return 0
