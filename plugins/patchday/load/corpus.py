"""Load every record under the data folder into models, keeping positions.

This is stage 1 (syntax and shape) for the whole corpus. Rules that need
more than one field or file run afterwards, in :mod:`patchday.lint`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from patchday.diagnostics import Diagnostic, Severity
from patchday.load.files import Kind, SourceFile, classify, discover, display
from patchday.load.shape import to_model
from patchday.load.yaml_strict import MAX_BYTES, Document, read_value
from patchday.model import Bulletin, BulletinOverlay, ProductList, ProductsOverlay, ReleaseNotes, ReleaseNotesOverlay

M = TypeVar("M", bound=BaseModel)

_MODELS: dict[Kind, type[BaseModel]] = {
    Kind.CATALOGUE: ProductList,
    Kind.CATALOGUE_OVERLAY: ProductsOverlay,
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
    catalogue: Loaded[ProductList] | None = None
    catalogue_overlays: list[Loaded[ProductsOverlay]] = field(default_factory=list)
    bulletins: list[Loaded[Bulletin]] = field(default_factory=list)
    overlays: list[Loaded[BulletinOverlay]] = field(default_factory=list)
    release_notes: list[Loaded[ReleaseNotes]] = field(default_factory=list)
    release_overlays: list[Loaded[ReleaseNotesOverlay]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    # (kind, folder, stem) of records that exist but did not load; rules use it
    # to avoid follow-on errors such as "translation of a missing bulletin".
    broken: set[tuple[str, str | None, str]] = field(default_factory=set)


def _not_a_file(source: SourceFile) -> Diagnostic | None:
    """PD035 when the entry is not a regular file (or a link to one), which would be read as nothing or hang."""
    try:
        mode = os.stat(source.path).st_mode
    except FileNotFoundError:
        if not os.path.islink(source.path):
            return None  # gone since the scan: reading it says so (PD033)
        target = os.readlink(source.path)
        return Diagnostic(source.display, 1, 1, "PD035", Severity.ERROR, f"a symbolic link to {target}, which does not exist",
                          "point the link at the record, or remove it")
    except OSError:
        return None  # reading it says why (PD033)
    if stat.S_ISREG(mode):
        return None
    what = "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else "not a regular file"
    return Diagnostic(source.display, 1, 1, "PD035", Severity.ERROR, f"named like a record, but {what}",
                      "records are plain files; rename or remove it")


def _read(source: SourceFile) -> tuple[Document | None, list[Diagnostic], bytes]:
    """Stage 1a: read and parse one file. The document is None when the file stops here."""
    display = source.display
    if (problem := _not_a_file(source)) is not None:
        return None, [problem], b""
    if source.path.suffix != ".yaml":  # .yml, .YAML, .Yaml ...
        return None, [
            Diagnostic(display, 1, 1, "PD030", Severity.ERROR, "record files end in .yaml (lower case)",
                       f"rename it to {source.path.stem}.yaml")
        ], b""
    if source.kind is Kind.UNKNOWN:
        return None, [
            Diagnostic(
                display,
                1,
                1,
                "PD031",
                Severity.ERROR,
                "this file is not a record patchday knows",
                "bulletins live in <year>/<ID>.yaml, translations in <year>/<ID>.<lang>.yaml, release notes in releases/<YYYY-MM>.yaml, "
                "catalogue names in products.<lang>.yaml",
            )
        ], b""
    try:
        size = source.path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                Diagnostic(display, 1, 1, "PD001", Severity.ERROR, f"file is larger than {MAX_BYTES // 1000} kB", "split the record")
            ], b""
        data = source.path.read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Diagnostic(display, 1, 1, "PD032", Severity.ERROR, f"not UTF-8 text: {exc.reason}", "save the file as UTF-8")], b""
    except OSError as exc:
        return None, [Diagnostic(display, 1, 1, "PD033", Severity.ERROR, f"cannot read the file: {exc.strerror}", "check permissions")], b""
    doc, problems = read_value(text, display)
    if doc.value is None and problems:
        return None, problems, b""
    return doc, problems, data


def _shape(source: SourceFile, doc: Document, problems: list[Diagnostic]) -> tuple[Loaded | None, list[Diagnostic]]:
    """Stage 1b: check the parsed document against its model."""
    model, shape_problems = to_model(doc, _MODELS[source.kind])
    problems.extend(shape_problems)
    if model is None:
        return None, problems
    return Loaded(model, doc, source), problems


def load_file(source: SourceFile) -> tuple[Loaded | None, list[Diagnostic]]:
    """Read, parse and shape-check one file."""
    doc, problems, _ = _read(source)
    if doc is None:
        return None, problems
    return _shape(source, doc, problems)


# --- reading in parallel -------------------------------------------------------------
#
# Parsing YAML is most of the time `patchday validate` takes on a large
# corpus, and each file parses on its own, so worker processes (patchday.jobs)
# may parse while this process checks the models. A worker sends back, per
# file, the parsed value, the problems and the file's bytes -- never position
# maps, which cost more to send than to rebuild; the document rebuilds them
# from the bytes if a diagnostic needs them (see Document). The results are
# taken in file order, so the diagnostics and the corpus are exactly those of
# the sequential loop.

# (value, first line, problems, bytes, markup_safe); the document's parts that are worked out from its text
# once, where it is parsed.
_Parsed = tuple[Any, str, list[Diagnostic], bytes, bool | None] | tuple[None, None, list[Diagnostic], bytes, None]
# How to run read_chunk over the files: given read_chunk and the files, the results in file order.
Reader = Callable[[Callable[[list[SourceFile]], list[_Parsed]], list[SourceFile]], Iterable[_Parsed]]


def read_chunk(sources: list[SourceFile]) -> list[_Parsed]:
    out: list[_Parsed] = []
    for source in sources:
        doc, problems, data = _read(source)
        if doc is None:
            out.append((None, None, problems, b"", None))
        else:
            out.append((doc.value, doc.first_line, problems, data, doc.markup_safe))
    return out


def _read_all(sources: list[SourceFile], read: Reader | None) -> Iterator[tuple[Document | None, list[Diagnostic]]]:
    if read is None:
        for source in sources:
            doc, problems, _ = _read(source)
            yield doc, problems
        return
    for source, (value, first_line, problems, data, safe) in zip(sources, read(read_chunk, sources)):
        if first_line is None:
            yield None, problems
            continue
        doc = Document(file=source.display, value=value, first_line=first_line)
        doc._text = data
        doc.markup_safe = safe
        yield doc, problems


def _fill(corpus: Corpus, sources: list[SourceFile], read: Reader | None) -> None:
    for source, (doc, problems) in zip(sources, _read_all(sources, read)):
        loaded: Loaded | None = None
        if doc is not None:
            loaded, problems = _shape(source, doc, problems)
        corpus.diagnostics.extend(problems)
        if loaded is None:
            corpus.broken.add((source.kind.value, source.folder, source.stem))
            continue
        if source.kind is Kind.CATALOGUE:
            corpus.catalogue = loaded
        elif source.kind is Kind.CATALOGUE_OVERLAY:
            corpus.catalogue_overlays.append(loaded)
        elif source.kind is Kind.BULLETIN:
            corpus.bulletins.append(loaded)
        elif source.kind is Kind.BULLETIN_OVERLAY:
            corpus.overlays.append(loaded)
        elif source.kind is Kind.RELEASE_NOTES:
            corpus.release_notes.append(loaded)
        elif source.kind is Kind.RELEASE_OVERLAY:
            corpus.release_overlays.append(loaded)


def source_files(root: Path, cwd: Path, paths: list[Path]) -> list[SourceFile]:
    """The files at ``paths`` under the data folder, as the loader reads and names them."""
    return [classify(path, root, display(path, cwd)) for path in paths]


def load_corpus(root: Path, *, cwd: Path | None = None, paths: list[Path] | None = None,
                read: Reader | None = None, sources: list[SourceFile] | None = None) -> Corpus:
    """Load the whole data folder (or, for the validation cache, the given files of it).

    Cross-file rules need all of it even when one file is checked; only the
    cache, which keeps what they need of the other files, passes ``paths``.
    ``read`` runs the parsing elsewhere (:func:`patchday.jobs.load_corpus` passes
    worker processes); without it, every file is read here, one after another.
    ``sources``: the files as :func:`source_files` found them already (workers that
    started on them before this call), instead of looking again.
    """
    cwd = cwd or Path.cwd()
    corpus = Corpus(root=root)
    if sources is None:
        sources = source_files(root, cwd, discover(root) if paths is None else paths)
    corpus.files = len(sources)
    _fill(corpus, sources, read)
    if corpus.catalogue is None and not any(d.file.endswith("products.yaml") for d in corpus.diagnostics):
        corpus.diagnostics.append(
            Diagnostic(
                display(root / "products.yaml", cwd),
                1,
                1,
                "PD034",
                Severity.ERROR,
                "the product catalogue is missing",
                "create products.yaml with families and products; bulletins refer to it",
            )
        )
    return corpus
