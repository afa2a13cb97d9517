"""Shared test fixtures. Paths are absolute so tests run from any folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


def pytest_addoption(parser: pytest.Parser) -> None:
    # Declared here (the rootdir conftest) so `pytest tests --update-snapshots` works from any target.
    parser.addoption("--update-snapshots", action="store_true", default=False, help="rewrite HTML snapshots")
