"""Bulletin pages poured into the shells: the same bytes whatever the number of workers."""

from __future__ import annotations

import gc

from patchday.render import write
from patchday.render.pages import SHELL_CONTENT, SHELL_ID, SHELL_TITLE
from patchday.render.shell import TOC_MARK


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.html"))}


def test_workers_write_the_same_pages(catalog, tmp_path, monkeypatch):
    shells = {lang: f"<html lang='{lang}'><title>{SHELL_TITLE}</title><a href='../{SHELL_ID}/'>x</a>"
                    f"<ul>{TOC_MARK}</ul><article>{SHELL_CONTENT}</article></html>"
              for lang in catalog.settings.languages}
    alone = write.write_bulletins(catalog, shells, tmp_path / "alone", workers=1)
    monkeypatch.setattr(write, "_MIN_PARALLEL", 0)  # the fixture is too small to fork otherwise
    forked = write.write_bulletins(catalog, shells, tmp_path / "forked", workers=2)
    assert gc.get_freeze_count() == 0  # the parent's objects are collectable again
    assert alone == forked
    assert alone.pages == len(catalog.entries) * len(shells)
    pages = _files(tmp_path / "alone")
    assert pages == _files(tmp_path / "forked")
    assert "fr/bulletins/CX26-001/index.html" in pages
    assert b"<title>CX26-001: " in pages["bulletins/CX26-001/index.html"]
