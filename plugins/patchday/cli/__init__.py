"""The `patchday` command. Each sub-command lives in its own module.

Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from patchday.clock import ClockError
from patchday.env import EnvError, check
from patchday.settings_file import SettingsError

# name -> (module, help). A run imports only the module of its own command:
# `patchday validate` on an unchanged corpus must not pay for the renderers.
COMMANDS = {
    "validate": ("validate", "check records; print file:line:col: severity CODE message, with a hint"),
    "new": ("new", "scaffold a draft bulletin with the next free ID and the next patch day"),
    "schema": ("schema_cmd", "write the record JSON Schemas (generated from the model) into schema/"),
    "translations": ("translations", "show bulletins x languages as ok, partial, missing or stale; --stamp marks translations current"),
    "footprint": ("footprint_cmd", "report a built site's size and file count against the limits of common hosts; --host makes it a check"),
    "next": ("next_cmd", "print the next patch days; with --is-today exit 0 only on patch day (vendor time zone)"),
    "build": ("build_cmd", "build the website, search index and exports (mkdocs build with the patchday plugin)"),
    "serve": ("serve_cmd", "serve a live preview that rebuilds when a bulletin YAML changes"),
    "cve-records": ("cve_records_cmd", "write one CVE JSON 5 CNA container per published CVE into a folder, for upload to CVE Services"),
    "release": ("release_cmd", "check that a monthly release is ready (--check), or build site/, a tarball, SHA256SUMS and manifest.json"),
}


def _chosen(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line, if any (options before it are skipped)."""
    args = iter(argv)
    for arg in args:
        if arg in ("--config", "-f"):
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the named command's module is imported (all of them without)."""
    chosen = _chosen(argv) if argv is not None else None
    p = argparse.ArgumentParser(prog="patchday", description="Security bulletins from YAML records.")
    p.add_argument("--config", "-f", metavar="MKDOCS_YML", help="site settings file (default: ./mkdocs.yml)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if chosen is None or name == chosen:
            try:
                module = importlib.import_module(f"patchday.cli.{module_name}")
            except ImportError:
                continue  # the site and release commands need the site extras
            module.add_arguments(sp)
            sp.set_defaults(run=module.run)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the program itself, not a caller in the same process
        _exit_without_teardown(_main(sys.argv[1:]))
    return _main(list(argv))


def _exit_without_teardown(code: int) -> None:
    """End the process without freeing its objects one by one.

    A build or a cold validation holds millions of objects (the corpus, the
    catalog); Python's teardown took 4.8 s of a 3,000-bulletin build, after
    everything was written. Nothing is left to do but flush the streams.
    """
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _main(argv: list[str]) -> int:
    args = parser(argv).parse_args(argv)
    if not hasattr(args, "run"):
        print(f"patchday {args.command}: this command needs the site packages (pip install -r requirements/run.txt)", file=sys.stderr)
        return 2
    try:
        check()  # every environment variable, read once: a bad one is named before anything runs
        return int(args.run(args))
    except (SettingsError, ClockError, EnvError) as exc:  # a bad setting, --as-of or environment variable
        print(f"patchday: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # e.g. an output folder that cannot be made: the file system's reason, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"patchday: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
