"""The search index of every language, written from the catalog's records, not from the pages.

Material's search builds one lunr index for all languages (results mix
languages, Japanese compounds are missed, the browser downloads it whole).
patchday writes one index per language under that language's root, split into
shards a browser fetches on demand (:mod:`patchday.render.search_index`), from
the small records of :mod:`patchday.render.search_records`: indexing needs only
the catalog, so it runs while the pages are being written.

Until the eleventh round of docs/performance-site.md this was Pagefind, run once per
language on the records written out as HTML: 20 CPU-s and 12,000 files at 3,000
bulletins x 4 languages, a quarter of the whole build, against ~6 CPU-s and 1,400 files here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from patchday.catalog import Catalog
from patchday.outfiles import Folder
from patchday.render import urls
from patchday.render.search_index import build
from patchday.render.search_records import records

def bundle_dir(site_dir: Path, lang: str, source_language: str) -> Path:
    """Where the search page of ``lang`` looks for its index (render/html.py asks urls the same way)."""
    return site_dir / urls.site_path(lang, source_language, urls.SEARCH_INDEX)


def write_index(catalog: Catalog, site_dir: Path, lang: str) -> int:
    """Write one language's index; returns the number of files."""
    folder = Folder(bundle_dir(site_dir, lang, catalog.settings.source_language))
    files = build(records(catalog, lang), lang)
    for name, data in files.items():
        folder.write(name, data)
    return len(files)


def build_index(catalog: Catalog, site_dir: Path, languages: Sequence[str],
                should_stop: Callable[[], bool] | None = None) -> str:
    """Write every language's index; returns "" (the string result jobs.search expects; a
    failure raises).

    ``should_stop`` is asked before each language: once it says yes, no more are written.
    """
    for lang in languages:
        if should_stop is not None and should_stop():
            break
        write_index(catalog, site_dir, lang)
    return ""
