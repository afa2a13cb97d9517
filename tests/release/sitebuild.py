"""Build a whole site from a corpus folder in a subprocess, as CI does."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def site_config(tmp: Path, corpus: Path, **patchday: object) -> Path:
    """A mkdocs.yml like the repository's, reading records from ``corpus``."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "theme")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "patchday" in plugin:
            plugin["patchday"]["source"] = os.path.relpath(corpus, tmp)
            plugin["patchday"].update(patchday)
    # BaseLoader read every scalar as text; booleans that mkdocs checks must be booleans again
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    for key in ("use_directory_urls", "font", "permalink", "default", "build", "fallback_to_default", "reconfigure_search"):
        text = text.replace(f"{key}: 'true'", f"{key}: true").replace(f"{key}: 'false'", f"{key}: false")
    path = tmp / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def cve_records(config: Path, out: Path, *, as_of: str) -> Path:
    """What a CNA uploads: `patchday cve-records` as of ``as_of`` into ``out``."""
    args = [sys.executable, "-m", "patchday", "--config", str(config), "cve-records", "-d", str(out), "--as-of", as_of]
    r = subprocess.run(args, cwd=config.parent, capture_output=True, text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return out


def build(config: Path, site: Path, *, as_of: str, env: dict[str, str] | None = None, preview: bool = False,
          ok: bool = True) -> subprocess.CompletedProcess[str]:
    """Build as CI does; ``ok=False`` expects the build to be refused (exit 1) and returns its output."""
    args = [sys.executable, "-m", "patchday", "--config", str(config), "build", "-d", str(site), "--as-of", as_of]
    if preview:
        args.append("--preview")
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("PATCHDAY_PREVIEW", None)
    r = subprocess.run(args, cwd=config.parent, capture_output=True, text=True, env=full_env, timeout=900, check=False)
    assert r.returncode == (0 if ok else 1), r.stdout[-3000:] + r.stderr[-3000:]
    return r


def contents(path: Path) -> Iterator[bytes]:
    """A file's bytes, and its decompressed bytes when it is gzip (.gz)."""
    data = path.read_bytes()
    yield data
    if data[:2] == b"\x1f\x8b":
        try:
            yield gzip.decompress(data)
        except (OSError, EOFError):
            pass


def find(site: Path, needles: list[str]) -> dict[str, list[str]]:
    """needle -> files (relative) that contain it, case-insensitively, compressed or not."""
    wanted = [n.lower().encode("utf-8") for n in needles]
    hits: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        for blob in contents(path):
            low = blob.lower()
            for needle, raw in zip(needles, wanted):
                if raw in low:
                    hits.setdefault(needle, []).append(path.relative_to(site).as_posix())
    return hits


def january_as_on_its_day(bulletins: Path) -> None:
    """The base corpus as it stood on the January release: CX26-001 without its later revision 1.1
    (a build as of that release refuses a record carrying it, PD609) and without the translations
    made from it."""
    record = bulletins / "2026" / "CX26-001.yaml"
    text = record.read_text(encoding="utf-8")
    start = text.index('  - version: "1.1"')
    end = text.index("\n", text.index("summary:", start)) + 1
    record.write_text(text[:start] + text[end:], encoding="utf-8")
    for overlay in record.parent.glob("CX26-001.*.yaml"):
        overlay.unlink()
