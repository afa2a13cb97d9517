"""`patchday footprint`: does a built site fit its host? Run before a deploy."""

from __future__ import annotations

import argparse
from pathlib import Path

from patchday.footprint import HOSTS, measure, report, verdict, verdicts


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("site", nargs="?", default="site", help="the built site folder (default: site)")
    p.add_argument("--host", action="append", choices=sorted(HOSTS), metavar="HOST",
                   help=f"exit 1 unless the site fits this host ({', '.join(HOSTS)}); repeatable. Without it every host is reported and the exit is 0")


def run(args: argparse.Namespace) -> int:
    site = Path(args.site)
    if not site.is_dir():
        print(f"patchday footprint: {site}: not a folder; build the site first (patchday build)")
        return 2
    fp = measure(site)
    chosen = [verdict(fp, HOSTS[h]) for h in args.host] if args.host else verdicts(fp)
    print(report(fp, chosen))
    return 0 if not args.host or all(v.fits for v in chosen) else 1
