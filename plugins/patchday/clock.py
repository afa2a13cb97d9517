"""Publication time is an input: ``--as-of``, ``PATCHDAY_AS_OF`` or ``SOURCE_DATE_EPOCH``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping


class ClockError(ValueError):
    """The given as-of moment cannot be read."""


def parse_as_of(text: str) -> dt.datetime:
    """Read an ISO 8601 moment; a value without a zone is taken as UTC."""
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ClockError(f"as-of {text!r} is not an ISO 8601 date-time such as 2026-12-08T18:00:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def as_of(explicit: str | None = None, env: Mapping[str, str] | None = None) -> dt.datetime:
    """The moment the build publishes as of. Order: explicit, PATCHDAY_AS_OF, SOURCE_DATE_EPOCH, the clock."""
    env = os.environ if env is None else env
    if explicit:
        return parse_as_of(explicit)
    if env.get("PATCHDAY_AS_OF"):
        return parse_as_of(env["PATCHDAY_AS_OF"])
    if env.get("SOURCE_DATE_EPOCH"):
        try:
            return dt.datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), dt.UTC)
        except ValueError:
            raise ClockError(f"SOURCE_DATE_EPOCH={env['SOURCE_DATE_EPOCH']!r} is not a whole number of seconds") from None
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
