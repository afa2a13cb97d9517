"""Output written beside the site engine's, then moved into the site in one step.

The exports and the search index need only the catalog, so a build starts them
before the linter has finished and before the engine has cleaned the output
folder. They write into a hidden folder inside it (MkDocs' clean, like most
engines', leaves dot-entries alone), and :func:`publish` moves what they wrote
into place once the build has succeeded: a build that fails its lint leaves
nothing of theirs behind.

Engines leave dot-entries alone on purpose, which makes ``.well-known/csaf``
stale: a bulletin taken back to draft after a build would stay published
there on the next build into the same folder. Every tree patchday owns is
therefore replaced whole, never merged.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

STAGING = ".patchday-staging"
_TRASH = ".patchday-trash"
# Trees whose every file patchday writes: replaced whole, so nothing stale survives in them.
OWNED = (".well-known/csaf", "api", "feeds", "calendar", "search-index")


def folder(site_dir: Path) -> Path:
    """The staging folder of ``site_dir``."""
    return Path(site_dir) / STAGING


def fresh(site_dir: Path) -> Path:
    """An empty staging folder in ``site_dir`` (a previous, interrupted build's is removed)."""
    staging = folder(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def discard(site_dir: Path) -> None:
    shutil.rmtree(folder(site_dir), ignore_errors=True)


def owned(rel: str, languages: list[str] | tuple[str, ...] = ()) -> bool:
    """Is the site-relative folder ``rel`` one that patchday alone writes?"""
    if rel in OWNED:
        return True
    lang, _, rest = rel.partition("/")
    return lang in languages and rest == "search-index"


def publish(site_dir: Path, languages: list[str] | tuple[str, ...] = ()) -> Path | None:
    """Move the staging folder's contents into ``site_dir``.

    Folders that exist on both sides are merged (``de/`` holds the engine's
    pages and the German search index), except owned ones, which replace the
    old folder. Renames only: no file is copied. Returns a folder of replaced
    old trees for :func:`empty_trash` to delete, or None.
    """
    site_dir = Path(site_dir)
    staging = site_dir / STAGING
    if not staging.is_dir():
        return None
    trash = site_dir / _TRASH
    shutil.rmtree(trash, ignore_errors=True)
    _merge(staging, site_dir, "", trash, tuple(languages))
    shutil.rmtree(staging, ignore_errors=True)
    return trash if trash.exists() else None


def _merge(src: Path, dst: Path, rel: str, trash: Path, languages: tuple[str, ...]) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    with os.scandir(src) as entries:
        names = sorted((e.name, e.is_dir(follow_symlinks=False)) for e in entries)
    for name, is_dir in names:
        sub = f"{rel}{name}"
        target = dst / name
        if is_dir and target.is_dir() and not target.is_symlink() and not owned(sub, languages):
            _merge(src / name, target, sub + "/", trash, languages)
            continue
        if target.is_dir() and not target.is_symlink():
            old = trash / sub
            old.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, old)
        os.replace(src / name, target)


def empty_trash(trash: Path | None) -> None:
    if trash is not None:
        shutil.rmtree(trash, ignore_errors=True)


def clear_hidden(site_dir: Path) -> None:
    """Remove the owned trees the engine's clean skips, before writing into ``site_dir`` directly."""
    for rel in OWNED:
        if rel.startswith("."):
            shutil.rmtree(Path(site_dir) / rel, ignore_errors=True)
