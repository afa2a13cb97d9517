"""`patchday validate [PATHS]`: check records and print file:line:col diagnostics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patchday import clock, jobs
from patchday.cli.common import find_root, settings_and_root
from patchday.diagnostics import Severity
from patchday.lint import cache
from patchday.report import REPORTERS


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="data folder, sub-folders or record files (default: the site's data folder)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")
    p.add_argument("--no-cache", action="store_true",
                   help="check every record again instead of replaying the verdict on unchanged ones "
                        "(cache: .patchday-cache/ beside the data folder, or $PATCHDAY_CACHE_DIR)")
    p.add_argument("--as-of", help="judge what a build as of this ISO moment would publish "
                                   "(default: PATCHDAY_AS_OF, SOURCE_DATE_EPOCH or now)")


def run(args: argparse.Namespace) -> int:
    settings, default_root = settings_and_root(args)
    try:
        moment = clock.as_of(args.as_of)
    except clock.ClockError as exc:
        print(f"patchday validate: {exc}", file=sys.stderr)
        return 2
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
        outcome = cache.validate(root, settings, cache_dir=None if args.no_cache else cache.default_dir(root),
                                 as_of=moment, load=jobs.load_corpus)
        files += outcome.files
        diagnostics = outcome.diagnostics
        whole = any(w == root for w in wanted)
        for d in diagnostics:
            if whole or any(_under(Path(d.file).resolve(), w) for w in wanted):
                found.append(d)
    sys.stdout.write(REPORTERS[args.format](found, files=files))
    failing = [d for d in found if d.severity is Severity.ERROR or args.strict]
    return 1 if failing else 0


def _under(path: Path, target: Path) -> bool:
    return path == target or target in path.parents
