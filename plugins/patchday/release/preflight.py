"""Is a monthly release ready to go out? Findings are data; the CLI prints them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from patchday.catalog import Catalog, Entry, build_catalog
from patchday.diagnostics import Diagnostic, Severity
from patchday.lint import lint
from patchday.load.corpus import Corpus
from patchday.model import Settings, Status
from patchday.translate.freshness import State, assess

FAR_FUTURE = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)
EMBARGO_RULES = frozenset({"PD607", "PD608", "PD609", "PD612"})


@dataclass(frozen=True, slots=True)
class Finding:
    check: str  # status | translation | coverage | validation | embargo | csaf
    bulletin: str
    file: str
    message: str
    field: str = ""


@dataclass(slots=True)
class Report:
    month: str
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    csaf_checked: int = 0
    csaf_skipped: bool = False  # --no-csaf: said so in the report, not shown as passed

    @property
    def ready(self) -> bool:
        return bool(self.entries) and not self.findings


CsafValidator = Callable[[list[Path]], dict[str, list[str]]]


RUN_FAILED = "(validator)"  # the key under which a validator that could not judge says why


def node_validator(script: Path) -> CsafValidator:
    """Run @secvisogram/csaf-validator-lib through the project's node script.

    Fails closed: unless the script gave a verdict on every file and its closing
    summary, the validator did not run (e.g. its modules are missing), and that is
    a problem, never a pass.
    """

    def validate(files: list[Path]) -> dict[str, list[str]]:
        node = shutil.which("node")
        if node is None or not script.exists():
            missing = "node" if node is None else str(script)
            return {RUN_FAILED: [f"the CSAF validator is not installed ({missing} not found; run `make test-deps`)"]}
        r = subprocess.run([node, str(script), *map(str, files)], capture_output=True, text=True, check=False)
        problems: dict[str, list[str]] = {}
        judged: set[str] = set()
        summary = False
        for line in r.stdout.splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(row, dict):
                continue
            if row.get("summary"):
                summary = True
                continue
            judged.add(str(row.get("file")))
            if not row.get("isValid"):
                problems[row["file"]] = [f"{e.get('test', '')} {e.get('instancePath', '')}: {e.get('message', '')}".strip()
                                         for e in row.get("errors", [])] or ["invalid"]
        unjudged = [f for f in files if str(f) not in judged]
        if r.returncode not in (0, 1) or not summary or unjudged:
            problems.setdefault(RUN_FAILED, []).append(
                f"the CSAF validator could not run ({len(unjudged)} of {len(files)} document(s) unchecked): "
                f"{_reason(r.stderr) or f'exit {r.returncode}'} (run `make test-deps`)")
        return problems

    return validate


def _reason(stderr: str) -> str:
    """The line of a failed run that says what went wrong (Node prints a stack around it)."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if "Error" in line and not line.startswith("at "):
            return line[:300]
    return lines[0][:300] if lines else ""


def _by_file(diagnostics: list[Diagnostic], files: set[str]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR and d.file in files]


def preflight(corpus: Corpus, settings: Settings, month: str, *, validator: CsafValidator | None) -> Report:
    catalog = build_catalog(corpus, settings, FAR_FUTURE, preview=True)
    report = Report(month=month)
    release = catalog.releases.get(month)
    if release is None:
        return report
    report.entries = list(release.entries)
    # The release publishes as of its last bulletin's time (see cli/release_cmd.py): the
    # embargo rules that need a moment (PD608, PD609, PD612) judge the corpus as of then, and a
    # finding in any record stops it, since the build of that release would refuse it.
    as_of = max(e.bulletin.released for e in report.entries)
    overlay_files = {(o.source.stem, o.source.lang): o.file for o in corpus.overlays}
    files = {e.file for e in report.entries} | {f for (stem, _), f in overlay_files.items() if stem in {e.id for e in report.entries}}
    diagnostics = lint(corpus, settings, as_of=as_of)
    embargo = [d for d in diagnostics if d.severity is Severity.ERROR and d.code in EMBARGO_RULES]
    for d in embargo + [d for d in _by_file(diagnostics, files) if d not in embargo]:
        check = "embargo" if d in embargo else "coverage" if d.code.startswith("PD3") else "validation"
        bulletin = Path(d.file).name.split(".")[0]
        report.findings.append(Finding(check, bulletin, f"{d.file}:{d.line}", f"{d.code} {d.message}", d.dotted_path))
    for e in report.entries:
        b = e.bulletin
        if b.status in (Status.DRAFT, Status.REVIEW):
            report.findings.append(Finding("status", e.id, e.file, f"still {b.status}; set status: final when approved", "status"))
        for lang in settings.required_languages:
            if lang == settings.source_language:
                continue
            overlay = e.overlays.get(lang)
            fresh = assess(b, overlay)
            where = overlay_files.get((e.id, lang), f"{Path(e.file).parent}/{e.id}.{lang}.yaml")
            if fresh.state is State.MISSING:
                report.findings.append(Finding("translation", e.id, where, f"{lang}: no translation"))
            for key in fresh.stale:
                report.findings.append(Finding("translation", e.id, where, f"{lang}: stale, the English text changed", key))
            for key in fresh.untranslated if fresh.state is not State.MISSING else ():
                report.findings.append(Finding("translation", e.id, where, f"{lang}: not translated", key))
    if validator is not None:
        _check_csaf(catalog, report, validator)
    else:
        report.csaf_skipped = True
    return report


def _check_csaf(catalog: Catalog, report: Report, validator: CsafValidator) -> None:
    from patchday.export.csaf.document import advisory, translation, translation_languages

    with tempfile.TemporaryDirectory(prefix="patchday-csaf-") as tmp:
        paths: dict[Path, Entry] = {}
        for e in report.entries:
            docs = [("en", advisory(e, catalog))] + [(lang, translation(e, catalog, lang)) for lang in translation_languages(e, catalog)]
            for lang, doc in docs:
                path = Path(tmp) / f"{e.id}.{lang}.json"
                path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
                paths[path] = e
        problems = validator(list(paths))
        report.csaf_checked = 0 if RUN_FAILED in problems else len(paths)
        for path, messages in sorted(problems.items()):
            if path == RUN_FAILED:
                report.findings += [Finding("csaf", "-", "CSAF validator", message) for message in messages]
                continue
            e = paths.get(Path(path))
            for message in messages[:5]:
                report.findings.append(Finding("csaf", e.id if e else "-", e.file if e else path, f"CSAF {Path(path).name}: {message}"))


def render(report: Report) -> str:
    count = len(report.entries)
    lines = [f"Release {report.month}: {count} bulletin" + ("" if count == 1 else "s")]
    for e in report.entries:
        b = e.bulletin
        lines.append(f"  {e.id}  {b.status:<9} {e.severity:<10} rev {e.revision:<5} {b.title}")
    if not report.entries:
        lines.append("  no bulletins are scheduled for this month")
    checks = ("status", "translation", "coverage", "validation", "embargo", "csaf")
    for check in checks:
        found = [f for f in report.findings if f.check == check]
        mark = "ok  " if not found else "FAIL"
        if check == "csaf" and report.csaf_skipped:
            lines.append("[skip] csaf (not validated: --no-csaf)")
            continue
        extra = f" ({report.csaf_checked} documents)" if check == "csaf" and report.csaf_checked else ""
        lines.append(f"[{mark}] {check}{extra}")
        for f in found:
            where = f"{f.file}" + (f" field {f.field}" if f.field else "")
            lines.append(f"       {where}: {f.message}")
    lines.append("READY" if report.ready else "NOT READY")
    return "\n".join(lines) + "\n"
