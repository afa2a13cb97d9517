"""The interpreter `make` builds `.venv` on: the distribution's first, an explicit PYTHON= over it.

Debian's CPython is built with profile-guided and link-time optimisation; a self-compiled one
earlier on the PATH made every site build a fifth slower (docs/performance-site.md, sixteenth
round), so the choice is checked here rather than left to the PATH's order.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTION = Path("/usr/bin/python3.11")

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _venv_command(tmp_path: Path, env: dict[str, str], *args: str) -> str:
    """The line of `make -n` that creates a venv in an empty folder: what would run, not run."""
    venv = tmp_path / "venv"
    out = subprocess.run(
        ["make", "-n", "-C", str(ROOT), f"VENV={venv}", f"{venv}/.deps-run", *args],
        capture_output=True, text=True, env=env, check=True,
    ).stdout
    lines = [line for line in out.splitlines() if "-m venv" in line]
    assert len(lines) == 1, out
    return lines[0]


@pytest.mark.skipif(not DISTRIBUTION.exists(), reason="no distribution python3.11 on this machine")
def test_the_distribution_interpreter_comes_before_the_path(tmp_path: Path) -> None:
    # A python3.11 earlier on the PATH, as a version manager's shim puts one.
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "python3.11").symlink_to(DISTRIBUTION)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHON", None)
    line = _venv_command(tmp_path, env)
    assert f"|| {DISTRIBUTION} -m venv" in line, line


def test_python_given_on_the_command_line_wins(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON"}
    line = _venv_command(tmp_path, env, "PYTHON=/opt/other/python3.12")
    assert "|| /opt/other/python3.12 -m venv" in line, line
