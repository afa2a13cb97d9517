"""Write the example corpus into bulletins/.

    python tools/example_corpus/generate.py [--out bulletins]

Deterministic: the same seed gives the same files. The folder is replaced.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from catalogue import products_document  # noqa: E402
from notes import NOTE_OVERLAYS, note_specs, notes_document, notes_overlay  # noqa: E402
from plan import build_corpus  # noqa: E402
from render import LANGS, bulletin_document, overlay_document  # noqa: E402
from write import write  # noqa: E402

ROOT = HERE.parent.parent
TRANSLATIONS = ("de", "fr", "ja")


def _shape(value, path=""):
    if isinstance(value, dict):
        return {f"{path}/{k}" for k in value} | {p for k, v in value.items() for p in _shape(v, f"{path}/{k}")}
    if isinstance(value, (tuple, list)):
        return {f"{path}#{len(value)}"}
    return set()


def check_templates() -> None:
    """Every language has exactly the English keys (and tuple lengths)."""
    en = _shape(LANGS["en"])
    for lang in TRANSLATIONS:
        other = _shape(LANGS[lang])
        if other != en:
            raise SystemExit(f"text_{lang}: missing {sorted(en - other)[:5]}, extra {sorted(other - en)[:5]}")


def check_cvss(specs: list[dict]) -> None:
    from cvss import CVSS3, CVSS4

    from pools import v4_from_v3
    for s in specs:
        for v in s["vulns"]:
            CVSS3("CVSS:3.1/" + v["v3"])
            CVSS4("CVSS:4.0/" + v4_from_v3(v["v3"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "bulletins"))
    ap.add_argument("--seed", type=int, default=20260113)
    args = ap.parse_args()
    out = Path(args.out)
    check_templates()
    corpus = build_corpus(args.seed)
    specs, missing = corpus["specs"], corpus["missing"]
    check_cvss(specs)
    if out.exists():
        shutil.rmtree(out)
    write(out / "products.yaml", products_document(), "../schema/products.schema.json")
    overlays = Counter()
    for spec in specs:
        folder = out / str(spec["released"].year)
        write(folder / f"{spec['id']}.yaml", bulletin_document(spec), "../../schema/bulletin.schema.json")
        for lang in TRANSLATIONS:
            if (spec["id"], lang) in missing:
                continue
            write(folder / f"{spec['id']}.{lang}.yaml", overlay_document(spec, lang), "../../schema/overlay.schema.json")
            overlays[lang] += 1
    notes = note_specs(specs)
    for ym, items in notes.items():
        name = f"{ym[0]}-{ym[1]:02d}"
        write(out / "releases" / f"{name}.yaml", notes_document(ym, items), "../../schema/release-notes.schema.json")
        for lang in NOTE_OVERLAYS.get(ym, []):
            write(out / "releases" / f"{name}.{lang}.yaml", notes_overlay(items, lang),
                  "../../schema/release-notes-overlay.schema.json")
    cves = {v["cve"] for s in specs for v in s["vulns"]}
    months = sorted({s["month"] for s in specs})
    print(f"months {len(months)} ({months[0]}..{months[-1]}), bulletins {len(specs)}, CVEs {len(cves)}, "
          f"release notes {len(notes)}")
    print("CVEs per bulletin:", dict(sorted(Counter(len(s["vulns"]) for s in specs).items())))
    print("overlays:", dict(overlays))
    print("stale:", corpus["stale"])
    print("missing:", sorted(missing))
    print("out of band:", [s["id"] for s in specs if s["oob"]])
    print("withdrawn:", [s["id"] for s in specs if s["status"] == "withdrawn"])
    print("exploited:", [(s["id"], v["cve"]) for s in specs for v in s["vulns"] if v["exploited"]])
    print("no_fix:", [(s["id"], r["product"], r["versions"]) for s in specs for r in s["affected"] if "no_fix" in r])


if __name__ == "__main__":
    main()
