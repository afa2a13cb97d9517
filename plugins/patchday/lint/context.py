"""What every lint rule gets: the corpus, the settings, and a way to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from patchday.diagnostics import Diagnostic, Severity
from patchday.load.corpus import Corpus, Loaded
from patchday.load.yaml_strict import Path
from patchday.model import Settings


@dataclass(slots=True)
class LintContext:
    corpus: Corpus
    settings: Settings
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(
        self,
        where: Loaded[Any],
        path: Path,
        code: str,
        message: str,
        hint: str,
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> None:
        line, column = where.doc.locate(path, key=key)
        self.diagnostics.append(
            Diagnostic(
                file=where.file,
                line=line,
                column=column,
                code=code,
                severity=severity,
                message=message,
                hint=hint,
                path=tuple(path),
            )
        )

    def warn(self, where: Loaded[Any], path: Path, code: str, message: str, hint: str, *, key: bool = False) -> None:
        self.report(where, path, code, message, hint, key=key, severity=Severity.WARNING)
