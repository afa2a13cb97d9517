"""One reading of the settings for every command: the plugin block of mkdocs.yml and the environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from patchday import env
from patchday.model.site import SettingsProblem, read_plugin_block
from tests.release.sitebuild import january_as_on_its_day

BASE = Path(__file__).parent.parent / "lint" / "base"
THEME = Path(__file__).resolve().parents[2] / "theme"
# What each command needs besides the settings; release --check skips the Node CSAF validator.
COMMANDS = [("validate",), ("next", "--as-of", "2026-12-01T00:00:00Z"), ("translations",),
            ("release", "2026-01", "--check", "--no-csaf"), ("build", "-d", "out", "--as-of", "2026-12-01T00:00:00Z")]


def patchday(*args: str, cwd: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PATCHDAY_") and k != "SOURCE_DATE_EPOCH"}
    return subprocess.run([sys.executable, "-m", "patchday.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False, env={**environ, **extra_env})


def make_site(tmp_path: Path, block: str) -> Path:
    shutil.copytree(BASE, tmp_path / "bulletins")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\ntheme:\n  name: material\n  custom_dir: {THEME}\n"
                                         f"plugins:\n  - patchday:\n      vendor: Test\n{block}", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_accepts_the_plugin_options(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`workers` and `preview` in mkdocs.yml made every command but build fail with 'Extra inputs are not permitted'."""
    site = make_site(tmp_path, "      workers: 1\n      preview: false\n      search_index: false\n      strict_lint: false\n")
    r = patchday(*command, cwd=site)
    assert "Extra inputs" not in r.stderr and "Traceback" not in r.stdout + r.stderr
    assert r.returncode in (0, 1), r.stdout + r.stderr  # 1: translations reports the base corpus' stale overlay
    assert "plugins.patchday" not in r.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_an_unknown_key_is_the_same_usage_error_everywhere(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`build` used to accept a misspelt key with a warning that the other commands made an error."""
    site = make_site(tmp_path, "      wrokers: 2\n")
    r = patchday(*command, cwd=site)
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.strip() == "patchday: mkdocs.yml: plugins.patchday: wrokers: unknown setting (did you mean workers?)"


def test_the_plugin_itself_refuses_an_unknown_key(tmp_path: Path) -> None:
    """`mkdocs build` (no patchday command in front) reads the block the same way."""
    site = make_site(tmp_path, "      wrokers: 2\n")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "out"], cwd=site, capture_output=True, text=True,
                       timeout=300, check=False)
    assert r.returncode == 1
    assert "plugins.patchday: wrokers: unknown setting (did you mean workers?)" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(("text", "value"), [("true", True), ("TRUE", True), ("1", True), ("Yes", True),
                                             ("false", False), ("False", False), ("0", False), ("no", False),
                                             ("", False), (" ", False)])
def test_preview_flag_reads_one_way(text: str, value: bool) -> None:
    assert env.flag("PATCHDAY_PREVIEW", {"PATCHDAY_PREVIEW": text}) is value
    if text.strip():
        assert read_plugin_block({"preview": text})[1].preview is value


@pytest.mark.parametrize("text", ["maybe", "2", "on", "enable", "ja", "-1", "truee"])
def test_anything_else_is_an_error_naming_the_variable(text: str) -> None:
    with pytest.raises(env.EnvError, match=f"^PATCHDAY_PREVIEW={text!r} is not true or false"):
        env.flag("PATCHDAY_PREVIEW", {"PATCHDAY_PREVIEW": text})
    with pytest.raises(SettingsProblem, match="^preview: "):
        read_plugin_block({"preview": text})


def test_preview_false_builds_no_preview(tmp_path: Path) -> None:
    """PATCHDAY_PREVIEW=false used to turn preview on: drafts published with a banner."""
    site = make_site(tmp_path, "")
    r = patchday("build", "-d", "out", "--as-of", "2026-12-01T00:00:00Z", cwd=site, PATCHDAY_PREVIEW="false")
    assert r.returncode == 0, r.stdout + r.stderr
    home = (site / "out" / "index.html").read_text(encoding="utf-8")
    assert 'content="noindex"' not in home


@pytest.mark.parametrize(("command", "variable", "value", "why"), [
    (("build", "-d", "out"), "PATCHDAY_PREVIEW", "maybe", "is not true or false"),
    (("release", "2026-01", "--out", "dist", "--no-csaf"), "PATCHDAY_PREVIEW", "0x1", "is not true or false"),
    (("validate",), "PATCHDAY_JOBS", "many", "is not a whole number"),
    (("next",), "SOURCE_DATE_EPOCH", "99999999999999", "is out of range"),
    (("next",), "PATCHDAY_AS_OF", "9999-12-31T23:59:59Z", "is out of range"),
])
def test_a_bad_environment_variable_is_a_usage_error_naming_it(tmp_path: Path, command: tuple[str, ...], variable: str,
                                                                value: str, why: str) -> None:
    site = make_site(tmp_path, "")
    r = patchday(*command, cwd=site, **{variable: value})
    assert r.returncode == 2, r.stdout + r.stderr
    assert f"{variable}={value!r} {why}" in r.stderr and "Traceback" not in r.stderr
    assert not (site / "out").exists() and not (site / "dist").exists()


def test_release_refuses_preview_whatever_the_spelling(tmp_path: Path) -> None:
    """`patchday release` treated PATCHDAY_PREVIEW=0 as preview, and `true` only by accident."""
    site = make_site(tmp_path, "      required_languages: [en]\n")  # the base corpus is not translated
    january_as_on_its_day(site / "bulletins")
    for value in ("1", "TRUE", "yes"):
        r = patchday("release", "2026-01", "--out", "dist", "--no-csaf", cwd=site, PATCHDAY_PREVIEW=value)
        assert r.returncode == 2 and "refusing to package a preview" in r.stderr, r.stdout + r.stderr
    r = patchday("release", "2026-01", "--out", "dist", "--no-csaf", cwd=site, PATCHDAY_PREVIEW="0")
    assert r.returncode == 0, r.stdout + r.stderr
    assert (site / "dist" / "2026-01" / "patchday-site-2026-01.tar.gz").is_file()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_release_time_that_is_no_time_of_day_is_a_usage_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`time: "25:99"` matched the two-digits pattern and ended in a traceback at the first patch day."""
    site = make_site(tmp_path, "      release: {time: '25:99'}\n")
    r = patchday(*command, cwd=site)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "plugins.patchday: release.time: '25:99' is not a time of day (00:00 to 23:59)" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9898-12-31T23:00:00-12:00"])
def test_an_as_of_at_the_ends_of_the_calendar_is_a_usage_error(tmp_path: Path, moment: str) -> None:
    site = make_site(tmp_path, "")
    for command in (("next",), ("next", "--is-today"), ("build", "-d", "out")):
        r = patchday(*command, "--as-of", moment, cwd=site)
        assert r.returncode == 2, r.stdout + r.stderr
        assert f"as-of {moment!r} is out of range" in r.stderr and "Traceback" not in r.stderr


def test_the_last_allowed_as_of_still_counts_a_hundred_years_of_patch_days(tmp_path: Path) -> None:
    site = make_site(tmp_path, "")
    r = patchday("next", "--as-of", "9898-12-31T12:00:00Z", "--count", "1200", cwd=site)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.split()) == 1200
