"""The product catalogue: ``bulletins/products.yaml``."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from patchday.model.bulletin import Record
from patchday.model.identifiers import Cpe, Purl
from patchday.model.types import Date, Slug, Text, Url, VersionRef


class Family(Record):
    id: Slug
    name: Text


class PartOf(Record):
    """Remediation model: a component shipped in, or installed on, versions of another product."""

    product: Slug = Field(description="The platform's product `id`.")
    versions: list[VersionRef] = Field(min_length=1, description="The platform's version `id`s that ship or run this component version.")
    relation: Literal["default_component_of", "installed_on"] = Field(
        default="default_component_of",
        description="`default_component_of`: every installation of the platform has it; `installed_on`: it runs on the platform when installed.")


class Version(Record):
    id: VersionRef = Field(description="What bulletins write in `versions:`. Quote it: `\"2019\"`, `\"1.10\"`.")
    name: Text = Field(description="Full display name, e.g. `Contoso Mail Server 2019 CU14`.")
    platforms: list[Text] = Field(default_factory=list, description="e.g. `x64`, `arm64`.")
    released: Date | None = Field(default=None, description="First release; the version is not expected in bulletins before it.")
    supported_until: Date | None = Field(default=None, description="Last day of support; empty means still supported.")
    cpe: Cpe | None = Field(default=None, description="CPE 2.3 formatted string of this version, e.g. `cpe:2.3:a:contoso:mail_server:2019:*:*:*:*:*:*:*`. Copied into CSAF, VEX, CVE records and the API.")
    purl: Purl | None = Field(default=None, description="Package URL of this version, in canonical form with its version, e.g. `pkg:generic/contoso/mail-server@2019`.")
    # remediation model
    part_of: list[PartOf] = Field(default_factory=list, description="Platforms this version ships in or runs on; their customers see its bulletins.")

    def supported_on(self, day: date) -> bool:
        """Released by ``day`` and not yet out of support (missing bounds are open)."""
        if self.released is not None and day < self.released:
            return False
        return self.supported_until is None or day <= self.supported_until


class Product(Record):
    id: Slug = Field(description="Stable product key used by bulletins.")
    name: Text
    family: Slug = Field(description="A family `id`.")
    url: Url | None = None
    versions: list[Version] = Field(min_length=1)
    # remediation model
    updates: Literal["cumulative", "separate"] = Field(
        default="cumulative",
        description="`cumulative` (default): a newer update for a version contains every earlier fix; `separate`: each bulletin's update must be installed unless a later one `supersedes` it.")


class ProductList(Record):
    schema_version: Literal[1] = Field(description="Always `1`.")
    families: list[Family] = Field(min_length=1)
    products: list[Product] = Field(min_length=1)
