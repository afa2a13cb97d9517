"""patchday: security bulletins from YAML records in git.

The pipeline, one way: model -> strict loader -> lint rules -> catalog ->
renderers and exporters -> MkDocs plugin glue -> CLI.
"""

from patchday.catalog import Catalog, build_catalog
from patchday.diagnostics import Diagnostic, Severity
from patchday.lint import lint
from patchday.load.corpus import Corpus, load_corpus
from patchday.model import Settings

__all__ = ["Catalog", "Corpus", "Diagnostic", "Settings", "Severity", "build_catalog", "lint", "load_corpus"]
__version__ = "0.1.0"
