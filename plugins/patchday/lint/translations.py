"""Overlays refer to real bulletins and keys, name their source revision, and are fresh."""

from __future__ import annotations

from patchday.lint.context import LintContext
from patchday.load.files import Kind
from patchday.translate.fields import bulletin_texts, catalogue_texts, key_to_path, notes_texts, overlay_texts, text_hash
from patchday.translate.freshness import assess, latest_revision


def _language(ctx: LintContext, item, lang: str) -> bool:
    langs = ctx.settings.languages
    if lang == ctx.settings.source_language or lang not in langs:
        ctx.report(item, (), "PD702", f"language {lang!r} is not a translation language of this site",
                   f"translation languages: {', '.join(langs[1:])}")
        return False
    return True


def _culprits(extra: list[str], english: dict[str, str]) -> list[str]:
    """Report an unknown CVE or key once, at the key itself, not once per field below it."""
    known = set()
    for key in english:
        parts = key.split("/")
        known.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
    out: dict[str, None] = {}
    for key in extra:
        if key.startswith(("revisions/", "platforms/", "references/")):
            out[key] = None
            continue
        parts = key.split("/")
        for n in range(1, len(parts) + 1):
            prefix = "/".join(parts[:n])
            if prefix not in known:
                out[prefix] = None
                break
    return list(out)


def _describe(key: str) -> str:
    return key.replace("/", " › ")


def check(ctx: LintContext) -> None:
    # Matched by file, not by the id inside: a wrong id is reported once, by the ID rules.
    by_file = {(item.source.folder, item.source.stem): item for item in ctx.corpus.bulletins}
    for item in ctx.corpus.overlays:
        o = item.model
        lang = item.source.lang or ""
        if not _language(ctx, item, lang):
            continue
        source = by_file.get((item.source.folder, item.source.stem))
        if source is None:
            if (Kind.BULLETIN.value, item.source.folder, item.source.stem) not in ctx.corpus.broken:
                ctx.report(item, (), "PD701", f"no bulletin {item.source.stem} in {item.source.folder}/ for this translation",
                           f"the English record must be {item.source.folder}/{item.source.stem}.yaml")
            continue
        b = source.model
        fresh = assess(b, o)
        # (the English texts are needed only to name unknown keys; most overlays have none)
        for key in (_culprits(list(fresh.extra), bulletin_texts(b)) if fresh.extra else ()):
            ctx.report(item, key_to_path(key), "PD703", f"{_describe(key)} has no English text to translate",
                       "the CVE, workaround, FAQ, revision, no_fix product and version, or reference URL must exist in the English record", key=True)
        if o.source_revision not in {r.version for r in b.revisions}:
            ctx.report(item, ("source_revision",), "PD705", f"{b.id} has no revision {o.source_revision}",
                       "name the English revision this was translated from")
            continue  # staleness cannot be judged against an unknown revision
        latest = latest_revision(b) or o.source_revision
        for key in fresh.stale:
            if key in o.source_hashes:
                why = f"the English {_describe(key)} changed after it was translated"
            else:
                why = f"{_describe(key)} was translated from revision {o.source_revision}; the English is now at {latest}"
            ctx.warn(item, key_to_path(key), "PD704", f"stale translation: {why}",
                     "update the translation, then run `patchday translations --stamp` on this file")
        translated = overlay_texts(o)
        for key in o.source_hashes:
            if key not in translated:
                ctx.warn(item, ("source_hashes", key), "PD708", f"hash recorded for {key}, which is not translated",
                         "remove it, or run `patchday translations --stamp`", key=True)
    notes = {item.model.release: item for item in ctx.corpus.release_notes}
    for item in ctx.corpus.release_overlays:
        if not _language(ctx, item, item.source.lang or ""):
            continue
        source = notes.get(item.source.stem)
        if source is None:
            if (Kind.RELEASE_NOTES.value, None, item.source.stem) not in ctx.corpus.broken:
                ctx.report(item, (), "PD701", f"no release notes releases/{item.source.stem}.yaml for this translation",
                           "create the English release notes first")
            continue
        english = notes_texts(source.model)
        extra = [k for k in overlay_texts(item.model) if k not in english]
        for key in _culprits(extra, english):
            ctx.report(item, key_to_path(key), "PD703", f"{_describe(key)} has no English text to translate",
                       "the key must exist in the English release notes", key=True)
    _catalogue_overlays(ctx)


def _catalogue_overlays(ctx: LintContext) -> None:
    """``products.<lang>.yaml``: names of families and platforms the catalogue has, fresh by their hashes.

    The catalogue has no revisions, so a name is judged stale only against its recorded hash.
    """
    if ctx.corpus.catalogue is None:
        return  # PD034 or the catalogue's own errors say why
    english = catalogue_texts(ctx.corpus.catalogue.model)
    for item in ctx.corpus.catalogue_overlays:
        if not _language(ctx, item, item.source.lang or ""):
            continue
        o = item.model
        translated = overlay_texts(o)
        for key in _culprits([k for k in translated if k not in english], english):
            ctx.report(item, key_to_path(key), "PD703", f"{_describe(key)} has no English name to translate",
                       "families by their `id`, platforms as products.yaml writes them", key=True)
        for key, recorded in o.source_hashes.items():
            if key not in translated:
                ctx.warn(item, ("source_hashes", key), "PD708", f"hash recorded for {key}, which is not translated",
                         "remove it, or run `patchday translations --stamp`", key=True)
            elif key in english and recorded != text_hash(english[key]):
                ctx.warn(item, key_to_path(key), "PD704",
                         f"stale translation: the English {_describe(key)} changed after it was translated",
                         "update the translation, then run `patchday translations --stamp` on this file")
