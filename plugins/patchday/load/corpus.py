"""Load every record under the data folder into models, keeping positions.

This is stage 1 (syntax and shape) for the whole corpus. Rules that need
more than one field or file run afterwards, in :mod:`patchday.lint`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from patchday.diagnostics import Diagnostic, Severity
from patchday.load.files import Kind, SourceFile, classify, discover
from patchday.load.shape import to_model
from patchday.load.yaml_strict import MAX_BYTES, Document, read_text
from patchday.model import Bulletin, BulletinOverlay, Catalogue, ReleaseNotes, ReleaseNotesOverlay

M = TypeVar("M", bound=BaseModel)

_MODELS: dict[Kind, type[BaseModel]] = {
    Kind.CATALOGUE: Catalogue,
    Kind.BULLETIN: Bulletin,
    Kind.BULLETIN_OVERLAY: BulletinOverlay,
    Kind.RELEASE_NOTES: ReleaseNotes,
    Kind.RELEASE_OVERLAY: ReleaseNotesOverlay,
}


@dataclass(slots=True)
class Loaded(Generic[M]):
    """A model together with the file and positions it came from."""

    model: M
    doc: Document
    source: SourceFile

    @property
    def file(self) -> str:
        return self.source.display


@dataclass(slots=True)
class Corpus:
    root: Path
    catalogue: Loaded[Catalogue] | None = None
    bulletins: list[Loaded[Bulletin]] = field(default_factory=list)
    overlays: list[Loaded[BulletinOverlay]] = field(default_factory=list)
    release_notes: list[Loaded[ReleaseNotes]] = field(default_factory=list)
    release_overlays: list[Loaded[ReleaseNotesOverlay]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    # (kind, folder, stem) of records that exist but did not load; rules use it
    # to avoid follow-on errors such as "translation of a missing bulletin".
    broken: set[tuple[str, str | None, str]] = field(default_factory=set)


def _display(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:
        return str(path)


def load_file(source: SourceFile) -> tuple[Loaded | None, list[Diagnostic]]:
    """Read, parse and shape-check one file."""
    display = source.display
    if source.path.suffix == ".yml":
        return None, [
            Diagnostic(display, 1, 1, "PD030", Severity.ERROR, "record files end in .yaml", f"rename it to {source.path.stem}.yaml")
        ]
    if source.kind is Kind.UNKNOWN:
        return None, [
            Diagnostic(
                display,
                1,
                1,
                "PD031",
                Severity.ERROR,
                "this file is not a record patchday knows",
                "bulletins live in <year>/<ID>.yaml, translations in <year>/<ID>.<lang>.yaml, release notes in releases/<YYYY-MM>.yaml",
            )
        ]
    try:
        size = source.path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                Diagnostic(display, 1, 1, "PD001", Severity.ERROR, f"file is larger than {MAX_BYTES // 1000} kB", "split the record")
            ]
        text = source.path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Diagnostic(display, 1, 1, "PD032", Severity.ERROR, f"not UTF-8 text: {exc.reason}", "save the file as UTF-8")]
    except OSError as exc:
        return None, [Diagnostic(display, 1, 1, "PD033", Severity.ERROR, f"cannot read the file: {exc.strerror}", "check permissions")]
    doc, problems = read_text(text, display)
    if doc.value is None and problems:
        return None, problems
    model, shape_problems = to_model(doc, _MODELS[source.kind])
    problems.extend(shape_problems)
    if model is None:
        return None, problems
    return Loaded(model, doc, source), problems


def load_corpus(root: Path, *, cwd: Path | None = None, only: list[Path] | None = None) -> Corpus:
    """Load the whole data folder. ``only`` limits stage 1 to some files.

    Cross-file rules still see the whole corpus, so a change to one
    bulletin is checked against every other one.
    """
    cwd = cwd or Path.cwd()
    corpus = Corpus(root=root)
    paths = discover(root)
    corpus.files = len(paths)
    for path in paths:
        source = classify(path, root, _display(path, cwd))
        loaded, problems = load_file(source)
        corpus.diagnostics.extend(problems)
        if loaded is None:
            corpus.broken.add((source.kind.value, source.folder, source.stem))
            continue
        if source.kind is Kind.CATALOGUE:
            corpus.catalogue = loaded
        elif source.kind is Kind.BULLETIN:
            corpus.bulletins.append(loaded)
        elif source.kind is Kind.BULLETIN_OVERLAY:
            corpus.overlays.append(loaded)
        elif source.kind is Kind.RELEASE_NOTES:
            corpus.release_notes.append(loaded)
        elif source.kind is Kind.RELEASE_OVERLAY:
            corpus.release_overlays.append(loaded)
    if corpus.catalogue is None and not any(d.file.endswith("products.yaml") for d in corpus.diagnostics):
        corpus.diagnostics.append(
            Diagnostic(
                _display(root / "products.yaml", cwd),
                1,
                1,
                "PD034",
                Severity.ERROR,
                "the product catalogue is missing",
                "create products.yaml with families and products; bulletins refer to it",
            )
        )
    return corpus
