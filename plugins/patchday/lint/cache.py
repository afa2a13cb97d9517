"""Validate only what changed: replay the record rules' verdict on unchanged bulletins.

A bulletin and its translation overlays form a *unit*: every rule in
``lint.RULES`` judges a unit on its own, given the settings and the
catalogue. All other files (catalogue, release notes, files that are not
records) form one more unit, whose verdict does not depend on bulletins.
The cache keeps, per unit, the stats of its files (size and modification
time), a digest of their bytes, the diagnostics those rules gave and the
few facts the rules across bulletins need (:mod:`lint.across`). A run
stats every file; where the stats differ (a fresh clone, a touched file)
it compares digests, as git's index does; it loads and checks only the
units whose bytes changed, and runs the across-bulletin rules over all
facts. The result is exactly that of :func:`patchday.lint.lint` on the
whole corpus, which a test checks.

Everything the verdict depends on beyond the unit's own files is in the key
of the whole cache: the code of this package, the Python version, the
settings, the catalogue's bytes and where the files are printed from. When
any of them changes, every unit is checked again. The stats of a file
modified within the last two seconds are not trusted next time (a second
write in the same clock tick would leave them unchanged); its digest is.

The cache is ``marshal`` data (built-in types only; loading it runs no
code) under ``.patchday-cache/`` beside the data folder, or
``$PATCHDAY_CACHE_DIR``; CI can keep that folder between runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import stat
import sys
import time
from dataclasses import dataclass
from collections.abc import Callable
from pathlib import Path

from typing import TYPE_CHECKING, Any

from patchday.diagnostics import Diagnostic, Severity
from patchday.lint import across, ordered
from patchday.load.files import bulletin_unit, display, scan

if TYPE_CHECKING:
    from patchday.model import Settings

FORMAT = 1
RACY_NS = 2_000_000_000
_PACKAGE = Path(__file__).resolve().parents[1]

_code_stamp: str | None = None


def code_stamp() -> str:
    """A hash of this package's source: a changed rule must never replay an old verdict."""
    global _code_stamp
    if _code_stamp is None:
        h = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
        for path in sorted(_PACKAGE.rglob("*.py")):
            h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
        _code_stamp = h.hexdigest()
    return _code_stamp


def default_dir(root: Path) -> Path:
    return Path(os.environ.get("PATCHDAY_CACHE_DIR") or root.resolve().parent / ".patchday-cache")


@dataclass(slots=True)
class Outcome:
    files: int
    diagnostics: list[Diagnostic]
    checked_units: int  # units loaded and checked in this run
    cached_units: int  # units whose verdict was replayed


def _digest(base: str, files: list[tuple[str, os.stat_result]]) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for rel, st in files:
        h.update(rel.encode() + b"\0")
        if not stat.S_ISREG(st.st_mode):  # a folder, a pipe (opening one waits for a writer), a link to nothing
            h.update(b"\2" + str(st.st_mode).encode() + b"\0")
            continue
        try:
            with open(os.path.join(base, rel), "rb") as f:
                h.update(f.read())
        except OSError:
            h.update(b"\1unreadable")
        h.update(b"\0")
    return h.digest()


def _well_formed(hit: object) -> bool:
    """An entry as this code writes it: (stats or None, digest, diagnostics, facts)."""
    try:
        return (isinstance(hit, tuple) and len(hit) == 4 and isinstance(hit[1], bytes)
                and all(len(t) == 8 for t in hit[2])
                and all(len(f) == len(across.Facts._fields) and all(len(r) == 3 for r in f[5]) and all(len(r) == 3 for r in f[6])
                        for f in hit[3]))
    except TypeError:
        return False


def _pack(d: Diagnostic) -> tuple:
    return (d.file, d.line, d.column, d.code, str(d.severity), d.message, d.hint, d.path)


def _unpack(t: tuple) -> Diagnostic:
    return Diagnostic(t[0], t[1], t[2], t[3], Severity(t[4]), t[5], t[6], tuple(t[7]))


class _Store:
    def __init__(self, folder: Path | None, root: Path, key: str) -> None:
        self.path = None if folder is None else folder / f"validate-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.marshal"
        self.key = key
        self.units: dict[str, tuple] = {}
        if self.path is None:
            return
        try:
            data = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(data, tuple) and len(data) == 2 and data[0] == key and isinstance(data[1], dict):
            self.units = data[1]

    def save(self, units: dict[str, tuple]) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tag = self.path.parent / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# patchday's validation cache; safe to delete.\n")
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((self.key, units)))
            os.replace(tmp, self.path)
        except OSError:
            pass  # a cache that cannot be written costs time, never correctness


OTHER = ""  # the unit of every file that is not a bulletin or its translation


def validate(root: Path, settings: Settings, *, cwd: Path | None = None, cache_dir: Path | None = None,
             as_of: dt.datetime | None = None, load: Callable[..., Any] | None = None) -> Outcome:
    """Load and lint the data folder like ``lint(load_corpus(root), as_of=as_of)``, checking only changed units.

    ``load`` loads the files to check (``load_corpus``'s arguments); the CLI passes
    :func:`patchday.jobs.load_corpus`, which parses in worker processes.
    ``cache_dir=None`` turns the cache off (every unit is checked). The rules that depend
    on ``as_of`` read only facts, so they run on every call and never come from the cache.
    """
    cwd = cwd or Path.cwd()
    found = scan(root)
    now = time.time_ns()
    units: dict[str, list[tuple[str, os.stat_result]]] = {OTHER: []}
    for rel, st in found:
        unit = bulletin_unit(rel)
        units.setdefault(OTHER if unit is None else unit, []).append((rel, st))

    try:
        catalogue_bytes = (root / "products.yaml").read_bytes()
    except OSError:
        catalogue_bytes = b""
    key = hashlib.sha256(
        "\0".join([code_stamp(), settings.model_dump_json(), display(root, cwd), str(root.resolve())]).encode()
        + b"\0" + catalogue_bytes
    ).hexdigest()
    store = _Store(cache_dir, root, key)

    signatures: dict[str, tuple | None] = {}
    digests: dict[str, bytes] = {}
    replay: dict[str, tuple[list[Diagnostic], tuple]] = {}
    to_check: list[str] = []
    base = str(root)
    for unit, files in units.items():
        sig = tuple((rel, st.st_size, st.st_mtime_ns) for rel, st in files)
        # A file changed in this clock tick could change again without its stat showing it.
        signatures[unit] = None if any(now - st.st_mtime_ns < RACY_NS for _rel, st in files) else sig
        hit = store.units.get(unit)
        if not _well_formed(hit):
            to_check.append(unit)
            continue
        if hit[0] != sig:
            # Stats differ (a fresh clone, a touched file): the same bytes still mean the same verdict.
            digests[unit] = _digest(base, files)
            if hit[1] != digests[unit]:
                to_check.append(unit)
                continue
        else:
            digests[unit] = hit[1]
        replay[unit] = ([_unpack(t) for t in hit[2]] if hit[2] else [], hit[3])
    if to_check and OTHER in replay:
        # Checking a bulletin loads the catalogue anyway; its verdict comes along.
        del replay[OTHER]
        to_check.insert(0, OTHER)

    diagnostics: list[Diagnostic] = []
    per_unit: dict[str, list[tuple]] = {unit: [] for unit in to_check}
    facts_of: dict[str, list[tuple]] = {unit: [] for unit in to_check}
    loaded: dict[str, Any] = {}
    if to_check:
        from patchday.lint import record_rules
        from patchday.load.corpus import load_corpus

        load = load or load_corpus
        paths = sorted((root / rel for unit in to_check for rel, _ in units[unit]), key=lambda p: p.relative_to(root).parts)
        corpus = load(root, cwd=cwd, paths=paths)
        display_unit = {display(root / rel, cwd): unit for unit in to_check for rel, _ in units[unit]}
        for d in record_rules(corpus, settings):
            # A file that is not there (the missing catalogue) belongs to the other files.
            per_unit[display_unit.get(d.file, OTHER)].append(_pack(d))
            diagnostics.append(d)
        unit_facts, loaded = across.collect(corpus, settings)
        for f in unit_facts:
            facts_of[display_unit.get(f.file, OTHER)].append(tuple(f))

    all_facts: list[tuple] = []
    for unit in units:  # in path order, which the rule that names the first user of an ID relies on
        if unit in replay:
            replayed, facts = replay[unit]
            diagnostics.extend(replayed)
            all_facts.extend(facts)
        else:
            all_facts.extend(facts_of[unit])

    def locate(file: str, path: tuple) -> tuple[int, int]:
        item = loaded.get(file)
        if item is not None:
            return item.doc.locate(path)
        # A replayed unit: positions were never kept, so read the file again (only when reporting).
        from patchday.load.yaml_strict import read_value

        doc, _ = read_value((cwd / file).read_text(encoding="utf-8"), file)
        return doc.locate(path)

    diagnostics.extend(across.check(all_facts, settings, locate, as_of))

    if cache_dir is not None:
        entries = {}
        for unit in units:
            if unit in replay:
                packed = tuple(_pack(d) for d in replay[unit][0])
                facts = replay[unit][1]
            else:
                packed, facts = tuple(per_unit[unit]), tuple(facts_of[unit])
            digest = digests.get(unit) or _digest(base, units[unit])
            entries[unit] = (signatures[unit], digest, packed, facts)
        if entries != store.units:
            store.save(entries)

    return Outcome(len(found), ordered(diagnostics), len([u for u in to_check if u != OTHER]),
                   len([u for u in replay if u != OTHER]))
