"""One CSAF 2.0 ``csaf_security_advisory`` per published bulletin, plus translations.

Pure: ``advisory(entry, catalog)`` and ``translation(entry, catalog, lang)``
return plain dicts. Nothing from the bulletin's ``internal`` block is read.
"""

from __future__ import annotations

import re
from typing import Any

from patchday import __version__ if False else None  # noqa: F401  (placeholder removed below)
