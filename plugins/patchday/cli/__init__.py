"""The `patchday` command. Each sub-command lives in its own module.

Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from patchday.cli import new, next_cmd, schema_cmd, translations, validate
from patchday.settings_file import SettingsError

COMMANDS = {"validate": validate, "new": new, "schema": schema_cmd, "translations": translations, "next": next_cmd}


def _optional_commands() -> dict:
    # Site and release commands pull in the renderers; load them only if present.
    out = {}
    for name, module in (("build", "build_cmd"), ("serve", "serve_cmd"), ("release", "release_cmd")):
        try:
            out[name] = __import__(f"patchday.cli.{module}", fromlist=["run"])
        except ImportError:
            continue
    return out


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="patchday", description="Security bulletins from YAML records.")
    p.add_argument("--config", "-f", metavar="MKDOCS_YML", help="site settings file (default: ./mkdocs.yml)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in {**COMMANDS, **_optional_commands()}.items():
        sp = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sp)
        sp.set_defaults(run=module.run)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SettingsError as exc:
        print(f"patchday: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
