"""The `patchday serve` fast path (mkdocs_plugin/fast.py): one edited bulletin, re-rendered without MkDocs.

After the fast path, the bulletin pages of every language and the index pages that list
the bulletin must be byte-identical to a full build of the edited records.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.site.conftest import AS_OF, FIXTURE

REPO = Path(__file__).resolve().parents[2]

# Build once as `mkdocs serve` does, in a process of its own; the scripts below go on from there.
_SERVED = r"""
import json, logging, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from patchday.mkdocs_plugin.fast import FastPath
cfg = load_config(sys.argv[1], site_dir=sys.argv[2])
cfg.plugins.on_startup(command="serve", dirty=False)
plugin = cfg.plugins["patchday"]
"""

_SERVE_AND_EDIT = _SERVED + r"""
build(cfg)
fast = FastPath(plugin)
record = Path(sys.argv[3])
overlay = record.with_name(record.stem + ".fr.yaml")
record.write_text(record.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Fast path edit ", 1), encoding="utf-8")
done = fast.rebuild([record])
overlay.write_text(overlay.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Modifié ", 1), encoding="utf-8")
done_fr = fast.rebuild([overlay])
products = fast.rebuild([Path(sys.argv[4])])
print(json.dumps({"pages": done.pages if done else None, "index": done.index_pages if done else None,
                  "fr": done_fr.pages if done_fr else None, "products": products is None}))
"""


_BROKEN_EDIT = _SERVED + r"""
build(cfg)
fast = FastPath(plugin)
record = Path(sys.argv[3])
good = record.read_text(encoding="utf-8")
record.write_text(good.replace("exploited: ", "exploited: no\n    x_exploited: ", 1), encoding="utf-8")
broken = fast.rebuild([record])
record.write_text(good.replace("\ntitle: ", "\ntitle: Fixed ", 1), encoding="utf-8")
fixed = fast.rebuild([record])
print(json.dumps({"broken": None if broken is None else [broken.pages, broken.errors],
                  "fixed": None if fixed is None else [fixed.pages, fixed.errors]}))
"""


_RULE_EDIT = _SERVED + r"""
build(cfg)
fast = FastPath(plugin)
record = Path(sys.argv[3])
good = record.read_text(encoding="utf-8")
bad = good.replace("severity: critical", "severity: catastrophic", 1)
bad = bad.replace("\ntitle: ", "\ntitle: Rule broken ", 1).replace("An authenticated attacker", "An <b>authenticated</b> attacker", 1)
record.write_text(bad, encoding="utf-8")
broken = fast.rebuild([record])
record.write_text(good.replace("\ntitle: ", "\ntitle: Fixed ", 1), encoding="utf-8")
fixed = fast.rebuild([record])
print(json.dumps({"broken": None if broken is None else [broken.pages, broken.errors],
                  "fixed": None if fixed is None else [fixed.pages, fixed.errors]}))
"""


def _live_copy(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """The environment of a public build as of AS_OF, and a copy of the fixture records to edit."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATCHDAY_AS_OF": AS_OF}
    env.pop("PATCHDAY_PREVIEW", None)
    live = tmp_path / "live"
    shutil.copytree(FIXTURE / "bulletins", live / "bulletins")
    return env, live


def _config(folder: Path) -> Path:
    cfg = folder / "mkdocs.yml"
    cfg.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {REPO / 'docs'}\nsite_dir: site\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'theme'}\n"
        "plugins:\n  patchday:\n    source: bulletins\n    search_index: false\n",
        encoding="utf-8",
    )
    return cfg


def test_fast_path_matches_a_full_build(tmp_path: Path) -> None:
    env, live = _live_copy(tmp_path)
    record = live / "bulletins" / "2026" / "CX26-001.yaml"
    out = subprocess.run([sys.executable, "-c", _SERVE_AND_EDIT, str(_config(live)), str(live / "site"), str(record),
                          str(live / "bulletins" / "products.yaml")], capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr[-4000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["pages"] == 4 and result["index"] > 0 and result["fr"] == 4
    assert result["products"], "a catalogue change must ask for a full rebuild"

    fresh = tmp_path / "fresh"
    shutil.copytree(live / "bulletins", fresh / "bulletins")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(_config(fresh)), "-d", str(fresh / "site")]
    built = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    assert built.returncode == 0, built.stderr[-4000:]

    compared = 0
    for page in sorted((fresh / "site").rglob("index.html")):
        rel = page.relative_to(fresh / "site")
        if rel.parts[0] in (".well-known", "api", "assets", "feeds", "calendar", "search-index"):
            continue
        assert (live / "site" / rel).read_bytes() == page.read_bytes(), rel
        compared += 1
    assert compared > 40
    assert "Fast path edit" in (live / "site" / "bulletins" / "CX26-001" / "index.html").read_text(encoding="utf-8")
    assert "Modifié" in (live / "site" / "fr" / "bulletins" / "CX26-001" / "index.html").read_text(encoding="utf-8")


def test_the_watcher_reacts_to_writes_not_to_reads(tmp_path: Path) -> None:
    """Real inotify: reading a record (as every rebuild does) must not set off another rebuild."""
    import threading
    import time

    from patchday.mkdocs_plugin.fast import FastPath

    record = tmp_path / "2026" / "CX26-001.yaml"
    record.parent.mkdir()
    record.write_text("id: CX26-001\n", encoding="utf-8")
    calls: list[list[Path]] = []
    seen = threading.Event()

    class Recording(FastPath):
        def rebuild(self, paths, *, notify=False, index_pages=True):  # type: ignore[override]
            calls.append(paths)
            for path in paths:
                path.read_text(encoding="utf-8")  # what loading the record does
            seen.set()
            return None  # "needs a full build": with no server, nothing more happens

    fast = Recording(plugin=None)  # type: ignore[arg-type]
    fast.start(tmp_path)
    try:
        time.sleep(0.3)
        record.read_text(encoding="utf-8")
        time.sleep(0.5)
        assert calls == []
        tmp = record.with_name("sedXYZ")
        tmp.write_text("id: CX26-001\ntitle: edited\n", encoding="utf-8")
        os.replace(tmp, record)  # how sed -i and many editors save
        assert seen.wait(5)
        time.sleep(1.0)  # long enough for a loop to show: each round takes ~30 ms
        assert [p.name for batch in calls for p in batch] == ["CX26-001.yaml"]
    finally:
        fast.stop()
    assert fast._thread is not None and not fast._thread.is_alive()  # stop() returns when nothing writes any more


def test_a_record_with_errors_is_reported_at_once_and_the_last_good_pages_stay(tmp_path: Path) -> None:
    """No full rebuild for a save that does not load (it would stop on the same error after
    reading every record); the error is logged with file:line now, and the fixing save takes
    the fast path."""
    env, live = _live_copy(tmp_path)
    record = live / "bulletins" / "2026" / "CX26-001.yaml"
    page = live / "site" / "bulletins" / "CX26-001" / "index.html"
    out = subprocess.run([sys.executable, "-c", _BROKEN_EDIT, str(_config(live)), str(live / "site"), str(record)],
                         capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr[-4000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"broken": [0, 2], "fixed": [4, 0]}
    logged = [line for line in out.stderr.splitlines() if "CX26-001.yaml:" in line]
    assert any("error PD014" in line and "not `no`" in line for line in logged), logged
    assert any("error PD011" in line and "x_exploited" in line for line in logged), logged
    assert "Fixed " in page.read_text(encoding="utf-8")


_SERVE_EXPORTS = _SERVED + r"""
logging.basicConfig(level=logging.INFO)
build(cfg)
site = Path(sys.argv[2])
served = {"page": (site / "bulletins" / "CX26-001" / "index.html").exists(), "thread": bool(plugin._background)}
plugin.wait_for_background()
served["exports"] = (site / ".well-known" / "csaf" / "provider-metadata.json").exists()
build(cfg)  # a second full build, whose exports are still running when the server stops
plugin.on_shutdown()
def files():
    return sum(1 for p in site.rglob("*") if p.is_file())
before = files()
time.sleep(0.3)
served["stopped"] = not plugin._background and files() == before
print(json.dumps(served))
"""


def test_serve_writes_the_exports_after_the_pages_in_the_background(tmp_path: Path) -> None:
    env, live = _live_copy(tmp_path)
    out = subprocess.run([sys.executable, "-c", _SERVE_EXPORTS, str(_config(live)), str(live / "site")],
                         capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr[-4000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"page": True, "thread": True, "exports": True, "stopped": True}
    # the first run reports; the second says nothing if it was stopped, as it usually is by then
    assert out.stderr.count("(after the pages, in the background)") in (1, 2)
    assert "exports failed" not in out.stderr


_AHEAD_OF_TIME = _SERVED + r"""
build(cfg)
fast = FastPath(plugin)
record = Path(sys.argv[3])
good = record.read_text(encoding="utf-8")
edits = {"states a hidden product": good + 'not_affected:\n  - product: qzonly\n    versions: ["1.0"]\n',
         "revised after as-of": good + '  - version: "1.1"\n    date: 2026-03-05\n    summary: Later.\n',
         "names an unknown bulletin": good.replace("\ntitle: ", "\ntitle: See CX26-099. ", 1),
         "plain edit": good.replace("\ntitle: ", "\ntitle: Plain ", 1)}
full = {}
for name, text in edits.items():
    record.write_text(text, encoding="utf-8")
    full[name] = fast.rebuild([record]) is None
print(json.dumps({"full": full, "public": "qzonly" in plugin._state.catalog.products}))
"""


def test_a_save_ahead_of_its_time_asks_for_a_full_build(tmp_path: Path) -> None:
    """The public catalogue follows what published bulletins state, and a future revision or a
    name of an unpublished bulletin stops the build: the fast path must not render either."""
    env, live = _live_copy(tmp_path)
    products = live / "bulletins" / "products.yaml"
    products.write_text(products.read_text(encoding="utf-8") + "  - id: qzonly\n    name: Qzonly\n    family: server\n"
                        '    versions:\n      - {id: "1.0", name: Qzonly 1.0}\n', encoding="utf-8")
    record = live / "bulletins" / "2026" / "CX26-001.yaml"
    out = subprocess.run([sys.executable, "-c", _AHEAD_OF_TIME, str(_config(live)), str(live / "site"), str(record)],
                         capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr[-4000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {
        "full": {"states a hidden product": True, "revised after as-of": True, "names an unknown bulletin": True,
                 "plain edit": False},
        "public": False}


def test_a_save_that_breaks_a_rule_is_reported_as_validate_reports_it_and_not_published(tmp_path: Path) -> None:
    """A record that loads but breaks rules (a severity off the scale, raw HTML) must not reach the
    page: serve logs each error as `patchday validate` words it, and the last good page stays."""
    env, live = _live_copy(tmp_path)
    record = live / "bulletins" / "2026" / "CX26-001.yaml"
    page = live / "site" / "bulletins" / "CX26-001" / "index.html"
    script = _RULE_EDIT.replace("fixed = fast.rebuild", "kept = page_text()\nfixed = fast.rebuild").replace(
        "build(cfg)\n", f"build(cfg)\npage_text = lambda: Path({str(page)!r}).read_text(encoding='utf-8')\n", 1)
    script = script.replace('print(json.dumps({"broken"', 'print(json.dumps({"kept": "Rule broken" not in kept, "broken"')
    out = subprocess.run([sys.executable, "-c", script, str(_config(live)), str(live / "site"), str(record)],
                         cwd=live, capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr[-4000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["kept"], "a record with rule errors reached the page"
    assert result["broken"] == [0, 2] and result["fixed"] == [4, 0], result

    # the same record, as `patchday validate` reports it
    record.write_text(record.read_text(encoding="utf-8").replace("\ntitle: Fixed ", "\ntitle: "), encoding="utf-8")
    bad = record.read_text(encoding="utf-8").replace("severity: critical", "severity: catastrophic", 1)
    record.write_text(bad.replace("An authenticated attacker", "An <b>authenticated</b> attacker", 1), encoding="utf-8")
    validate = subprocess.run([sys.executable, "-m", "patchday", "validate", "--no-cache", "live/bulletins"], cwd=tmp_path,
                              capture_output=True, text=True, env=env, check=False)
    expected = [line for line in validate.stdout.splitlines() if " error " in line]
    assert {line.split(" error ")[1].split()[0] for line in expected} == {"PD401", "PD801"}, validate.stdout + validate.stderr
    logged = [line for line in out.stderr.splitlines() if " error PD" in line]
    assert [line[line.index("bulletins/"):].split(" (hint: ")[0] for line in logged] == [line[line.index("bulletins/"):] for line in expected]
    assert "Fixed " in page.read_text(encoding="utf-8")
