"""patchday.jobs: parsing in worker processes gives the corpus of the sequential loader."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from patchday import jobs
from patchday.load.corpus import load_corpus

EXAMPLE = Path(__file__).resolve().parents[1] / "bulletins"


def _facts(corpus):
    return ([d.one_line() for d in corpus.diagnostics],
            [(b.file, b.model.model_dump_json(), b.doc.first_line) for b in corpus.bulletins],
            [(o.file, o.model.model_dump_json()) for o in corpus.overlays],
            corpus.catalogue.model.model_dump_json(), sorted(corpus.broken))


def test_workers_load_the_corpus_of_the_sequential_loader(monkeypatch):
    alone = load_corpus(EXAMPLE, cwd=EXAMPLE)
    monkeypatch.setenv("PATCHDAY_JOBS", "2")
    seen = []

    def counting(fn, items):
        seen.append(len(items))
        return jobs.map_in_workers(fn, items)

    gc.enable()
    forked = load_corpus(EXAMPLE, cwd=EXAMPLE, read=counting)
    assert seen == [alone.files] and alone.files > 20
    assert _facts(forked) == _facts(alone)
    assert _facts(jobs.load_corpus(EXAMPLE, cwd=EXAMPLE)) == _facts(alone)
    assert gc.isenabled()  # the collector is back on after the load


def test_what_the_workers_cannot_do_is_done_here(monkeypatch):
    monkeypatch.setattr(jobs, "parsers_for", lambda files: 2)
    assert list(jobs.map_in_workers(_double, list(range(50)))) == [2 * i for i in range(50)]
    # A worker that dies (here: every one) leaves its share to this process.
    assert list(jobs.map_in_workers(_die_in_a_worker, list(range(50)))) == [2 * i for i in range(50)]


_PARENT = os.getpid()


def _double(items):
    return [2 * i for i in items]


def _die_in_a_worker(items):
    if os.getpid() != _PARENT:
        os._exit(3)
    return _double(items)
