"""Revision history: increasing versions, dates that never go back; no bulletin supersedes itself."""

from __future__ import annotations

from patchday.lint.context import LintContext
from patchday.model import Status
from patchday.patchdays import local


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def check(ctx: LintContext) -> None:
    for item in ctx.corpus.bulletins:
        b = item.model
        release_day = local(b.released, ctx.settings.release).date()
        if b.status in (Status.FINAL, Status.WITHDRAWN) and not b.revisions:
            ctx.report(item, ("status",), "PD604", f"a {b.status} bulletin needs at least one revision",
                       f'add revisions: [{{version: "1.0", date: {release_day}, summary: Information published.}}]')
        for i, rev in enumerate(b.revisions):
            path = ("revisions", i)
            if i == 0 and rev.date != release_day:
                ctx.report(item, path + ("date",), "PD603",
                           f"the first revision is dated {rev.date}, but the bulletin is released on {release_day}",
                           f"date the first revision {release_day}")
            if i > 0:
                prev = b.revisions[i - 1]
                if _number(rev.version) <= _number(prev.version):
                    ctx.report(item, path + ("version",), "PD601",
                               f"revision {rev.version} does not come after {prev.version}",
                               "number revisions in increasing order, newest last")
                if rev.date < prev.date:
                    ctx.report(item, path + ("date",), "PD602",
                               f"revision {rev.version} is dated {rev.date}, before revision {prev.version} ({prev.date})",
                               "dates never go back; list revisions oldest first")
        # Exploitation found after release: the date is after the release and a revision tells readers.
        for i, v in enumerate(b.vulnerabilities):
            since = v.exploited_since
            if since is None:
                continue
            path = ("vulnerabilities", i, "exploited_since")
            if since < release_day:
                ctx.report(item, path, "PD610",
                           f"{v.cve} was exploited since {since}, before the release on {release_day}",
                           "exploitation known at release is `exploited: true`; exploited_since is for what was found later")
            elif not any(rev.date >= since for rev in b.revisions):
                ctx.report(item, path, "PD611",
                           f"{v.cve} is exploited since {since}, but no revision on or after that date says so",
                           f'add a revision, e.g. {{version: "2.0", date: {since}, summary: Exploitation detected.}}')
        for i, row in enumerate(b.affected):
            if row.update is None:
                continue
            for j, ref in enumerate(row.update.supersedes):
                if ref == b.id:
                    ctx.report(item, ("affected", i, "update", "supersedes", j), "PD606",
                               "a bulletin cannot supersede itself", "remove it")
