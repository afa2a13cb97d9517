"""CI definitions are checked by a real linter; the scheduler's patch-day test is right."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_workflows_pass_actionlint() -> None:
    binary = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(binary).exists(), "actionlint is installed by requirements/test.txt"
    assert WORKFLOWS
    r = subprocess.run([binary, *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout + r.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    binary = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert subprocess.run([binary, str(bad)], capture_output=True, check=False).returncode != 0


def test_schedule_covers_every_possible_second_tuesday_in_both_utc_offsets() -> None:
    doc = yaml.load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    crons = [c["cron"] for c in doc["on"]["schedule"]]
    hours = {c.split()[1] for c in crons}
    days = {c.split()[2] for c in crons}
    assert hours == {"17", "18"}  # 10:00 Pacific is 17:00 UTC in summer, 18:00 in winter
    assert days == {"8-14"}  # a second Tuesday always falls on the 8th to the 14th


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("2026-12-08T18:05:00Z", 0), ("2026-12-09T18:05:00Z", 1), ("2026-07-14T17:05:00Z", 0), ("2026-12-01T18:05:00Z", 1)],
)
def test_patch_day_check_for_the_scheduler(moment: str, expected: int) -> None:
    r = subprocess.run([sys.executable, "-m", "patchday", "next", "--is-today", "--as-of", moment], cwd=ROOT,
                       capture_output=True, text=True, check=False)
    assert r.returncode == expected, r.stdout + r.stderr


def test_pre_commit_hook_runs_validate() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "patchday-validate")
    assert hook["entry"] == "patchday validate" and hook["language"] == "python"
