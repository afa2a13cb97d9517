"""The `patchday` command as publishers and CI run it: real processes, real exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE = Path(__file__).parent.parent / "lint" / "base"
THEME = Path(__file__).resolve().parents[2] / "theme"


def patchday(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "patchday.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "bulletins")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\ntheme:\n  name: material\n  custom_dir: {THEME}\n"
                                         "plugins:\n  - patchday:\n      vendor: Test\n", encoding="utf-8")
    return tmp_path


def break_it(site: Path) -> None:
    path = site / "bulletins" / "2026" / "CX26-001.yaml"
    text = path.read_text(encoding="utf-8").replace("exploited: true", "exploited: no").replace("status: final", "status: final\nstatus: final")
    path.write_text(text, encoding="utf-8")


def test_clean_corpus_exits_0(site: Path) -> None:
    r = patchday("validate", cwd=site)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 error(s)" in r.stdout


def test_problems_exit_1_with_file_line_col_and_hint(site: Path) -> None:
    break_it(site)
    r = patchday("validate", cwd=site)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert any(line.startswith("bulletins/2026/CX26-001.yaml:9:1: error PD010 duplicate key 'status'") for line in lines), r.stdout
    assert any("error PD014" in line and "exploited" in line for line in lines)
    assert sum(1 for line in lines if line.strip().startswith("hint: ")) >= 2
    assert "Traceback" not in r.stdout + r.stderr


def test_json_format(site: Path) -> None:
    break_it(site)
    r = patchday("validate", "--format", "json", cwd=site)
    assert r.returncode == 1
    payload = json.loads(r.stdout)
    assert payload["errors"] == 2
    first = payload["diagnostics"][0]
    assert set(first) == {"code", "severity", "file", "line", "column", "path", "message", "hint"}
    assert {d["code"] for d in payload["diagnostics"]} == {"PD010", "PD014"}
    assert any(d["path"] == "vulnerabilities[0].exploited" for d in payload["diagnostics"])


def test_github_format(site: Path) -> None:
    break_it(site)
    r = patchday("validate", "--format", "github", cwd=site)
    assert r.returncode == 1
    assert "::error file=bulletins/2026/CX26-001.yaml,line=9,col=1,title=PD010::duplicate key" in r.stdout


def test_single_file_is_checked_against_the_whole_corpus(site: Path) -> None:
    overlay = site / "bulletins" / "2026" / "CX26-001.fr.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace("CVE-2026-21001:", "CVE-2026-29999:"), encoding="utf-8")
    source = site / "bulletins" / "2026" / "CX26-001.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("[MS25-044]", "[CX20-404]"), encoding="utf-8")
    assert "PD605" in patchday("validate", cwd=site).stdout
    r = patchday("validate", "bulletins/2026/CX26-001.fr.yaml", cwd=site)
    assert r.returncode == 1
    assert "PD703" in r.stdout and "PD605" not in r.stdout  # only the named file is reported


def test_missing_path_is_a_usage_error(site: Path) -> None:
    r = patchday("validate", "nope/", cwd=site)
    assert r.returncode == 2
    assert "no such file" in r.stderr


def test_bad_option_is_a_usage_error(site: Path) -> None:
    assert patchday("validate", "--format", "xml", cwd=site).returncode == 2


def test_bad_settings_are_a_usage_error(site: Path) -> None:
    (site / "mkdocs.yml").write_text("plugins:\n  - patchday:\n      severities: []\n      colour: red\n", encoding="utf-8")
    r = patchday("validate", cwd=site)
    assert r.returncode == 2 and "colour" in r.stderr and "Traceback" not in r.stderr


def test_strict_makes_warnings_fail(site: Path) -> None:
    overlay = site / "bulletins" / "2026" / "CX26-001.fr.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace('source_revision: "1.1"', 'source_revision: "1.0"'), encoding="utf-8")
    assert patchday("validate", cwd=site).returncode == 0
    assert patchday("validate", "--strict", cwd=site).returncode == 1


def test_new_scaffolds_next_id_on_next_patch_day(site: Path) -> None:
    r = patchday("new", "--title", "Gateway fix", "--product", "gateway", "--after", "2026-11-25T12:00:00Z", cwd=site)
    assert r.returncode == 0, r.stderr
    path = site / "bulletins" / "2026" / "CX26-002.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "released: 2026-12-08T10:00:00-08:00" in text
    assert "status: draft" in text and 'title: "Gateway fix"' in text
    r = patchday("validate", cwd=site)
    assert r.returncode == 0, r.stdout  # the scaffold validates as a draft, its placeholders as warnings
    assert r.stdout.count("warning PD803") == 5, r.stdout  # summary, reason, CVE id, its title, description


def test_new_placeholders_are_refused_until_replaced(site: Path) -> None:
    """A scaffold set to final with its TODO text and CVE-YYYY-0000 left in is refused, each placeholder on its line."""
    r = patchday("new", "--title", "Gateway fix", "--product", "gateway", "--after", "2026-11-25T12:00:00Z", cwd=site)
    assert r.returncode == 0, r.stderr
    path = site / "bulletins" / "2026" / "CX26-002.yaml"
    text = path.read_text(encoding="utf-8").replace("status: draft", "status: final")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    placeholders = [n for n, line in enumerate(lines, 1) if "TODO" in line or "CVE-2026-0000" in line]
    r = patchday("validate", "--no-cache", cwd=site)
    assert r.returncode == 1, r.stdout
    errors = [line for line in r.stdout.splitlines() if " error PD803 " in line]
    reported = sorted(int(line.split(":")[1]) for line in errors)
    # a block scalar's text is reported on its key's line, one above the TODO
    assert reported == sorted(n - 1 if lines[n - 2].endswith(">-") else n for n in placeholders)
    assert any("CVE-2026-0000" in line for line in errors)
    assert "hint: replace CVE-2026-0000 with the CVE id assigned to this flaw" in r.stdout
    assert "hint: write the summary in place of the TODO text" in r.stdout
    for placeholder, fixed in [("TODO: one paragraph for administrators: what is affected, how bad it is,",
                                "An attacker could read mail on the gateway;"),
                               ("and what to install.", "install the update."),
                               ("CVE-2026-0000", "CVE-2026-29999")]:
        text = text.replace(placeholder, fixed)
    path.write_text(text, encoding="utf-8")
    r = patchday("validate", "--no-cache", cwd=site)
    assert "summary" not in "".join(line for line in r.stdout.splitlines() if "PD803" in line)
    assert r.stdout.count("error PD803") == 3  # the reason, the CVE title and the description remain


def test_new_in_a_new_year_starts_at_001(site: Path) -> None:
    r = patchday("new", "--after", "2026-12-20T00:00:00Z", "--dry-run", cwd=site)
    assert r.returncode == 0
    assert "id: CX27-001" in r.stdout and "released: 2027-01-12T10:00:00-08:00" in r.stdout


def test_translations_table_and_stamp(site: Path) -> None:
    r = patchday("translations", "--format", "json", cwd=site)
    rows = json.loads(r.stdout)
    langs = rows[0]["languages"]
    assert langs["fr"]["state"] == "partial" and langs["de"]["state"] == "missing" and langs["ja"]["state"] == "missing"
    assert r.returncode == 1  # missing translations
    overlay = site / "bulletins" / "2026" / "CX26-001.fr.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace('source_revision: "1.1"', 'source_revision: "1.0"'), encoding="utf-8")
    assert json.loads(patchday("translations", "--format", "json", cwd=site).stdout)[0]["languages"]["fr"]["state"] == "stale"
    r = patchday("translations", "--stamp", "bulletins/2026/CX26-001.fr.yaml", cwd=site)
    assert r.returncode == 0, r.stderr
    stamped = overlay.read_text(encoding="utf-8")
    assert '  "title": "' in stamped  # hashes are quoted: 948016703e78 would read as a number
    assert 'source_revision: "1.1"' in stamped and "source_hashes:" in stamped
    fr = json.loads(patchday("translations", "--format", "json", cwd=site).stdout)[0]["languages"]["fr"]
    assert fr["state"] == "partial" and fr["stale"] == []
    # change the English title: exactly that field becomes stale
    source = site / "bulletins" / "2026" / "CX26-001.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("title: Security update for", "title: Security update for the"), encoding="utf-8")
    fr = json.loads(patchday("translations", "--format", "json", cwd=site).stdout)[0]["languages"]["fr"]
    assert fr["state"] == "stale" and fr["stale"] == ["title"]
    assert patchday("validate", cwd=site).returncode == 0  # stale is a warning, not an error


def test_schema_check_detects_drift(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert patchday("schema", "--out", str(out), cwd=tmp_path).returncode == 0
    assert patchday("schema", "--out", str(out), "--check", cwd=tmp_path).returncode == 0
    (out / "bulletin.schema.json").write_text("{}", encoding="utf-8")
    assert patchday("schema", "--out", str(out), "--check", cwd=tmp_path).returncode == 1


def assert_no_outputs(out: Path) -> None:
    """Nothing the forked exports and search index write, staged or published."""
    left = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else []
    assert not [p for p in left if p.startswith((".patchday", ".well-known", "api", "feeds", "search-index"))], left


def test_a_build_that_fails_its_lint_publishes_no_export(site: Path) -> None:
    """The exports and the search index start before the linter's verdict (they run beside it);
    a record that loads but fails a cross-record rule must still leave none of their output."""
    source = site / "bulletins" / "2026" / "CX26-001.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("[MS25-044]", "[CX20-404]"), encoding="utf-8")
    (site / "docs").mkdir()
    r = patchday("build", "-d", "out", cwd=site)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "bulletins/2026/CX26-001.yaml:" in r.stderr and "PD605" in r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    assert_no_outputs(site / "out")


def test_a_build_whose_shared_facts_fail_stops_with_a_message_and_publishes_nothing(site: Path) -> None:
    """The catalog is built, but working out its shared facts (indexes, freshness) fails: the
    build must say so, not fork its outputs from a half-made catalog (it used to go on, and
    a small site was even published)."""
    (site / "docs").mkdir()
    code = ("import sys; import patchday.catalog as c\n"
            "def boom(self): raise RuntimeError('shared facts failed')\n"
            "c.Catalog.work_out_shared = boom\n"
            "from patchday.cli import main; sys.exit(main(['build', '-d', 'out']))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=site, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "the catalog could not be built" in r.stderr and "shared facts failed" in r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    assert_no_outputs(site / "out")


@pytest.mark.parametrize(("theme", "expected"), [
    ("", "theme.name is 'mkdocs'"),
    ("theme:\n  name: material\n", "set theme.custom_dir to this project's theme/ folder"),
])
def test_a_theme_without_patchdays_overrides_is_a_clear_error(site: Path, theme: str, expected: str) -> None:
    """A minimal mkdocs.yml (the plugin alone) used to stop with a traceback about a shell marker."""
    (site / "docs").mkdir()
    (site / "mkdocs.yml").write_text(f"site_name: t\n{theme}plugins:\n  - patchday:\n      vendor: Test\n", encoding="utf-8")
    r = patchday("build", "-d", "out", cwd=site)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"{site / 'mkdocs.yml'}: " in r.stderr and expected in r.stderr
    assert "Traceback" not in r.stdout + r.stderr


@pytest.mark.parametrize("args", [("next", "--as-of", "garbage"), ("next", "--is-today", "--as-of", "2026-02-30T10:00:00Z")])
def test_a_bad_moment_is_a_usage_error(site: Path, args: tuple[str, ...]) -> None:
    r = patchday(*args, cwd=site)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "is not an ISO 8601 date-time" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(("content", "expected"), [
    ("root:x:0:0:root:/root:/bin/bash\n", "not a MkDocs configuration"),
    (b"\x7fELF\x02\x01\x01\xff\xfe", "not UTF-8 text"),
    ("site_name: t\nplugins: patchday\n", "plugins must be a list"),
    ("site_name: t\nplugins:\n  - patchday: 5\n", "plugins.patchday must be a mapping"),
    ("site_name: t\nplugins:\n  - patchday:\n      languages: en\n", "plugins.patchday: languages"),
])
def test_a_settings_file_that_is_not_one_is_a_usage_error(site: Path, content: str | bytes, expected: str) -> None:
    """`-f` pointed at the wrong file used to end in a traceback."""
    config = site / "other.yml"
    config.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    r = patchday("-f", str(config), "validate", cwd=site)
    assert r.returncode == 2, r.stdout + r.stderr
    assert f"patchday: {config}: " in r.stderr and expected in r.stderr
    assert "Traceback" not in r.stderr


def test_plugins_as_a_mapping_are_read_too(site: Path) -> None:
    config = site / "other.yml"
    config.write_text("site_name: t\nplugins:\n  patchday:\n    release: {weekday: 3, nth: 1, time: '09:00', timezone: UTC}\n",
                      encoding="utf-8")
    r = patchday("-f", str(config), "next", "--as-of", "2026-12-01T00:00:00Z", "--count", "1", cwd=site)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip() == "2026-12-03T09:00:00+00:00"  # the first Thursday, not the default second Tuesday


@pytest.mark.parametrize("command", [("build", "-d"), ("-f", str(THEME.parent / "mkdocs.yml"), "release", "2026-11", "--out")])
def test_an_output_folder_that_cannot_be_made_is_an_error_not_a_traceback(site: Path, command: tuple[str, ...]) -> None:
    """The second case packages the example site's November release, which is ready."""
    (site / "docs").mkdir()
    (site / "a-file").write_text("not a folder\n", encoding="utf-8")
    r = patchday(*command, str(site / "a-file" / "out"), cwd=site)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"{site / 'a-file'}" in r.stderr and "Not a directory" in r.stderr
    assert "Traceback" not in r.stdout + r.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (("new", "--after", "2026-13-01"), "is not an ISO 8601 date-time"),
    (("next", "--count", "100000"), "is not a number from 1 to 1200"),
    (("next", "--count", "-5"), "is not a number from 1 to 1200"),
    (("translations", "--stamp", "bulletins/2026/CX26-001.yaml"), "not a translation; name the overlay file"),
])
def test_bad_arguments_are_usage_errors(site: Path, args: tuple[str, ...], expected: str) -> None:
    """Each of these ended in a traceback, printed nothing, or said 'not enough values to unpack'."""
    r = patchday(*args, cwd=site)
    assert r.returncode == 2, r.stdout + r.stderr
    assert expected in r.stderr and "Traceback" not in r.stderr
    assert not (site / "bulletins" / "2026" / "CX26-002.yaml").exists()


@pytest.mark.parametrize("workers", ["-1", "1000"])
def test_a_worker_count_out_of_range_is_a_configuration_error(site: Path, workers: str) -> None:
    """1,000 workers would fork 1,000 copies of the build."""
    (site / "docs").mkdir()
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"      workers: {workers}\n", encoding="utf-8")
    r = patchday("build", "-d", "out", cwd=site)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "mkdocs.yml: plugins.patchday: workers: Input should be" in r.stderr and "Traceback" not in r.stderr
