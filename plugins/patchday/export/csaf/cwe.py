"""CWE names for CSAF ``vulnerabilities[].cwe``.

Mandatory test 6.1.11 compares the name with the CWE catalogue, so the name
is looked up, never typed. The table (cwe_names.json) is the catalogue the
pinned csaf-validator-lib checks against (lib/shared/cwec.js).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def names() -> dict[str, str]:
    return json.loads(resources.files(__package__).joinpath("cwe_names.json").read_text(encoding="utf-8"))


def name(cwe_id: str) -> str | None:
    return names().get(cwe_id)
