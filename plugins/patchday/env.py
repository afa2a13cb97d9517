"""Settings given as environment variables, each read one way by every command and the plugin.

A value that cannot be read is a usage error naming the variable, never a
guess: ``PATCHDAY_PREVIEW=false`` once turned preview *on* (it was not empty),
and a ``PATCHDAY_JOBS`` that was not a number was silently ignored.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from patchday.clock import ClockError, as_of
from patchday.model.site import read_flag


class EnvError(ValueError):
    """An environment variable holds a value patchday cannot read."""


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def flag(name: str, env: Mapping[str, str] | None = None) -> bool:
    """A yes/no variable: unset or empty is no; true/false, 1/0, yes/no in any case; anything else an error."""
    value = _env(env).get(name, "")
    if not value.strip():
        return False
    try:
        return read_flag(value)
    except ValueError:
        raise EnvError(f"{name}={value!r} is not true or false; write true/false, 1/0 or yes/no (or leave it unset)") from None


def count(name: str, env: Mapping[str, str] | None = None, *, low: int = 1, high: int = 1024) -> int | None:
    """A whole-number variable in [low, high]; None when unset or empty."""
    value = _env(env).get(name, "")
    if not value.strip():
        return None
    text = value.strip()
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise EnvError(f"{name}={value!r} is not a whole number from {low} to {high}")
    return int(text)


def check(env: Mapping[str, str] | None = None) -> None:
    """Read every variable patchday knows once, up front, so a bad one stops a run before it starts."""
    env = _env(env)
    flag("PATCHDAY_PREVIEW", env)
    count("PATCHDAY_JOBS", env)
    if env.get("PATCHDAY_AS_OF") or env.get("SOURCE_DATE_EPOCH"):
        try:
            as_of(None, env)
        except ClockError as exc:
            raise EnvError(str(exc)) from None
