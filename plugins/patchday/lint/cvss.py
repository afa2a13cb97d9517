"""CVSS vectors parse with the `cvss` library; scores are computed, never typed."""

from __future__ import annotations

import functools

from cvss.exceptions import CVSSError

from patchday.lint.context import LintContext
from patchday.scoring import score3, score4


def check(ctx: LintContext) -> None:
    for item in ctx.corpus.bulletins:
        for i, v in enumerate(item.model.vulnerabilities):
            base = ("vulnerabilities", i, "cvss")
            if v.cvss is None:
                # Only a record imported from a source that gave no score may leave it out: a score is never invented.
                if not item.model.legacy:
                    ctx.report(item, ("vulnerabilities", i, "cve"), "PD503", f"{v.cve} has no CVSS vector",
                               "add cvss: {v3: ...} or {v4: ...}; only a record marked `legacy: true` may leave it out")
                continue
            if v.cvss.v3 is None and v.cvss.v4 is None:
                ctx.report(item, base, "PD503", f"{v.cve} has no CVSS vector", "give v3, v4, or both")
            if v.cvss.v3 is not None:
                problem = vector_problem(v.cvss.v3, 3)
                if problem:
                    ctx.report(item, base + ("v3",), "PD501", f"invalid CVSS 3.1 vector: {problem}",
                               "write it as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
            if v.cvss.v4 is not None:
                problem = vector_problem(v.cvss.v4, 4)
                if problem:
                    ctx.report(item, base + ("v4",), "PD502", f"invalid CVSS 4.0 vector: {problem}",
                               "write it as CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")


@functools.lru_cache(maxsize=65536)
def vector_problem(vector: str, major: int) -> str | None:
    # Cached: a corpus repeats the same vectors many times, and the answer depends
    # on the two arguments only. A vector that parses is scored, and kept for the catalog.
    prefix = "CVSS:3.1/" if major == 3 else "CVSS:4.0/"
    if not vector.startswith(prefix):
        return f"it must start with {prefix}"
    try:
        (score3 if major == 3 else score4)(vector)
    except CVSSError as exc:
        return str(exc)
    except Exception as exc:  # the library raises plain errors on some garbage
        return f"cannot be read ({type(exc).__name__})"
    return None
