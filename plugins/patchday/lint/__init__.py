"""Stage 2 of validation: rules over whole records and across the corpus.

Each rule module in ``RULES`` has ``check(ctx)`` and looks at one record at a
time (with its translations, the catalogue and the settings); the registry
order is the order rules run in, which only affects report order. The rules
that compare bulletins with each other live in :mod:`patchday.lint.across`
and read facts, so that the validation cache (:mod:`patchday.lint.cache`)
can replay the rest per record. The rule modules are imported on first use:
a cached run on an unchanged corpus needs none of them.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Collection, Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from patchday.diagnostics import Diagnostic

if TYPE_CHECKING:
    from patchday.load.corpus import Corpus
    from patchday.load.yaml_strict import Path
    from patchday.model import Settings

_RULE_NAMES = ("ids", "dates", "coverage", "identity", "severity", "cvss", "revisions", "translations", "markup", "placeholders",
               "products")


def rules(names: Collection[str] = _RULE_NAMES) -> tuple[ModuleType, ...]:
    """The rule modules named, in the registry's order."""
    return tuple(importlib.import_module(f"patchday.lint.{name}") for name in _RULE_NAMES if name in names)


def __getattr__(name: str) -> Any:
    if name == "RULES":
        return rules()
    raise AttributeError(f"module 'patchday.lint' has no attribute {name!r}")


def record_rules(corpus: Corpus, settings: Settings, *, leave_out: Collection[str] = ()) -> list[Diagnostic]:
    """Stage-1 diagnostics and every rule that judges one record (with its translations) on its own,
    but those named in ``leave_out`` (see :func:`rules_alone`)."""
    return corpus.diagnostics + _run(corpus, settings, [n for n in _RULE_NAMES if n not in leave_out])


def rules_alone(corpus: Corpus, settings: Settings, names: Collection[str]) -> list[Diagnostic]:
    """What the record rules in ``names`` find, alone: for a caller that left them out of :func:`lint`.

    A build lints in a process of its own, started before the catalog; the translations rule
    judges every translation's freshness, which the catalog works out for its outputs anyway.
    The build leaves that rule out there and runs it here once the catalog has: 0.08 instead
    of 1.1 CPU-s at 3,000 bulletins. The findings are the same; :func:`ordered` merges them."""
    return _run(corpus, settings, names)


def _run(corpus: Corpus, settings: Settings, names: Collection[str]) -> list[Diagnostic]:
    from patchday.lint.context import LintContext

    ctx = LintContext(corpus=corpus, settings=settings)
    for rule in rules(names):
        rule.check(ctx)
    return ctx.diagnostics


def ordered(found: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(dict.fromkeys(found), key=lambda d: (d.file, d.line, d.column, d.code, d.message))


def lint(corpus: Corpus, settings: Settings, *, as_of: dt.datetime | None = None,
         leave_out: Collection[str] = ()) -> list[Diagnostic]:
    """Run every rule; return stage-1 and stage-2 diagnostics, sorted by place.

    ``as_of`` is the moment a build publishes as of: given, the rules that keep a
    record's future out of that build run too (see :mod:`patchday.lint.across`).
    ``leave_out`` names record rules the caller runs itself (:func:`rules_alone`).
    """
    from patchday.lint import across

    all_facts, loaded = across.collect(corpus, settings)

    def locate(file: str, path: Path) -> tuple[int, int]:
        return loaded[file].doc.locate(path)

    found = record_rules(corpus, settings, leave_out=leave_out)
    found += across.check(all_facts, settings, locate, as_of)
    return ordered(found)
