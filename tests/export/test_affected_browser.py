"""The "Am I affected?" checker in a real Chromium, reading the exported JSON API."""

from __future__ import annotations

import functools
import html
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from patchday.render.html import affected_script_labels

CHROMIUM = "/usr/bin/chromium"

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>affected</title></head>
<body><div id="pd-affected" data-api="{api}" data-lang="{lang}" data-labels="{labels}"></div>
<script src="{script}"></script></body></html>
"""


@pytest.fixture(scope="module")
def server(plain_site, tmp_path_factory):
    """Serve a copy of the built site with minimal checker pages (the site engineer's pages land later)."""
    root = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(plain_site, root)
    for lang, prefix in (("en", ""), ("de", "de/"), ("fr", "fr/"), ("ja", "ja/")):
        page = root / prefix / "affected" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        up = "../" * (prefix.count("/") + 1)
        # The words as the site's page writes them: from the one label table.
        labels = html.escape(affected_script_labels(lang), quote=True)
        page.write_text(PAGE.format(lang=lang, api=f"{up}api/v1/", script=f"{up}assets/patchday/affected.js",
                                    labels=labels), encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


def _check(browser, url, product, version):
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector("#pd-affected[data-ready=true]")
    page.select_option("#pd-affected-product", product)
    page.wait_for_function("document.querySelectorAll('#pd-affected-version option').length > 1")
    page.select_option("#pd-affected-version", version)
    page.wait_for_selector(".pd-affected__count")
    result = {
        "count": page.text_content(".pd-affected__count"),
        "items": page.eval_on_selector_all(".pd-affected__item", "els => els.map(e => e.dataset.bulletin)"),
        "links": page.eval_on_selector_all(".pd-affected__item > a", "els => els.map(e => e.getAttribute('href'))"),
        "steps": page.eval_on_selector_all(".pd-affected__step", "els => els.map(e => e.dataset.update)"),
        "nofix": page.eval_on_selector_all(".pd-affected__nofix", "els => els.map(e => e.dataset.bulletin)"),
        "text": page.text_content("#pd-affected"),
    }
    page.close()
    assert not errors, errors
    return result, requests


@pytest.mark.browser
def test_gateway_2_0_in_english(browser, server):
    r, requests = _check(browser, f"{server}/affected/", "gateway", "2.0")
    assert r["items"] == ["CX26-003", "CX26-002"]  # newest first
    assert r["steps"] == ["GW-2.0.4"] and "fixed build 2.0.4" in r["text"]
    assert r["count"] == "2 bulletins apply to Contoso Gateway 2.0."  # a plural form, not "bulletin(s)"
    assert "Install this update:" in r["text"]
    assert r["links"][0].endswith("/bulletins/CX26-003/")
    assert all(u.startswith(server) for u in requests)  # no external requests


@pytest.mark.browser
def test_mail_server_in_french_and_japanese(browser, server):
    r, _ = _check(browser, f"{server}/fr/affected/", "mail-server", "2019")
    assert r["items"] == ["CX26-001"]
    assert "Mise à jour de sécurité pour Contoso Mail Server" in r["text"]
    assert "Critique" in r["text"] and r["steps"] == ["KB5031001"]
    assert r["count"] == "1 bulletin concerne Contoso Mail Server 2019 CU14."
    assert r["links"][0].endswith("/fr/bulletins/CX26-001/")
    r, _ = _check(browser, f"{server}/ja/affected/", "mail-server", "2019")
    assert "Contoso Mail Server のセキュリティ更新プログラム" in r["text"] and "緊急" in r["text"]
    # The update comes from a bulletin: "CX26-001 で公開", not 出典 (a citation's source).
    assert "CX26-001 で公開" in r["text"] and "出典" not in r["text"]


@pytest.mark.browser
def test_withdrawn_and_unfixed_in_german(browser, server):
    r, _ = _check(browser, f"{server}/de/affected/", "mail-server", "2022")
    assert r["items"] == []  # only the withdrawn CX26-004 named it
    assert r["count"] == "Für Contoso Mail Server 2022 gilt kein veröffentlichtes Bulletin."
    r, _ = _check(browser, f"{server}/de/affected/", "gateway", "1.10")
    assert r["items"] == ["CX26-003", "CX26-002"] and r["steps"] == []
    assert r["nofix"] == ["CX26-002", "CX26-003"]
    assert "2 Bulletins haben kein Update für diese Version:" in r["text"] and "Noch nichts zu installieren." in r["text"]


def test_script_never_uses_html_sinks_or_remote_urls():
    js = (Path(__file__).resolve().parents[2] / "plugins/patchday/export/assets/affected.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js
    assert "https://" not in js and "http://" not in js.replace("'http:'", "")

