"""Stage 2 of validation: rules over whole records and across the corpus.

Each rule module has ``check(ctx)`` and reports diagnostics as data; the
registry order is the order rules run in, which only affects report order.
"""

from __future__ import annotations

from patchday.diagnostics import Diagnostic
from patchday.lint import catalogue, coverage, cvss, dates, ids, markup, revisions, severity, translations
from patchday.lint.context import LintContext
from patchday.load.corpus import Corpus
from patchday.model import Settings

RULES = (ids, dates, coverage, severity, cvss, revisions, translations, markup, catalogue)


def lint(corpus: Corpus, settings: Settings) -> list[Diagnostic]:
    """Run every rule; return stage-1 and stage-2 diagnostics, sorted by place."""
    ctx = LintContext(corpus=corpus, settings=settings)
    for rule in RULES:
        rule.check(ctx)
    found = corpus.diagnostics + ctx.diagnostics
    return sorted(dict.fromkeys(found), key=lambda d: (d.file, d.line, d.column, d.code, d.message))
