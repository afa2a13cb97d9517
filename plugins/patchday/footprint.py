"""What a built site weighs against the limits of the hosts vendors publish on.

A site that is too large for its host fails at deploy time, half-uploaded or with
an error that names no folder. ``measure`` walks a built site once; ``verdicts``
compares it with each host's published limits; the publish workflow runs
``patchday footprint site --host github-pages`` before it deploys, and the
benchmark prints the same verdicts per corpus size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MiB = 1024 * 1024
GB = 1000**3


@dataclass(frozen=True, slots=True)
class Host:
    name: str
    label: str
    max_bytes: int | None = None  # the whole site
    max_files: int | None = None
    max_file_bytes: int | None = None  # any one file


# The limits each host publishes (2026). GitHub Pages says "1 GB" without saying which;
# the decimal one is the stricter reading.
HOSTS: dict[str, Host] = {h.name: h for h in (
    Host("github-pages", "GitHub Pages", max_bytes=GB),
    Host("gitlab-pages", "GitLab Pages", max_bytes=GB, max_files=200_000),
    Host("cloudflare-free", "Cloudflare Pages (free plan)", max_files=20_000, max_file_bytes=25 * MiB),
    Host("cloudflare-paid", "Cloudflare Pages (paid plans)", max_files=100_000, max_file_bytes=25 * MiB),
)}


@dataclass(slots=True)
class Footprint:
    bytes: int = 0
    files: int = 0
    largest: tuple[int, str] = (0, "")  # size, site-relative path
    folders: dict[str, list[int]] = field(default_factory=dict)  # top-level entry -> [bytes, files]

    def add(self, rel: str, size: int) -> None:
        self.bytes += size
        self.files += 1
        if size > self.largest[0]:
            self.largest = (size, rel)
        top = _folder(rel)
        slot = self.folders.setdefault(top, [0, 0])
        slot[0] += size
        slot[1] += 1

    def top_folders(self, n: int = 5, *, by: int = 0) -> list[tuple[str, int, int]]:
        """The ``n`` heaviest folders, by bytes (``by=0``) or by files (``by=1``)."""
        ranked = sorted(self.folders.items(), key=lambda kv: (-kv[1][by], kv[0]))[:n]
        return [(name, b, f) for name, (b, f) in ranked]


def _folder(rel: str) -> str:
    # Language folders and .well-known hold several outputs each: name them one level down.
    parts = rel.split("/")
    if len(parts) > 2 and (parts[0] in (".well-known", "api") or len(parts[0]) == 2):
        return "/".join(parts[:2]) + "/"
    return parts[0] + ("/" if len(parts) > 1 else "")


def measure(site: Path) -> Footprint:
    """Every regular file under ``site`` (symlinks are not followed: hosts upload what is there)."""
    fp = Footprint()
    root = str(site)
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            fp.add(os.path.relpath(path, root).replace(os.sep, "/"), st.st_size)
    return fp


@dataclass(frozen=True, slots=True)
class Verdict:
    host: Host
    problems: tuple[str, ...]  # empty when the site fits

    @property
    def fits(self) -> bool:
        return not self.problems


def verdict(fp: Footprint, host: Host) -> Verdict:
    problems: list[str] = []
    if host.max_bytes is not None and fp.bytes > host.max_bytes:
        problems.append(f"{mb(fp.bytes)} is over the {mb(host.max_bytes)} limit for a site")
    if host.max_files is not None and fp.files > host.max_files:
        problems.append(f"{fp.files:,} files is over the {host.max_files:,}-file limit")
    if host.max_file_bytes is not None and fp.largest[0] > host.max_file_bytes:
        problems.append(f"{fp.largest[1]} ({mb(fp.largest[0])}) is over the {host.max_file_bytes // MiB} MiB limit for one file")
    return Verdict(host, tuple(problems))


def verdicts(fp: Footprint) -> list[Verdict]:
    return [verdict(fp, h) for h in HOSTS.values()]


def mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def report(fp: Footprint, chosen: list[Verdict]) -> str:
    lines = [f"site: {mb(fp.bytes)} in {fp.files:,} files; largest file {fp.largest[1]} ({mb(fp.largest[0])})"]
    lines.append("heaviest folders: " + ", ".join(f"{n} {mb(b)}" for n, b, _ in fp.top_folders()))
    lines.append("most files: " + ", ".join(f"{n} {f:,}" for n, _, f in fp.top_folders(by=1)))
    for v in chosen:
        lines.append(f"{v.host.label}: " + ("fits" if v.fits else "DOES NOT FIT: " + "; ".join(v.problems)))
    return "\n".join(lines)
