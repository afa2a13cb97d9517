"""`patchday validate [PATHS]`: check records and print file:line:col diagnostics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patchday.cli.common import checked_corpus, find_root, settings_and_root
from patchday.diagnostics import Severity
from patchday.report import REPORTERS

HELP = "check records; print file:line:col: severity CODE message, with a hint"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="data folder, sub-folders or record files (default: the site's data folder)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")


def run(args: argparse.Namespace) -> int:
    settings, default_root = settings_and_root(args)
    targets = [Path(p) for p in args.paths] or [default_root]
    for t in targets:
        if not t.exists():
            print(f"patchday validate: {t}: no such file or folder", file=sys.stderr)
            return 2
    roots: dict[Path, list[Path]] = {}
    for t in targets:
        root = find_root(t) or (t.resolve() if t.is_dir() else t.resolve().parent)
        roots.setdefault(root, []).append(t.resolve())
    found = []
    files = 0
    for root, wanted in sorted(roots.items()):
        corpus, diagnostics = checked_corpus(root, settings)
        files += corpus.files
        whole = any(w == root for w in wanted)
        for d in diagnostics:
            if whole or any(_under(Path(d.file).resolve(), w) for w in wanted):
                found.append(d)
    sys.stdout.write(REPORTERS[args.format](found, files=files))
    failing = [d for d in found if d.severity is Severity.ERROR or args.strict]
    return 1 if failing else 0


def _under(path: Path, target: Path) -> bool:
    return path == target or target in path.parents
