"""Pagefind: one chunked search index per language, built out of process.

Material's search builds one lunr index for all languages (results mix
languages, Japanese compounds are missed, the browser downloads it whole).
Pagefind splits its index into fragments a browser fetches on demand; the
*extended* binary segments Japanese.

Each language is indexed by its own Pagefind run into its own bundle under
the language root (``pagefind/``, ``de/pagefind/``, ...), one run after the
other: a single run over every language holds all of them in memory at once
(1.6 GB at 1,000 bulletins x 4 languages), while a French reader only ever
needs the French index. Only bulletin pages carry ``data-pagefind-body``, so
only they are handed to Pagefind (``--glob``); the binary is started
directly, so the build runs it next to the exports.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path


def _binary() -> list[str]:
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            mod = __import__(module)
            exe = mod.get_executable()
        except Exception:  # noqa: BLE001 - not installed, or no binary for this platform
            continue
        return [str(exe)]
    return [sys.executable, "-m", "pagefind"]


def bundle_dir(site_dir: Path, lang: str, source_language: str) -> Path:
    return site_dir / "pagefind" if lang == source_language else site_dir / lang / "pagefind"


def _cmd(site_dir: Path, lang: str, source_language: str) -> list[str]:
    root = "" if lang == source_language else f"{lang}/"
    return [*_binary(), "--site", str(site_dir), "--glob", f"{root}bulletins/*/index.html",
            "--output-path", str(bundle_dir(site_dir, lang, source_language).resolve()), "--silent"]


class IndexRun:
    """Index every language, one Pagefind process after the other, in a thread; ``wait`` returns the errors."""

    def __init__(self, site_dir: Path, languages: Sequence[str], source_language: str) -> None:
        self.errors: list[str] = []
        self._cmds = [_cmd(site_dir, lang, source_language) for lang in sorted(languages)]
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for cmd in self._cmds:
            result = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                self.errors.append(result.stderr.strip() or result.stdout.strip() or f"exit {result.returncode}")

    def wait(self) -> list[str]:
        self._thread.join()
        return self.errors


def build_index(site_dir: Path, languages: Sequence[str], source_language: str) -> list[str]:
    return IndexRun(site_dir, languages, source_language).wait()


# Live preview: the page is visible before the index is rebuilt. One run at a time.
_background: IndexRun | None = None


def build_index_in_background(site_dir: Path, languages: Sequence[str], source_language: str) -> None:
    global _background
    wait_for_background()
    _background = IndexRun(site_dir, languages, source_language)


def wait_for_background() -> None:
    """Before the next build cleans the folder, let the previous index run finish."""
    global _background
    if _background is not None:
        _background.wait()
        _background = None
