"""Translation overlays: ``<ID>.<lang>.yaml`` and ``releases/<YYYY-MM>.<lang>.yaml``.

An overlay carries translatable text only, keyed by stable keys (CVE id,
workaround key, FAQ key, revision number), never by list position.
``source_hashes`` records, per translated field, a short hash of the English
text it was translated from, so that stale fields can be named exactly.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from patchday.model.bulletin import Record
from patchday.model.types import CVEId, Markdown, RevisionNumber, Slug, Text, VersionRef

Hash = Text


class WorkaroundText(Record):
    text: Markdown | None = None
    impact: Markdown | None = None
    undo: Markdown | None = None


class FaqText(Record):
    question: Text | None = None
    answer: Markdown | None = None


class VulnerabilityText(Record):
    title: Text | None = None
    description: Markdown | None = None
    mitigating_factors: Markdown | None = None
    workarounds: dict[Slug, WorkaroundText] = Field(default_factory=dict)
    faq: dict[Slug, FaqText] = Field(default_factory=dict)


class ReasonText(Record):
    reason: Markdown | None = None


class BulletinOverlay(Record):
    schema_version: Literal[1] = Field(description="Always `1`.")
    source_revision: RevisionNumber = Field(description="The English revision this was translated from.")
    source_hashes: dict[Text, Hash] = Field(
        default_factory=dict,
        description="Field path -> hash of the English text it translates. Written by `patchday translations --stamp`.",
    )
    title: Text | None = None
    summary: Markdown | None = None
    out_of_band: ReasonText | None = None
    withdrawn: ReasonText | None = None
    vulnerabilities: dict[CVEId, VulnerabilityText] = Field(default_factory=dict)
    revisions: dict[RevisionNumber, Text] = Field(default_factory=dict, description="Revision number -> translated summary.")
    no_fix: dict[Slug, dict[VersionRef, Markdown]] = Field(
        default_factory=dict,
        description="Product `id` -> the first version `id` of an `affected` row with `no_fix` -> its translated reason.")
    references: dict[Text, Text] = Field(default_factory=dict, description="A reference's `url` -> its translated title.")


class NoteText(Record):
    title: Text | None = None
    text: Markdown | None = None


class ReleaseNotesOverlay(Record):
    schema_version: Literal[1] = Field(description="Always `1`.")
    source_hashes: dict[Text, Hash] = Field(default_factory=dict)
    highlights: dict[Slug, NoteText] = Field(default_factory=dict)
    known_issues: dict[Slug, NoteText] = Field(default_factory=dict)


class ProductsOverlay(Record):
    """``products.<lang>.yaml``: the product catalogue's translatable names, keyed by id.

    Product and version names are proper names and stay as the catalogue writes them.
    """

    schema_version: Literal[1] = Field(description="Always `1`.")
    source_hashes: dict[Text, Hash] = Field(
        default_factory=dict,
        description="Field path (`families/<id>`, `platforms/<name>`) -> hash of the English name it translates. "
        "Written by `patchday translations --stamp`.",
    )
    families: dict[Slug, Text] = Field(default_factory=dict, description="Family `id` -> the family's name in this language.")
    platforms: dict[Text, Text] = Field(
        default_factory=dict, description="A platform as the catalogue writes it (e.g. `arm64`) -> its name in this language.")
