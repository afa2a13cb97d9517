"""Rule cases, one input file each (vulndb style), found automatically.

Each file under cases/ starts with a header:

    # case: what the case shows
    # path: where it goes in the base corpus (replacing the file there)
    # expect: <path>:<line> <CODE>      (one line per expected diagnostic)
    # as-of: <ISO moment>               (optional: lint as a build as of then would)

The case file is dropped into a copy of ``base/`` and the whole corpus is
loaded and linted. The diagnostics produced must be exactly the expected
(file, line, code) set: no more, no fewer. Files under valid/ expect none.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from patchday.lint import lint, ordered, rules_alone
from patchday.load.corpus import Corpus, load_corpus
from patchday.model import Settings

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases").glob("*/*.yaml"))
HEADER = re.compile(r"^# (case|path|expect|as-of): (.*)$")


def parse_case(path: Path) -> tuple[str, str, set[tuple[str, int, str]], str]:
    text = path.read_text(encoding="utf-8")
    desc, target, expected = "", "", set()
    for line in text.split("\n"):
        m = HEADER.match(line)
        if not m:
            break
        if m[1] == "case":
            desc = m[2]
        elif m[1] == "path":
            target = m[2]
        elif m[1] == "as-of":
            continue
        else:
            where, code = m[2].rsplit(" ", 1)
            file, lineno = where.rsplit(":", 1)
            expected.add((file, int(lineno), code))
    return desc, target, expected, text


def run_case(case: Path, tmp_path: Path) -> set[tuple[str, int, str]]:
    corpus, as_of = load_case(case, tmp_path)
    return {(d.file, d.line, d.code) for d in lint(corpus, Settings(), as_of=as_of)}


def load_case(case: Path, tmp_path: Path) -> tuple[Corpus, dt.datetime | None]:
    _, target, _, text = parse_case(case)
    root = tmp_path / "bulletins"
    shutil.copytree(HERE / "base", root)
    dest = root / target
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    corpus = load_corpus(root, cwd=root)
    m = re.search(r"^# as-of: (.*)$", text, re.M)
    as_of = dt.datetime.fromisoformat(m[1].replace("Z", "+00:00")) if m else None
    return corpus, as_of


def test_base_corpus_is_clean(tmp_path: Path) -> None:
    corpus = load_corpus(HERE / "base", cwd=HERE / "base")
    assert lint(corpus, Settings()) == []


def test_every_rule_code_has_a_case() -> None:
    """A rule without a failing case is a rule nobody has seen fail."""
    source = (HERE.parent.parent / "plugins" / "patchday").rglob("*.py")
    emitted = set()
    for file in source:
        emitted |= set(re.findall(r'"(PD\d{3})"', file.read_text(encoding="utf-8")))
    covered = {code for case in CASES for (_, _, code) in parse_case(case)[2]}
    # Codes only reachable through the file system or the disk (size, encoding, permissions)
    # are covered by tests/lint/test_loader.py and tests/lint/test_file_kinds.py instead.
    elsewhere = {"PD001", "PD005", "PD007", "PD031", "PD032", "PD033", "PD034", "PD035", "PD015", "PD019", "PD020"}
    missing = emitted - covered - elsewhere
    assert not missing, f"rule codes without a case file: {sorted(missing)}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    desc, target, expected, _ = parse_case(case)
    assert target, f"{case.name}: no '# path:' header"
    if case.parent.name == "valid":
        assert not expected, "valid cases expect nothing"
    else:
        assert expected, f"{case.name}: an invalid case must expect at least one diagnostic"
    got = run_case(case, tmp_path)
    assert got == expected, f"{desc}\n  missing: {sorted(expected - got)}\n  unexpected: {sorted(got - expected)}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_a_rule_left_out_and_run_alone_finds_the_same(case: Path, tmp_path: Path) -> None:
    """A build lints without the translations rule in a process of its own and runs that rule
    itself once the catalog knows every translation's freshness (lint.rules_alone)."""
    corpus, as_of = load_case(case, tmp_path)
    whole = lint(corpus, Settings(), as_of=as_of)
    alone = rules_alone(corpus, Settings(), ("translations",))
    split = ordered([*lint(corpus, Settings(), as_of=as_of, leave_out=("translations",)), *alone])
    assert split == whole
    if any(d.code.startswith("PD70") for d in whole):
        assert alone, "the translations rule found nothing alone"
