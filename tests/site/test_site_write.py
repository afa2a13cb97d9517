"""Pages poured into the shells: the same bytes whatever the number of workers."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from patchday.render import write
from patchday.render.pages import SHELL_CONTENT, SHELL_HAS_TOC, SHELL_ID, SHELL_SKIP, SHELL_TITLE, poured_pages
from patchday.render.shell import TOC_MARK, Shell


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.html"))}


def _shell(lang: str, toc: bool) -> str:
    contents = f"<a href='#{SHELL_SKIP}'>skip</a><ul>{TOC_MARK}</ul>" if toc else ""
    return (f"<html lang='{lang}'><title>{SHELL_TITLE}</title><a href='../{SHELL_ID}/'>x</a>"
            f"{contents}<article>{SHELL_CONTENT}</article></html>")


def test_workers_write_the_same_pages(catalog, tmp_path, monkeypatch):
    langs = catalog.settings.languages
    shells = {(kind, lang): _shell(lang, toc) for kind, toc in SHELL_HAS_TOC.items() for lang in langs}
    poured = poured_pages(catalog)
    alone = write.write_pages(catalog, shells, tmp_path / "alone", workers=1, poured=poured)
    monkeypatch.setattr(write, "_MIN_PARALLEL", 0)  # the fixture is too small to fork otherwise
    forked = write.write_pages(catalog, shells, tmp_path / "forked", workers=2, poured=poured)
    assert gc.get_freeze_count() == 0  # the parent's objects are collectable again
    assert alone == forked
    assert alone.pages == len(catalog.entries) * len(langs)
    assert alone.index_pages == len(poured) == len(langs) * (len(catalog.releases) + len(catalog.products) + 1)
    pages = _files(tmp_path / "alone")
    assert pages == _files(tmp_path / "forked")
    assert "fr/bulletins/CX26-001/index.html" in pages
    assert b"<title>CX26-001: " in pages["bulletins/CX26-001/index.html"]
    release = pages["fr/releases/2026-01/index.html"].decode()
    assert "<a href='../2026-01/'>x</a>" in release and SHELL_ID not in release and SHELL_SKIP not in release
    assert "<a href='#bulletins'>skip</a>" in release or "<a href='#release-notes'>skip</a>" in release
    year = pages["cves/2026/index.html"].decode()
    assert "skip" not in year and "<h1" in year


_REAL_WORK = write._work
_SEEN: list[Path] = []  # the folder the workers report into; set before they fork


def _reporting_work(items):
    (_SEEN[0] / str(os.getpid())).write_text(str(os.nice(0)))
    return _REAL_WORK(items)


@pytest.mark.parametrize("yield_to_others", [False, True])
def test_workers_yield_the_cpu_to_the_jobs_beside_them(catalog, tmp_path, monkeypatch, yield_to_others):
    langs = catalog.settings.languages
    shells = {(kind, lang): _shell(lang, toc) for kind, toc in SHELL_HAS_TOC.items() for lang in langs}
    monkeypatch.setattr(write, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(write, "_work", _reporting_work)
    _SEEN[:] = [tmp_path / "seen"]
    _SEEN[0].mkdir()
    try:
        written = write.write_pages(catalog, shells, tmp_path / "site", workers=2, poured=poured_pages(catalog),
                                    yield_to_others=yield_to_others)
    finally:
        _SEEN.clear()
    assert written.pages == len(catalog.entries) * len(langs)
    seen = {int(p.read_text()) for p in (tmp_path / "seen").iterdir()}
    here = os.nice(0)
    assert seen == ({min(19, here + write._NICENESS)} if yield_to_others else {here})
    assert os.nice(0) == here  # only the workers: the build's own process keeps its priority


def test_bulletins_alone(catalog, tmp_path):
    shells = {lang: _shell(lang, True) for lang in catalog.settings.languages}
    written = write.write_bulletins(catalog, shells, tmp_path, workers=1, only={"CX26-001"})
    assert (written.pages, written.index_pages) == (len(shells), 0)
    assert sorted(_files(tmp_path)) == sorted(f"{p}bulletins/CX26-001/index.html" for p in ("", "de/", "fr/", "ja/"))


def test_a_page_and_its_shell_must_agree_on_contents():
    with_toc, without = Shell.parse(_shell("en", True)), Shell.parse(_shell("en", False))
    assert "<a href='#a'>skip</a>" in with_toc.fill("k", "T", "<h1>c</h1>", [("a", "A")])
    assert "skip" not in without.fill("k", "T", "<h1>c</h1>", [])
    with pytest.raises(ValueError, match="contents"):
        without.fill("k", "T", "<h1>c</h1>", [("a", "A")])
    with pytest.raises(ValueError, match="contents"):
        with_toc.fill("k", "T", "<h1>c</h1>", [])
    with pytest.raises(ValueError, match="contents marker"):
        Shell.parse(f"<a href='#{SHELL_SKIP}'></a>{SHELL_CONTENT}")
