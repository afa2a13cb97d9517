"""Release dates: patch day unless out of band; withdrawn needs its block."""

from __future__ import annotations

from patchday.lint.context import LintContext
from patchday.model import Status
from patchday.patchdays import is_patch_day, local, patch_datetime


def check(ctx: LintContext) -> None:
    rule = ctx.settings.release
    for item in ctx.corpus.bulletins:
        b = item.model
        here = local(b.released, rule)
        expected = patch_datetime(here.year, here.month, rule)
        if b.out_of_band is None:
            if not is_patch_day(b.released, rule):
                ctx.report(item, ("released",), "PD201",
                           f"{here.date()} is not patch day; the {here:%B %Y} patch day is {expected.date()}",
                           f"set released: {expected.isoformat()}, or add out_of_band with a reason")
            elif here.time() != expected.time():
                ctx.report(item, ("released",), "PD205",
                           f"released at {here:%H:%M} {rule.timezone}, but patch-day releases go out at {rule.time}",
                           f"set released: {expected.isoformat()}")
        elif is_patch_day(b.released, rule):
            ctx.warn(item, ("out_of_band",), "PD202", "marked out of band, but it is released on patch day",
                     "remove out_of_band, or correct the release date")
        if b.status is Status.WITHDRAWN and b.withdrawn is None:
            ctx.report(item, ("status",), "PD203", "a withdrawn bulletin needs a `withdrawn` block",
                       "add withdrawn: {date: YYYY-MM-DD, reason: ...}")
        if b.withdrawn is not None and b.status is not Status.WITHDRAWN:
            ctx.report(item, ("withdrawn",), "PD204", f"`withdrawn` is given but the status is {b.status}",
                       "set status: withdrawn, or remove the withdrawn block")
        if b.withdrawn is not None and b.withdrawn.date < here.date():
            ctx.report(item, ("withdrawn", "date"), "PD206", "withdrawn before it was released",
                       "the withdrawal date is on or after the release date")
