"""Per-field merge of a translation overlay over the English record.

static-i18n falls back per *page*; readers need it per *field*: a French
bulletin whose FAQ is not translated yet still shows French everywhere else,
the FAQ in English marked ``lang="en"``, and a notice naming what is English.
"""

from __future__ import annotations

from dataclasses import dataclass

from patchday.model import Bulletin, BulletinOverlay, ReleaseNotes, ReleaseNotesOverlay
from patchday.translate.fields import bulletin_texts, notes_texts, overlay_texts
from patchday.translate.freshness import State, assess


@dataclass(frozen=True, slots=True)
class Text:
    """One text and the language it is actually written in."""

    value: str
    lang: str


@dataclass(frozen=True, slots=True)
class Merged:
    """The texts of one record for one reader language: a translation where there is one, else the source's.

    Each :class:`Text` is made when it is asked for: a bulletin page asks for most of its
    record's texts once, and making all of them up front was 1.2 million objects per site.
    """

    lang: str
    source_lang: str
    source: dict[str, str]  # every text of the record, by key, in the source language
    done: dict[str, str]  # the translated ones; the source itself when ``lang`` is the source language
    fallback: tuple[str, ...] = ()  # keys shown in the source language
    stale: tuple[str, ...] = ()  # keys whose English changed after translation
    state: State = State.OK

    def __getitem__(self, key: str) -> Text:
        english = self.source[key]  # a key the record does not have is a KeyError, translated or not
        value = self.done.get(key)
        return Text(english, self.source_lang) if value is None else Text(value, self.lang)

    def get(self, key: str) -> Text | None:
        return self[key] if key in self.source else None

    @property
    def is_source(self) -> bool:
        return self.lang == self.source_lang


def _fallback(source: dict[str, str], done: dict[str, str]) -> tuple[str, ...]:
    return tuple(k for k in source if k not in done)


def merge_bulletin(b: Bulletin, overlay: BulletinOverlay | None, lang: str, source_lang: str = "en") -> Merged:
    source = bulletin_texts(b)
    if lang == source_lang:
        return Merged(lang, source_lang, source, source)
    done = overlay_texts(overlay) if overlay is not None else {}
    fresh = assess(b, overlay)
    return Merged(lang, source_lang, source, done, _fallback(source, done), fresh.stale, fresh.state)


def merge_notes(n: ReleaseNotes, overlay: ReleaseNotesOverlay | None, lang: str, source_lang: str = "en") -> Merged:
    source = notes_texts(n)
    if lang == source_lang:
        return Merged(lang, source_lang, source, source)
    done = overlay_texts(overlay) if overlay is not None else {}
    fallback = _fallback(source, done)
    state = State.MISSING if overlay is None else (State.PARTIAL if fallback else State.OK)
    return Merged(lang, source_lang, source, done, fallback, (), state)


# Which notice wording names a field key: the first path segment decides,
# except inside vulnerabilities where the leaf kind decides.
def field_group(key: str) -> str:
    parts = key.split("/")
    if parts[0] == "vulnerabilities":
        kind = parts[2]
        return {"title": "vuln_title", "description": "description", "mitigating_factors": "mitigating_factors",
                "workarounds": "workarounds", "faq": "faq"}.get(kind, "description")
    if parts[0] in ("highlights", "known_issues"):
        return "notes"
    return {"out_of_band": "out_of_band", "withdrawn": "withdrawn", "no_fix": "no_fix"}.get(parts[0], parts[0])


def fallback_groups(merged: Merged) -> list[str]:
    """Field groups shown in English, in a stable order, for the notice."""
    return list(dict.fromkeys(field_group(k) for k in merged.fallback))
