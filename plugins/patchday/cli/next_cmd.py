"""`patchday next`: the coming patch days; `--is-today` for schedulers."""

from __future__ import annotations

import argparse
import datetime as dt

from patchday.cli.common import settings_and_root
from patchday.clock import as_of
from patchday.patchdays import is_patch_day, upcoming


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 1200:  # a hundred years of patch days; the calendar ends at 9999
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 1 to 1200")
    return value


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", help="ISO date-time to count from (default: PATCHDAY_AS_OF, SOURCE_DATE_EPOCH or now)")
    p.add_argument("--count", type=_count, default=3, help="how many patch days (1 to 1200)")
    p.add_argument("--is-today", action="store_true", help="exit 0 if as-of falls on a patch day, else 1")


def run(args: argparse.Namespace) -> int:
    settings, _ = settings_and_root(args)
    now = as_of(args.as_of)
    if args.is_today:
        today = is_patch_day(now, settings.release)
        print(f"{now.isoformat()}: {'patch day' if today else 'not patch day'}")
        return 0 if today else 1
    for moment in upcoming(now - dt.timedelta(seconds=1), settings.release, args.count):
        print(moment.isoformat())
    return 0
