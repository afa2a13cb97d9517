"""Hostile record text is inert: script, event-handler, javascript: URL and
broken-markup payloads planted in every text field of every record."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
AS_OF = "2026-03-01T00:00:00Z"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

PAYLOAD = (
    "<script>alert('pd1')</script><img src=x onerror=alert('pd2')> <a href=\"javascript:alert('pd3')\">a</a> "
    "[l](javascript:alert('pd4')) </table></div></td><svg onload=alert('pd5')> <iframe src=javascript:alert('pd6')> "
    "\"'><b onmouseover=alert('pd7')>x</b> &lt;script&gt; **b"
)
TEXT_KEYS = {"title", "summary", "reason", "description", "mitigating_factors", "text", "undo", "question", "answer",
             "name", "organization"}


def _plant(value, path=()):
    """Replace every free-text string; keep ids, enums, versions, URLs and dates valid."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if isinstance(v, str) and (k in TEXT_KEYS or (k == "impact" and "workarounds" in path)):
                out[k] = PAYLOAD
            elif isinstance(v, str) and path[-1:] == ("revisions",) and k[:1].isdigit():
                out[k] = PAYLOAD  # overlay: revision number -> translated summary
            else:
                out[k] = _plant(v, path + (k,))
        return out
    if isinstance(value, list):
        return [_plant(v, path) for v in value]
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURE / "bulletins", root / "bulletins")
    for f in (root / "bulletins").rglob("*.yaml"):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        f.write_text(yaml.safe_dump(_plant(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    main = FIXTURE.parents[2]
    (root / "mkdocs.yml").write_text(
        f"INHERIT: {main / 'mkdocs.yml'}\ndocs_dir: {main / 'docs'}\nsite_dir: site\n"
        f"theme:\n  name: material\n  custom_dir: {main / 'theme'}\n", encoding="utf-8")
    # The lint rules refuse raw HTML (PD801/PD802); switch them off to test the renderer's own defence.
    code = ("import sys, patchday.mkdocs_plugin.plugin as p; p.lint = lambda corpus, settings, **_: []; "
            "from mkdocs.__main__ import cli; sys.exit(cli(['build', '-f', sys.argv[1]], standalone_mode=False))")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATCHDAY_AS_OF": AS_OF}
    r = subprocess.run([sys.executable, "-c", code, str(root / "mkdocs.yml")], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and (root / "site" / "bulletins" / "CX26-001" / "index.html").exists(), r.stdout + r.stderr
    return root / "site"


def test_payloads_are_inert_in_the_built_html(hostile_site):
    checked = 0
    for f in hostile_site.rglob("*.html"):
        text = f.read_text(encoding="utf-8")
        if "pd1" not in text and "pd2" not in text:
            continue
        checked += 1
        soup = BeautifulSoup(text, "html.parser")
        for el in soup.find_all(True):
            for attr, value in el.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                assert not (attr.startswith("on") and "alert" in value), (f, el)
                if attr in ("href", "src", "action", "formaction", "data"):
                    assert not value.strip().lower().startswith("javascript:"), (f, el)
            assert el.name not in ("iframe", "img", "b") or "pd" not in str(el), (f, el)
        for script in soup.find_all("script"):
            assert "alert(" not in (script.string or ""), (f, script)
    assert checked >= 20  # the payload reached bulletin, release, product, CVE and home pages


@pytest.mark.browser
def test_no_alert_fires_in_the_browser(hostile_site):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium is not installed")
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    pages = ["", "releases/2026-01/", "bulletins/CX26-001/", "bulletins/CX26-002/", "bulletins/CX26-003/",
             "products/mail-server/", "cves/", "cves/2026/"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for lang in ("", "fr/", "ja/"):
            for path in pages:
                page.goto((hostile_site / lang / path / "index.html").as_uri())
                page.mouse.move(400, 400)
                page.wait_for_timeout(50)
        browser.close()
    assert dialogs == []
