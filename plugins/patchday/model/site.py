"""Site settings: the ``patchday`` block of ``mkdocs.yml``.

Kept free of MkDocs so the core can run under any engine. The block holds site
settings and build options; :func:`read_plugin_block` is the one reading of it,
used by the plugin glue and by every command alike.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})


def read_flag(value: object) -> bool:
    """A yes/no setting, read the same way from mkdocs.yml and from the environment.

    true/false, 1/0 and yes/no in any case; anything else is refused rather than
    guessed: ``PATCHDAY_PREVIEW=false`` once meant "preview on" because it was not empty.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise ValueError(f"{value!r} is not true or false (write true/false, 1/0 or yes/no)")


Flag = Annotated[bool, BeforeValidator(read_flag)]

# The levels patchday labels in every language and draws an icon for.
BUILT_IN_SEVERITIES = ("critical", "important", "moderate", "low")


class ReleaseRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    weekday: int = Field(default=1, ge=0, le=6, description="0 = Monday; patch day is a Tuesday (1).")
    nth: int = Field(default=2, ge=1, le=4, description="Which weekday of the month: 2 = second.")
    time: str = Field(default="10:00", pattern=r"^\d{2}:\d{2}$", description="Local release time.")
    timezone: str = Field(default="America/Los_Angeles", description="IANA zone of the release time.")

    @field_validator("time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        hours, minutes = int(value[:2]), int(value[3:])
        if hours > 23 or minutes > 59:
            raise ValueError(f"{value!r} is not a time of day (00:00 to 23:59)")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value


class SeverityLevel(BaseModel):
    """A level of the scale given as an object in ``severities``: its own labels and icon."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$", description="The key records use, e.g. `not-critical`.")
    labels: dict[str, str] = Field(default_factory=dict, description="Label per language; `en` is required unless the level is built in.")
    icon: Literal["critical", "important", "moderate", "low"] | None = Field(
        default=None, description="Which built-in icon (and colour) to show; default: the built-in level at the same rank.")


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
    # Filled from the objects in `severities` (see _severity_objects); not written by hand.
    severity_levels: dict[str, SeverityLevel] = Field(default_factory=dict, description="Labels and icons of severity levels.")
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

    csaf_translations: bool = Field(
        default=False,
        description="Also publish a CSAF translation document for each fully translated language. Tools read the "
        "English document and readers read the translated pages, so this is off by default: at 3,000 bulletins x 4 "
        "languages the translations are about 270 MB and 17,000 files, and the site would not fit a 1 GB host.",
    )

    @model_validator(mode="before")
    @classmethod
    def _severity_objects(cls, data: Any) -> Any:
        """``severities`` entries may be objects ({id, labels, icon}); the scale keeps their ids."""
        if not isinstance(data, dict) or not isinstance(data.get("severities"), list):
            return data
        ids: list[Any] = []
        levels = dict(data.get("severity_levels") or {})
        for i, item in enumerate(data["severities"]):
            if not isinstance(item, dict):
                ids.append(item)
                continue
            try:
                level = SeverityLevel.model_validate(item)
            except ValidationError as exc:
                problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in exc.errors(include_url=False))
                raise ValueError(f"severities[{i}]: {problems}") from None
            ids.append(level.id)
            levels[level.id] = level
        return {**data, "severities": ids, "severity_levels": levels}

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
        for key in self.severities:
            level = self.severity_levels.get(key)
            if key not in BUILT_IN_SEVERITIES and (level is None or not level.labels.get("en")):
                raise ValueError(f"severity {key!r} is not built in, so it needs an English label: write it as "
                                 f"{{id: {key}, labels: {{en: ...}}}} (other languages fall back to English)")
        for key, level in self.severity_levels.items():
            if key not in self.severities:
                raise ValueError(f"severity_levels names {key!r}, which is not in severities")
            if unknown := sorted(set(level.labels) - set(self.languages)):
                raise ValueError(f"severity {key!r} has labels for {', '.join(unknown)}, which is not in languages")
        return self

    @model_validator(mode="after")
    def _vendor_url(self) -> Settings:
        url = urlsplit(self.vendor_url)
        if url.scheme != "https" or not url.netloc:
            raise ValueError(f"vendor_url {self.vendor_url!r} must be an https URL such as https://security.example.com")
        if url.path.strip("/") or url.query or url.fragment:
            root = f"{url.scheme}://{url.netloc}"
            raise ValueError(f"vendor_url {self.vendor_url!r} has a path: CSAF and security.txt would land under "
                             f"{self.vendor_url.rstrip('/')}/.well-known/, where no client looks (they ask "
                             f"{root}/.well-known/); serve the site at the root of a host and set vendor_url to {root}")
        return self

    @property
    def source_language(self) -> str:
        return self.languages[0]

    def severity_label(self, key: str, lang: str) -> str | None:
        """The site's own label for a level in a language, or None: then the built-in tables name it.

        A level the site added falls back to its English label; a built-in one to the built-in label.
        """
        level = self.severity_levels.get(key)
        if level is None:
            return None
        return level.labels.get(lang) or (None if key in BUILT_IN_SEVERITIES else level.labels["en"])

    def severity_icon(self, key: str) -> str:
        """The built-in icon (and colour) a level is drawn with."""
        level = self.severity_levels.get(key)
        if level is not None and level.icon:
            return level.icon
        if key in BUILT_IN_SEVERITIES:
            return key
        return BUILT_IN_SEVERITIES[min(self.severity_rank(key), len(BUILT_IN_SEVERITIES) - 1)]

    def severity_rank(self, name: str) -> int:
        """0 is the most severe. Unknown names rank last."""
        try:
            return self.severities.index(name)
        except ValueError:
            return len(self.severities)


MAX_WORKERS = 64  # each page worker is a forked copy of the build


class BuildOptions(BaseModel):
    """Options of the build itself that share the plugin block with :class:`Settings`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: Flag = Field(default=True, description="Turn the plugin off without removing it.")
    preview: Flag = Field(default=False, description="Include drafts and embargoed bulletins; also PATCHDAY_PREVIEW.")
    search_index: Flag = Field(default=True, description="Build the search index of every language (skip for fast previews).")
    workers: int = Field(default=0, ge=0, le=MAX_WORKERS, strict=True,
                         description="Worker processes for bulletin pages; 0 = one per CPU.")
    # Off, one info line sums the warnings up by code (each is listed with --verbose): a stale
    # translation is a state the site shows, not a build error.
    strict_lint: Flag = Field(default=False, description="Log lint warnings as MkDocs warnings (fails `--strict`).")


class SettingsProblem(ValueError):
    """The plugin block is not valid; the message names each key and says why."""


def read_plugin_block(block: dict[str, Any]) -> tuple[Settings, BuildOptions]:
    """The one reading of ``plugins: - patchday: {...}``, for the plugin and every command alike.

    A key set to null means its default (MkDocs fills undeclared options so).
    """
    given = {k: v for k, v in block.items() if v is not None}
    known = sorted({*Settings.model_fields, *BuildOptions.model_fields})
    problems = []
    for key in sorted(set(given) - set(known), key=str):
        close = difflib.get_close_matches(str(key), known, n=1)
        problems.append(f"{key}: unknown setting" + (f" (did you mean {close[0]}?)" if close else f"; known: {', '.join(known)}"))
    if problems:
        raise SettingsProblem("; ".join(problems))
    try:
        options = BuildOptions.model_validate({k: v for k, v in given.items() if k in BuildOptions.model_fields})
        settings = Settings.model_validate({k: v for k, v in given.items() if k in Settings.model_fields})
    except ValidationError as exc:
        raise SettingsProblem("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                                        for e in exc.errors(include_url=False))) from None
    return settings, options
