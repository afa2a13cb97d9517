"""Processes, threads, priorities and the garbage collector: the one place that runs work in parallel.

The stages (load/, lint/, catalog.py, render/, export/) are plain functions of their
inputs; they never fork, start threads, change priorities or touch the collector.
This module drives them: it decides how many processes parse a corpus, forks the
page writers, runs the exports and the search index beside them (forked in a build,
in threads under `mkdocs serve`, which must not fork) and keeps long-lived objects
out of the collector's reach. The MkDocs glue and the CLI call it; it never imports
mkdocs. docs/performance.md has the measurements behind each choice.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import marshal
import multiprocessing as mp
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from patchday.load import corpus as corpus_mod

if TYPE_CHECKING:  # imported where used: `patchday validate` loads no renderer
    from patchday.catalog import Catalog
    from patchday.render import write
    from patchday.render.pages import PageSpec

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_FILES = 400  # records; below this, starting parsing workers costs more than it saves
MIN_PARALLEL_PAGES = 200  # pages; below this, forking page writers costs more than it saves
NICENESS = 10  # CPU weight 110 against 1024: the jobs beside the page writers get ~90 % of a core each


class JobFailed(RuntimeError):
    """A job in another process or thread failed; the message says which and why."""


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and the children it has waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# ---- the collector ---------------------------------------------------------------


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a corpus loads or the exports are made.

    Both allocate millions of containers that stay alive (the corpus) or are
    acyclic (reference counting frees them); the collector would walk the growing
    heap again and again for nothing, about a fifth of their time. Its previous
    state is restored afterwards, also when the consumer stops early.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep_from_collector() -> None:
    """Move every object alive now out of the collector's reach, until :func:`let_collector_in`.

    A build's corpus and catalog (millions of objects at 3,000 bulletins) live until
    it ends: unfrozen, every full collection walks them (the CVE index: 5.2 s -> 1.2 s
    at 1,000 bulletins), and forked workers would touch (copy) their pages.
    """
    gc.freeze()


def let_collector_in() -> None:
    """A serve rebuild: let the previous catalog go."""
    gc.unfreeze()


# ---- priorities and CPUs -----------------------------------------------------------


def lower_priority(niceness: int = NICENESS) -> None:
    try:
        os.nice(niceness)
    except (AttributeError, OSError):
        pass


def _cpu_ticks() -> tuple[int, int] | None:
    try:
        with open("/proc/stat", "rb") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return sum(fields), fields[3] + (fields[4] if len(fields) > 4 else 0)  # all, idle + iowait


def idle_cpus(sample: float = 0.05) -> float:
    """How many CPUs were idle over a short sample.

    Measured, not the load average: on containers the load average counts tasks of
    other cgroups and tasks in uninterruptible sleep, and it trails by a minute, so it
    called an idle machine busy. Where /proc/stat is missing, every CPU is assumed idle.
    """
    cpus = os.cpu_count() or 1
    before = _cpu_ticks()
    if before is None:
        return float(cpus)
    time.sleep(sample)
    after = _cpu_ticks()
    if after is None or after[0] <= before[0]:
        return float(cpus)
    return cpus * (after[1] - before[1]) / (after[0] - before[0])


# ---- parsing a corpus in worker processes ------------------------------------------


def parsers_for(files: int) -> int:
    """How many worker processes to parse ``files`` files with; 1 means no workers.

    ``PATCHDAY_JOBS`` sets the number (1 turns workers off). By default: one per
    available CPU, for large corpora, when this process has no other threads (forking
    a threaded process is unsafe, e.g. under `mkdocs serve`) and at least one CPU is
    idle -- on a machine already busy, workers only add the cost of sending results back.
    """
    from patchday.env import count

    setting = count("PATCHDAY_JOBS")
    if setting is not None:
        return setting
    if files < PARALLEL_MIN_FILES or threading.active_count() > 1 or not can_fork():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    if cpus > 1 and idle_cpus() < 1.0:
        return 1
    return max(1, cpus)


def map_in_workers(fn: Callable[[list[T]], list[R]], items: list[T]) -> Iterator[R]:
    """``fn`` over slices of ``items`` in forked workers, results in the order of ``items``.

    What the workers cannot do (none to be had, or one died) is done here, so the
    results are always those of ``fn(items)``.
    """
    return _Mapped(fn, items).results()


class _Mapped:
    """``fn`` over slices of ``items``, handed to forked workers when made; :meth:`results` waits for them."""

    def __init__(self, fn: Callable[[list[T]], list[R]], items: list[T]) -> None:
        self.fn, self.items = fn, items
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._futures: list[concurrent.futures.Future[Any]] = []
        workers = parsers_for(len(items))
        if workers <= 1:
            return
        size = max(8, min(128, len(items) // (workers * 8) or 1))
        try:
            self._pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"))
            self._futures = [self._pool.submit(_as_data, fn, items[i : i + size]) for i in range(0, len(items), size)]
        except (OSError, concurrent.futures.process.BrokenProcessPool):
            self.cancel()

    def results(self) -> Iterator[Any]:
        done = 0
        if self._pool is not None:
            try:
                for future in self._futures:
                    sent = future.result()
                    results = marshal.loads(sent) if type(sent) is bytes else sent
                    yield from results
                    done += len(results)
                return
            except (OSError, EOFError, pickle.PickleError, concurrent.futures.process.BrokenProcessPool):
                pass
            finally:
                self.cancel()
        yield from self.fn(self.items[done:])

    def cancel(self) -> None:
        """Stop the workers; what they have not started is not done (shut down, as the pool's map leaves it)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            for future in self._futures:
                future.cancel()
            pool.shutdown(wait=True)


def _as_data(fn: Callable[[list[T]], list[R]], chunk: list[T]) -> list[R] | bytes:
    """``fn(chunk)``, as marshal bytes when it is built-in data only, else as it is (pickled).

    Parsed records are dicts, lists, strings and numbers; marshal writes them four times
    as fast as pickle (0.06 against 0.24 CPU-s per 2,000 records) and reads them a fifth
    faster. A chunk holding anything else (a diagnostic, a marked scalar) is pickled.
    """
    results = fn(chunk)
    try:
        return marshal.dumps(results)
    except ValueError:
        return results


def load_corpus(root: Path, **kwargs: Any) -> corpus_mod.Corpus:
    """:func:`patchday.load.corpus.load_corpus`, parsed in worker processes, with the collector paused.

    The files read ahead for ``root`` (:func:`read_ahead`) are taken as they were found then.
    The corpus is kept from the collector before it is let back in: its first collection
    would otherwise walk every object the load made, as young ones (0.8 s at 3,000
    bulletins, with only this process at work), to free none of them.
    """
    ahead = _take_ahead(root, kwargs)
    with collector_paused():
        if ahead is not None:
            cwd, mapped = ahead
            corpus = corpus_mod.load_corpus(root, cwd=cwd, sources=mapped.items, read=lambda fn, items: mapped.results())
        else:
            corpus = corpus_mod.load_corpus(root, read=map_in_workers, **kwargs)
        keep_from_collector()
    return corpus


_ahead: tuple[Path, Path, _Mapped] | None = None  # (data folder, working folder, its files in workers)


def read_ahead(root: Path) -> None:
    """Start parsing the records under ``root`` in worker processes now, for :func:`load_corpus`.

    `patchday build` calls it once it has read where the records are, before MkDocs is
    imported and reads its configuration: the workers parse meanwhile (0.3 s at 3,000
    bulletins, with one core idle otherwise). Call it before any thread is started.
    """
    global _ahead
    drop_ahead()
    if root.is_dir():
        cwd = Path.cwd()
        sources = corpus_mod.source_files(root, cwd, corpus_mod.discover(root))
        _ahead = (root, cwd, _Mapped(corpus_mod.read_chunk, sources))


def drop_ahead() -> None:
    """Stop reading ahead: the build ended without loading, or loads something else."""
    global _ahead
    if _ahead is not None:
        _ahead[2].cancel()
        _ahead = None


def _take_ahead(root: Path, kwargs: dict[str, Any]) -> tuple[Path, _Mapped] | None:
    global _ahead
    if _ahead is None:
        return None
    (where, cwd, mapped), _ahead = _ahead, None
    if where == root and not kwargs and cwd == Path.cwd():
        return cwd, mapped
    mapped.cancel()
    return None


# ---- writing the poured pages in forked workers ------------------------------------

_BATCH: write.Batch | None = None  # set before the fork, read by the workers


def _write_slice(items: list[write.Item]) -> write.Written:
    from patchday.render import write

    assert _BATCH is not None
    return write.write_items(_BATCH, items)


def _page_writer(niceness: int) -> None:
    """A page writer's set-up. Its collector stays off: a page's view-models are acyclic but
    for ~4 objects a page (10,075 collected after 2,400 pages), and the collections cost 4-7 %
    of its CPU time; the cycles die with the worker, which ends with the build's pages."""
    gc.disable()
    if niceness:
        lower_priority(niceness)


def write_pages(catalog: Catalog, shells: dict[tuple[str, str], str], site_dir: Path, workers: int = 0, *,
                bulletins: set[str] | None = None, poured: Sequence[PageSpec] = (), yield_to_others: bool = False) -> write.Written:
    """:func:`patchday.render.write.write_pages` in forked workers; the same bytes whatever their number.

    ``yield_to_others``: the workers run at a lower priority, for when single-process
    jobs (a build's exports and search index) run beside them. Those cannot use a second
    core and the workers can, so the jobs should get the CPU first: a job that ends after
    the pages keeps one core busy while the other idles, whereas pages left over at the
    end are shared by every worker.
    """
    global _BATCH
    from patchday.render import write

    batch = write.plan(catalog, shells, site_dir, bulletins=bulletins, poured=poured)
    workers = workers or min(os.cpu_count() or 1, 8)
    if workers <= 1 or batch.size() < MIN_PARALLEL_PAGES or not can_fork():
        return write.write_items(batch, batch.all_items())
    write.warm(batch)
    _BATCH = batch
    # Objects that exist now are the catalog and caches the workers only read. Frozen,
    # the workers' collector does not scan them: unfrozen, at 3,000 bulletins that was
    # ~2 s of collection per worker, growing with the corpus, and it dirtied shared pages.
    gc.freeze()
    try:
        with mp.get_context("fork").Pool(workers, _page_writer, (NICENESS if yield_to_others else 0,)) as pool:
            parts = list(pool.imap_unordered(_write_slice, batch.slices(workers * 16)))
    finally:
        gc.unfreeze()
        _BATCH = None
    return write.total(parts)


# ---- the exports and the search index ----------------------------------------------


def exports(catalog: Catalog, site_dir: Path, should_stop: Callable[[], bool] | None = None) -> str:
    from patchday.export import write_exports

    t0 = time.perf_counter()
    with collector_paused():
        # The key never lives in mkdocs.yml: CI provides it with the keyring (see README).
        paths = write_exports(catalog, site_dir, settings=catalog.settings, as_of=catalog.as_of,
                              signing_key=os.environ.get("PATCHDAY_SIGNING_KEY") or None,
                              gnupg_home=os.environ.get("GNUPGHOME") or None, should_stop=should_stop)
    return f"exports: {len(paths)} files in {time.perf_counter() - t0:.1f}s"


def search(catalog: Catalog, site_dir: Path, languages: list[str], should_stop: Callable[[], bool] | None = None) -> str:
    from patchday.render.search import build_index

    t0 = time.perf_counter()
    with collector_paused():  # postings and word counts: hundreds of thousands of containers, none in a cycle
        errors = build_index(catalog, site_dir, languages, should_stop)
    if errors:
        raise RuntimeError(errors)
    return f"search index: {len(languages)} languages in {time.perf_counter() - t0:.1f}s"


class Forked:
    """Run ``fn(*args)`` in a forked child; ``join`` returns its string result or raises JobFailed."""

    def __init__(self, what: str, fn: Any, *args: Any) -> None:
        self.what = what
        if not can_fork():
            self._result: Any = fn(*args)
            self._proc = None
            return
        ctx = mp.get_context("fork")
        self._recv, send = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_forked_main, args=(send, fn, args), daemon=True)
        self._proc.start()
        send.close()

    def join(self) -> str:
        """The job's message, with the CPU seconds it took when it ran in a process of its own."""
        value, cpu = self.outcome()
        return str(value or "") if cpu is None else f"{value}, {cpu:.1f} CPU-s"

    def outcome(self) -> tuple[Any, float | None]:
        """What ``fn`` returned (sent back pickled) and its CPU seconds (None: it ran here)."""
        if self._proc is None:
            return self._result, None
        try:
            ok, value, cpu = self._recv.recv()
        except EOFError:
            ok, value, cpu = False, f"the {self.what} process died", None
        self._proc.join()
        if not ok:
            raise JobFailed(f"{self.what} failed: {value}")
        return value, cpu

    def running(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def kill(self) -> None:
        """Stop the child and whatever it started, which would otherwise go on writing."""
        if self._proc is not None and self._proc.is_alive():
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except OSError:
                self._proc.kill()
            self._proc.join()


def _forked_main(send: Any, fn: Any, args: tuple[Any, ...]) -> None:
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # a group of its own, so that kill() reaches the programs it runs
    # A job's process ends with the job, so no cycle it leaves outlives it: its collector
    # stays off, as the exports and the search index have it anyway.
    gc.disable()
    c0 = cpu_seconds()  # in a process of its own, its CPU seconds are the job's
    try:
        value = fn(*args)
        result: tuple[bool, Any, float | None] = (True, value, cpu_seconds() - c0)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the build
        import traceback

        result = (False, f"{exc!r}\n{traceback.format_exc()}", None)
    try:
        send.send(result)
    except Exception as exc:  # noqa: BLE001 - a value that cannot be pickled fails the job, not silently
        send.send((False, f"its result could not be sent: {exc!r}", None))
    send.close()
    os._exit(0)  # no atexit handlers or buffered MkDocs state of the parent


def beside(what: str, fn: Callable[[], R], *, fork: bool = True) -> Callable[[], R]:
    """Start ``fn`` in a forked process now; the returned function waits for its value.

    A build lints the records in a process of its own while this one builds the catalog,
    which otherwise kept the second core idle (1.3-2.2 s at 3,000 bulletins). Where it
    cannot fork (``fork`` false: `mkdocs serve` has threads), or the process fails, ``fn``
    runs here when its value is asked for, so the value is always ``fn()``'s.
    """
    if not fork or not can_fork():
        return fn
    job = Forked(what, fn)

    def wait() -> R:
        try:
            return job.outcome()[0]
        except JobFailed:
            return fn()

    return wait


def thread(fn: Callable[[], None], what: str) -> threading.Thread:
    """``fn`` in a daemon thread named ``patchday-<what>``, started: the preview's watcher
    loop runs here, so that every thread and process the package starts is started in this module."""
    t = threading.Thread(target=fn, name=f"patchday-{what}", daemon=True)
    t.start()
    return t


class Background:
    """``fn(should_stop)`` in a thread, for `mkdocs serve` (a serving process must not fork):
    the pages are served while the search index and the exports are written after them.
    ``done`` and ``failed`` receive its message (the glue logs them), unless it was stopped."""

    def __init__(self, what: str, fn: Callable[[Callable[[], bool]], str], *,
                 done: Callable[[str], None], failed: Callable[[str], None]) -> None:
        self._stop = threading.Event()

        def run() -> None:
            try:
                message = fn(self._stop.is_set)
                if not self._stop.is_set():
                    done(message)
            except Exception as exc:  # noqa: BLE001 - a preview keeps serving; the message says what failed
                if not self._stop.is_set():
                    failed(f"{what} failed: {exc!r}")

        self._thread = threading.Thread(target=run, name=f"patchday-{what}", daemon=True)
        self._thread.start()

    def wait(self, *, stop: bool = False) -> None:
        """``stop``: write nothing more before returning."""
        if stop:
            self._stop.set()
        self._thread.join()
