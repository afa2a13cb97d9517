"""Property tests: whatever the input, the loader and linter return diagnostics, never raise."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patchday.diagnostics import Diagnostic
from patchday.lint import lint
from patchday.load.corpus import load_corpus
from patchday.load.shape import to_model
from patchday.load.yaml_strict import read_text
from patchday.model import Bulletin, BulletinOverlay, ProductList, Settings

BASE = Path(__file__).parent / "base"
SOURCE = (BASE / "2026" / "CX26-001.yaml").read_text(encoding="utf-8")
VALID = yaml.safe_load(SOURCE)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
    st.sampled_from(["no", "yes", "1.10", "2026-01-13", "CX26-001", "critical", "<script>", "CVE-2026-1", "~", ""]),
)
trees = st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=4), st.dictionaries(st.text(max_size=12), c, max_size=5)), max_leaves=25)


def _mutate(value, path, replacement):
    if not path:
        return replacement
    head, *rest = path
    if isinstance(value, dict) and value:
        key = list(value)[head % len(value)]
        return {**value, key: _mutate(value[key], rest, replacement)}
    if isinstance(value, list) and value:
        i = head % len(value)
        return value[:i] + [_mutate(value[i], rest, replacement)] + value[i + 1 :]
    return replacement


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_only_diagnostics(text: str) -> None:
    doc, problems = read_text(text, "x.yaml")
    assert all(isinstance(p, Diagnostic) for p in problems)
    for model in (Bulletin, BulletinOverlay, ProductList):
        _, more = to_model(doc, model)
        assert all(isinstance(p, Diagnostic) and p.line >= 1 for p in more)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=5), trees)
def test_mutated_bulletins_give_only_diagnostics(path: list[int], replacement: object) -> None:
    mutated = _mutate(VALID, path, replacement)
    text = yaml.safe_dump(mutated, allow_unicode=True)
    doc, problems = read_text(text, "x.yaml")
    _, more = to_model(doc, Bulletin)
    assert all(isinstance(p, Diagnostic) for p in problems + more)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=4), trees, st.sampled_from(["bulletin", "overlay", "catalogue"]))
def test_whole_corpus_lint_never_raises(tmp_path_factory, path: list[int], replacement: object, which: str) -> None:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    target = {"bulletin": root / "2026" / "CX26-001.yaml", "overlay": root / "2026" / "CX26-001.fr.yaml",
              "catalogue": root / "products.yaml"}[which]
    original = yaml.safe_load(target.read_text(encoding="utf-8"))
    target.write_text(yaml.safe_dump(_mutate(original, path, replacement), allow_unicode=True), encoding="utf-8")
    found = lint(load_corpus(root, cwd=root), Settings())
    assert all(isinstance(d, Diagnostic) for d in found)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="[]{}:-,&*!|>'\"#\n ab?%@`", max_size=200))
def test_yaml_punctuation_soup(text: str) -> None:
    doc, problems = read_text(text, "x.yaml")
    assert all(isinstance(p, Diagnostic) for p in problems)
