"""The live-preview fast path: one changed bulletin, re-rendered in well under a second.

A full build re-runs MkDocs once per language. When only bulletin records
(or their translation overlays) change, nothing MkDocs renders around a
bulletin changes: the shells stay valid. So :meth:`FastPath.rebuild` re-loads
just the changed files with their translations, judges them by every rule that
``patchday validate`` runs per record (a save with errors is logged as validate
words it, and the last good pages stay), swaps the new entry into the catalog
(``Catalog.replace_entry``), pours the
bulletin into the cached shell of every language and tells the browsers to
reload; then it refreshes the generated index pages that list the bulletin:
its release, products and CVE years are poured into their shells like the
bulletin; home, releases and the CVE overview, which MkDocs renders, get
their content area replaced in the HTML MkDocs wrote. Then it reloads again.

Anything else (products.yaml, release notes, a new, deleted or moved
bulletin, a bulletin that changes month or stops being published) returns
``None`` and the caller asks MkDocs for a full rebuild. A changed record that
does not load or breaks a rule is reported at once, file:line, and the last
good pages stay: a full build would only stop on the same error after reading
every record. The two rules across records (an ID used once, a superseded
bulletin exists) and the exports are refreshed by the next full build, not per
keystroke. Browsers are told to reload through :mod:`.livereload`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger

from patchday import jobs, remediation
from patchday.catalog import Entry, cve_year, entry_for, is_published
from patchday.diagnostics import Diagnostic, Severity
from patchday.lint import ordered, record_rules
from patchday.load.corpus import Corpus, Loaded, load_corpus
from patchday.load.files import Kind, classify, display
from patchday.patchdays import release_month
from patchday.render.pages import render_page
from patchday.render.shell import Shell
from patchday.mkdocs_plugin.livereload import LiveReload
from patchday.render.write import _bulletin_file, poured_file, render_bulletin_page, render_poured_page

if TYPE_CHECKING:
    from patchday.catalog import Catalog
    from patchday.mkdocs_plugin.plugin import PatchdayPlugin
    from patchday.model import Bulletin, ProductList, Settings

log = get_plugin_logger(__name__)

# On Linux, watchdog also reports a file being read (inotify's open and close-without-write).
# The fast path reads the records it re-renders, and a full build reads them all: reacting to
# those events made each rebuild set off the next, for ever, and an edit that needs a full
# build (a record with an error, say) kept MkDocs "waiting for file changes to stop", so the
# error was never shown.
READ_ONLY_EVENTS = frozenset({"opened", "closed_no_write"})


@dataclass(slots=True)
class Rebuilt:
    bulletins: list[str]
    pages: int  # bulletin pages written
    index_pages: int = 0  # generated index pages refreshed
    seconds_pages: float = 0.0  # until the bulletin pages were on disk
    seconds: float = 0.0  # until the index pages were on disk too
    stale: list[str] = field(default_factory=list)  # index pages whose table of contents changed (full rebuild needed)
    errors: int = 0  # changed records that do not load: reported, nothing rendered


class FastPath:
    def __init__(self, plugin: PatchdayPlugin, server: Any = None) -> None:
        self.plugin = plugin
        self.server = server
        self._livereload: LiveReload | None = None
        self._shells: dict[tuple[str, str], Shell] = {}
        self._shells_from: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()
        self._pending: set[Path] = set()
        self._wake = threading.Condition()
        self._observer: Any = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._due_months: set[str] = set()
        self._due_products: set[str] = set()
        self._due_years: set[str] = set()  # CVE index pages (by the year in the CVE id)
        self._synchronous = True  # False while the watcher thread drives it: then newer changes interrupt index pages

    # ---- watching ---------------------------------------------------------------

    def start(self, source: Path) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        fast = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.is_directory or event.event_type in READ_ONLY_EVENTS:
                    return
                paths = [event.src_path, getattr(event, "dest_path", "")]
                with fast._wake:
                    fast._pending.update(Path(p) for p in paths if p)
                    fast._wake.notify_all()

        self._observer = Observer()
        self._observer.schedule(Handler(), str(source), recursive=True)
        self._observer.start()
        self._synchronous = False
        self._thread = jobs.thread(self._loop, "fast-path")
        log.info(f"watching {source} for record changes (fast path for bulletins)")

    def stop(self) -> None:
        """Stop watching; returns once no rebuild is writing (the server deletes the folder next)."""
        self._stopped = True
        with self._wake:
            self._wake.notify_all()
        if self._observer is not None:
            self._observer.stop()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _loop(self) -> None:
        while not self._stopped:
            with self._wake:
                self._wake.wait_for(lambda: self._pending or self._stopped)
                if self._stopped:
                    return
            time.sleep(0.03)  # editors write a file in several events; collect them
            with self._wake:
                paths, self._pending = sorted(self._pending), set()
            paths = [p for p in paths if p.suffix == ".yaml" and not p.name.startswith(".")]
            if not paths:
                continue
            try:
                done = self.rebuild(paths, notify=True, index_pages=False)
                if done is not None and not self._pending:
                    done = self.refresh_index_pages(done, notify=True)
            except Exception as exc:  # noqa: BLE001 - never kill the watcher; fall back to MkDocs
                log.warning(f"fast rebuild failed ({exc!r}); rebuilding the site")
                done = None
            if done is None:
                self._due_months.clear()
                self._due_products.clear()
                self._due_years.clear()
                self._full_rebuild()

    # ---- livereload ---------------------------------------------------------------

    def _reload_browsers(self) -> None:
        self._live().reload_browsers()

    def _full_rebuild(self) -> None:
        self._live().request_rebuild()

    def _live(self) -> LiveReload:
        if self._livereload is None or self._livereload.server is not self.server:
            self._livereload = LiveReload(self.server)
        return self._livereload

    def _report(self, found: list[Diagnostic]) -> None:
        """As the full build logs the lint: errors always, warnings when strict_lint is on."""
        for d in found:
            if d.severity is Severity.ERROR:
                log.error(d.one_line())  # now, not after a full build has read every record again
            elif self.plugin.config.strict_lint:
                log.warning(d.one_line())
            else:
                log.debug(d.one_line())

    # ---- the fast path --------------------------------------------------------------

    def _shell(self, kind: str, lang: str, site_dir: Path) -> Shell:
        """The parsed shell; parsed again (and its icon files written) only when Material rendered it anew."""
        html = self.plugin._shells[kind, lang]
        if self._shells_from.get((kind, lang)) is not html:
            self._shells[kind, lang] = Shell.parse(html)
            self._shells[kind, lang].write_icons(site_dir)
            self._shells_from[kind, lang] = html
        return self._shells[kind, lang]

    def rebuild(self, paths: list[Path], *, notify: bool = False, index_pages: bool = True) -> Rebuilt | None:
        """Re-render the bulletins whose record files changed; None if a full rebuild is needed.

        With ``index_pages=False`` the index pages that list them are only queued:
        :meth:`refresh_index_pages` renders them (the watcher does it when no newer
        change is waiting, so a burst of saves never waits for index pages).
        """
        with self._lock:
            done = self._rebuild(paths, notify)
        if done is not None and index_pages:
            return self.refresh_index_pages(done, notify=notify)
        return done

    def _rebuild(self, paths: list[Path], notify: bool) -> Rebuilt | None:
        t0 = time.perf_counter()
        plugin = self.plugin
        state = plugin._state
        if state is None or plugin._building or not plugin._shells:
            return None
        catalog = state.catalog
        settings = catalog.settings
        units: dict[str, Path] = {}  # bulletin ID -> its folder
        for path in paths:
            if not path.exists():
                return None
            source = classify(path.resolve(), state.source, display(path, Path.cwd()))  # as the full build names it
            if source.kind not in (Kind.BULLETIN, Kind.BULLETIN_OVERLAY):
                return None
            units.setdefault(source.stem, path.resolve().parent)
        changed: dict[str, Entry] = {}
        broken: list[Diagnostic] = []
        for stem, folder in sorted(units.items()):
            corpus, found = lint_unit(state.source, folder, stem, state.catalogue, settings)
            self._report(found)
            if any(d.severity is Severity.ERROR for d in found):
                broken.extend(d for d in found if d.severity is Severity.ERROR)
                continue
            old = catalog.by_id.get(stem)
            if old is None or len(corpus.bulletins) != 1:
                return None  # a new, unpublished or deleted bulletin: the indexes change shape
            item = corpus.bulletins[0]
            b = item.model
            if b.id != old.id or not (catalog.preview or is_published(b, catalog.as_of)):
                return None
            if not catalog.preview and any(_ahead_of(x, None if x is item else b, catalog) for x in (item, *corpus.overlays)):
                return None  # the full build's lint says why it refuses (PD608, PD609, PD612)
            if _stated(b) != _stated(old.bulletin):
                return None  # the public catalogue follows what published bulletins state
            entry = entry_for(b, item.file, {o.source.lang or "": o.model for o in corpus.overlays}, settings)
            if entry.release != old.release or b.released != old.bulletin.released:
                return None
            changed[old.id] = entry
        if broken:
            if not changed:
                # Only records with errors: a full build would stop on these same errors, after
                # reading every record (about 20 s at 3,000 bulletins), and the save that fixes
                # them would wait for it. Keep the last good pages; that save takes this path.
                return Rebuilt([], 0, errors=len(broken))
            return None
        if not changed:
            return None
        old_products: set[str] = set()
        for entry in changed.values():
            old = catalog.replace_entry(entry)
            self._due_years.update(cve_year(v.cve) for e in (old, entry) for v in e.bulletin.vulnerabilities)
            old_products.update(old.products)
            old_products.update(r.product for r in old.bulletin.not_affected)

        # 1. the bulletin pages themselves, then reload the browsers
        src = settings.source_language
        written = 0
        for lang in sorted(lang for kind, lang in plugin._shells if kind == "bulletin"):
            shell = self._shell("bulletin", lang, state.site_dir)
            for bid in sorted(changed):
                page = render_bulletin_page(catalog, shell, lang, bid).encode("utf-8")
                target = _bulletin_file(state.site_dir, lang, src, bid)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(page)
                written += 1
        done = Rebuilt(sorted(changed), written, seconds_pages=time.perf_counter() - t0)
        if notify:
            self._reload_browsers()

        # 2. the generated index pages that list them: queued, see refresh_index_pages
        self._due_months.update(e.release for e in changed.values())
        for e in changed.values():
            old_products.update(e.products)
            old_products.update(r.product for r in e.bulletin.not_affected)
        # A component's bulletin is also on the pages of the platforms it is part of.
        self._due_products.update(old_products)
        self._due_products.update(x for pid in old_products for x in remediation.platforms(catalog, pid))
        log.info(f"fast rebuild of {', '.join(done.bulletins)}: {done.pages} bulletin pages in {done.seconds_pages * 1000:.0f} ms")
        return done

    def refresh_index_pages(self, done: Rebuilt | None = None, *, notify: bool = False) -> Rebuilt | None:
        """Re-render the queued index pages (home, releases, CVE index, release months, products).

        Stops early, keeping the rest queued, when a newer record change is waiting.
        Returns None when a page changed shape (its table of contents): a full rebuild is needed.
        """
        t0 = time.perf_counter()
        done = done or Rebuilt([], 0)
        with self._lock:
            state = self.plugin._state
            if state is None or self.plugin._building:
                return done
            catalog = state.catalog
            months, products, years = set(self._due_months), set(self._due_products), set(self._due_years)
            if not months and not products:
                return done
            wanted = [(uri, spec) for uri, spec in state.specs.items()
                      if uri in self.plugin._pages and spec.kind in ("home", "releases", "cves")]
            wanted += [("", spec) for spec in state.poured if (spec.kind, spec.lang) in self.plugin._shells and (
                (spec.kind == "release" and spec.key in months) or (spec.kind == "product" and spec.key in products)
                or (spec.kind == "cves_year" and spec.key in years))]
            # the pages a reader of the edited bulletin goes to first
            order = {"release": 0, "product": 1, "home": 2, "releases": 3, "cves": 4, "cves_year": 5}
            wanted.sort(key=lambda x: (order.get(x[1].kind, 9), x[1].path, x[1].lang))
            src = catalog.settings.source_language
            for uri, spec in wanted:
                if self._stopped:
                    return done
                if self._pending and not self._synchronous:
                    log.info("index pages: a newer change is waiting; continuing after it")
                    return done
                if not uri:  # poured into its shell: nothing MkDocs made can go stale
                    target = poured_file(state.site_dir, src, spec)
                    page = render_poured_page(catalog, self._shell(spec.kind, spec.lang, state.site_dir), spec)
                    if not target.exists() or target.read_text(encoding="utf-8") != page:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_text(page, encoding="utf-8")
                        done.index_pages += 1
                    continue
                dest, output, content, toc = self.plugin._pages[uri]
                if not output or output.count(content) != 1:
                    done.stale.append(uri)
                    continue
                rendered = render_page(catalog, spec)
                if list(rendered.toc) != toc:
                    done.stale.append(uri)
                    continue
                if rendered.html == content:
                    continue
                output = output.replace(content, rendered.html, 1)
                dest.write_text(output, encoding="utf-8")
                self.plugin.page_rewritten(uri, dest, output, rendered.html, toc)
                done.index_pages += 1
            self._due_months.clear()
            self._due_products.clear()
            self._due_years.clear()
        done.seconds = done.seconds_pages + time.perf_counter() - t0
        log.info(f"{done.index_pages} index pages refreshed in {(time.perf_counter() - t0) * 1000:.0f} ms")
        if notify and done.index_pages:
            self._reload_browsers()
        if done.stale:
            log.info(f"{len(done.stale)} index page(s) changed shape; rebuilding the site")
            return None
        return done


def _stated(b: Bulletin) -> set[tuple[str, str]]:
    return {(r.product, v) for r in (*b.affected, *b.not_affected) for v in r.versions}


def _ahead_of(loaded: Any, bulletin: Bulletin | None, catalog: Catalog) -> bool:
    """Whether a saved record names a bulletin the catalog does not hold, or a bulletin carries a
    revision dated after as-of: what a full build refuses, the fast path must not render."""
    from patchday.lint.references import finder, named_ids
    from patchday.patchdays import local

    b = bulletin or loaded.model
    find = finder(catalog.settings.id_pattern)
    known = frozenset([b.id, *(ref for r in b.affected if r.update for ref in r.update.supersedes)])
    named = {ref for _path, ref in named_ids(loaded.doc, find, known)} | (set(known) - {b.id})
    if any(find.fullmatch(ref) and ref not in catalog.by_id for ref in named):
        return True
    today = local(catalog.as_of, catalog.settings.release).date()
    return bulletin is None and (any(rev.date > today for rev in b.revisions)
                                 or (b.withdrawn is not None and b.withdrawn.date > today))


def lint_unit(root: Path, folder: Path, stem: str, catalogue: Loaded[ProductList] | None,
              settings: Settings) -> tuple[Corpus, list[Diagnostic]]:
    """Load a bulletin with its translations and judge them by every rule that `validate` runs
    per record; returns what loaded and the diagnostics on these files, as `validate` reports them.

    The rules across records (an ID used twice, a superseded bulletin that exists) wait for
    the next full build.
    """
    files = sorted(p for p in folder.glob(f"{stem}.*yaml") if p.name.split(".")[0] == stem)
    corpus = load_corpus(root, paths=files)
    ours = {item.file for group in (corpus.bulletins, corpus.overlays) for item in group}
    ours |= {d.file for d in corpus.diagnostics if d.code != "PD034"}  # files that did not load
    corpus.diagnostics = [d for d in corpus.diagnostics if d.file in ours]
    corpus.catalogue = catalogue  # rules check products and versions against it
    return corpus, ordered(d for d in record_rules(corpus, settings) if d.file in ours)
