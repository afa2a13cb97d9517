"""Site settings: the ``patchday`` block of ``mkdocs.yml``.

Kept free of MkDocs so the core can run under any engine; the plugin glue
passes its config dict to :meth:`Settings.model_validate`.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class ReleaseRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    weekday: int = Field(default=1, ge=0, le=6, description="0 = Monday; patch day is a Tuesday (1).")
    nth: int = Field(default=2, ge=1, le=4, description="Which weekday of the month: 2 = second.")
    time: str = Field(default="10:00", pattern=r"^\d{2}:\d{2}$", description="Local release time.")
    timezone: str = Field(default="America/Los_Angeles", description="IANA zone of the release time.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(default="bulletins", description="Folder with the records, relative to mkdocs.yml.")
    vendor: str = Field(default="Contoso", description="Vendor name shown on the site and in CSAF.")
    vendor_url: str = Field(default="https://security.contoso.example", description="Canonical https URL of the site.")
    csaf_namespace: str = Field(default="https://contoso.example", description="CSAF `publisher.namespace`.")
    id_pattern: str = Field(default=r"^CX(?P<yy>\d{2})-(?P<n>\d{3})$", description="Regex bulletin IDs must match; `yy` is the year.")
    external_id_pattern: str = Field(default=r"^MS\d{2}-\d{3}$", description="Regex for superseded IDs of an older series.")
    languages: list[str] = Field(default_factory=lambda: ["en", "de", "fr", "ja"], description="First is the source language.")
    required_languages: list[str] = Field(default_factory=lambda: ["en", "de", "fr", "ja"], description="Languages that must be translated and fresh at release.")
    severities: list[str] = Field(
        default_factory=lambda: ["critical", "important", "moderate", "low"], description="Severity scale, most severe first."
    )
    release: ReleaseRule = Field(default_factory=ReleaseRule)
    # Provider files and data for other systems (docs/exports.md).
    psirt_contact: str | None = Field(default=None, description="Where to report a vulnerability: a mailto: or https URL; security.txt `Contact`.")
    policy_url: str | None = Field(default=None, description="https URL of the disclosure policy; security.txt `Policy`.")
    encryption_url: str | None = Field(default=None, description="https URL of the key to encrypt reports with; security.txt `Encryption` (default: the published signing key).")
    cna_org_id: str | None = Field(default=None, description="The CNA's organisation UUID in CVE Services; the CVE records' `providerMetadata.orgId`.")
    advance_notice_days: int | None = Field(default=None, ge=1, le=14, description="Publish an advance notice this many days before each patch day (off when unset).")

    @field_validator("psirt_contact")
    @classmethod
    def _contact(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"(mailto:[^\s@]+@[^\s@]+|https://[^\s<>\"]+)", value):
            raise ValueError("psirt_contact must be a mailto: address or an https:// URL")
        return value

    @field_validator("policy_url", "encryption_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https://[^\s<>\"]+", value):
            raise ValueError("must be an https:// URL")
        return value

    @field_validator("cna_org_id")
    @classmethod
    def _uuid(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", value):
            raise ValueError("cna_org_id must be a lower-case version-4 UUID, as CVE Services shows it")
        return value

    @field_validator("id_pattern", "external_id_pattern")
    @classmethod
    def _regex(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return value

    @model_validator(mode="after")
    def _languages(self) -> Settings:
        if not self.languages:
            raise ValueError("languages needs at least the source language")
        for lang in self.required_languages:
            if lang not in self.languages:
                raise ValueError(f"required language {lang!r} is not in languages")
        if len(set(self.severities)) != len(self.severities) or not self.severities:
            raise ValueError("severities must be a non-empty list without repeats")
        return self

    @property
    def source_language(self) -> str:
        return self.languages[0]

    def severity_rank(self, name: str) -> int:
        """0 is the most severe. Unknown names rank last."""
        try:
            return self.severities.index(name)
        except ValueError:
            return len(self.severities)
