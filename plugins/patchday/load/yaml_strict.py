"""A strict, position-keeping YAML reader.

PyYAML's own constructors silently keep the last of two duplicate keys, read
``1.10`` as ``1.1`` and ``no`` as ``False``, and recurse without bound. This
reader walks libyaml's event stream itself, in one iterative pass, and builds
plain Python values together with a map from field path to line and column.
Every problem is returned as a :class:`~patchday.diagnostics.Diagnostic`;
nothing here raises on bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from patchday.diagnostics import Diagnostic, Severity
from patchday.load.scalars import read_plain

try:  # libyaml makes the parser ~10x faster; the pure parser is the fallback.
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader

Path = tuple[str | int, ...]

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NODES = 100_000


@dataclass(slots=True)
class Document:
    """One YAML file: its value, and where each part of it was written."""

    file: str
    value: Any = None
    # path -> (line, column) of the value, 1-based
    where: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # path -> (line, column) of the mapping key that introduced it
    key_where: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # path -> the scalar exactly as written, for messages such as "1.10 reads as a number"
    raw: dict[Path, str] = field(default_factory=dict)
    # path -> True where the scalar was quoted
    quoted: set[Path] = field(default_factory=set)
    first_line: str = ""

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Return the position of ``path``, or of its nearest written parent."""
        p = tuple(path)
        while True:
            if key and p in self.key_where:
                return self.key_where[p]
            if p in self.where:
                return self.where[p]
            if p in self.key_where:
                return self.key_where[p]
            if not p:
                return (1, 1)
            p = p[:-1]


class _Frame:
    __slots__ = ("container", "path", "pending_key", "pending_key_mark", "size", "anchor", "keys")

    def __init__(self, container: Any, path: Path, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.pending_key: str | None = None
        self.pending_key_mark: tuple[int, int] | None = None
        self.size = 1
        self.anchor = anchor
        self.keys: dict[str, tuple[int, int]] = {}


def _mark(m: Any) -> tuple[int, int]:
    return (m.line + 1, m.column + 1)


def _err(file: str, where: tuple[int, int], code: str, message: str, hint: str, path: Path = ()) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        file=file,
        line=where[0],
        column=where[1],
        path=path,
        message=message,
        hint=hint,
    )


def read_text(text: str, file: str) -> tuple[Document, list[Diagnostic]]:
    """Parse YAML text strictly. Returns the document and every problem found."""
    doc = Document(file=file)
    doc.first_line = text.split("\n", 1)[0]
    problems: list[Diagnostic] = []
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        problems.append(
            _err(file, (1, 1), "PD001", f"file is larger than {MAX_BYTES // 1000} kB", "split the record; a bulletin is a few kB")
        )
        return doc, problems
    try:
        _walk(text, doc, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _mark(mark) if mark is not None else (1, 1)
        msg = " ".join(s for s in (exc.context, exc.problem) if s)
        problems.append(_err(file, where, "PD002", f"YAML syntax error: {msg}", "check indentation, quotes and colons near this line"))
        doc.value = None
    except yaml.YAMLError as exc:
        problems.append(_err(file, (1, 1), "PD002", f"YAML syntax error: {exc}", "check the file is valid UTF-8 YAML"))
        doc.value = None
    except _Abort as stop:
        problems.append(stop.diagnostic)
        doc.value = None
    return doc, problems


class _Abort(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def _walk(text: str, doc: Document, problems: list[Diagnostic]) -> None:
    file = doc.file
    loader = _Loader(text)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    total = 0
    documents = 0
    root_set = False
    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            kind = type(event)
            if kind is yaml.StreamStartEvent or kind is yaml.StreamEndEvent or kind is yaml.DocumentEndEvent:
                continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Abort(
                        _err(file, _mark(event.start_mark), "PD003", "more than one YAML document in the file", "keep one record per file; remove the second '---'")
                    )
                continue
            tag = getattr(event, "tag", None)
            if tag is not None and kind is not yaml.ScalarEvent and tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise _Abort(_err(file, _mark(event.start_mark), "PD004", f"YAML tag {tag!r} is not allowed", "remove the '!' tag"))

            # where does the next value go?
            parent = stack[-1] if stack else None
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size)
                if stack:
                    stack[-1].size += frame.size
                continue

            if parent is not None and isinstance(parent.container, dict) and parent.pending_key is None:
                # this event is a mapping key
                if kind is not yaml.ScalarEvent:
                    raise _Abort(_err(file, _mark(event.start_mark), "PD005", "a mapping key must be plain text", "write keys as simple words"))
                key = event.value
                where = _mark(event.start_mark)
                if key == "<<":
                    raise _Abort(_err(file, where, "PD006", "YAML merge keys ('<<') are not allowed", "write the fields out in full"))
                if key in parent.keys:
                    first = parent.keys[key]
                    problems.append(
                        _err(
                            file,
                            where,
                            "PD010",
                            f"duplicate key {key!r} (first written on line {first[0]})",
                            "YAML keeps only the last value of a repeated key; remove one of them",
                            parent.path + (key,),
                        )
                    )
                    parent.pending_key = "\x00dup"
                else:
                    parent.keys[key] = where
                    parent.pending_key = key
                parent.pending_key_mark = where
                continue

            if parent is None:
                path: Path = ()
            elif isinstance(parent.container, dict):
                path = parent.path + (parent.pending_key,)  # type: ignore[operator]
            else:
                path = parent.path + (len(parent.container),)

            where = _mark(event.start_mark)
            if kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise _Abort(_err(file, where, "PD007", f"unknown alias *{event.anchor}", "define the anchor before using it"))
                value, size = anchors[event.anchor]
                total += size
                if total > MAX_NODES:
                    raise _Abort(
                        _err(file, where, "PD008", f"aliases expand to more than {MAX_NODES} values", "write the values out instead of nesting aliases")
                    )
                if parent is not None:
                    parent.size += size
            elif kind is yaml.ScalarEvent:
                total += 1
                if total > MAX_NODES:
                    raise _Abort(_err(file, where, "PD008", f"more than {MAX_NODES} values in one file", "split the record"))
                if tag is not None and tag != "!" and not (event.implicit[0] or event.implicit[1]):
                    raise _Abort(_err(file, where, "PD004", f"YAML tag {tag!r} is not allowed", "remove the '!' tag"))
                if event.style is None or event.style == "":
                    value = read_plain(event.value)
                    doc.raw[path] = event.value
                else:
                    value = event.value
                    doc.quoted.add(path)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                if parent is not None:
                    parent.size += 1
            else:  # collection start
                total += 1
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(
                        _err(file, where, "PD009", f"nesting is deeper than {MAX_DEPTH} levels", "records are at most a few levels deep; check the indentation", path)
                    )
                container: Any = {} if kind is yaml.MappingStartEvent else []
                value = container
                stack.append(_Frame(container, path, event.anchor))

            # A block collection starts on the line after its key; point at the key.
            is_collection = kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent
            if is_collection and parent is not None and isinstance(parent.container, dict) and parent.pending_key_mark:
                doc.where[path] = parent.pending_key_mark
            else:
                doc.where[path] = where
            if parent is None:
                if not root_set:
                    doc.value = value
                    root_set = True
            elif isinstance(parent.container, dict):
                if parent.pending_key_mark is not None:
                    doc.key_where[path] = parent.pending_key_mark
                if parent.pending_key != "\x00dup":
                    parent.container[parent.pending_key] = value
                parent.pending_key = None
            else:
                parent.container.append(value)
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
