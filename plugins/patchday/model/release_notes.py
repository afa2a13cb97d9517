"""Optional notes for one monthly release: ``bulletins/releases/<YYYY-MM>.yaml``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from patchday.model.bulletin import Record
from patchday.model.types import Markdown, Slug, Text


class Note(Record):
    key: Slug = Field(description="Stable key; translations refer to the note by it.")
    title: Text
    text: Markdown


class ReleaseNotes(Record):
    schema_version: Literal[1] = Field(description="Always `1`.")
    release: Text = Field(description="The month, `YYYY-MM`; must match the file name.", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    highlights: list[Note] = Field(default_factory=list)
    known_issues: list[Note] = Field(default_factory=list)
