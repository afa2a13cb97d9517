"""`patchday translations`: bulletins x languages as ok, partial, missing or stale; `--stamp` records hashes."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from patchday.cli.common import settings_and_root
from patchday.jobs import load_corpus
from patchday.load.corpus import Corpus
from patchday.model import Settings
from patchday.translate.fields import bulletin_texts, catalogue_texts, overlay_texts, text_hash
from patchday.translate.freshness import State, assess, latest_revision


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--stamp", nargs="+", metavar="OVERLAY", help="record source hashes + revision in these overlay files")
    p.add_argument("--only", choices=[s.value for s in State], help="show only this state")


def table(root: Path, settings: Settings) -> list[dict]:
    corpus = load_corpus(root)
    overlays = {(o.source.stem, o.source.lang): o for o in corpus.overlays}
    rows = []
    for item in sorted(corpus.bulletins, key=lambda i: i.model.id):
        row = {"id": item.model.id, "file": item.file, "languages": {}}
        for lang in settings.languages[1:]:
            o = overlays.get((item.model.id, lang))
            f = assess(item.model, o.model if o else None)
            row["languages"][lang] = {
                "state": str(f.state),
                "file": o.file if o else None,
                "stale": list(f.stale),
                "untranslated": list(f.untranslated) if o else [],
            }
        rows.append(row)
    return rows


def stamp(path: Path, corpus: Corpus) -> str:
    """Mark an overlay as translated from the current English text."""
    stem, dot, lang = path.name.removesuffix(".yaml").rpartition(".")
    if not dot or not path.name.endswith(".yaml"):
        raise FileNotFoundError(f"{path}: not a translation; name the overlay file, such as bulletins/2026/CX26-001.de.yaml")
    revision = None
    if stem == "products":  # the catalogue's names: hashes only, the catalogue has no revisions
        overlay = next((o for o in corpus.catalogue_overlays if o.source.lang == lang), None)
        if corpus.catalogue is None or overlay is None:
            raise FileNotFoundError(f"{path}: no such overlay or English products.yaml (run `patchday validate`)")
        english = catalogue_texts(corpus.catalogue.model)
    else:
        source = next((b for b in corpus.bulletins if b.model.id == stem), None)
        overlay = next((o for o in corpus.overlays if o.source.stem == stem and o.source.lang == lang), None)
        if source is None or overlay is None:
            raise FileNotFoundError(f"{path}: no such overlay or English bulletin (run `patchday validate`)")
        english = bulletin_texts(source.model)
        revision = latest_revision(source.model)
    hashes = {k: text_hash(english[k]) for k in overlay_texts(overlay.model) if k in english}
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    out, skipping = [], False
    for line in lines:
        if skipping:
            if line.startswith((" ", "\t")) or line == "":
                continue
            skipping = False
        if line.startswith("source_hashes:"):
            skipping = True
            continue
        if line.startswith("source_revision:") and revision is not None:
            line = f'source_revision: "{revision}"'
        out.append(line)
    body = "\n".join(out).rstrip("\n")
    # Quoted by hand: a hex hash such as 948016703e78 would otherwise read as a number.
    dumped = "source_hashes:\n" + "".join(f"  {json.dumps(k)}: {json.dumps(v)}\n" for k, v in sorted(hashes.items()))
    return body + "\n" + dumped


def run(args: argparse.Namespace) -> int:
    settings, root = settings_and_root(args)
    if args.stamp:
        corpus = load_corpus(root)  # once: each stamp only reads the English and its own overlay
        for name in args.stamp:
            path = Path(name)
            try:
                path.write_text(stamp(path, corpus), encoding="utf-8")
            except (OSError, FileNotFoundError, ValueError) as exc:
                print(f"patchday translations: {exc}", file=sys.stderr)
                return 2
            print(f"stamped {path}")
        return 0
    rows = table(root, settings)
    if args.only:
        rows = [r for r in rows if any(v["state"] == args.only for v in r["languages"].values())]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        langs = settings.languages[1:]
        print(f"{'bulletin':<12}" + "".join(f"{lang:<10}" for lang in langs))
        for r in rows:
            print(f"{r['id']:<12}" + "".join(f"{r['languages'][lang]['state']:<10}" for lang in langs))
        totals = {s.value: sum(1 for r in rows for v in r["languages"].values() if v["state"] == s.value) for s in State}
        print("totals: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    bad = any(v["state"] in ("stale", "missing") for r in rows for v in r["languages"].values())
    return 1 if bad else 0
