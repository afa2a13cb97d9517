"""Machine-readable exports: CSAF 2.0 provider tree, Atom feeds, iCalendar, static JSON API.

All exporters are pure functions of the catalog (plus language and as_of);
:func:`write_exports` only writes what they return. Nothing here reads the
wall clock, so the same records and as_of give byte-identical files.
"""

from patchday.export.counts import counts
from patchday.export.writer import build, write_exports

__all__ = ["build", "counts", "write_exports"]
