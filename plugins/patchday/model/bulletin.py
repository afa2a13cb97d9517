"""The bulletin record: the one source of the schema for ``bulletins/<year>/<ID>.yaml``.

Every field carries its documentation in ``description``; the JSON Schema and
the publisher guide's field table are generated from these classes.
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from patchday.model.identifiers import Cpe, Purl
from patchday.model.types import (
    Bool,
    CVEId,
    CWEId,
    Date,
    DateTime,
    Markdown,
    RevisionNumber,
    Slug,
    Text,
    Url,
    VersionRef,
)


class Record(BaseModel):
    """Base for every record model: unknown keys are errors, objects are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, use_attribute_docstrings=False)


class Status(enum.StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    FINAL = "final"
    WITHDRAWN = "withdrawn"


class Impact(enum.StrEnum):
    RCE = "rce"
    EOP = "eop"
    DOS = "dos"
    INFO = "info"
    SPOOFING = "spoofing"
    TAMPERING = "tampering"
    SFB = "sfb"


class Restart(enum.StrEnum):
    YES = "required"
    NO = "not-required"
    MAYBE = "may-be-required"
    UNKNOWN = "unknown"  # remediation model: a historical or third-party advisory does not say


SeverityName = Annotated[Text, Field(description="A level of the site's severity scale, lower case, e.g. `critical`.")]
ProductRef = Annotated[Slug, Field(description="A product `id` from `bulletins/products.yaml`.")]
BulletinRef = Annotated[Text, Field(description="A bulletin ID of this corpus, or of an external series named in the site settings.")]

# ---- remediation model: facts an advisory may not state -------------------------------------
# A historical or third-party advisory often does not say whether a flaw was public or
# exploited: `unknown` says so explicitly, and every output shows "Not stated" instead of
# guessing `false`.
def _stated(value: object) -> object:
    # true, false or the word `unknown`; anything else (yes/no, "false") is refused like a Bool.
    if isinstance(value, bool) or (type(value) is str and value == "unknown"):
        return value
    raise PydanticCustomError("stated_type", "must be true, false or unknown")


Stated = Annotated[
    bool | Literal["unknown"],
    PlainValidator(_stated),
    WithJsonSchema({"enum": [True, False, "unknown"]}),
]


class OutOfBand(Record):
    reason: Markdown = Field(description="Why this shipped outside the monthly patch day (e.g. exploited in the wild).")


class Withdrawn(Record):
    date: Date = Field(description="The day the bulletin was withdrawn.")
    reason: Markdown = Field(description="Why it was withdrawn; shown on the tombstone page that keeps the URL.")


class Update(Record):
    id: Text = Field(description="The update's identifier: a KB number or package name, e.g. `KB5031001`.")
    url: Url = Field(description="Where to get the update (https).")
    fixed: VersionRef | None = Field(default=None, description="The fixed version or build number. Quote it: `\"15.2.1544.9\"`. Leave out when the update is known only by its KB/package.")
    restart: Restart = Field(description="Whether installing needs a restart: `required`, `not-required`, `may-be-required` or `unknown`.")
    supersedes: list[BulletinRef] = Field(default_factory=list, description="Bulletin IDs whose updates this one replaces.")
    fixed_cpe: Cpe | None = Field(default=None, description="CPE 2.3 of the fixed build, if it is not the version's `cpe` with `fixed` as its version.")
    fixed_purl: Purl | None = Field(default=None, description="Package URL of the fixed build, if it is not the version's `purl` with `fixed` as its version.")


class NoFix(Record):
    reason: Markdown = Field(description="Why no update is available, and what to do instead.")
    planned: Bool = Field(description="`true` if a fix will follow (CSAF `none_available`), `false` if none is planned (`no_fix_planned`).")


class Affected(Record):
    product: ProductRef
    versions: list[VersionRef] = Field(min_length=1, description="Version `id`s of that product, from the catalogue.")
    severity: SeverityName
    impact: Impact = Field(description="The worst impact on this product.")
    update: Update | None = Field(default=None, description="The update that fixes these versions. Give `update` or `no_fix`.")
    no_fix: NoFix | None = Field(default=None, description="Give instead of `update` while no update exists.")


class Justification(enum.StrEnum):
    """Why a version is not affected: the CSAF VEX flag labels."""

    COMPONENT_NOT_PRESENT = "component_not_present"
    VULNERABLE_CODE_NOT_PRESENT = "vulnerable_code_not_present"
    CANNOT_BE_CONTROLLED = "vulnerable_code_cannot_be_controlled_by_adversary"
    NOT_IN_EXECUTE_PATH = "vulnerable_code_not_in_execute_path"
    INLINE_MITIGATIONS = "inline_mitigations_already_exist"


class NotAffected(Record):
    product: ProductRef
    versions: list[VersionRef] = Field(min_length=1, description="Version `id`s of that product that are not affected.")
    justification: Justification | None = Field(
        default=None,
        description="Why they are not affected (a CSAF VEX flag): `component_not_present`, `vulnerable_code_not_present`, "
        "`vulnerable_code_cannot_be_controlled_by_adversary`, `vulnerable_code_not_in_execute_path` or `inline_mitigations_already_exist`.",
    )
    impact_statement: Text | None = Field(default=None, description="One line saying why, in words; the VEX impact statement.")


class CVSS(Record):
    v3: Text | None = Field(default=None, description="A CVSS 3.1 vector, `CVSS:3.1/AV:…`. The score is computed, never typed.")
    v4: Text | None = Field(default=None, description="A CVSS 4.0 vector, `CVSS:4.0/AV:…`. The score is computed, never typed.")


class Workaround(Record):
    key: Slug = Field(description="A stable key; translations refer to the workaround by it.")
    text: Markdown = Field(description="What to do before you can install the update.")
    impact: Markdown = Field(description="What applying it costs (features lost, side effects).")
    undo: Markdown = Field(description="How to undo it after the update is installed.")


class Faq(Record):
    key: Slug = Field(description="A stable key; translations refer to the entry by it.")
    question: Text
    answer: Markdown


class Acknowledgment(Record):
    name: Text = Field(description="The person or team who reported the flaw.")
    organization: Text | None = None
    url: Url | None = None


class Vulnerability(Record):
    cve: CVEId
    title: Text
    impact: Impact
    cwe: list[CWEId] = Field(default_factory=list, description="CWE ids, e.g. `CWE-787`.")
    severity: dict[ProductRef, SeverityName] = Field(min_length=1, description="Severity of this CVE for each affected product.")
    cvss: CVSS | None = Field(default=None, description="Required unless the bulletin is `legacy: true`; a score is never invented.")
    publicly_disclosed: Stated = Field(description="Whether details were public before the release: `true`, `false` or `unknown`.")
    exploited: Stated = Field(description="Whether exploitation was detected before the release: `true`, `false` or `unknown`.")
    exploited_since: Date | None = Field(default=None, description="First day exploitation was known, when that came after the release; add a revision on or after it.")
    description: Markdown
    mitigating_factors: Markdown | None = Field(default=None, description="Conditions that limit exposure, as Markdown.")
    workarounds: list[Workaround] = Field(default_factory=list)
    faq: list[Faq] = Field(default_factory=list)
    acknowledgments: list[Acknowledgment] = Field(default_factory=list)


class Reference(Record):
    url: Url
    title: Text
    category: Literal["self", "external"] = "external"


class Revision(Record):
    version: RevisionNumber = Field(description='Quoted, e.g. `"1.0"`, `"1.1"`.')
    date: Date
    summary: Text = Field(description="One line: what changed.")


class Internal(Record):
    """Loaded and validated, never published."""

    tracking: Text | None = Field(default=None, description="Internal case number.")
    reporter_contact: Text | None = Field(default=None, description="How to reach the reporter.")
    notes: Markdown | None = None


class Bulletin(Record):
    schema_version: Literal[1] = Field(description="Always `1` for this format.")
    id: Text = Field(description="The bulletin ID; must match the site's pattern and the file name.")
    title: Text
    summary: Markdown = Field(description="The executive summary.")
    status: Status = Field(description="`draft`, `review`, `final` or `withdrawn`. Only `final` and `withdrawn` are published.")
    released: DateTime = Field(description="Release date-time with zone. Patch day unless `out_of_band` is given.")
    out_of_band: OutOfBand | None = None
    withdrawn: Withdrawn | None = Field(default=None, description="Required when `status: withdrawn`.")
    affected: list[Affected] = Field(min_length=1)
    not_affected: list[NotAffected] = Field(default_factory=list)
    vulnerabilities: list[Vulnerability] = Field(min_length=1)
    references: list[Reference] = Field(default_factory=list)
    revisions: list[Revision] = Field(default_factory=list)
    internal: Internal | None = None
    # remediation model
    legacy: Bool = Field(default=False, description="`true` for a record imported from a historical or third-party advisory: CVSS may be left out (shown as not stated, never invented).")
