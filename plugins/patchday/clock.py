"""Publication time is an input: ``--as-of``, ``PATCHDAY_AS_OF`` or ``SOURCE_DATE_EPOCH``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from patchday.model.types import FIRST_YEAR, LAST_YEAR


class ClockError(ValueError):
    """The given as-of moment cannot be read."""


def _in_range(moment: dt.datetime, given: str) -> dt.datetime:
    # Outside these years the next patch day or a zone shift leaves Python's calendar.
    years = (moment.year, moment.astimezone(dt.UTC).year)
    if not all(FIRST_YEAR <= year <= LAST_YEAR - 100 for year in years):
        raise ClockError(f"{given} is out of range: as-of must lie in the years {FIRST_YEAR} to {LAST_YEAR - 100}")
    return moment


def parse_as_of(text: str, variable: str | None = None) -> dt.datetime:
    """Read an ISO 8601 moment; a value without a zone is taken as UTC. ``variable``: where it came from."""
    given = f"{variable}={text!r}" if variable else f"as-of {text!r}"
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        moment.astimezone(dt.UTC)
    except ValueError:
        raise ClockError(f"{given} is not an ISO 8601 date-time such as 2026-12-08T18:00:00Z") from None
    except OverflowError:
        raise ClockError(f"{given} is out of range: as-of must lie in the years {FIRST_YEAR} to {LAST_YEAR - 100}") from None
    return _in_range(moment, given)


def as_of(explicit: str | None = None, env: Mapping[str, str] | None = None) -> dt.datetime:
    """The moment the build publishes as of. Order: explicit, PATCHDAY_AS_OF, SOURCE_DATE_EPOCH, the clock."""
    env = os.environ if env is None else env
    if explicit:
        return parse_as_of(explicit)
    if env.get("PATCHDAY_AS_OF"):
        return parse_as_of(env["PATCHDAY_AS_OF"], "PATCHDAY_AS_OF")
    if env.get("SOURCE_DATE_EPOCH"):
        given = f"SOURCE_DATE_EPOCH={env['SOURCE_DATE_EPOCH']!r}"
        try:
            seconds = int(env["SOURCE_DATE_EPOCH"].strip())
        except ValueError:
            raise ClockError(f"{given} is not a whole number of seconds") from None
        try:
            moment = dt.datetime.fromtimestamp(seconds, dt.UTC)
        except (OverflowError, OSError, ValueError):
            raise ClockError(f"{given} is out of range: as-of must lie in the years {FIRST_YEAR} to {LAST_YEAR - 100}") from None
        return _in_range(moment, given)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
