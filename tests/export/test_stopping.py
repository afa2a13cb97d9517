"""Writers that `mkdocs serve` runs in the background stop when asked (it deletes their folder next)."""

from __future__ import annotations

from patchday.export import write_exports
from tests.export.conftest import AS_OF


def test_the_exports_stop_writing_when_asked(catalog, settings, tmp_path):
    everything = write_exports(catalog, tmp_path / "all", settings=settings, as_of=AS_OF)
    asked: list[int] = []

    def after_five() -> bool:
        asked.append(1)
        return len(asked) > 5

    some = write_exports(catalog, tmp_path / "some", settings=settings, as_of=AS_OF, should_stop=after_five)
    assert len(everything) > 20 and len(some) == 5
    assert sorted(p.relative_to(tmp_path / "some") for p in (tmp_path / "some").rglob("*") if p.is_file()) == sorted(
        p.relative_to(tmp_path / "some") for p in some)
    none = write_exports(catalog, tmp_path / "none", settings=settings, as_of=AS_OF, should_stop=lambda: True)
    assert none == [] and not (tmp_path / "none").exists()


def test_the_search_index_stops_between_languages(catalog, tmp_path):
    from patchday.render.search import build_index, bundle_dir

    langs = catalog.settings.languages
    src = catalog.settings.source_language
    assert build_index(catalog, tmp_path / "none", langs, lambda: True) == ""
    assert not any(bundle_dir(tmp_path / "none", lang, src).exists() for lang in langs)

    asked: list[int] = []

    def after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    assert build_index(catalog, tmp_path / "some", langs, after_two) == ""
    written = [lang for lang in langs if (bundle_dir(tmp_path / "some", lang, src) / "meta.json").exists()]
    assert written == list(langs[:2]), written

    assert build_index(catalog, tmp_path / "all", langs, lambda: False) == ""
    assert all((bundle_dir(tmp_path / "all", lang, src) / "meta.json").exists() for lang in langs)
