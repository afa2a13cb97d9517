"""The ``patchday`` MkDocs plugin: thin hooks around the pure core.

How the pieces meet (see docs/site.md for why):

* ``on_config``  load the records once, build the catalog, fork the exports and
  the search index (they need only the catalog; they write into a staging
  folder, see :mod:`patchday.staging`), then lint while they run.
* ``on_files``   add one *virtual* File
  per generated page and language. They
  are plain ``File`` objects with a path under docs_dir that does not exist
  (``File.generated`` crashes mkdocs-static-i18n, which re-creates every File
  and drops in-memory content), so their source is supplied by
  ``on_page_read_source`` and their HTML by ``on_page_content``, both keyed by
  ``src_uri``, which survives i18n's re-creation.
* ``on_env``     share compiled theme templates between the languages' builds
  (:mod:`patchday.mkdocs_plugin.bytecode`).
* ``on_post_page`` keeps the rendered *shells* of each language: one page per
  kind that grows with the corpus (bulletins, release months, products, CVE
  years), with tokens where the key, title, content and contents list go.
* ``on_post_build`` (after i18n has built every language) pours every bulletin
  and every release, product and CVE-year page into its shell in parallel, then
  waits for the exports and the index and moves their output into place.

mkdocs-static-i18n re-runs the whole build per language on this same plugin
instance, so everything expensive is computed once and kept on ``self``.
"""

from __future__ import annotations

import gzip
import json
import shutil
import time
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from patchday import clock, env, jobs, scoring, staging
from patchday.catalog import Catalog, build_catalog
from patchday.diagnostics import Severity
from patchday.i18n import Labels
from patchday.lint import lint, ordered, rules_alone
from patchday.mkdocs_plugin.bytecode import MemoryBytecodeCache
from patchday.mkdocs_plugin.config import (PatchdayConfig, languages_problem, plugin_block, site_url_problem,
                                            theme_problem)
from patchday.model import Settings
from patchday.model.site import BuildOptions, SettingsProblem, read_plugin_block
from patchday.render import urls
from patchday.render.chrome import chrome
from patchday.render.pages import SHELL_ID, SHELL_PATHS, SHELL_TITLE, PageSpec, poured_pages, render_page, site_pages
from patchday.render.sitemap import dated
from patchday.render.sitemap import entries as sitemap_entries
from patchday.render.sitemap import split as split_sitemap
from patchday.render.sitemap import without_alternates, without_shells

log = get_plugin_logger(__name__)


def _warning_summary(diagnostics: list[Any]) -> str:
    """One line for the non-error findings: a large corpus has thousands of stale-translation notes."""
    counts: dict[str, int] = {}
    for d in diagnostics:
        if d.severity is not Severity.ERROR:
            counts[d.code] = counts.get(d.code, 0) + 1
    if not counts:
        return ""
    codes = ", ".join(f"{code} x{n}" for code, n in sorted(counts.items()))
    return f"{sum(counts.values())} warning(s) in the records ({codes}); `patchday validate` lists them, --verbose too"


@dataclass(slots=True)
class _State:
    settings: Settings
    source: Path
    catalog: Catalog
    specs: dict[str, PageSpec]  # MkDocs pages, by virtual src_uri
    poured: list[PageSpec]  # release, product and CVE-year pages, poured into shells after MkDocs
    site_dir: Path  # the root site_dir (i18n builds every language under it)
    catalogue: Any = None  # products.yaml as loaded (Loaded[ProductList]): serve lints a saved record against it


class PatchdayPlugin(BasePlugin[PatchdayConfig]):  # type: ignore[type-var]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._state: _State | None = None
        self._shells: dict[tuple[str, str], str] = {}  # (kind, lang) -> the shell page as Material rendered it
        self._notfound: dict[str, str] = {}  # lang -> the 404 page as Material rendered it in that language's build
        # Generated MkDocs pages as written: src_uri -> (output path, full HTML, content HTML, toc), for the serve fast path.
        self._pages: dict[str, tuple[Path, str, str, list[tuple[str, str]]]] = {}
        self._started = 0.0
        self._loaded = 0.0
        self._command = "build"
        self._building = False
        self._fast: Any = None  # the serve fast path (patchday.mkdocs_plugin.fast.FastPath) once serving
        # Forked as soon as MkDocs has cleaned site_dir (they need the catalog only): exports, search index.
        self._early: dict[str, jobs.Forked] = {}
        self._staged_in: Path | None = None  # the site_dir whose staging folder they write into
        self._bytecode = MemoryBytecodeCache()
        self._background: list[jobs.Background] = []  # under serve: the jobs written after the pages
        self._options = BuildOptions()  # read with the site settings in on_config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    # ---- configuration ------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        try:  # the block as every command reads it: the same keys, the same errors
            settings, self._options = read_plugin_block(plugin_block(self.config))
        except SettingsProblem as exc:
            raise PluginError(f"{config.config_file_path}: plugins.patchday: {exc}") from None
        if not self._options.enabled:
            return config
        i18n = config.plugins.get("i18n")
        # Load once per build: i18n's nested per-language builds reuse the state, but
        # `mkdocs serve` keeps this instance (it has on_startup) across rebuilds.
        if self._state is None or i18n is None or not getattr(i18n, "building", False):
            self._started = time.perf_counter()
            self._building = True
            self.wait_for_background()
            self._shells = {}
            self._notfound = {}
            self._pages = {}
            self._state = None
            jobs.let_collector_in()  # a serve rebuild: let the previous catalog go
            self._state = self._load(config, settings)
            jobs.keep_from_collector()  # the catalog lives until the build ends
        return config

    def _load(self, config: MkDocsConfig, settings: Settings) -> _State:
        if problem := theme_problem(config):
            raise PluginError(f"{config.config_file_path}: {problem}")
        base = Path(config.config_file_path or ".").resolve().parent
        source = (base / settings.source).resolve()
        if not source.is_dir():
            raise PluginError(f"plugins.patchday.source: {source} is not a folder")
        t0 = time.perf_counter()
        # It comes back kept from the collector: it lives until the build ends, and otherwise the
        # collections that the catalog, the linter and the shared facts set off would each walk
        # millions of objects (3.4 -> 1.1 CPU-s for the catalog and facts at 3,000 bulletins).
        corpus = jobs.load_corpus(source)
        t1 = time.perf_counter()
        try:
            preview = self._options.preview or env.flag("PATCHDAY_PREVIEW")
            as_of = clock.as_of()
        except (clock.ClockError, env.EnvError) as exc:
            raise PluginError(str(exc)) from None
        for problem in (languages_problem(config, settings), site_url_problem(config, settings)):
            if problem:
                raise PluginError(problem)  # it names the file and line of each setting
        # as_of: nothing from a record's future. The linter reads only the records, so it runs
        # in a process of its own while this one builds the catalog. Its CVSS rule scores every
        # vector; it hands the scores back with its findings, and the catalog takes them. The
        # translations rule runs here instead, once the shared facts hold every translation's
        # freshness, which it would otherwise work out again (lint.rules_alone).
        here = ("translations",)
        linted = jobs.beside("linter", lambda: (lint(corpus, settings, as_of=None if preview else as_of, leave_out=here),
                                                scoring.known()), fork=self._command != "serve")
        # The catalog is built before the verdict of the linter, so that the search index can
        # start now and run beside it (into a staging folder that only a build that passes
        # publishes). Records that fail the lint may trip the catalog: then the lint's own
        # findings are what the publisher gets.
        catalog: Catalog | None = None
        failure: Exception | None = None
        try:
            catalog = build_catalog(corpus, settings, as_of, preview=preview)
        except Exception as exc:  # noqa: BLE001 - reported below, after the lint has spoken
            failure, catalog = exc, None
        site_dir = Path(config.site_dir)
        loaded_clean = not any(d.severity is Severity.ERROR for d in corpus.diagnostics)
        early = catalog is not None and loaded_clean and self._command != "serve"
        if catalog is not None:
            try:
                catalog.work_out_shared()  # before the outputs fork: they inherit it
            except Exception as exc:  # noqa: BLE001 - reported below, after the lint has spoken
                failure, catalog = exc, None  # a catalog without its shared facts must not go on to the outputs
        if early and catalog is not None and self._options.search_index:
            # The search index needs the translations' texts, which the shared facts hold; the
            # linter keeps the second core busy until then. It reads no scores.
            jobs.keep_from_collector()  # the forks only read the catalog: keep their collectors off it
            self._start_search(catalog, settings, site_dir)
        t2 = time.perf_counter()
        found_here = rules_alone(corpus, settings, here)
        diagnostics, scored = linted()  # meanwhile, the search index has this core
        diagnostics = ordered([*diagnostics, *found_here])
        scoring.learn(scored)
        t3 = time.perf_counter()
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        if catalog is not None and early and not errors:
            # The exports read the scores: worked out before they fork (from the linter's: a vector
            # it could not score is an error, and then nothing starts), they are inherited.
            catalog.work_out_scores()
            jobs.keep_from_collector()
            self._start_exports(catalog, site_dir)
        for d in diagnostics:
            line = d.one_line()
            if d.severity is Severity.ERROR:
                log.error(line)
            elif self._options.strict_lint:
                log.warning(line)
            else:
                log.debug(line)  # listed with --verbose; `patchday validate` is where they are read
        if not self._options.strict_lint and (summary := _warning_summary(diagnostics)):
            log.info(summary)
        if errors:
            self._stop_early()
            raise PluginError(f"{len(errors)} error(s) in the records under {source}; run `patchday validate` for details")
        if catalog is None:
            self._stop_early()
            raise PluginError(f"the catalog could not be built: {failure!r}")
        src = settings.source_language
        specs = {s.src_uri(src): s for s in site_pages(catalog)}
        log.info(f"{len(catalog.entries)} bulletins in {len(catalog.releases)} releases as of {as_of.isoformat()}"
                 + (" (preview: drafts included)" if preview else "")
                 + f"; load {t1 - t0:.1f}s, lint {t3 - t2:.1f}s, catalog {t2 - t1:.1f}s")
        self._loaded = time.perf_counter()
        return _State(settings, source, catalog, specs, poured_pages(catalog), site_dir, corpus.catalogue)

    # ---- pages ----------------------------------------------------------------

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if self._options.enabled and env.bytecode_cache is None:
            env.bytecode_cache = self._bytecode  # one compile of each template for every language
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self._state is None:
            return files
        for uri, spec in self._state.specs.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"docs/{uri} collides with a page patchday generates; remove it")
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls, inclusion=inclusion))
        return files

    def _staging(self, site_dir: Path) -> Path:
        """The staging folder inside site_dir that the early jobs write into; MkDocs' clean leaves it
        alone (it skips dot-entries) and ``on_post_build`` moves its content into place."""
        if self._staged_in is None:
            self._staged_in = site_dir
            return staging.fresh(site_dir)
        return staging.folder(self._staged_in)

    def _start_search(self, catalog: Catalog, settings: Settings, site_dir: Path) -> None:
        """Fork the search index now: it needs the catalog's records and the translations' texts
        (inherited from the shared facts). Its CPU work overlaps the scores, the linter and MkDocs
        rendering the index pages in this process."""
        self._early["search index"] = jobs.Forked("search index", jobs.search, catalog, self._staging(site_dir),
                                                  settings.languages)

    def _start_exports(self, catalog: Catalog, site_dir: Path) -> None:
        """Fork the exports once the catalog's shared facts and scores are worked out, which they read."""
        self._early["exports"] = jobs.Forked("exports", jobs.exports, catalog, self._staging(site_dir))

    def wait_for_background(self, *, stop: bool = False) -> None:
        """Before the next build cleans the folder, let the jobs of the previous one finish;
        ``stop``: `mkdocs serve` is shutting down and deletes the folder next, so stop them."""
        for job in self._background:
            job.wait(stop=stop)
        self._background = []

    def _stop_early(self) -> None:
        """Kill the forks, if any, and remove what they staged."""
        for proc in self._early.values():
            proc.kill()
        self._early = {}
        if self._staged_in is not None:
            staging.discard(self._staged_in)
            self._staged_in = None

    def _spec(self, page: Page) -> PageSpec | None:
        return self._state.specs.get(page.file.src_uri) if self._state else None

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        spec = self._spec(page)
        if spec is None:
            return None
        # Material prints meta.title unescaped into <title> and the header, so escape it here.
        return f"---\ntitle: {json.dumps(escape(spec.title))}\n---\n"

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        spec = self._spec(page)
        if spec is None:
            # Hand-written pages: the toc extension titles its heading anchors in English.
            return html.replace('title="Permanent link"', f'title="{escape(Labels(self._lang(config))("chrome.permalink"))}"')
        assert self._state is not None
        rendered = render_page(self._state.catalog, spec)
        page.toc = get_toc([{"level": 2, "id": a, "name": escape(t), "children": []} for a, t in rendered.toc])
        if self._command == "serve" and spec.kind != "shell":
            self._pages[page.file.src_uri] = (Path(), "", rendered.html, list(rendered.toc))
        return rendered.html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        if self._state is None:
            return context
        lang = self._lang(config)
        t = Labels(lang)
        root = urls.root(page.url)
        spec = self._spec(page)
        feeds = [(t(key), root + path) for key, path in urls.site_feeds(lang)]  # as PageCtx.feeds
        if spec is not None and spec.kind == "shell" and spec.key == "product":
            # Filled per product with its name and ID, like the page title (render.write).
            feeds.append((t("feed_product", product=SHELL_TITLE), root + urls.product_feed(lang, SHELL_ID)))
        elif spec is not None and spec.kind == "product":  # a product page rendered by MkDocs (the shell test)
            feeds.append((t("feed_product", product=spec.title), root + urls.product_feed(lang, spec.key)))
        context["pd"] = {
            "feeds": feeds,
            "preview": self._state.catalog.preview,
            "banner": t("preview_banner"),
            "lang": lang,
            "chrome": chrome(self._state.settings, lang),
        }
        if not page.meta.get("description"):
            # Material prints mkdocs.yml's site_description, one English string, on every page.
            page.meta["description"] = context["pd"]["chrome"]["description"]
        return context

    def on_template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        i18n = config.plugins.get("i18n")
        roots = getattr(i18n, "extra_alternate", None)
        if template_name == "404.html" and roots:
            # mkdocs-static-i18n leaves the language switcher of the last page rendered (a page
            # shell) in the config; a page that is not found has only the language homes to offer.
            # static-i18n sets it as an attribute, which Jinja reads before the item.
            config.extra.alternate = deepcopy(roots)
        # Static templates (404.html) get no page context; a preview must still say noindex there.
        if self._state is not None and "pd" not in context:
            lang = self._lang(config)
            context["pd"] = {"feeds": [], "preview": self._state.catalog.preview,
                             "banner": Labels(lang)("preview_banner"), "lang": lang,
                             "chrome": chrome(self._state.settings, lang)}
            if template_name == "404.html" and lang == self._state.settings.source_language:
                # The root 404 sends a reader of /<lang>/... on to that language's 404 page.
                context["pd"]["notfound_routes"] = self._state.settings.languages[1:]
                context["pd"]["notfound_root"] = urlsplit(config.site_url or "/").path or "/"
        return context

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str | None:
        # mkdocs-static-i18n renders 404.html once per language, each time to the site root,
        # so the last language won. Keep each; on_post_build writes them to their folders.
        if template_name == "404.html" and self._state is not None:
            lang = self._lang(config)
            if config.site_description:
                # Material prints mkdocs.yml's one English site_description on a page without page
                # context; the 404 page is in the reader's language, its description too.
                english = f'<meta name="description" content="{config.site_description}">'
                own = f'<meta name="description" content="{escape(chrome(self._state.settings, lang)["description"])}">'
                output_content = output_content.replace(english, own, 1)
            self._notfound[lang] = output_content
        return output_content

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        spec = self._spec(page)
        if spec is not None and spec.kind == "shell":
            self._shells[spec.key, spec.lang] = output
        elif spec is not None and page.file.src_uri in self._pages:
            _, _, content, toc = self._pages[page.file.src_uri]
            self._pages[page.file.src_uri] = (Path(page.file.abs_dest_path), output, content, toc)
        return output

    def _lang(self, config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "current_language", None):
            return i18n.current_language
        return self._state.settings.source_language if self._state else "en"

    # ---- after every language is built ------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100), which builds the other languages in its on_post_build
    def on_post_build(self, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if self._state is None or (i18n is not None and getattr(i18n, "building", False)):
            return  # a nested per-language build; the outer build finishes the site
        state = self._state
        site_dir = state.site_dir
        t0 = time.perf_counter()
        langs = sorted({lang for _, lang in self._shells})
        log.info(f"MkDocs pages of {len(langs)} languages in {t0 - self._loaded:.1f}s")
        c0 = jobs.cpu_seconds()
        try:
            written = jobs.write_pages(state.catalog, self._shells, site_dir, self._options.workers,
                                  poured=[s for s in state.poured if s.lang in langs],
                                  yield_to_others=any(f.running() for f in self._early.values()))
            for kind, lang in self._shells:
                shutil.rmtree(site_dir / urls.site_path(lang, state.settings.source_language, SHELL_PATHS[kind]),
                              ignore_errors=True)
            self._extend_sitemap(site_dir, config, langs)
            for lang, page_html in self._notfound.items():
                (site_dir / urls.site_path(lang, state.settings.source_language, "404.html")).write_text(page_html, encoding="utf-8")
            t1 = time.perf_counter()
            log.info(f"{written.pages} bulletin pages and {written.index_pages} release, product and CVE-year pages in {t1 - t0:.1f}s, {jobs.cpu_seconds() - c0:.1f} CPU-s "
                     f"(bulletins: mean {written.bytes // max(written.pages, 1) // 1000} kB, largest {written.largest // 1000} kB)")
            if self._command == "serve":  # the preview is visible now; search and exports catch up
                self.wait_for_background()
                catalog = state.catalog
                if self._options.search_index:
                    self._background.append(self._after_pages("search index", lambda stop: jobs.search(catalog, site_dir, langs, stop)))
                staging.clear_hidden(site_dir)
                self._background.append(self._after_pages("exports", lambda stop: jobs.exports(catalog, site_dir, stop)))
            early = self._staged_in is not None
            for what, proc in list(self._early.items()):
                try:
                    message = proc.join()
                except jobs.JobFailed as exc:
                    raise PluginError(str(exc)) from None
                del self._early[what]
                log.info(f"{message} (in a parallel process, finished {time.perf_counter() - t1:.1f}s after the pages)")
            if early:
                staging.empty_trash(staging.publish(site_dir, state.settings.languages))
                self._staged_in = None
        finally:
            self._stop_early()
        self._building = False
        log.info(f"patchday site finished in {time.perf_counter() - self._started:.1f}s")

    @staticmethod
    def _after_pages(what: str, fn: Callable[[Callable[[], bool]], str]) -> jobs.Background:
        return jobs.Background(what, fn, done=lambda message: log.info(f"{message} (after the pages, in the background)"),
                               failed=log.error)

    def on_build_error(self, error: Exception) -> None:
        self._building = False
        self._stop_early()

    def _extend_sitemap(self, site_dir: Path, config: MkDocsConfig, langs: list[str]) -> None:
        """Poured pages are not MkDocs pages; add them to sitemap.xml so crawlers find them."""
        sitemap = site_dir / "sitemap.xml"
        if not sitemap.exists() or not config.site_url or self._state is None:
            return
        langs = [lang for lang in self._state.settings.languages if lang in langs]
        added = sitemap_entries(self._state.catalog, config.site_url, langs, self._state.poured)
        text = dated(without_alternates(without_shells(sitemap.read_text(encoding="utf-8"))), self._state.catalog.as_of)
        text = text.replace("</urlset>", added + "\n</urlset>")
        files = split_sitemap(text, config.site_url)
        for name, content in files.items():
            (site_dir / name).write_text(content, encoding="utf-8")
        with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as gz:
            gz.write(files["sitemap.xml"].encode("utf-8"))

    # ---- serve ----------------------------------------------------------------

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        if self._state is None:
            return server
        from patchday.mkdocs_plugin.fast import FastPath

        if self._fast is None:
            # Records are watched with inotify, not MkDocs' 0.5 s polling: a changed bulletin is
            # poured into the cached shells in well under a second (FastPath); anything else
            # (products.yaml, release notes, a new or moved bulletin) asks MkDocs for a full rebuild.
            self._fast = FastPath(self, server)
            self._fast.start(self._state.source)
        else:
            self._fast.server = server
        return server

    def page_rewritten(self, uri: str, dest: Path, output: str, content: str, toc: list[tuple[str, str]]) -> None:
        """The serve fast path rewrote a generated MkDocs page in place: keep what is now on disk."""
        self._pages[uri] = (dest, output, content, toc)

    def on_shutdown(self) -> None:
        if self._fast is not None:
            self._fast.stop()
            self._fast = None
        # `mkdocs serve` deletes its folder next: writers still at work there would make
        # that fail ("Directory not empty") or recreate what it deleted.
        self.wait_for_background(stop=True)
