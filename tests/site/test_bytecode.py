"""Theme templates compile once per build, not once per language, and never go stale."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from patchday.mkdocs_plugin.bytecode import MemoryBytecodeCache


class _Counting(Environment):
    compiled: list[str]

    def _compile(self, source, filename):  # type: ignore[override]
        self.compiled.append(filename)
        return super()._compile(source, filename)


def _env(folder, cache):
    env = _Counting(loader=FileSystemLoader(str(folder)), bytecode_cache=cache)
    env.compiled = []
    return env


def test_a_second_environment_reuses_the_compiled_template(tmp_path):
    (tmp_path / "page.html").write_text("<p>{{ lang }}</p>", encoding="utf-8")
    cache = MemoryBytecodeCache()
    first, second = _env(tmp_path, cache), _env(tmp_path, cache)  # as i18n's per-language builds make them
    assert first.get_template("page.html").render(lang="en") == "<p>en</p>"
    assert second.get_template("page.html").render(lang="de") == "<p>de</p>"
    assert len(first.compiled) == 1 and second.compiled == []


def test_an_edited_template_compiles_again(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>{{ lang }}</p>", encoding="utf-8")
    cache = MemoryBytecodeCache()
    _env(tmp_path, cache).get_template("page.html").render(lang="en")
    page.write_text("<div>{{ lang }}</div>", encoding="utf-8")  # `mkdocs serve` after an edit: a new environment
    again = _env(tmp_path, cache)
    assert again.get_template("page.html").render(lang="fr") == "<div>fr</div>"
    assert len(again.compiled) == 1
    cache.clear()
    cleared = _env(tmp_path, cache)
    cleared.get_template("page.html")
    assert len(cleared.compiled) == 1


def test_the_plugin_gives_every_language_build_the_same_cache():
    from patchday.mkdocs_plugin.plugin import PatchdayPlugin

    plugin = PatchdayPlugin()
    plugin.load_config({})
    envs = [plugin.on_env(Environment(), config=None, files=None) for _ in ("en", "de")]  # type: ignore[arg-type]
    assert isinstance(envs[0].bytecode_cache, MemoryBytecodeCache)
    assert envs[0].bytecode_cache is envs[1].bytecode_cache
    own = MemoryBytecodeCache()
    assert plugin.on_env(Environment(bytecode_cache=own), config=None, files=None).bytecode_cache is own  # type: ignore[arg-type]
