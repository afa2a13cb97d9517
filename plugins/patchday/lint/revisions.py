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
        for i, row in enumerate(b.affected):
            if row.update is None:
                continue
            for j, ref in enumerate(row.update.supersedes):
                if ref == b.id:
                    ctx.report(item, ("affected", i, "update", "supersedes", j), "PD606",
                               "a bulletin cannot supersede itself", "remove it")
