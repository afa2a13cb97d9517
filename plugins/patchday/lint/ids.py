"""Bulletin IDs: pattern, file name, year folder, safe paths; CVEs once per bulletin (uniqueness: lint/across.py)."""

from __future__ import annotations

import re

from patchday.lint.across import safe_id
from patchday.lint.context import LintContext
from patchday.patchdays import local


def check(ctx: LintContext) -> None:
    pattern = re.compile(ctx.settings.id_pattern, re.ASCII)  # \d: 0-9, not every script's digits
    for item in ctx.corpus.bulletins:
        b = item.model
        if not safe_id(b.id):
            ctx.report(item, ("id",), "PD106", f"ID {b.id!r} is not safe to use as a file or URL name",
                       "use letters, digits and hyphens only")
            continue
        m = pattern.fullmatch(b.id)  # fullmatch: `$` in a pattern also matches before a final line break
        if not m:
            ctx.report(item, ("id",), "PD101", f"ID {b.id!r} does not match the ID pattern {ctx.settings.id_pattern}",
                       "run `patchday new` to get the next free ID")
        if b.id != item.source.stem:
            ctx.report(item, ("id",), "PD102", f"ID {b.id!r} does not match the file name {item.source.stem}.yaml",
                       f"rename the file to {b.id}.yaml, or fix the id")
        year = local(b.released, ctx.settings.release).year
        if item.source.folder != str(year):
            ctx.report(item, ("released",), "PD103",
                       f"released in {year}, but the file is in the {item.source.folder}/ folder",
                       f"move the file to {year}/")
        if m and "yy" in pattern.groupindex and m["yy"] and int(m["yy"]) != year % 100:
            ctx.report(item, ("id",), "PD107", f"ID {b.id!r} names the year {m['yy']}, but it is released in {year}",
                       f"use an ID of the {year} series")
        cves: dict[str, int] = {}
        for i, v in enumerate(b.vulnerabilities):
            if v.cve in cves:
                ctx.report(item, ("vulnerabilities", i, "cve"), "PD105",
                           f"{v.cve} is listed twice in this bulletin (also vulnerabilities[{cves[v.cve]}])",
                           "merge the two entries; one CVE appears once per bulletin")
            else:
                cves[v.cve] = i
