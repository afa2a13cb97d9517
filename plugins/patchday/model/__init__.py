"""Record models. These classes are the one source of the record schema.

Imported on first use, so that reading the site settings does not build
every record model (a cached `patchday validate` needs only ``Settings``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "Bulletin": "bulletin",
    "Impact": "bulletin",
    "Status": "bulletin",
    "ProductList": "products",
    "BulletinOverlay": "overlay",
    "ReleaseNotesOverlay": "overlay",
    "ProductsOverlay": "overlay",
    "ReleaseNotes": "release_notes",
    "Settings": "site",
}
__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from patchday.model.bulletin import Bulletin, Impact, Status
    from patchday.model.products import ProductList
    from patchday.model.overlay import BulletinOverlay, ProductsOverlay, ReleaseNotesOverlay
    from patchday.model.release_notes import ReleaseNotes
    from patchday.model.site import Settings


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'patchday.model' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"patchday.model.{module}"), name)
    globals()[name] = value
    return value
