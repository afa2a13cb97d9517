"""CI definitions are checked by a real linter; the scheduler's patch-day test is right."""

from __future__ import annotations

import re
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


def _publish() -> dict:
    return yaml.load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_only_the_deploy_job_may_write_to_pages_or_get_a_token() -> None:
    """The build job installs and runs third-party code; it must not hold the deploy rights."""
    doc = _publish()
    assert doc["permissions"] == {"contents": "read"}
    for name, job in doc["jobs"].items():
        granted = job.get("permissions")
        assert isinstance(granted, dict), f"job {name} states its permissions"
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
            assert all("run" not in step for step in job["steps"]), "the deploy job runs no commands"
        else:
            assert not {"pages", "id-token"} & set(granted) and set(granted.values()) <= {"read", "none"}, name


def test_every_action_is_pinned_by_commit_with_its_version_named() -> None:
    pinned = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
    for workflow in WORKFLOWS:
        lines = [line for line in workflow.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(?:- )?uses:", line)]
        assert lines, workflow.name
        loose = [line.strip() for line in lines if not pinned.match(line)]
        assert not loose, f"{workflow.name}: {loose}"


def test_the_publish_build_installs_only_hash_checked_packages() -> None:
    steps = [step.get("run", "") for step in _publish()["jobs"]["build"]["steps"]]
    commands = [line.strip() for run in steps for line in run.splitlines()]
    installs = [c for c in commands if "pip install" in c]
    assert any("--require-hashes" in c and "-r requirements/run.lock" in c for c in installs), installs
    # Anything else installed must come from the checkout alone, with no index to fetch from.
    assert all("--require-hashes" in c or ("--no-index" in c and "--no-build-isolation" in c) for c in installs), installs
    assert not any(re.search(r"\bmake (deps|site|test)\b", c) for c in commands), "make would install requirements/run.txt unhashed"


def _pins(text: str) -> dict[str, str]:
    return {m[1].lower().replace("_", "-"): m[2] for m in re.finditer(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.M)}


def test_the_lock_file_pins_all_of_run_txt_with_hashes() -> None:
    lock = (ROOT / "requirements" / "run.lock").read_text(encoding="utf-8")
    locked = _pins(lock)
    wanted = _pins((ROOT / "requirements" / "run.txt").read_text(encoding="utf-8"))
    assert wanted and all(locked.get(name) == version for name, version in wanted.items()), \
        {n: (v, locked.get(n)) for n, v in wanted.items() if locked.get(n) != v}
    blocks = re.findall(r"^[A-Za-z0-9_.-]+==.*?(?=^[A-Za-z0-9_.-]+==|\Z)", lock, re.M | re.S)
    assert len(blocks) == len(locked)
    unhashed = [b.split()[0] for b in blocks if "--hash=sha256:" not in b]
    assert not unhashed


def test_the_publish_build_checks_the_host_limits_before_it_uploads() -> None:
    """A site over GitHub Pages' limits stops the run before anything is uploaded or deployed."""
    steps = _publish()["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    build = next(i for i, r in enumerate(runs) if re.search(r"patchday build\b", r))
    check = next((i for i, r in enumerate(runs) if re.search(r"patchday footprint site --host github-pages\b", r)), None)
    upload = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert check is not None, "the publish build runs `patchday footprint site --host github-pages`"
    assert build < check < upload
    assert steps[check].get("if") == steps[upload].get("if"), "checked whenever it is uploaded"
