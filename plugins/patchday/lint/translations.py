"""Overlays refer to real bulletins and keys, name their source revision, and are fresh."""

from __future__ import annotations

from patchday.lint.context import LintContext
from patchday.translate.fields import key_to_path, notes_texts, overlay_texts
from patchday.translate.freshness import assess


def _language(ctx: LintContext, item, lang: str) -> bool:
    langs = ctx.settings.languages
    if lang == ctx.settings.source_language or lang not in langs:
        ctx.report(item, (), "PD702", f"language {lang!r} is not a translation language of this site",
                   f"translation languages: {', '.join(langs[1:])}")
        return False
    return True


def check(ctx: LintContext) -> None:
    by_id = {item.model.id: item for item in ctx.corpus.bulletins}
    for item in ctx.corpus.overlays:
        o = item.model
        lang = item.source.lang or ""
        if not _language(ctx, item, lang):
            continue
        source = by_id.get(item.source.stem)
        if source is None or source.source.folder != item.source.folder:
            ctx.report(item, (), "PD701", f"no bulletin {item.source.stem} in {item.source.folder}/ for this translation",
                       f"the English record must be {item.source.folder}/{item.source.stem}.yaml")
            continue
        b = source.model
        if o.source_revision not in {r.version for r in b.revisions}:
            ctx.report(item, ("source_revision",), "PD705",
                       f"{b.id} has no revision {o.source_revision}",
                       "name the English revision this was translated from")
        fresh = assess(b, o)
        for key in fresh.extra:
            ctx.report(item, key_to_path(key), "PD703",
                       f"{key.replace('/', ' › ')} has no English text to translate",
                       "the CVE, workaround, FAQ or revision key must exist in the English record", key=True)
        for key in fresh.stale:
            ctx.warn(item, key_to_path(key), "PD704",
                     f"stale translation: the English {key.replace('/', ' › ')} changed after revision {o.source_revision}",
                     "update the translation, then run `patchday translations --stamp` on this file")
        for key in o.source_hashes:
            if key not in overlay_texts(o):
                ctx.warn(item, ("source_hashes", key), "PD708", f"hash recorded for {key}, which is not translated",
                         "remove it, or run `patchday translations --stamp`", key=True)
    notes = {item.model.release: item for item in ctx.corpus.release_notes}
    for item in ctx.corpus.release_overlays:
        if not _language(ctx, item, item.source.lang or ""):
            continue
        source = notes.get(item.source.stem)
        if source is None:
            ctx.report(item, (), "PD701", f"no release notes releases/{item.source.stem}.yaml for this translation",
                       "create the English release notes first")
            continue
        english = notes_texts(source.model)
        for key in overlay_texts(item.model):
            if key not in english:
                ctx.report(item, key_to_path(key), "PD703", f"{key.replace('/', ' › ')} has no English text to translate",
                           "the key must exist in the English release notes", key=True)
