""""Am I affected?" on the real site built from the example corpus, in a real Chromium.

The expected answer is computed from the catalog: every published, not withdrawn
bulletin whose affected rows name the product and version.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from pathlib import Path

import pytest

from patchday.catalog import build_catalog
from patchday.load.corpus import load_corpus
from patchday.settings_file import load_settings
from tests.release.sitebuild import ROOT, build, site_config

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("example-affected")]
CHROMIUM = "/usr/bin/chromium"
AS_OF = "2026-11-25T12:00:00Z"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("affected")
    site = tmp / "site"
    build(site_config(tmp, ROOT / "bulletins"), site, as_of=AS_OF)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser.new_page()
        browser.close()


def expected(product: str, version: str) -> list[str]:
    settings, base = load_settings(ROOT / "mkdocs.yml")
    catalog = build_catalog(load_corpus(base / settings.source), settings, dt.datetime.fromisoformat(AS_OF.replace("Z", "+00:00")))
    hits = [e for e in catalog.entries if not e.withdrawn
            and any(r.product == product and version in r.versions for r in e.bulletin.affected)]
    return sorted(e.id for e in hits)


@pytest.mark.parametrize(("lang", "product", "version"), [("", "mail-server", "2019"), ("ja/", "edge-gateway", "2.0"),
                                                          ("fr/", "nimbus-os", "24H2")])
def test_real_page_gives_the_catalog_answer(server, page, lang: str, product: str, version: str) -> None:
    want = expected(product, version)
    assert want, f"the example corpus has no bulletin for {product} {version}"
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/{lang}affected/")
    page.wait_for_selector("#pd-affected[data-ready=true]")
    page.select_option("#pd-affected-product", product)
    page.wait_for_function("document.querySelectorAll('#pd-affected-version option').length > 1")
    page.select_option("#pd-affected-version", version)
    page.wait_for_selector(".pd-affected__count")
    shown = page.eval_on_selector_all(".pd-affected__item", "els => els.map(e => e.dataset.bulletin)")
    links = page.eval_on_selector_all(".pd-affected__item > a", "els => els.map(e => e.getAttribute('href'))")
    assert sorted(shown) == want
    assert all(f"/{lang}bulletins/" in link for link in links)
    assert page.query_selector(".pd-affected__newest") is not None  # the newest fixing update is named
    assert not errors and all(u.startswith(server) for u in requests)
