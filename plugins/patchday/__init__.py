"""patchday: security bulletins from YAML records in git.

The pipeline, one way: model -> strict loader -> lint rules -> catalog ->
renderers and exporters -> MkDocs plugin glue -> CLI.

The names below are imported on first use: `patchday validate` on an
unchanged corpus needs none of the loader, models or catalog, and a
command starts faster without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_NAMES = {
    "Catalog": "patchday.catalog",
    "build_catalog": "patchday.catalog",
    "Diagnostic": "patchday.diagnostics",
    "Severity": "patchday.diagnostics",
    "lint": "patchday.lint",
    "Corpus": "patchday.load.corpus",
    "load_corpus": "patchday.load.corpus",
    "Settings": "patchday.model",
}
__all__ = sorted(_NAMES)

if TYPE_CHECKING:
    from patchday.catalog import Catalog, build_catalog
    from patchday.diagnostics import Diagnostic, Severity
    from patchday.lint import lint
    from patchday.load.corpus import Corpus, load_corpus
    from patchday.model import Settings


def __getattr__(name: str) -> Any:
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'patchday' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
