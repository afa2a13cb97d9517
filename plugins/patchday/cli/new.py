"""`patchday new`: scaffold a draft bulletin with the next free ID on the next patch day."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from patchday.cli.common import settings_and_root
from patchday.clock import parse_as_of
from patchday.lint.placeholders import CVE_NUMBER, TODO
from patchday.jobs import load_corpus
from patchday.model import Settings
from patchday.patchdays import local, upcoming


# Its placeholders (TODO text, CVE number 0000) come from lint.placeholders, which reports each until replaced.
TEMPLATE = """\
# yaml-language-server: $schema=../../schema/bulletin.schema.json
schema_version: 1
id: {id}
title: "{title}"
summary: >-
  {todo}: one paragraph for administrators: what is affected, how bad it is,
  and what to install.
status: draft
released: {released}
affected:
  - product: {product}
    versions: [{versions}]
    severity: {severity}
    impact: rce
    no_fix:
      reason: {todo} - replace with `update:` (id, url, fixed, restart) when the update is ready.
      planned: true
vulnerabilities:
  - cve: CVE-{year}-{cve}
    title: "{todo} {product_name} vulnerability title"
    impact: rce
    severity:
      {product}: {severity}
    cvss:
      v3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
    publicly_disclosed: false
    exploited: false
    description: >-
      {todo}: what the flaw is and what an attacker could do.
revisions:
  - version: "1.0"
    date: {date}
    summary: Information published.
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--title", default=f"{TODO} title", help="bulletin title")
    p.add_argument("--product", help="product id from products.yaml (default: the first)")
    p.add_argument("--after", help="ISO date-time to count the next patch day from (default: now)")
    p.add_argument("--dry-run", action="store_true", help="print the record instead of writing it")


def next_id(existing: list[str], settings: Settings, year: int) -> str:
    pattern = re.compile(settings.id_pattern)
    numbers = [int(m["n"]) for i in existing if (m := pattern.match(i)) and "n" in m.groupdict() and int(m["yy"]) == year % 100]
    n = max(numbers, default=0) + 1
    # Rebuild from the default shape; a custom pattern must keep the yy and n groups.
    template = re.sub(r"\(\?P<yy>[^)]*\)", f"{year % 100:02d}", settings.id_pattern)
    template = re.sub(r"\(\?P<n>[^)]*\)", f"{n:03d}", template)
    candidate = template.strip("^$").replace("\\", "")
    if not pattern.match(candidate):
        raise ValueError(f"cannot derive an ID from the pattern {settings.id_pattern}")
    return candidate


def run(args: argparse.Namespace) -> int:
    settings, root = settings_and_root(args)
    corpus = load_corpus(root)
    if corpus.catalogue is None:
        print("patchday new: products.yaml is missing or invalid; run `patchday validate`", file=sys.stderr)
        return 2
    after = parse_as_of(args.after) if args.after else dt.datetime.now(dt.UTC)  # a bad one is a usage error
    release = upcoming(after, settings.release, 1)[0]
    products = {p.id: p for p in corpus.catalogue.model.products}
    product = products.get(args.product) if args.product else corpus.catalogue.model.products[0]
    if product is None:
        print(f"patchday new: unknown product {args.product!r}; known: {', '.join(products)}", file=sys.stderr)
        return 2
    day = local(release, settings.release).date()
    versions = [v.id for v in product.versions if v.supported_on(day)] or [product.versions[-1].id]
    existing = [b.model.id for b in corpus.bulletins] + [p.stem for p in root.glob("*/*.yaml") if "." not in p.stem]
    try:
        new_id = next_id(existing, settings, day.year)
    except ValueError as exc:
        print(f"patchday new: {exc}", file=sys.stderr)
        return 2
    text = TEMPLATE.format(
        id=new_id,
        title=args.title.replace('"', "'"),
        released=release.isoformat(),
        product=product.id,
        product_name=product.name,
        versions=", ".join(f'"{v}"' for v in versions),
        severity=settings.severities[0],
        year=day.year,
        date=day.isoformat(),
        todo=TODO,
        cve=CVE_NUMBER,
    )
    if args.dry_run:
        sys.stdout.write(text)
        return 0
    path = root / str(day.year) / f"{new_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as fh:
        fh.write(text)
    print(f"created {path} ({new_id}, patch day {day})")
    return 0
