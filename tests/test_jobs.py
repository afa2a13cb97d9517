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


def test_parsed_records_travel_as_marshal_data_and_anything_else_pickled(monkeypatch):
    import marshal

    from patchday.diagnostics import Diagnostic, Severity
    from patchday.load.scalars import Plain11

    record = [({"id": "CX24-001", "cvss": [7.5, None, True], "n": 3}, "id: CX24-001", [], b"id: CX24-001\n")]
    sent = jobs._as_data(lambda chunk: chunk, record)
    assert type(sent) is bytes and marshal.loads(sent) == record
    problem = Diagnostic("a.yaml", 1, 1, "PD010", Severity.ERROR, "duplicate key", "")
    assert jobs._as_data(lambda chunk: chunk, [(None, None, [problem], b"")]) == [(None, None, [problem], b"")]
    marked = [({"version": Plain11("1.10", "a number")}, "x", [], b"")]
    kept = jobs._as_data(lambda chunk: chunk, marked)
    assert type(kept) is list and type(kept[0][0]["version"]) is Plain11  # a subclass marshal would flatten or refuse
    # Both kinds arrive in the order of the items, whatever mix the workers send.
    monkeypatch.setattr(jobs, "parsers_for", lambda files: 2)
    items = [1, 2, Plain11("1.10", "a number")] * 40
    assert list(jobs.map_in_workers(_same, items)) == items


def _same(items):
    return list(items)


def test_a_job_beside_runs_in_another_process_and_its_value_comes_back():
    wait = jobs.beside("pids", lambda: [os.getpid(), {"code": "PD801"}])
    pid, found = wait()
    assert pid != os.getpid() and found == {"code": "PD801"}
    # Not forked (a serving process has threads): it runs here, when asked.
    assert jobs.beside("pids", lambda: os.getpid(), fork=False)() == os.getpid()


def test_a_job_beside_that_dies_is_done_here():
    def die_there():
        if os.getpid() != _PARENT:
            os._exit(3)
        return "done here"

    assert jobs.beside("dying", die_there)() == "done here"


def test_a_forked_job_reports_its_message_with_its_cpu_seconds():
    message = jobs.Forked("exports", lambda: "exports: 3 files in 0.1s").join()
    assert message.startswith("exports: 3 files in 0.1s, ") and message.endswith(" CPU-s")


def test_a_loaded_corpus_is_kept_from_the_collector_before_it_is_let_back_in():
    # Let back in with the corpus still young, the collector's first collection walked every
    # object of the load (0.8 s at 3,000 bulletins) and freed none of them.
    gc.enable()
    gc.collect()
    frozen = gc.get_freeze_count()
    try:
        corpus = jobs.load_corpus(EXAMPLE, cwd=EXAMPLE)
        young = gc.get_count()[0]
        assert gc.isenabled()
        kept = gc.get_freeze_count() - frozen
        assert kept > 20 * len(corpus.bulletins), "the corpus' containers are in the permanent generation"
        assert young < 700, "no young objects left by the load to set off a collection"
    finally:
        gc.unfreeze()


def test_records_read_ahead_are_the_corpus_the_build_loads(monkeypatch):
    import multiprocessing

    monkeypatch.setenv("PATCHDAY_JOBS", "2")
    monkeypatch.chdir(EXAMPLE)
    alone = load_corpus(EXAMPLE, cwd=EXAMPLE)
    calls = []
    real = jobs._Mapped.results
    monkeypatch.setattr(jobs._Mapped, "results", lambda self: calls.append(len(self.items)) or real(self))
    jobs.read_ahead(EXAMPLE)
    try:
        ahead = jobs.load_corpus(EXAMPLE)
        assert calls == [alone.files], "the workers started ahead gave the records"
        assert _facts(ahead) == _facts(alone)
        # Taken once: the next load reads the folder again.
        assert _facts(jobs.load_corpus(EXAMPLE)) == _facts(alone) and calls == [alone.files, alone.files]
    finally:
        gc.unfreeze()
    assert not multiprocessing.active_children()


def test_records_read_ahead_for_another_folder_are_left(monkeypatch, tmp_path):
    import multiprocessing

    monkeypatch.setenv("PATCHDAY_JOBS", "2")
    monkeypatch.chdir(EXAMPLE)
    jobs.read_ahead(EXAMPLE / "2026")  # not the data folder the build asks for
    try:
        assert _facts(jobs.load_corpus(EXAMPLE)) == _facts(load_corpus(EXAMPLE, cwd=EXAMPLE))
        assert jobs._ahead is None and not multiprocessing.active_children()
        jobs.read_ahead(EXAMPLE)
        jobs.drop_ahead()  # a build that stops before it loads
        assert jobs._ahead is None and not multiprocessing.active_children()
    finally:
        gc.unfreeze()
