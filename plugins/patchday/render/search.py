"""Pagefind: a per-language, chunked search index built out of process.

Material's search builds one lunr index for all languages (results mix
languages, Japanese compounds are missed, the browser downloads it whole).
Pagefind writes one index per ``<html lang>``, split into fragments a
browser fetches on demand; the *extended* binary segments Japanese.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _cmd(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind", "--silent"]


def build_index(site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_cmd(site_dir), capture_output=True, text=True, check=False)


# Live preview: the page is visible before the index is rebuilt. One run at a time.
_background: subprocess.Popen[bytes] | None = None


def build_index_in_background(site_dir: Path) -> None:
    global _background
    wait_for_background()
    _background = subprocess.Popen(_cmd(site_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_background() -> None:
    """Before the next build cleans the folder, let the previous index run finish."""
    global _background
    if _background is not None:
        _background.wait()
        _background = None
