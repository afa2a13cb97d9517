"""The loader's fast walk (no positions) gives exactly what the full walk gives, or hands over to it.

``read_text(..., positions=False)`` first tries :func:`_plain_value`, which builds the value of a
document with nothing unusual in it, and falls back to the full walk for everything else. These
tests compare the two ways on every kind of input the full walk treats specially, on the records
of this repository and on generated YAML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patchday.load.scalars import Plain11
from patchday.load.yaml_strict import MAX_DEPTH, MAX_NODES, _plain_value, _Unusual, read_text

REPO = Path(__file__).resolve().parents[2]


def both_ways(text: str) -> None:
    """The value and the problems without positions are those of the full walk."""
    fast_doc, fast_problems = read_text(text, "x.yaml", positions=False)
    full_doc, full_problems = read_text(text, "x.yaml")
    assert fast_problems == full_problems
    assert repr(fast_doc.value) == repr(full_doc.value)  # repr: 1 and 1.0 and True differ, Plain11 marks kept
    assert fast_doc.value == full_doc.value
    assert _types(fast_doc.value) == _types(full_doc.value)


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return (type(value).__name__, getattr(value, "reads_as", None))


# Each is handed over to the full walk: it reports a problem, or builds its value in a way the fast walk does not.
UNUSUAL = {
    "duplicate key": "a: 1\na: 2\n",
    "merge key": "<<: {a: 1}\nb: 2\n",
    "alias": "a: &x [1, 2]\nb: *x\n",
    "unknown alias": "a: *nope\n",
    "tag on a value": "a: !foo 1\n",
    "non-specific tag": "a: ! 1.10\n",
    "standard tag": "a: !!str 1\n",
    "tag on a collection": "a: !!map {b: 1}\n",
    "tag on a key": "!foo a: 1\n",
    "collection as key": "? [a, b]\n: 1\n",
    "second document": "--- 1\n--- 2\n",
    "syntax error": "a: [1, 2\n",
    "too deep": "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
    "too many values": "[" + ", ".join(["1"] * (MAX_NODES + 1)) + "]\n",
}

USUAL = {
    "empty": "",
    "only a comment": "# nothing\n",
    "root scalar": "1.10",
    "root list": "- no\n- yes\n- '1'\n- ''\n- ~\n-\n- 2026-01-13\n- \"true\"\n",
    "nested": "a:\n  b:\n    c: [1, {d: e}]\n  f: |\n    line one\n    line two\n",
    "anchor without alias": "a: &x 1\nb: &y [2]\n",
    "anchored key": "&a a: 1\n",
    "empty collections": "a: {}\nb: []\nc:\n",
    "quoted keys": "'1.10': a\n\"no\": b\n",
    "deepest allowed": "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n",
    "folded and escaped": 'a: "tab\\there \\u00e9"\nb: >\n  folded\n  text\n',
    "the full walk's old marker as a key": '"\\0dup": 1\n',
}


@pytest.mark.parametrize("text", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_unusual_documents_take_the_full_walk(text: str) -> None:
    with pytest.raises((_Unusual, yaml.YAMLError)):
        _plain_value(text)
    both_ways(text)


@pytest.mark.parametrize("text", USUAL.values(), ids=USUAL.keys())
def test_usual_documents_take_the_fast_walk(text: str) -> None:
    _plain_value(text)  # does not hand over
    both_ways(text)


def test_mapping_keys_are_shared_between_records() -> None:
    # 2.1 million keys at 3,000 bulletins, 190,000 of them distinct: one string each saves
    # the parsing workers' results ~130 MB, and their marshal data writes each key once.
    first, second = _plain_value("title: a\nfaq: [{key: k}]\n"), _plain_value("faq: [{key: j}]\ntitle: b\n")
    assert [k for k in first if k == "faq"][0] is [k for k in second if k == "faq"][0]
    assert next(iter(first["faq"][0])) is next(iter(second["faq"][0]))
    assert first == {"title": "a", "faq": [{"key": "k"}]}


def test_plain_scalars_keep_their_yaml_11_mark() -> None:
    doc, problems = read_text("a: no\nb: 'no'\n", "x.yaml", positions=False)
    assert problems == [] and isinstance(doc.value["a"], Plain11) and not isinstance(doc.value["b"], Plain11)


def test_every_record_of_the_repository() -> None:
    files = sorted((REPO / "bulletins").rglob("*.yaml")) + sorted((REPO / "tests").rglob("*.yaml"))
    assert len(files) > 50
    for path in files:
        both_ways(path.read_text(encoding="utf-8"))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
    st.sampled_from(["no", "yes", "1.10", "2026-01-13", "<<", "&x", "*x", "!t", "~", "", "- a", "a: b"]),
)
trees = st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=4), st.dictionaries(st.text(max_size=8), c, max_size=5)),
                     max_leaves=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees, st.sampled_from([None, True, False]), st.sampled_from(["", "'", '"']))
def test_generated_yaml(tree: object, flow: bool | None, style: str) -> None:
    both_ways(yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow, default_style=style or None))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:-&*!<[]{}'\"\n #?|>,1.~")), max_size=60))
def test_generated_text(text: str) -> None:
    both_ways(text)
