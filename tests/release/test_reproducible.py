"""Two builds of the same records with the same as-of are byte-identical.

The second build runs under another time zone and locale, from a copy of the
records written in the opposite file order, into another folder.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.release.sitebuild import ROOT, build, site_config

pytestmark = pytest.mark.slow
AS_OF = "2026-11-25T12:00:00Z"


def copy_in_order(src: Path, dest: Path, *, reverse: bool) -> None:
    files = sorted((p for p in src.rglob("*") if p.is_file()), reverse=reverse)
    for path in files:
        target = dest / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    sites = []
    for n, (reverse, env) in enumerate([(False, {"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}),
                                        (True, {"TZ": "Asia/Tokyo", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"})]):
        work = tmp_path / f"w{n}"
        copy_in_order(ROOT / "bulletins", work / "bulletins", reverse=reverse)
        site = tmp_path / f"site{n}"
        build(site_config(work, work / "bulletins"), site, as_of=AS_OF, env=env)
        sites.append(tree(site))
    first, second = sites
    assert len(first) > 100
    differ = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    assert differ == [], f"{len(differ)} files differ, e.g. {differ[:10]}"
