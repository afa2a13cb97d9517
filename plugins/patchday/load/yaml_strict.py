"""A strict, position-keeping YAML reader.

PyYAML's own constructors silently keep the last of two duplicate keys, read
``1.10`` as ``1.1`` and ``no`` as ``False``, and recurse without bound. This
reader walks libyaml's event stream itself, in one iterative pass, and builds
plain Python values together with a map from field path to line and column.
Every problem is returned as a :class:`~patchday.diagnostics.Diagnostic`;
nothing here raises on bad input.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

from patchday.diagnostics import Diagnostic, Severity
from patchday.load.scalars import SPECIAL_FIRST, read_plain

try:  # libyaml makes the parser ~10x faster; the pure parser is the fallback.
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader

Path = tuple[str | int, ...]

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NODES = 100_000


class Document:
    """One YAML file: its value, and where each part of it was written.

    The position maps can be filled lazily: :func:`read_value` parses without
    them and keeps the text, and the first look at ``where``, ``key_where``,
    ``raw`` or ``quoted`` parses the same text again with positions. That is
    the same walk over the same text, so the maps are identical; a valid
    record never needs them, which saves most of their cost.
    """

    __slots__ = ("file", "value", "first_line", "_where", "_key_where", "_raw", "_quoted", "_text", "markup_safe")

    def __init__(
        self,
        file: str,
        value: Any = None,
        where: dict[Path, tuple[int, int]] | None = None,
        key_where: dict[Path, tuple[int, int]] | None = None,
        raw: dict[Path, str] | None = None,
        quoted: set[Path] | None = None,
        first_line: str = "",
    ) -> None:
        self.file = file
        self.value = value
        self.first_line = first_line
        # path -> (line, column) of the value, 1-based
        self._where: dict[Path, tuple[int, int]] = {} if where is None else where
        # path -> (line, column) of the mapping key that introduced it
        self._key_where: dict[Path, tuple[int, int]] = {} if key_where is None else key_where
        # path -> the scalar exactly as written, for messages such as "1.10 reads as a number"
        self._raw: dict[Path, str] = {} if raw is None else raw
        # paths of the scalars that were quoted
        self._quoted: set[Path] = set() if quoted is None else quoted
        self._text: str | bytes | None = None  # set while the maps are still to be built
        # True when no string in the document can hold raw HTML or a link of an unsafe
        # scheme (see markup_safe). None: unknown.
        self.markup_safe: bool | None = None

    def _fill(self) -> None:
        text = self._text
        if text is not None:
            self._text = None
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            again, _ = read_text(text, self.file)
            self._where, self._key_where, self._raw, self._quoted = again._where, again._key_where, again._raw, again._quoted

    @property
    def text(self) -> str | bytes | None:
        """The source text while the position maps are still to be built, else None."""
        return self._text

    @property
    def where(self) -> dict[Path, tuple[int, int]]:
        if self._text is not None:
            self._fill()
        return self._where

    @property
    def key_where(self) -> dict[Path, tuple[int, int]]:
        if self._text is not None:
            self._fill()
        return self._key_where

    @property
    def raw(self) -> dict[Path, str]:
        if self._text is not None:
            self._fill()
        return self._raw

    @property
    def quoted(self) -> set[Path]:
        if self._text is not None:
            self._fill()
        return self._quoted

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.file, self.value, self.first_line, self.where, self.key_where, self.raw, self.quoted) == (
            other.file, other.value, other.first_line, other.where, other.key_where, other.raw, other.quoted)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Document(file={self.file!r}, value={self.value!r})"

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Return the position of ``path``, or of its nearest written parent."""
        if self._text is not None:
            self._fill()
        where, key_where = self._where, self._key_where
        p = tuple(path)
        while True:
            if key and p in key_where:
                return key_where[p]
            if p in where:
                return where[p]
            if p in key_where:
                return key_where[p]
            if not p:
                return (1, 1)
            p = p[:-1]


class _Frame:
    __slots__ = ("container", "path", "pending_key", "pending_key_mark", "size", "anchor", "keys", "is_map")

    def __init__(self, container: Any, path: Path, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.pending_key: Any = None  # a key, None, or _REPEATED
        self.pending_key_mark: tuple[int, int] | None = None
        self.size = 1
        self.anchor = anchor
        self.keys: dict[str, tuple[int, int]] = {}
        self.is_map = type(container) is dict


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


def read_value(text: str, file: str) -> tuple[Document, list[Diagnostic]]:
    """Like :func:`read_text`, but the position maps are built only when first used.

    Value and problems are the same as :func:`read_text` gives; only the
    work of recording where each value was written is deferred.
    """
    doc, problems = read_text(text, file, positions=False)
    doc._text = text
    doc.markup_safe = markup_safe(text)
    return doc, problems


# A link whose destination starts, on the same line as its '](', with a scheme or path that
# the markup rule (PD802) always accepts.
_SAFE_LINK = re.compile(r"\]\([ \t]*(?:https?:|mailto:|#|/|\.\.?/)")
_SAFE_LINK_BYTES = re.compile(_SAFE_LINK.pattern.encode("ascii"))


def markup_safe(text: str | bytes) -> bool:
    """No string parsed from ``text`` can hold raw HTML or a link the markup rule refuses.

    Read off the source: no '<' (a tag, a comment, an autolink), no ']:' (a reference
    definition), no backslash (an escape could spell any of them), and every '](' is
    followed by a safe destination on its own line. YAML turns source into values only
    by folding line breaks into spaces or newlines and by '' -> ', so a value's '](' and
    the destination after it are written the same way in the source. A record with
    anything else is walked by the rule.
    """
    if isinstance(text, bytes):
        return (b"<" not in text and b"]:" not in text and b"\\" not in text
                and text.count(b"](") == len(_SAFE_LINK_BYTES.findall(text)))
    return ("<" not in text and "]:" not in text and "\\" not in text
            and text.count("](") == len(_SAFE_LINK.findall(text)))


def read_text(text: str, file: str, *, positions: bool = True) -> tuple[Document, list[Diagnostic]]:
    """Parse YAML text strictly. Returns the document and every problem found."""
    doc = Document(file=file)
    doc.first_line = text.split("\n", 1)[0]
    problems: list[Diagnostic] = []
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        problems.append(
            _err(file, (1, 1), "PD001", f"file is larger than {MAX_BYTES // 1000} kB", "split the record; a bulletin is a few kB")
        )
        return doc, problems
    if not positions:
        try:
            doc.value = _plain_value(text)
            return doc, problems
        except (_Unusual, yaml.YAMLError):
            pass  # the full walk below says exactly what, and where
    try:
        _walk(text, doc, problems, positions)
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


_StreamStart, _StreamEnd = yaml.StreamStartEvent, yaml.StreamEndEvent
_DocStart, _DocEnd = yaml.DocumentStartEvent, yaml.DocumentEndEvent
_MapStart, _MapEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SeqStart, _SeqEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_SKIP = (_StreamStart, _StreamEnd, _DocEnd)
_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _Unusual(Exception):
    """The document holds something only the full walk reports (or builds) exactly."""


_NO_KEY = object()  # a mapping waiting for its next key
# The pending key of a repeated key, whose value is reported and not kept: an object, as any
# string could be a key ("\0dup" once was the marker, and a key written "\0dup" vanished).
_REPEATED: Any = object()


def _plain_value(text: str) -> Any:
    """The value of a document with nothing unusual in it, or :class:`_Unusual`.

    Most records are one document of mappings, lists and scalars with no tags,
    aliases, merge keys or repeated keys, within the limits. For them this loop
    builds the same value as :func:`_walk` with ``positions=False`` at half the
    cost per event (libyaml's events themselves cost the same): no positions,
    no per-frame objects, no limits checked on each event, no call for a plain
    scalar that can only be text. An anchor changes no value; only an alias is
    unusual. Anything unusual raises :class:`_Unusual`, and the caller walks the
    text again the full way, which finds the problems and their positions: an
    unusual file pays for both walks (tests/lint/test_loader_fast_path.py).
    """
    loader = _Loader(text)
    get_event = loader.get_event
    intern = sys.intern
    plain = read_plain
    special = SPECIAL_FIRST
    stack: list[tuple[Any, bool]] = []  # the enclosing collections: (container, is_map)
    container: Any = None
    is_map = False
    key: Any = _NO_KEY
    root: Any = None
    documents = nodes = 0
    try:
        for event in iter(get_event, None):  # libyaml's events until the stream ends
            kind = type(event)
            if kind is _Scalar:
                if event.tag is not None:
                    raise _Unusual
                value = event.value
                if is_map and key is _NO_KEY:
                    if value in container or value == "<<":
                        raise _Unusual
                    key = intern(value)
                    continue
                nodes += 1
                if not event.style and (not value or value[0] in special):
                    value = plain(value)
            elif kind is _MapStart or kind is _SeqStart:
                if event.tag is not None or (is_map and key is _NO_KEY) or len(stack) >= MAX_DEPTH:
                    raise _Unusual
                nodes += 1
                value = {} if kind is _MapStart else []
            elif kind is _MapEnd or kind is _SeqEnd:
                container, is_map = stack.pop()
                key = _NO_KEY
                continue
            elif kind is _DocStart:
                documents += 1
                if documents > 1:
                    raise _Unusual
                continue
            elif kind in _SKIP:
                continue
            else:  # an alias
                raise _Unusual
            if is_map:
                container[key] = value
                key = _NO_KEY
            elif container is not None:
                container.append(value)
            elif nodes == 1:
                root = value
            if kind is not _Scalar:
                # Depth as the full walk counts it: the collections open around this one.
                stack.append((container, is_map))
                container, is_map = value, kind is _MapStart
        if nodes > MAX_NODES:
            raise _Unusual
        return root
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()


def _walk(text: str, doc: Document, problems: list[Diagnostic], positions: bool = True) -> None:
    # One pass over libyaml's events. This loop is the hot path of `patchday
    # validate` (a few million events for a large corpus), so it binds names
    # locally and tests the most frequent event kind (scalars) first; the
    # order of checks and therefore every result is that of the plain version.
    file = doc.file
    loader = _Loader(text)
    get_event = loader.get_event
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    total = 0
    documents = 0
    root_set = False
    doc_where = doc._where
    key_where = doc._key_where
    raw = doc._raw
    quoted_add = doc._quoted.add
    plain = read_plain
    parent: _Frame | None = None  # always stack[-1], or None
    try:
        for event in iter(get_event, None):  # libyaml's events until the stream ends
            kind = type(event)
            if kind is _Scalar:
                tag = event.tag
            elif kind in _SKIP:
                continue
            elif kind is _DocStart:
                documents += 1
                if documents > 1:
                    raise _Abort(
                        _err(file, _mark(event.start_mark), "PD003", "more than one YAML document in the file", "keep one record per file; remove the second '---'")
                    )
                continue
            else:
                tag = getattr(event, "tag", None)
                if tag is not None and tag not in _COLLECTION_TAGS:
                    raise _Abort(_err(file, _mark(event.start_mark), "PD004", f"YAML tag {tag!r} is not allowed", "remove the '!' tag"))
                if kind is _MapEnd or kind is _SeqEnd:
                    frame = stack.pop()
                    if frame.anchor:
                        anchors[frame.anchor] = (frame.container, frame.size)
                    if stack:
                        parent = stack[-1]
                        parent.size += frame.size
                    else:
                        parent = None
                    continue

            # where does the next value go?
            m = event.start_mark
            where = (m.line + 1, m.column + 1)
            if parent is None:
                path: Path = ()
                is_map = False
            else:
                is_map = parent.is_map
                if is_map:
                    pending = parent.pending_key
                    if pending is None:
                        # this event is a mapping key
                        if kind is not _Scalar:
                            raise _Abort(_err(file, where, "PD005", "a mapping key must be plain text", "write keys as simple words"))
                        key = event.value
                        if key == "<<":
                            raise _Abort(_err(file, where, "PD006", "YAML merge keys ('<<') are not allowed", "write the fields out in full"))
                        keys = parent.keys
                        if key in keys:
                            first = keys[key]
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
                            parent.pending_key = _REPEATED
                        else:
                            keys[key] = where
                            parent.pending_key = key
                        parent.pending_key_mark = where
                        continue
                    if positions or (kind is not _Scalar and kind is not _Alias):
                        path = parent.path + (pending,)
                elif positions or (kind is not _Scalar and kind is not _Alias):
                    path = parent.path + (len(parent.container),)

            if kind is _Scalar:
                total += 1
                if total > MAX_NODES:
                    raise _Abort(_err(file, where, "PD008", f"more than {MAX_NODES} values in one file", "split the record"))
                if tag is not None and tag != "!" and not (event.implicit[0] or event.implicit[1]):
                    raise _Abort(_err(file, where, "PD004", f"YAML tag {tag!r} is not allowed", "remove the '!' tag"))
                style = event.style
                if style is None or style == "":
                    text_value = event.value
                    value = plain(text_value)
                    if positions:
                        raw[path] = text_value
                else:
                    value = event.value
                    if positions:
                        quoted_add(path)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                if parent is not None:
                    parent.size += 1
                if positions:
                    doc_where[path] = where
            elif kind is _Alias:
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
                if positions:
                    doc_where[path] = where
            else:  # collection start
                total += 1
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(
                        _err(file, where, "PD009", f"nesting is deeper than {MAX_DEPTH} levels", "records are at most a few levels deep; check the indentation", path)
                    )
                value = {} if kind is _MapStart else []
                frame = _Frame(value, path, event.anchor)
                stack.append(frame)
                # A block collection starts on the line after its key; point at the key.
                if not positions:
                    pass
                elif is_map and parent.pending_key_mark:  # type: ignore[union-attr]
                    doc_where[path] = parent.pending_key_mark  # type: ignore[union-attr]
                else:
                    doc_where[path] = where

            if parent is None:
                if not root_set:
                    doc.value = value
                    root_set = True
            elif is_map:
                if positions and parent.pending_key_mark is not None:
                    key_where[path] = parent.pending_key_mark
                if parent.pending_key is not _REPEATED:
                    parent.container[parent.pending_key] = value
                parent.pending_key = None
            else:
                parent.container.append(value)
            if kind is not _Scalar and kind is not _Alias:
                parent = frame
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
