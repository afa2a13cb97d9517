""""Am I affected?" on the real site built from the example corpus, in a real Chromium.

One answer per product version: the product page, the JSON API and the browser's
checker must name the same bulletins, the same updates to install in the same
order, and the same bulletins without a fix. The expected bulletins are computed
from the catalog on their own (every published, not withdrawn bulletin whose rows
name the version or a component that is part of it).
Screenshots go to tests/artifacts/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from packaging.version import Version

from patchday.catalog import build_catalog
from patchday.load.corpus import load_corpus
from patchday.settings_file import load_settings
from tests.release.sitebuild import ROOT, build, site_config

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("example-affected")]
CHROMIUM = "/usr/bin/chromium"
AS_OF = "2026-11-25T12:00:00Z"
SHOTS = ROOT / "tests" / "artifacts" / "screenshots"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("affected")
    out = tmp / "site"
    build(site_config(tmp, ROOT / "bulletins"), out, as_of=AS_OF)
    return out


@pytest.fixture(scope="module")
def server(site):
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


@functools.cache
def catalog():
    settings, base = load_settings(ROOT / "mkdocs.yml")
    return build_catalog(load_corpus(base / settings.source), settings, dt.datetime.fromisoformat(AS_OF.replace("Z", "+00:00")))


def expected(product: str, version: str) -> list[str]:
    cat = catalog()
    wanted = {(product, version)}
    for p in cat.products.values():  # components that are part of this version
        for v in p.versions:
            if any(part.product == product and version in part.versions for part in v.part_of):
                wanted.add((p.id, v.id))
    hits = [e for e in cat.entries if not e.withdrawn
            and any((r.product, ver) in wanted for r in e.bulletin.affected for ver in r.versions)]
    return sorted(e.id for e in hits)


def every_version() -> list[tuple[str, str]]:
    return [(p.id, v.id) for p in catalog().products.values() for v in p.versions]


def checker(page, url: str) -> dict:
    page.goto(url)
    page.wait_for_selector("#pd-affected[data-ready=true]")
    page.wait_for_selector(".pd-affected__count")
    return {
        "count": page.text_content(".pd-affected__count"),
        "bulletins": sorted(page.eval_on_selector_all(".pd-affected__item", "els => els.map(e => e.dataset.bulletin)")),
        "install": page.eval_on_selector_all(".pd-affected__step", "els => els.map(e => e.dataset.update)"),
        "unfixed": list(dict.fromkeys(page.eval_on_selector_all(".pd-affected__nofix", "els => els.map(e => e.dataset.bulletin)"))),
        "text": page.text_content("#pd-affected"),
    }


def product_page(site: Path, product: str) -> dict[str, dict]:
    soup = BeautifulSoup((site / "products" / product / "index.html").read_text(encoding="utf-8"), "html.parser")
    out = {}
    for tr in soup.select("table.pd-versions tr[data-version]"):
        out[tr["data-version"]] = {
            "bulletins": sorted(tr["data-bulletins"].split()),
            "install": [li["data-update"] for li in tr.select("ol.pd-install > li")],
            "unfixed": list(dict.fromkeys(li["data-bulletin"] for li in tr.select("ul.pd-open > li"))),
        }
    return out


def api_answer(site: Path, product: str) -> dict[str, dict]:
    doc = json.loads((site / "api/v1/products" / f"{product}.json").read_text(encoding="utf-8"))
    return {v["id"]: {"bulletins": sorted(v["status"]["bulletins"]),
                      "install": [i["id"] for i in v["status"]["install"]],
                      "unfixed": v["unfixed"]} for v in doc["versions"]}


def test_page_api_and_browser_say_the_same_for_every_version(site, server, page) -> None:
    """The consistency test of the issue: for every product and version of the example corpus."""
    versions = every_version()
    assert len(versions) > 25
    pages: dict[str, dict] = {}
    apis: dict[str, dict] = {}
    for product, version in versions:
        if product not in pages:
            pages[product], apis[product] = product_page(site, product), api_answer(site, product)
        want = expected(product, version)
        shown = pages[product][version]
        api = apis[product][version]
        browser = checker(page, f"{server}/affected/?product={product}&version={version}")
        assert shown["bulletins"] == want, (product, version, "page")
        assert api["bulletins"] == want, (product, version, "api")
        assert browser["bulletins"] == want, (product, version, "browser")
        assert shown["install"] == api["install"] == browser["install"], (product, version, shown, api, browser)
        assert shown["unfixed"] == api["unfixed"] == browser["unfixed"], (product, version, shown, api, browser)
        if want and not api["unfixed"]:
            assert api["install"], (product, version)  # every applying bulletin is fixed: something to install


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
    assert page.query_selector(".pd-affected__step") is not None  # the update to install is named
    # Choosing by hand writes the deep link into the address bar.
    assert f"?product={product}&version={version}" in page.url
    assert not errors and all(u.startswith(server) for u in requests)


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["", "ja/"])
def test_non_cumulative_product_lists_every_update_in_order(server, page, lang: str) -> None:
    r = checker(page, f"{server}/{lang}affected/?product=classic-desktop&version=SP2")
    # Three bulletins, three separate updates, oldest first; the KB-only one says its build is not stated.
    assert r["install"] == ["KB5036101", "KB5036201", "KB5036301"]
    steps = page.eval_on_selector_all(".pd-affected__step", "els => els.map(e => e.dataset.bulletin)")
    assert steps == ["CX26-036", "CX26-037", "CX26-038"]
    assert page.is_hidden(".pd-affected__build")  # a build number says nothing about separate updates
    if lang:
        assert "次の 3 件の更新プログラムをこの順にインストールしてください:" in r["text"]
        assert "修正ビルドの記載なし" in r["text"]
        assert r["count"] == "Contoso Classic Desktop SP2 に該当するセキュリティ情報: 3 件"
    else:
        assert "Install these 3 updates, in this order:" in r["text"]
        assert "fixed build not stated" in r["text"]
        assert r["count"] == "3 bulletins apply to Contoso Classic Desktop SP2."
    _shot(page, f"affected-separate-{lang.strip('/') or 'en'}")
    # SP3's update of CX26-038 supersedes CX26-036 for SP3: two updates, the later one resolves both.
    r = checker(page, f"{server}/{lang}affected/?product=classic-desktop&version=SP3")
    assert r["install"] == ["KB5036202", "KB5036302"]


@pytest.mark.parametrize("lang", ["", "ja/"])
def test_component_reaches_its_platform(server, page, lang: str) -> None:
    r = checker(page, f"{server}/{lang}affected/?product=nimbus-os&version=24H2")
    assert "CX26-039" in r["bulletins"]
    assert r["install"][0] == "KB5036401" and len(r["install"]) == 2  # Mail Client (Oct), then the OS (Nov)
    comp = page.text_content(".pd-affected__step[data-update='KB5036401'] .pd-affected__component")
    assert comp == (" · Contoso Mail Client 6.0 (このバージョンに含まれる)" if lang else " · Contoso Mail Client 6.0, part of this version")
    _shot(page, f"affected-component-{lang.strip('/') or 'en'}")
    # 22H2 does not ship Mail Client 6.0: the component's bulletin does not reach it.
    r = checker(page, f"{server}/{lang}affected/?product=nimbus-os&version=22H2")
    assert "CX26-039" not in r["bulletins"]


@pytest.mark.parametrize("lang", ["", "ja/"])
def test_installed_build_is_compared_segment_by_segment(server, page, lang: str) -> None:
    base = f"{server}/{lang}affected/?product=mail-server&version=SE"
    r = checker(page, base)
    assert r["install"] == ["KB5035995"] and r["unfixed"] == ["CX26-001"]
    fixed = page.get_attribute(".pd-affected__step", "data-update")
    assert fixed == "KB5035995"
    # .9 is older than .34 (a string comparison would call it newer).
    r = checker(page, base + "&build=15.2.2562.9")
    assert page.input_value("#pd-affected-build") == "15.2.2562.9"
    assert r["install"] == ["KB5035995"]
    r = checker(page, base + "&build=15.2.2562.100")
    assert r["install"] == [] and page.query_selector(".pd-affected__done") is not None
    assert r["unfixed"] == ["CX26-001"]  # a build never clears a bulletin that has no fix
    _shot(page, f"affected-build-{lang.strip('/') or 'en'}")
    # Typing a build updates the answer and the deep link.
    page.fill("#pd-affected-build", "15.2.2562.30")
    page.wait_for_function("document.querySelectorAll('.pd-affected__step').length === 1")
    assert page.url.endswith("build=15.2.2562.30")
    page.fill("#pd-affected-build", "15.2.x")
    page.wait_for_selector(".pd-affected__badbuild")


def test_build_comparison_agrees_with_packaging(server, page) -> None:
    page.goto(f"{server}/affected/")
    page.wait_for_selector("#pd-affected[data-ready=true]")
    pairs = [("15.2.2562.9", "15.2.2562.34"), ("15.2.2562.34", "15.2.2562.9"), ("1.10", "1.9"), ("1.0", "1"),
             ("10.0.26100.7865", "10.0.26100.7865"), ("2", "10"), ("1.0.0.1", "1.0"), ("007.1", "7.01"),
             ("9007199254740993.1", "9007199254740992.9")]
    got = page.evaluate("pairs => pairs.map(p => window.patchdayCompareBuilds(p[0], p[1]))", pairs)
    want = [(Version(a) > Version(b)) - (Version(a) < Version(b)) for a, b in pairs]
    assert got == want
    assert page.evaluate("window.patchdayCompareBuilds('1.2a', '1.2')") is None


def test_deep_link_opens_the_answer(server, page) -> None:
    r = checker(page, f"{server}/ja/affected/?product=classic-desktop&version=SP3")
    assert page.input_value("#pd-affected-product") == "classic-desktop"
    assert page.input_value("#pd-affected-version") == "SP3"
    href = page.get_attribute(".pd-affected__permalink a", "href")
    assert href.endswith("/ja/affected/?product=classic-desktop&version=SP3")
    assert r["install"] == ["KB5036202", "KB5036302"]
    # An unknown product in the link leaves the form empty instead of guessing.
    page.goto(f"{server}/affected/?product=no-such-product&version=1")
    page.wait_for_selector("#pd-affected[data-ready=true]")
    assert page.input_value("#pd-affected-product") == ""


def test_csaf_relationships_pass_the_validator_without_new_warnings(site) -> None:
    """The component's CSAF documents carry product_tree.relationships to its platforms; they pass the
    strict schema and mandatory tests, and the recommended tests find nothing in the relationships."""
    from tests.export.test_csaf_validator import SCRIPT, csaf_documents

    files = csaf_documents(site)
    mail_client = [f for f in files if f.name.startswith("cx26-039") and "vex" not in f.parts]
    assert len(mail_client) == 1  # English only: translations are opt-in (its VEX document is in the other distribution)
    doc = json.loads(mail_client[0].read_text(encoding="utf-8"))
    rels = doc["product_tree"]["relationships"]
    assert {r["relates_to_product_reference"] for r in rels} == {"nimbus-os:23H2", "nimbus-os:24H2", "nimbus-os:25H2"}
    combined = {r["full_product_name"]["product_id"] for r in rels}
    assert combined <= set(doc["vulnerabilities"][0]["product_status"]["known_affected"])
    assert combined <= {i for r in doc["vulnerabilities"][0]["remediations"] for i in r.get("product_ids", [])}
    older = json.loads(next(f for f in files if f.name == "cx26-036.json").read_text(encoding="utf-8"))
    assert any(r["summary"] == "Superseded by CX26-038" for r in older["document"]["references"])
    done = subprocess.run([shutil.which("node"), str(SCRIPT), "--recommended", *map(str, files)],
                          capture_output=True, text=True, check=False)
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith('{"file"')]
    assert len(results) == len(files) and all(r["isValid"] for r in results), done.stdout[-2000:]
    on_relationships = [w for r in results for w in r["warnings"] if "/relationships/" in w["instancePath"]]
    assert on_relationships == []
    exploited = json.loads(next(f for f in files if f.name == "cx26-037.json").read_text(encoding="utf-8"))
    status = next(t for t in exploited["vulnerabilities"][0]["threats"] if t["category"] == "exploit_status")
    assert status["date"].startswith("2026-10-02") and "Not stated" in status["details"]
