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


class Version(Record):
    id: VersionRef = Field(description="What bulletins write in `versions:`. Quote it: `\"2019\"`, `\"1.10\"`.")
    name: Text = Field(description="Full display name, e.g. `Contoso Mail Server 2019 CU14`.")
    platforms: list[Text] = Field(default_factory=list, description="e.g. `x64`, `arm64`.")
    released: Date | None = Field(default=None, description="First release; the version is not expected in bulletins before it.")
    supported_until: Date | None = Field(default=None, description="Last day of support; empty means still supported.")
    cpe: Cpe | None = Field(default=None, description="CPE 2.3 formatted string of this version, e.g. `cpe:2.3:a:contoso:mail_server:2019:*:*:*:*:*:*:*`. Copied into CSAF, VEX, CVE records and the API.")
    purl: Purl | None = Field(default=None, description="Package URL of this version, in canonical form with its version, e.g. `pkg:generic/contoso/mail-server@2019`.")

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


class Catalogue(Record):
    schema_version: Literal[1] = Field(description="Always `1`.")
    families: list[Family] = Field(min_length=1)
    products: list[Product] = Field(min_length=1)
