"""`patchday cve-records`: one CVE JSON 5 CNA container per published CVE, for a CNA's upload step."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patchday.cli.common import settings_and_root
from patchday.clock import as_of


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", help="publish as of this ISO date-time (default: PATCHDAY_AS_OF, SOURCE_DATE_EPOCH or now)")
    p.add_argument("-d", "--dir", default="cve-records", help="output folder (default: ./cve-records)")


def run(args: argparse.Namespace) -> int:
    from patchday.catalog import build_catalog
    from patchday.diagnostics import has_errors
    from patchday.export.common import dumps
    from patchday.export.cve_record import records
    from patchday.lint import lint
    from patchday.jobs import load_corpus

    settings, root = settings_and_root(args)
    moment = as_of(args.as_of)
    corpus = load_corpus(root)
    problems = lint(corpus, settings)
    if has_errors(problems):
        # The same gate as a build: a record that does not validate is never sent anywhere.
        errors = [d for d in problems if str(d.severity) == "error"]
        for d in errors:
            print(d.one_line(), file=sys.stderr)
        print(f"patchday cve-records: {len(errors)} error(s) in the records; nothing written", file=sys.stderr)
        return 1
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    made = records(build_catalog(corpus, settings, moment))
    for cve, container in made.items():
        (out / f"{cve}.json").write_bytes(dumps(container))
    print(f"{len(made)} CVE record(s) as of {moment.isoformat()} in {out}/"
          + ("" if settings.cna_org_id else " (no cna_org_id set: the upload client adds providerMetadata)"))
    return 0
