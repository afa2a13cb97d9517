"""`patchday release` on the example corpus: preflight passes and fails for the right reasons."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from patchday.release.artifact import tarball

ROOT = Path(__file__).resolve().parents[2]
READY_MONTH = "2026-11"
STALE_MONTH = "2026-10"  # one ja overlay in this month is stale on purpose


def patchday(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "patchday", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=900, check=False)


def test_ready_month_passes_preflight() -> None:
    r = patchday("release", READY_MONTH, "--check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.rstrip().endswith("READY")
    assert f"Release {READY_MONTH}:" in r.stdout
    assert "[ok  ] csaf (" in r.stdout and "[ok  ] translation" in r.stdout


def test_preflight_fails_closed_when_the_csaf_validator_cannot_run(tmp_path: Path) -> None:
    """The validator script without its node modules beside it exits with ERR_MODULE_NOT_FOUND: not READY."""
    script = tmp_path / "export" / "csaf_validate.mjs"
    script.parent.mkdir()
    script.write_bytes((ROOT / "tests" / "export" / "csaf_validate.mjs").read_bytes())
    r = patchday("release", READY_MONTH, "--check", "--csaf-validator", str(script))
    assert r.returncode == 1, r.stdout + r.stderr
    assert r.stdout.rstrip().endswith("NOT READY")
    assert "[FAIL] csaf" in r.stdout
    assert "the CSAF validator could not run" in r.stdout and "ERR_MODULE_NOT_FOUND" in r.stdout


def test_preflight_without_the_csaf_check_says_it_skipped_it() -> None:
    r = patchday("release", READY_MONTH, "--check", "--no-csaf")
    assert "[skip] csaf" in r.stdout and "[ok  ] csaf" not in r.stdout


def test_stale_ja_translation_fails_preflight_naming_file_and_field() -> None:
    r = patchday("release", STALE_MONTH, "--check")
    assert r.returncode == 1
    assert "NOT READY" in r.stdout and "[FAIL] translation" in r.stdout
    stale = [line for line in r.stdout.splitlines() if "ja: stale" in line]
    assert stale, r.stdout
    assert all(".ja.yaml field " in line for line in stale)  # names the file and the field


def test_drafts_fail_preflight(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "bulletins", tmp_path / "bulletins")
    (tmp_path / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    target = next((tmp_path / "bulletins" / "2026").glob("*.yaml"))
    for path in sorted((tmp_path / "bulletins" / "2026").glob("CX26-*.yaml")):
        if path.name.count(".") == 1 and "status: final" in path.read_text(encoding="utf-8"):
            target = path
    month_text = target.read_text(encoding="utf-8")
    target.write_text(month_text.replace("status: final", "status: review"), encoding="utf-8")
    released = next(line for line in month_text.splitlines() if line.startswith("released:"))
    month = released.split()[1][:7]
    r = patchday("release", month, "--check", "--no-csaf", cwd=tmp_path)
    assert r.returncode == 1
    assert "[FAIL] status" in r.stdout and "still review" in r.stdout


def test_preflight_refuses_what_the_release_build_would_refuse(tmp_path: Path) -> None:
    """A revision dated after the release's time (PD609) stops the build of that release,
    so the preflight must say NOT READY with the record's file:line, not READY."""
    import shutil

    shutil.copytree(ROOT / "bulletins", tmp_path / "bulletins")
    (tmp_path / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    record = tmp_path / "bulletins" / "2026" / "CX26-033.yaml"
    text = record.read_text(encoding="utf-8")
    assert text.rstrip().endswith("summary: Information published.")
    record.write_text(text.rstrip() + '\n  - version: "1.1"\n    date: 2026-11-20\n    summary: Detection guidance added.\n',
                      encoding="utf-8")
    r = patchday("release", READY_MONTH, "--check", "--no-csaf", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "[FAIL] embargo" in r.stdout and r.stdout.rstrip().endswith("NOT READY")
    line = next(x for x in r.stdout.splitlines() if "PD609" in x)
    assert "bulletins/2026/CX26-033.yaml:" in line and "2026-11-20" in line


def test_bad_month_is_a_usage_error() -> None:
    assert patchday("release", "2026-13", "--check").returncode == 2


def test_preview_cannot_be_packaged(tmp_path: Path) -> None:
    r = patchday("release", READY_MONTH, "--out", str(tmp_path), "--no-csaf", env={"PATCHDAY_PREVIEW": "1"})
    assert r.returncode == 2 and "preview" in r.stderr
    assert not any(tmp_path.iterdir())


@pytest.mark.slow
def test_release_artifact(tmp_path: Path) -> None:
    r = patchday("release", READY_MONTH, "--out", str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    out = tmp_path / READY_MONTH
    tar = out / f"patchday-site-{READY_MONTH}.tar.gz"
    sums = (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    for line in sums:
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    assert {line.split("  ")[1] for line in sums} == {tar.name, "manifest.json"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    mine = [b for b in manifest["bulletins"] if b["in_this_release"]]
    assert mine and all(b["revision"] and len(b["sha256"]) == 64 for b in manifest["bulletins"])
    assert all(b["release"] <= READY_MONTH for b in manifest["bulletins"])  # nothing from the future
    with tarfile.open(tar) as t:
        names = t.getnames()
        assert f"site-{READY_MONTH}/index.html" in names
        assert all(m.mtime == t.getmember(names[0]).mtime and m.uid == 0 for m in t.getmembers())


def test_tarball_is_deterministic(tmp_path: Path) -> None:
    import datetime as dt

    a, b = tmp_path / "a", tmp_path / "b"
    for folder, order in ((a, ["x/1.txt", "y.txt"]), (b, ["y.txt", "x/1.txt"])):
        for name in order:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(name, encoding="utf-8")
    os.utime(a / "y.txt", (0, 0))
    when = dt.datetime(2026, 11, 10, 18, tzinfo=dt.UTC)
    tarball(a, tmp_path / "a.tar.gz", mtime=when, prefix="s")
    tarball(b, tmp_path / "b.tar.gz", mtime=when, prefix="s")
    assert (tmp_path / "a.tar.gz").read_bytes() == (tmp_path / "b.tar.gz").read_bytes()
