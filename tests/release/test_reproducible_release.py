"""`patchday release` of one month gives the same bytes and modes whenever and by whomever it is run."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from tests.release.sitebuild import january_as_on_its_day

BASE = Path(__file__).resolve().parents[1] / "lint" / "base"
THEME = Path(__file__).resolve().parents[2] / "theme"
# The release command under a faked wall clock (time_machine moves datetime.now and
# time.time of this process and its forks; the clock keeps ticking from the given day).
RUN = ("import sys, datetime as dt, time_machine;"
       "time_machine.travel(dt.datetime.fromisoformat(sys.argv[1]), tick=True).start();"
       "from patchday.cli import _main; sys.exit(_main(sys.argv[2:]))")


def release(site: Path, out: Path, day: str, umask: int) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATCHDAY_") and k != "SOURCE_DATE_EPOCH"}
    r = subprocess.run([sys.executable, "-c", RUN, day, "release", "2026-01", "--out", str(out), "--no-csaf"],
                       cwd=site, capture_output=True, text=True, timeout=600, check=False, env=env,
                       preexec_fn=lambda: os.umask(umask))
    assert r.returncode == 0, r.stdout + r.stderr


def tree(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(folder).as_posix(): (stat.S_IMODE(p.stat().st_mode), b"" if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def test_two_releases_on_different_days_and_umasks_are_identical(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(BASE, site / "bulletins")
    january_as_on_its_day(site / "bulletins")
    (site / "docs").mkdir()
    (site / "mkdocs.yml").write_text(
        f"site_name: t\nsite_url: https://security.contoso.example/\ntheme:\n  name: material\n  custom_dir: {THEME}\n"
        "plugins:\n  - patchday:\n      required_languages: [en]\n", encoding="utf-8")
    release(site, tmp_path / "a", "2026-02-03T08:00:00+00:00", 0o022)
    release(site, tmp_path / "b", "2027-07-19T23:30:00+00:00", 0o077)
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert a.keys() == b.keys()
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, differ[:10]
    assert {mode for mode, _ in a.values()} == {0o644, 0o755}
    sitemap = a["2026-01/site/sitemap.xml"][1].decode("utf-8")
    assert "<lastmod>2026-01-13</lastmod>" in sitemap  # the release's as-of day, not a build day
