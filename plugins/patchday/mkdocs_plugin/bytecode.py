"""Compiled theme templates, kept in memory for the whole build.

mkdocs-static-i18n runs MkDocs' build once per language, and each run makes a
new Jinja environment that compiles Material's templates again from source
(about 0.2 s per language, on the build's one serial path). Jinja's bytecode
cache is the documented way to reuse them: each template is keyed by name and
file, and checked against its source's checksum before its code is used, so
an edited template (under `mkdocs serve`) compiles again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # rejected (left empty) when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()
