"""Text for every XML document patchday writes (Atom feeds, sitemaps, SVG charts).

One function cleans, the others escape: whatever reaches a writer, a character
that XML 1.0 forbids (or that a feed reader chokes on) is never written. The
validator refuses control characters in records (PD021), but a single one in a
feed made the whole document ill-formed, so readers dropped every entry; the
writers must not depend on the validator having run.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from patchday.model.types import CONTROL

REPLACEMENT = "\ufffd"  # shows that something was there, which silence would not


def clean(value: str) -> str:
    """``value`` with every control character, surrogate and non-character replaced by U+FFFD."""
    return CONTROL.sub(REPLACEMENT, value)


def escape(value: str) -> str:
    """Element text or a double-quoted attribute value: cleaned, with & < > " ' escaped."""
    return _escape(clean(value), {'"': "&quot;", "'": "&#x27;"})


def quoteattr(value: str) -> str:
    """A whole attribute value, quotes included, cleaned."""
    return _quoteattr(clean(value))
