"""The site benchmark says up front when the disk cannot hold a run, instead of failing minutes in.

A run keeps every build's output aside until its last build (bench/site_bench.py explains why),
so a full run with the references takes about 15 GB at its fullest.
"""

from __future__ import annotations

import shutil
import sys
from collections import namedtuple
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import site_bench  # noqa: E402

Usage = namedtuple("Usage", "total used free")
GB = 10**9


def _free(monkeypatch: pytest.MonkeyPatch, free: int) -> list[str]:
    asked: list[str] = []

    def fake(path: str | Path) -> Usage:
        asked.append(str(path))
        return Usage(10**12, 10**12 - free, free)

    monkeypatch.setattr(shutil, "disk_usage", fake)
    return asked


def test_the_estimate_counts_every_round_and_reference_kept_aside() -> None:
    sizes = [300, 1000, 3000]
    one = site_bench.space_needed(sizes, repeat=1)
    three = site_bench.space_needed(sizes, repeat=3)
    full = site_bench.space_needed(sizes, repeat=3, reference=True)
    assert one < three < full
    # The full run that once filled a disk with 14 GB free.
    assert 14 * GB < full < 20 * GB
    assert site_bench.space_needed([3000], rebuild=False) < site_bench.space_needed([3000])


def test_a_short_disk_stops_the_run_naming_what_is_needed_and_free(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _free(monkeypatch, 2 * GB)
    workdir = tmp_path / "not" / "made" / "yet"
    with pytest.raises(SystemExit) as stop:
        site_bench.check_space(workdir, 16 * GB)
    message = str(stop.value)
    assert "16.0 GB" in message and "2.0 GB are free" in message and str(workdir) in message
    assert asked == [str(tmp_path)]  # the nearest folder that exists: the one the run would fill


def test_enough_space_lets_the_run_go_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _free(monkeypatch, 20 * GB)
    site_bench.check_space(tmp_path, 16 * GB)


def test_the_run_is_refused_before_it_makes_a_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _free(monkeypatch, 1)
    workdir = tmp_path / "bench"
    with pytest.raises(SystemExit):
        site_bench.run_site([300], workdir, reference=True, repeat=3)
    assert not workdir.exists()
