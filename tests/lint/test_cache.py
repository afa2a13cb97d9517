"""The validation cache replays exactly what a full run would say, and checks again whatever changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from patchday.lint import cache, lint
from patchday.load.corpus import load_corpus
from patchday.settings_file import load_settings

ROOT = Path(__file__).resolve().parents[2]
LONG_AGO = time.time() - 3600


@pytest.fixture(scope="module")
def settings():
    return load_settings(ROOT / "mkdocs.yml")[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "bulletins"
    shutil.copytree(ROOT / "bulletins", root)
    for path in root.rglob("*.yaml"):
        os.utime(path, (LONG_AGO, LONG_AGO))
    return root


def _edit(path: Path, old: str, new: str, *, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    os.utime(path, (LONG_AGO + 60, LONG_AGO + 60))  # changed, and old enough to be cached


def _full(root: Path, settings) -> list:
    return lint(load_corpus(root, cwd=root.parent), settings)


def _cached(root: Path, settings) -> cache.Outcome:
    return cache.validate(root, settings, cwd=root.parent, cache_dir=root.parent / ".cache")


def _units(root: Path) -> int:
    return len({(p.parent.name, p.name.split(".")[0]) for p in root.glob("[0-9]*/*.yaml")})


def test_cold_and_warm_runs_equal_a_full_run(corpus: Path, settings) -> None:
    expected = _full(corpus, settings)
    assert expected, "the example corpus has stale-translation warnings to replay"
    cold = _cached(corpus, settings)
    assert cold.diagnostics == expected
    assert (cold.checked_units, cold.cached_units) == (_units(corpus), 0)
    warm = _cached(corpus, settings)
    assert warm.diagnostics == expected
    assert (warm.checked_units, warm.cached_units) == (0, _units(corpus))
    assert warm.files == cold.files == len(list(corpus.rglob("*.yaml")))


def test_changed_units_are_checked_and_rules_across_bulletins_see_replayed_ones(corpus: Path, settings) -> None:
    _cached(corpus, settings)
    # A superseded bulletin's ID changes: the bulletins that name it are replayed (unchanged
    # files), yet their PD605 must appear, and the reused ID is a duplicate (PD104).
    superseding = [p for p in sorted(corpus.glob("*/*.yaml")) if p.name.count(".") == 1 and "supersedes: [CX" in p.read_text()]
    assert superseding, "the example corpus has bulletins that supersede others"
    target_id = superseding[0].read_text().split("supersedes: [")[1].split("]")[0].split(",")[0].strip()
    target = next(corpus.glob(f"*/{target_id}.yaml"))
    other = sorted(p for p in corpus.glob("*/*.yaml") if p.name.count(".") == 1 and p != target)[0]
    _edit(target, f"id: {target_id}", f"id: {other.stem}")
    # A broken file and a translation that names a CVE the bulletin lacks.
    broken = sorted(corpus.glob("2026/*.yaml"))[-1]
    _edit(broken, "status:", "status: final\nstatus:")
    overlay = next(p for p in sorted(corpus.glob("2026/*.de.yaml")) if "CVE-" in p.read_text())
    cve = overlay.read_text().split("CVE-", 1)[1].split(":", 1)[0]
    _edit(overlay, f"CVE-{cve}:", "CVE-2099-0001:")

    expected = _full(corpus, settings)
    codes = {d.code for d in expected}
    assert {"PD104", "PD605", "PD010", "PD703"} <= codes, codes
    outcome = _cached(corpus, settings)
    assert outcome.diagnostics == expected
    changed = {(p.parent.name, p.name.split(".")[0]) for p in (target, broken, overlay)}
    assert outcome.checked_units == len(changed)
    # The PD605 of a replayed bulletin carries its real line, read again on demand.
    replayed = [d for d in outcome.diagnostics if d.code == "PD605"]
    assert replayed and all(d.line > 1 for d in replayed)
    assert _cached(corpus, settings).diagnostics == expected


def test_deleted_and_added_files(corpus: Path, settings) -> None:
    _cached(corpus, settings)
    victim = sorted(corpus.glob("2025/*.yaml"))[0]
    victim.unlink()
    extra = corpus / "2026" / "notes.yml"
    extra.write_text("x: 1\n", encoding="utf-8")
    outcome = _cached(corpus, settings)
    assert outcome.diagnostics == _full(corpus, settings)
    assert any(d.code == "PD030" for d in outcome.diagnostics)


def test_settings_or_catalogue_change_checks_everything_again(corpus: Path, settings) -> None:
    _cached(corpus, settings)
    stricter = settings.model_copy(update={"external_id_pattern": "^NOTHING$"})
    outcome = cache.validate(corpus, stricter, cwd=corpus.parent, cache_dir=corpus.parent / ".cache")
    assert outcome.cached_units == 0
    assert outcome.diagnostics == lint(load_corpus(corpus, cwd=corpus.parent), stricter)
    _cached(corpus, settings)
    _edit(corpus / "products.yaml", "\n", "\n# a comment changes the bytes\n")
    assert _cached(corpus, settings).cached_units == 0


def test_a_fresh_clone_replays_by_digest(corpus: Path, settings) -> None:
    expected = _cached(corpus, settings).diagnostics
    for path in corpus.rglob("*.yaml"):  # new stats, same bytes: what a checkout or a restored CI cache sees
        os.utime(path, (LONG_AGO + 120, LONG_AGO + 120))
    outcome = _cached(corpus, settings)
    assert (outcome.checked_units, outcome.cached_units) == (0, _units(corpus))
    assert outcome.diagnostics == expected


def test_an_edit_in_the_same_clock_tick_is_not_missed(corpus: Path, settings) -> None:
    path = next(p for p in sorted(corpus.glob("2026/*.yaml")) if p.name.count(".") == 1 and "exploited: false" in p.read_text())
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # written just now
    before = path.stat()
    _cached(corpus, settings)
    # Same size, same modification time, different bytes: only the digest can tell.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("exploited: false", "exploited: fals3", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    outcome = _cached(corpus, settings)
    assert outcome.checked_units == 1
    assert outcome.diagnostics == _full(corpus, settings)
    assert any(d.file.endswith(path.name) for d in outcome.diagnostics)


def test_a_corrupt_cache_is_ignored(corpus: Path, settings) -> None:
    _cached(corpus, settings)
    (stored,) = (corpus.parent / ".cache").glob("validate-*.marshal")
    for garbage in (b"", b"\x00garbage", stored.read_bytes()[: len(stored.read_bytes()) // 2]):
        stored.write_bytes(garbage)
        outcome = _cached(corpus, settings)
        assert outcome.diagnostics == _full(corpus, settings)
        assert outcome.cached_units == 0


def test_cli_uses_the_cache_beside_the_data_folder_unless_told_not_to(corpus: Path) -> None:
    site = corpus.parent
    (site / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - patchday:\n      vendor: Test\n", encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "PATCHDAY_CACHE_DIR"}
        return subprocess.run([sys.executable, "-m", "patchday.cli", "validate", *args], cwd=site, env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    first = run("--no-cache")
    assert not (site / ".patchday-cache").exists()
    second, third = run(), run()
    assert (site / ".patchday-cache" / "CACHEDIR.TAG").is_file()
    assert first.stdout == second.stdout == third.stdout
    assert first.returncode == second.returncode == third.returncode
