"""Is a translation missing, fresh or stale, and which fields exactly?"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from patchday.model import Bulletin, BulletinOverlay
from patchday.translate.fields import bulletin_hashes, bulletin_texts, overlay_texts, remembered


class State(enum.StrEnum):
    OK = "ok"
    MISSING = "missing"
    STALE = "stale"
    PARTIAL = "partial"


@dataclass(frozen=True, slots=True)
class Freshness:
    state: State
    stale: tuple[str, ...] = ()  # field keys whose English changed since translation
    untranslated: tuple[str, ...] = ()  # English fields with no translation
    extra: tuple[str, ...] = field(default=())  # translated keys with no English source


def _history_of(key: str, translated_from: str) -> bool:
    """A revision summary up to the translated revision is history: it cannot have changed since."""
    if not key.startswith("revisions/"):
        return False
    try:
        return tuple(map(int, key.split("/", 1)[1].split("."))) <= tuple(map(int, translated_from.split(".")))
    except ValueError:
        return False


def latest_revision(b: Bulletin) -> str | None:
    return b.revisions[-1].version if b.revisions else None


def assess(b: Bulletin, o: BulletinOverlay | None) -> Freshness:
    if o is None:
        return Freshness(State.MISSING, untranslated=tuple(k for k in bulletin_texts(b) if not k.startswith(OPTIONAL)))
    # Remembered per overlay, with the bulletin it was judged against.
    hit = remembered("assess", o, lambda: (b, _assess(b, o)))
    return hit[1] if hit[0] is b else _assess(b, o)


# Translated when a translator gives them, judged stale like any field, but their absence
# does not make a translation partial: a reference's title is often a document's own name,
# and a no_fix reason may be replaced by an update before anyone translates it. The page
# shows them in English, marked lang="en", and its notice names them.
OPTIONAL = ("references/", "no_fix/")


def _assess(b: Bulletin, o: BulletinOverlay) -> Freshness:
    source = bulletin_texts(b)
    done = overlay_texts(o)
    extra = tuple(k for k in done if k not in source)
    untranslated = tuple(k for k in source if k not in done and not k.startswith(OPTIONAL))
    revision_current = o.source_revision == latest_revision(b)
    hashes = bulletin_hashes(b)
    stale = []
    for key in done:
        if key not in source:
            continue
        recorded = o.source_hashes.get(key)
        if recorded is not None:
            if recorded != hashes[key]:
                stale.append(key)
        elif not revision_current and not _history_of(key, o.source_revision):
            stale.append(key)
    if stale:
        state = State.STALE
    elif untranslated:
        state = State.PARTIAL
    else:
        state = State.OK
    return Freshness(state, tuple(stale), untranslated, extra)
