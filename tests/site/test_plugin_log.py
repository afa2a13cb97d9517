"""The build log: errors one per line, other findings as one summary line."""

from __future__ import annotations

from patchday.diagnostics import Diagnostic, Severity
from patchday.mkdocs_plugin.plugin import _warning_summary


def _d(code: str, severity: Severity) -> Diagnostic:
    return Diagnostic("bulletins/2026/CX26-001.fr.yaml", 4, 8, code, severity, "message", "hint")


def test_warnings_are_summed_up_by_code():
    found = [_d("PD704", Severity.WARNING)] * 3 + [_d("PD601", Severity.WARNING), _d("PD100", Severity.ERROR)]
    summary = _warning_summary(found)
    assert summary.startswith("4 warning(s) in the records (PD601 x1, PD704 x3)")
    assert "patchday validate" in summary


def test_no_summary_without_warnings():
    assert _warning_summary([_d("PD100", Severity.ERROR)]) == ""
    assert _warning_summary([]) == ""
