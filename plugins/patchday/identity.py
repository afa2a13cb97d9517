"""The CPE and PURL of a product version or of a fixed build, as every export writes them.

A catalogue version carries its own identifiers. A fixed build (``<product>:fixed:<build>``
in CSAF) takes ``update.fixed_cpe`` / ``update.fixed_purl`` when the record gives them;
otherwise the identifiers of the versions it fixes, with the build as their version
(``model.identifiers.fixed_cpe``). When the versions an update fixes would give different
identifiers, none is derived: the record must say which (lint rule PD307).
"""

from __future__ import annotations

from dataclasses import dataclass

from patchday.model.bulletin import Affected, Bulletin
from patchday.model.products import Product
from patchday.model.identifiers import fixed_cpe, fixed_purl


@dataclass(frozen=True, slots=True)
class Ids:
    cpe: str | None = None
    purl: str | None = None

    def __bool__(self) -> bool:
        return bool(self.cpe or self.purl)

    def csaf(self) -> dict[str, str]:
        """CSAF 2.0 ``product_identification_helper`` (one ``cpe``, one ``purl``)."""
        out = {}
        if self.cpe:
            out["cpe"] = self.cpe
        if self.purl:
            out["purl"] = self.purl
        return out


def version_ids(products: dict[str, Product], product: str, version: str) -> Ids:
    p = products.get(product)
    v = next((v for v in p.versions if v.id == version), None) if p else None
    return Ids(v.cpe, v.purl) if v else Ids()


def _one(values: set[str | None]) -> str | None:
    return next(iter(values)) if len(values) == 1 else None


def derived(products: dict[str, Product], row: Affected) -> tuple[set[str | None], set[str | None]]:
    """The CPEs and PURLs the fixed build of ``row`` would get from its versions (None where one has none)."""
    assert row.update is not None
    build = row.update.fixed
    if build is None:  # a KB-only update names no fixed build to identify
        return {None}, {None}
    cpes: set[str | None] = set()
    purls: set[str | None] = set()
    for ver in row.versions:
        ids = version_ids(products, row.product, ver)
        cpes.add(fixed_cpe(ids.cpe, build) if ids.cpe else None)
        purls.add(fixed_purl(ids.purl, build) if ids.purl else None)
    return cpes, purls


def fixed_ids(products: dict[str, Product], b: Bulletin, product: str, build: str) -> Ids:
    """Identifiers of the fixed build ``build`` of ``product`` that bulletin ``b`` ships."""
    cpes: set[str | None] = set()
    purls: set[str | None] = set()
    for row in b.affected:
        if row.product != product or row.update is None or row.update.fixed != build:
            continue
        d_cpes, d_purls = derived(products, row)
        cpes |= {row.update.fixed_cpe} if row.update.fixed_cpe else d_cpes
        purls |= {row.update.fixed_purl} if row.update.fixed_purl else d_purls
    return Ids(_one(cpes), _one(purls))
