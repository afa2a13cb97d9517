"""What a reader downloads: a search in each language, and a bulletin page, in real Chromium.

The site is served on 127.0.0.1 and each measurement opens a fresh browser
context (an empty cache, as a first visit). Every response body is counted at
the size the server sent it (this server does not compress, so the figures are
upper bounds for a site served with gzip). For a search, the page's own
documents are counted apart from what the query made the browser fetch:
the search script, the index's meta.json, one term shard per word and the
records of the results shown (render/search_index.py).

``rows(site, corpus)`` returns one row per measurement; ``bench/site_bench.py``
prints them. It needs Playwright and Debian's Chromium (``make bench`` installs
both); without them it returns one row that says why it was skipped.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LIMIT_BYTES = 1_000_000  # the bound for a search; "well under" it is the goal
# The search page marks its box once a search is done and its first results are shown.
SEARCH_DONE = "#pd-search[data-state=done]"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _served(site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def queries(corpus: Path) -> list[tuple[str, str, str]]:
    """(language, what, query): an ID, an update number, and a common word in each language."""
    bulletin = next(p for p in sorted(corpus.glob("2*/*.yaml")) if p.name.count(".") == 1)  # not a translation overlay
    first = yaml.safe_load(bulletin.read_text(encoding="utf-8"))
    cve = first["vulnerabilities"][0]["cve"]
    kb = next((a["update"]["id"] for a in first["affected"] if isinstance(a.get("update"), dict) and a["update"].get("id")), None)
    out = [("en", "CVE id", cve), ("en", "common word", "memory"), ("de", "common word", "Schwachstelle"),
           ("fr", "common word", "vulnérabilité"), ("ja", "compound word", "情報漏えい"), ("ja", "common word", "脆弱性")]
    if kb:
        out.insert(1, ("fr", "update number", str(kb)))
    return out


def _measure(browser, url: str, wait_for: str) -> tuple[int, int, int]:
    """(all bytes, bytes a search costs, requests) for one fresh page load: the search's bytes are its
    script and what it fetches from the language's search-index/ folder."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[tuple[str, int]] = []

    def done(request) -> None:
        response = request.response()
        if response is None:
            return
        try:
            size = len(response.body())
        except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
            size = 0
        sizes.append((request.url, size))

    page.on("requestfinished", done)
    page.goto(url)
    page.wait_for_selector(wait_for, timeout=30_000)
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(s for _, s in sizes), sum(s for u, s in sizes if "/search-index/" in u or u.endswith("/assets/patchday/search.js")), len(sizes)


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def rows(site: Path, corpus: Path, n: int, browser=None) -> list[dict]:
    """The measurements; ``browser`` is a Playwright Chromium already started, or None to start one."""
    if browser is None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            return [{"kind": "reader_cost", "n": n, "skipped": "playwright is not installed (make bench installs it)"}]
        if not Path(CHROMIUM).exists():
            return [{"kind": "reader_cost", "n": n, "skipped": f"no {CHROMIUM} (Debian's chromium; make bench installs it)"}]
        with sync_playwright() as p:
            started = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                return rows(site, corpus, n, started)
            finally:
                started.close()
    out: list[dict] = []
    bulletin = sorted((site / "bulletins").glob("*/index.html"), key=lambda p: p.stat().st_size)[-1].parent.name
    with _served(site) as base:
        for lang, what, query in queries(corpus):
            total, index, requests = _measure(browser, f"{base}{_prefix(lang)}search/?q={query}", SEARCH_DONE)
            out.append({"kind": "reader_cost", "n": n, "what": f"search, {lang}, {what}", "query": query,
                        "search_kb": round(index / 1024, 1), "page_load_kb": round(total / 1024, 1), "requests": requests,
                        "search_under_limit": index < LIMIT_BYTES})
        total, index, requests = _measure(browser, f"{base}bulletins/{bulletin}/", "article")
        html = (site / "bulletins" / bulletin / "index.html").stat().st_size
        out.append({"kind": "reader_cost", "n": n, "what": f"largest bulletin page ({bulletin}), first visit",
                    "html_kb": round(html / 1000, 1), "page_load_kb": round(total / 1024, 1), "requests": requests})
    return out
