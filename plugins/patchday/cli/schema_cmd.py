"""`patchday schema`: write the JSON Schemas generated from the models."""

from __future__ import annotations

import argparse
from pathlib import Path

from patchday.schema import SCHEMAS, render

HELP = "write the record JSON Schemas (generated from the model) into schema/"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="schema", help="folder to write to (default: schema/)")
    p.add_argument("--check", action="store_true", help="do not write; exit 1 if the committed files differ")


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
    for path in drift:
        print(f"{path}: out of date with the model; run `patchday schema`")
    return 1 if drift else 0
