"""UI labels in every site language, and locale-aware dates and numbers (Babel)."""

from patchday.i18n.fmt import Formatter
from patchday.i18n.labels import LABELS, Labels, labels

__all__ = ["LABELS", "Formatter", "Labels", "labels"]
