"""The translatable text of a record, as a flat map of stable keys.

Keys are ``/``-joined stable names (``vulnerabilities/CVE-2026-21001/faq/how/answer``),
never list positions, so that reordering the English record does not move
translations around. The same keys are used in ``source_hashes``.

The maps are remembered per record object (records are never changed after
loading): a build asks for the same bulletin's texts once per language and
page kind, and the linter once per translation. The returned dicts are
shared: read them, never change them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from patchday.model import Bulletin, BulletinOverlay, ProductList, ProductsOverlay, ReleaseNotes, ReleaseNotesOverlay


def text_hash(text: str) -> str:
    """A short, stable fingerprint of an English text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


T = TypeVar("T")
# (kind, id(record)) -> (record, value); holding the record keeps its id from being reused.
_MEMO: dict[tuple[str, int], tuple[object, Any]] = {}
_MEMO_LIMIT = 200_000  # a long `patchday serve` session loads new records on every edit


def remembered(kind: str, record: object, make: Callable[[], T]) -> T:
    key = (kind, id(record))
    hit = _MEMO.get(key)
    if hit is not None and hit[0] is record:
        return hit[1]
    if len(_MEMO) >= _MEMO_LIMIT:
        _MEMO.clear()
    value = make()
    _MEMO[key] = (record, value)
    return value


def bulletin_texts(b: Bulletin) -> dict[str, str]:
    return remembered("bulletin", b, lambda: _bulletin_texts(b))


def bulletin_hashes(b: Bulletin) -> dict[str, str]:
    """:func:`text_hash` of each of the bulletin's texts, by key. Every translation is judged
    against them: hashed once a bulletin, not once a translation (a third of the hashing
    at three translated languages)."""
    return remembered("hashes", b, lambda: {k: text_hash(v) for k, v in bulletin_texts(b).items()})


def _bulletin_texts(b: Bulletin) -> dict[str, str]:
    out: dict[str, str] = {"title": b.title, "summary": b.summary}
    if b.out_of_band is not None:
        out["out_of_band/reason"] = b.out_of_band.reason
    if b.withdrawn is not None:
        out["withdrawn/reason"] = b.withdrawn.reason
    for v in b.vulnerabilities:
        base = f"vulnerabilities/{v.cve}"
        out[f"{base}/title"] = v.title
        out[f"{base}/description"] = v.description
        if v.mitigating_factors:
            out[f"{base}/mitigating_factors"] = v.mitigating_factors
        for w in v.workarounds:
            out[f"{base}/workarounds/{w.key}/text"] = w.text
            out[f"{base}/workarounds/{w.key}/impact"] = w.impact
            out[f"{base}/workarounds/{w.key}/undo"] = w.undo
        for f in v.faq:
            out[f"{base}/faq/{f.key}/question"] = f.question
            out[f"{base}/faq/{f.key}/answer"] = f.answer
    for r in b.revisions:
        out[f"revisions/{r.version}"] = r.summary
    for a in b.affected:
        if a.no_fix is not None:  # an affected row has no key of its own: its product and first version
            out[f"no_fix/{a.product}/{a.versions[0]}"] = a.no_fix.reason
    for ref in b.references:
        out[f"references/{ref.url}"] = ref.title
    return out


def _flatten(items: Iterable[tuple[Any, Any]], prefix: str, out: dict[str, str]) -> None:
    # A model's fields are its __dict__, in the order they are declared (pydantic fills it so);
    # read there, not through getattr, which a model's __getattr__ hook makes four times as slow.
    for k, v in items:
        if v is None:
            continue
        key = f"{prefix}/{k}" if prefix else str(k)
        if isinstance(v, str):
            out[key] = v
        else:
            _flatten(v.items() if isinstance(v, dict) else v.__dict__.items(), key, out)


def overlay_texts(o: BulletinOverlay | ReleaseNotesOverlay | ProductsOverlay) -> dict[str, str]:
    return remembered("overlay", o, lambda: _overlay_texts(o))


_NOT_TEXTS = frozenset({"schema_version", "source_revision", "source_hashes"})


def _overlay_texts(o: BulletinOverlay | ReleaseNotesOverlay | ProductsOverlay) -> dict[str, str]:
    out: dict[str, str] = {}
    _flatten(((k, v) for k, v in o.__dict__.items() if k not in _NOT_TEXTS), "", out)
    return out


def notes_texts(n: ReleaseNotes) -> dict[str, str]:
    out: dict[str, str] = {}
    for section in ("highlights", "known_issues"):
        for note in getattr(n, section):
            out[f"{section}/{note.key}/title"] = note.title
            out[f"{section}/{note.key}/text"] = note.text
    return out


def catalogue_texts(pl: ProductList) -> dict[str, str]:
    """The catalogue's translatable names: ``families/<id>`` and ``platforms/<name>``."""
    out = {f"families/{f.id}": f.name for f in pl.families}
    for p in pl.products:
        for v in p.versions:
            out.update((f"platforms/{x}", x) for x in v.platforms)
    return out


def key_to_path(key: str) -> tuple[str, ...]:
    """Turn a stable key into the overlay's YAML path (the two are the same shape)."""
    parts = key.split("/")
    if parts[0] in ("revisions", "platforms", "references") and len(parts) > 2:  # the rest is one key, '/' and all
        return (parts[0], "/".join(parts[1:]))
    return tuple(parts)
