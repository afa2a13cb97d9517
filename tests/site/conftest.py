"""Fixtures for the site tests: the fixture catalog, and the fixture site built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from patchday.catalog import Catalog, build_catalog
from patchday.clock import parse_as_of
from patchday.load.corpus import load_corpus
from patchday.model import Settings

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
AS_OF = "2026-03-01T00:00:00Z"


def pytest_addoption(parser: pytest.Parser) -> None:
    # Only seen when tests/site is on the command line: pytest reads addoption hooks from
    # "initial" conftests. For `pytest tests --update-snapshots`, tests/conftest.py must
    # declare the same option; then this one is a duplicate and is skipped.
    try:
        parser.addoption("--update-snapshots", action="store_true", default=False,
                         help="rewrite snapshot files from the current output")
    except ValueError:
        pass


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # One worker builds the fixture site once; keep every site test on it (make test uses --dist loadgroup).
    for item in items:
        if "tests/site/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.xdist_group("site"))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    corpus = load_corpus(FIXTURE / "bulletins")
    return build_catalog(corpus, Settings(), parse_as_of(AS_OF))


@pytest.fixture(scope="session")
def preview_catalog() -> Catalog:
    corpus = load_corpus(FIXTURE / "bulletins")
    return build_catalog(corpus, Settings(), parse_as_of(AS_OF), preview=True)


def build_site(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in a subprocess: static-i18n keeps global state between builds."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATCHDAY_AS_OF": AS_OF, **(env or {})}
    full_env.pop("PATCHDAY_PREVIEW", None) if not (env or {}).get("PATCHDAY_PREVIEW") else None
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, check=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(FIXTURE / "mkdocs.yml", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out
