"""Release artifacts: a deterministic tarball of site/, SHA256SUMS and a manifest.

The tarball is byte-identical for the same tree: entries sorted, owners and
modes normalised, every mtime set to the release's as-of, gzip header without
a name or time.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

from patchday.catalog import Catalog
from patchday.model import Bulletin


def content_hash(b: Bulletin) -> str:
    """A hash of what a bulletin publishes (its `internal` block excluded)."""
    data = b.model_dump(mode="json", exclude={"internal"})
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def manifest(catalog: Catalog, month: str) -> dict:
    entries = []
    for e in sorted(catalog.entries, key=lambda x: x.id):
        entries.append({
            "id": e.id,
            "release": e.release,
            "status": str(e.bulletin.status),
            "revision": e.revision,
            "released": e.bulletin.released.isoformat(),
            "last_updated": e.last_updated.isoformat(),
            "severity": e.severity,
            "sha256": content_hash(e.bulletin),
            "in_this_release": e.release == month,
        })
    return {
        "release": month,
        "as_of": catalog.as_of.isoformat(),
        "bulletins": entries,
    }


def tarball(site: Path, out: Path, *, mtime: dt.datetime, prefix: str) -> None:
    epoch = int(mtime.timestamp())
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        paths = sorted(site.rglob("*"), key=lambda p: p.relative_to(site).as_posix())
        for path in paths:
            rel = path.relative_to(site).as_posix()
            info = tarfile.TarInfo(f"{prefix}/{rel}")
            info.mtime = epoch
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if path.is_dir():
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                tar.addfile(info)
            else:
                data = path.read_bytes()
                info.size = len(data)
                info.mode = 0o644
                tar.addfile(info, io.BytesIO(data))
    with out.open("wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())


def fixed_modes(folder: Path) -> None:
    """Folders 0755, files 0644, whatever the umask the build ran under: an archive folder
    that mirrors copy as it is must not differ by who made it."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() else 0o644)


def sha256sums(files: list[Path], base: Path) -> str:
    lines = []
    for f in sorted(files, key=lambda p: p.name):
        lines.append(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.relative_to(base).as_posix()}")
    return "\n".join(lines) + "\n"
