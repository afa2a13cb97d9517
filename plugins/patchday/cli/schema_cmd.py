"""`patchday schema`: write the JSON Schemas generated from the models."""

from __future__ import annotations

import argparse
from pathlib import Path

from patchday.schema import SCHEMAS, render


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="schema", help="folder to write to (default: schema/)")
    p.add_argument("--check", action="store_true", help="do not write; exit 1 if the committed files differ")
    p.add_argument("--readme", metavar="README", help="also rewrite the field reference in this README")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    drift = []
    for name in SCHEMAS:
        path = out / name
        fresh = render(name)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != fresh:
                drift.append(path)
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(fresh, encoding="utf-8")
            print(f"wrote {path}")
    if args.readme:
        from patchday.fieldref import splice

        readme = Path(args.readme)
        current = readme.read_text(encoding="utf-8")
        fresh_readme = splice(current)
        if args.check and fresh_readme != current:
            drift.append(readme)
        elif not args.check and fresh_readme != current:
            readme.write_text(fresh_readme, encoding="utf-8")
            print(f"wrote field reference into {readme}")
    for path in drift:
        print(f"{path}: out of date with the model; run `patchday schema`")
    return 1 if drift else 0
