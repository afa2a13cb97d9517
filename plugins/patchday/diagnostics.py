"""Diagnostics are data: every check returns these, only reporters print them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem in one file.

    ``path`` is the field path inside the record, e.g.
    ``("vulnerabilities", 0, "cvss", "v3")``; ``line`` and ``column`` are 1-based.
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field()
    hint: str = field(default="")
    path: tuple[str | int, ...] = field(default=(), compare=False)

    @property
    def dotted_path(self) -> str:
        out = ""
        for part in self.path:
            if isinstance(part, int):
                out += f"[{part}]"
            else:
                out += ("." if out else "") + str(part)
        return out

    def one_line(self) -> str:
        """As a build log prints it: ``file:line:col: severity CODE message (hint: ...)``."""
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}" + (
            f" (hint: {self.hint})" if self.hint else "")

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.dotted_path,
            "message": self.message,
            "hint": self.hint,
        }


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
