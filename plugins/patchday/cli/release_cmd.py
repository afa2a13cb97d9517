"""`patchday release YYYY-MM [--check]`: preflight a monthly release, or build its artifact."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

from patchday.catalog import build_catalog
from patchday.cli.common import build_options, settings_and_root
from patchday.env import flag
from patchday.jobs import load_corpus
from patchday.release.artifact import fixed_modes, manifest, sha256sums, tarball
from patchday.release.preflight import node_validator, preflight, render

VALIDATOR = Path(__file__).resolve().parents[3] / "tests" / "export" / "csaf_validate.mjs"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("month", help="the release, YYYY-MM")
    p.add_argument("--check", action="store_true", help="preflight only: print a report, exit 1 if not ready")
    p.add_argument("--out", default="dist", help="artifact folder (default: dist/)")
    p.add_argument("--no-csaf", action="store_true", help="skip the CSAF validator in the preflight")
    p.add_argument("--csaf-validator", default=str(VALIDATOR), help="node script that validates CSAF files")


def run(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.month):
        print(f"patchday release: {args.month!r} is not a month such as 2026-01", file=sys.stderr)
        return 2
    settings, root = settings_and_root(args)
    options = build_options(args)
    corpus = load_corpus(root)
    validator = None if args.no_csaf else node_validator(Path(args.csaf_validator))
    report = preflight(corpus, settings, args.month, validator=validator)
    if args.check:
        sys.stdout.write(render(report))
        return 0 if report.ready else 1
    if flag("PATCHDAY_PREVIEW") or options.preview:
        print("patchday release: refusing to package a preview build (PATCHDAY_PREVIEW or the plugin's preview is on)",
              file=sys.stderr)
        return 2
    if not report.ready:
        sys.stdout.write(render(report))
        print("patchday release: the release is not ready; fix the findings above", file=sys.stderr)
        return 1
    as_of = max([e.bulletin.released for e in report.entries])
    os.environ["PATCHDAY_AS_OF"] = as_of.isoformat()
    out = Path(args.out) / args.month
    if out.exists():
        shutil.rmtree(out)
    site = out / "site"
    from patchday.mkdocs_plugin.run import BuildFailed, build_site

    try:
        build_site(Path(args.config or "mkdocs.yml"), site_dir=site, strict=True, verbose=False)
    except BuildFailed as exc:  # the build's log has said why (file:line and a hint)
        print(f"patchday release: {exc}", file=sys.stderr)
        return 1
    home = site / "index.html"
    if home.exists() and 'name="robots" content="noindex"' in home.read_text(encoding="utf-8", errors="replace"):
        print("patchday release: the build is a preview build; refusing to package it", file=sys.stderr)
        return 2
    catalog = build_catalog(corpus, settings, as_of)
    tar = out / f"patchday-site-{args.month}.tar.gz"
    tarball(site, tar, mtime=as_of, prefix=f"site-{args.month}")
    man = out / "manifest.json"
    man.write_text(json.dumps(manifest(catalog, args.month), indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    (out / "SHA256SUMS").write_text(sha256sums([tar, man], out), encoding="utf-8")
    fixed_modes(out)
    print(f"release {args.month} as of {as_of.isoformat()}: {tar}, {man}, {out / 'SHA256SUMS'}")
    return 0
