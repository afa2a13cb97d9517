"""Staged output moves into the site whole: owned trees replace the old ones, shared folders merge."""

from __future__ import annotations

from pathlib import Path

from patchday import staging


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def test_publish_replaces_owned_trees_and_merges_the_rest(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, {
        # left by the previous build: MkDocs cleans everything but dot-entries
        ".well-known/csaf/white/2026/cx26-004.json": "withdrawn since",
        ".well-known/security.txt": "old",
        ".well-known/other.txt": "someone else's",
        # written by the engine in this build
        "index.html": "home",
        "assets/patchday/patchday.css": "css",
        "de/index.html": "Startseite",
        "de/search-index/old.json": "stale index",
    })
    staged = staging.fresh(site)
    write(staged, {
        ".well-known/csaf/white/2026/cx26-001.json": "new",
        ".well-known/security.txt": "new",
        "assets/patchday/affected.js": "js",
        "api/v1/index.json": "{}",
        "de/search-index/meta.json": "index",
    })
    trash = staging.publish(site, ["en", "de"])
    assert trash is not None and (trash / ".well-known/csaf/white/2026/cx26-004.json").exists()
    staging.empty_trash(trash)
    assert tree(site) == {
        ".well-known/csaf/white/2026/cx26-001.json": "new",
        ".well-known/other.txt": "someone else's",
        ".well-known/security.txt": "new",
        "api/v1/index.json": "{}",
        "assets/patchday/affected.js": "js",
        "assets/patchday/patchday.css": "css",
        "de/index.html": "Startseite",
        "de/search-index/meta.json": "index",
        "index.html": "home",
    }
    assert not trash.exists() and not (site / staging.STAGING).exists()


def test_owned_is_exact_about_language_bundles() -> None:
    assert staging.owned("de/search-index", ["en", "de"])
    assert not staging.owned("de/search-index", ["en"])
    assert not staging.owned("de", ["en", "de"]) and not staging.owned("assets", ["en"])
    assert staging.owned(".well-known/csaf") and not staging.owned(".well-known")


def test_nothing_staged_publishes_nothing(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    assert staging.publish(tmp_path) is None
    assert tree(tmp_path) == {"index.html": "home"}
