"""Pages poured into the shells: the same bytes whatever the number of workers."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from patchday import jobs
from patchday.render import write
from patchday.render.pages import poured_pages
from patchday.render.shell import Shell
from patchday.render.shell_contract import SHELL_CONTENT, SHELL_HAS_TOC, SHELL_ID, SHELL_SKIP, SHELL_TITLE, SHELL_TOC


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.html"))}


def _shell(lang: str, toc: bool) -> str:
    contents = f"<a href='#{SHELL_SKIP}'>skip</a><ul><li><a href='#{SHELL_SKIP}'>{SHELL_TOC}</a></li></ul>" if toc else ""
    return (f"<html lang='{lang}'><title>{SHELL_TITLE}</title><a href='../{SHELL_ID}/'>x</a>"
            f"{contents}<article>{SHELL_CONTENT}</article></html>")


def test_workers_write_the_same_pages(catalog, tmp_path, monkeypatch):
    langs = catalog.settings.languages
    shells = {(kind, lang): _shell(lang, toc) for kind, toc in SHELL_HAS_TOC.items() for lang in langs}
    poured = poured_pages(catalog)
    alone = write.write_pages(catalog, shells, tmp_path / "alone", poured=poured)
    monkeypatch.setattr(jobs, "MIN_PARALLEL_PAGES", 0)  # the fixture is too small to fork otherwise
    forked = jobs.write_pages(catalog, shells, tmp_path / "forked", workers=2, poured=poured)
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


_REAL_WORK = jobs._write_slice
_SEEN: list[Path] = []  # the folder the workers report into; set before they fork


def _reporting_work(items):
    (_SEEN[0] / str(os.getpid())).write_text(str(os.nice(0)))
    return _REAL_WORK(items)


@pytest.mark.parametrize("yield_to_others", [False, True])
def test_workers_yield_the_cpu_to_the_jobs_beside_them(catalog, tmp_path, monkeypatch, yield_to_others):
    langs = catalog.settings.languages
    shells = {(kind, lang): _shell(lang, toc) for kind, toc in SHELL_HAS_TOC.items() for lang in langs}
    monkeypatch.setattr(jobs, "MIN_PARALLEL_PAGES", 0)
    monkeypatch.setattr(jobs, "_write_slice", _reporting_work)
    _SEEN[:] = [tmp_path / "seen"]
    _SEEN[0].mkdir()
    try:
        written = jobs.write_pages(catalog, shells, tmp_path / "site", workers=2, poured=poured_pages(catalog),
                                    yield_to_others=yield_to_others)
    finally:
        _SEEN.clear()
    assert written.pages == len(catalog.entries) * len(langs)
    seen = {int(p.read_text()) for p in (tmp_path / "seen").iterdir()}
    here = os.nice(0)
    assert seen == ({min(19, here + jobs.NICENESS)} if yield_to_others else {here})
    assert os.nice(0) == here  # only the workers: the build's own process keeps its priority


def test_bulletins_alone(catalog, tmp_path):
    shells = {lang: _shell(lang, True) for lang in catalog.settings.languages}
    written = write.write_bulletins(catalog, shells, tmp_path, only={"CX26-001"})
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
    with pytest.raises(ValueError, match="contents it does not have"):
        Shell.parse(f"<a href='#{SHELL_SKIP}'></a>{SHELL_CONTENT}")
    with pytest.raises(ValueError, match="one <li> entry"):
        Shell.parse(f"<ul><li>{SHELL_TOC}</li><li>{SHELL_TOC}</li></ul>{SHELL_CONTENT}")


def test_contents_entries_take_the_shells_own_markup():
    shell = Shell.parse(f"<nav><ul>\n  <li class='x'><a href='#{SHELL_SKIP}'><span>{SHELL_TOC}</span></a></li>\n</ul></nav>"
                        f"<a href='#{SHELL_SKIP}'>skip</a>{SHELL_CONTENT}")
    page = shell.fill("k", "T", "<h1>c</h1>", [("a", "A & B"), ("b", "B")])
    assert page == ("<nav><ul>\n<li class='x'><a href='#a'><span>A &amp; B</span></a></li>"
                    "<li class='x'><a href='#b'><span>B</span></a></li>\n</ul></nav><a href='#a'>skip</a><h1>c</h1>")
