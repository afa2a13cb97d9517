"""The package as a user installs it: a wheel in a clean venv builds the example site.

The wheel is built once per change of the sources (cached in .build/package/) and
installed into one fresh venv per test session, with the pinned requirements/run.txt
as constraints, except Material and static-i18n: those resolve to the newest
versions that pyproject.toml's ranges allow, so a release inside the ranges that
breaks the site shows up here. The same venv gets ProperDocs, the maintained
MkDocs 1.x fork, and the example site must come out byte-identical from
`mkdocs build` and `properdocs build` apart from the generator's name.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".build" / "package"
AS_OF = "2026-11-25T12:00:00Z"
FLOATING = ("mkdocs-material", "mkdocs-static-i18n")  # newest allowed by the ranges, not pinned
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("package")]


def _package_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "plugins" / "patchday").rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PATCHDAY_PREVIEW")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **extra}


def _run(args: list[str | Path], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                       env=_env(**env), timeout=900, check=False)
    assert r.returncode == 0, f"{args}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


@pytest.fixture(scope="session")
def wheel() -> Path:
    h = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / "README.md").read_bytes())
    for path in _package_sources():
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    out = CACHE / f"wheel-{h.hexdigest()[:16]}"
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # test workers (or two sessions) build it once, one at a time
        if not list(out.glob("patchday-*.whl")):
            tmp = out.with_name(out.name + f".tmp{os.getpid()}")
            shutil.rmtree(tmp, ignore_errors=True)
            src = tmp / "src"  # a copy, so setuptools' build/ and egg-info stay out of the checkout
            shutil.copytree(ROOT / "plugins", src / "plugins", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
            for name in ("pyproject.toml", "README.md"):
                shutil.copy(ROOT / name, src / name)
            _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp, src], cwd=tmp)
            shutil.rmtree(src)
            for old in CACHE.glob("wheel-*"):  # wheels of older sources, and leftovers of stopped runs
                if old != tmp:
                    shutil.rmtree(old, ignore_errors=True)
            tmp.rename(out)
    (found,) = out.glob("patchday-*.whl")
    return found


@pytest.fixture(scope="session")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("pkg")
    constraints = where / "constraints.txt"
    pinned = [line for line in (ROOT / "requirements" / "run.txt").read_text(encoding="utf-8").splitlines()
              if not line.startswith(FLOATING)]
    constraints.write_text("\n".join(pinned) + "\n", encoding="utf-8")
    env = where / "venv"
    _run([sys.executable, "-m", "venv", env], cwd=where)
    cmd = [env / "bin" / "python", "-m", "pip", "install", "-q", "--upgrade", "-c", constraints,
           "-r", ROOT / "requirements" / "properdocs.txt", wheel, *FLOATING]
    r = subprocess.run([str(a) for a in cmd], cwd=where, capture_output=True, text=True, env=_env(), timeout=900, check=False)
    if r.returncode != 0 and (why := _index_unreachable(env)):
        pytest.skip(f"the package index is unreachable, so the newest allowed versions cannot be installed: {why}")
    assert r.returncode == 0, f"{cmd}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return env


def _index_unreachable(env: Path) -> str:
    """Why pip cannot list Material's releases, or "" when it can."""
    r = subprocess.run([str(env / "bin" / "python"), "-m", "pip", "index", "versions", FLOATING[0]],
                       capture_output=True, text=True, env=_env(), timeout=300, check=False)
    return "" if r.returncode == 0 else (r.stderr.strip().splitlines() or ["pip index failed"])[-1]


def _newest_allowed(env: Path, name: str) -> str:
    """The newest release of ``name`` that pyproject.toml's range allows, as the package index lists them."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.version import Version

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    spec = next(Requirement(d).specifier for d in deps if Requirement(d).name == name)
    r = subprocess.run([str(env / "bin" / "python"), "-m", "pip", "index", "versions", name],
                       capture_output=True, text=True, env=_env(), timeout=300, check=False)
    if r.returncode != 0:
        pytest.skip(f"the package index is unreachable: {_index_unreachable(env)}")
    listed = re.search(r"Available versions: (.*)", r.stdout)
    assert listed, r.stdout
    return str(max(v for v in map(Version, listed.group(1).split(", ")) if v in spec and not v.is_prerelease))


def test_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    """Templates, scripts and data the code opens at run time are in the wheel, not only in the checkout."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(ROOT / "plugins").as_posix() for p in _package_sources()}
    assert expected - names == set()
    assert "patchday/export/csaf/cwe_names.json" in names


def test_wheel_declares_every_runtime_requirement(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        meta = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/entry_points.txt"))).decode()
    declared = {re.split(r"[<>=!~ ;\[]", line.removeprefix("Requires-Dist: "))[0].lower()
                for line in meta.splitlines() if line.startswith("Requires-Dist: ")}
    pinned = {line.split("==")[0].lower() for line in (ROOT / "requirements" / "run.txt").read_text().splitlines()
              if line and not line.startswith("#")}
    assert pinned - declared == set()
    assert "[mkdocs.plugins]" in entry_points and "[properdocs.plugins]" in entry_points


def _example(where: Path) -> Path:
    """The repository's example site (config, pages, theme overrides, records) in a folder of its own."""
    for name in ("docs", "theme", "bulletins"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("generated", "__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"<meta name=generator>", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


def _article(html: bytes) -> bytes:
    m = re.search(rb"<article\b.*</article>", html, re.S)
    return m.group(0) if m else b""


def test_installed_wheel_builds_the_example_identically_on_mkdocs_and_properdocs(venv: Path, tmp_path: Path) -> None:
    work = _example(tmp_path / "example")
    bin_ = venv / "bin"
    where = _run([bin_ / "python", "-c", "import patchday; print(patchday.__file__)"], cwd=work).stdout
    assert str(venv) in where, f"patchday imported from {where}, not from the wheel"
    _run([bin_ / "mkdocs", "build", "--strict", "-d", tmp_path / "mk"], cwd=work, PATCHDAY_AS_OF=AS_OF)
    _run([bin_ / "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", tmp_path / "pd"], cwd=work,
         PATCHDAY_AS_OF=AS_OF)
    mk, pd = _tree(tmp_path / "mk"), _tree(tmp_path / "pd")
    assert len(mk) > 500
    assert (tmp_path / "pd" / ".well-known" / "csaf" / "provider-metadata.json").is_file()
    assert any(k.startswith("search-index/") for k in pd)
    differ = sorted(k for k in mk.keys() | pd.keys() if mk.get(k) != pd.get(k))
    assert differ == [], f"{len(differ)} files differ, e.g. {differ[:10]}"
    # ProperDocs driven from Python (no command line to map mkdocs.* first): the plugin is still its plugin
    _run([bin_ / "python", "-c", "import properdocs.plugins as engine\n"
          "from patchday.mkdocs_plugin.plugin import PatchdayPlugin\n"
          "assert issubclass(PatchdayPlugin, engine.BasePlugin), PatchdayPlugin.__mro__"], cwd=work)
    home = (tmp_path / "pd" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in GENERATOR.search(home.encode()).group(0).decode()

    # The newest Material / static-i18n the ranges allow make the same pages as the pinned set.
    versions = _run([bin_ / "python", "-m", "pip", "list", "--format=freeze"], cwd=work).stdout
    print("newest allowed:", [line for line in versions.splitlines() if line.lower().startswith(FLOATING)])
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", tmp_path / "pinned"], cwd=work,
         PATCHDAY_AS_OF=AS_OF)
    pinned = _tree(tmp_path / "pinned")
    assert pinned.keys() == mk.keys()
    pages = [k for k in pinned if k.endswith(".html")]
    assert [k for k in pages if _article(pinned[k]) != _article(mk[k])] == []


def test_only_the_plugin_glue_imports_the_engine() -> None:
    """Moving to another engine (ProperDocs, or a later one) touches mkdocs_plugin/ alone."""
    import ast

    glue = ROOT / "plugins" / "patchday" / "mkdocs_plugin"
    found = []
    for path in _package_sources():
        if path.suffix != ".py" or glue in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.relative_to(ROOT)}:{node.lineno}" for n in names if n.split(".")[0] in ("mkdocs", "properdocs")]
    assert found == []


def test_newest_allowed_engine_pours_the_pages_material_renders(venv: Path, tmp_path: Path) -> None:
    """The shell contract on the newest Material and static-i18n pyproject.toml allows (no lock):
    poured pages are the pages that Material renders, and no partial theme/ overrides has changed."""
    from patchday.render.shell_contract import UPSTREAM
    from tests.site.chrome import build_both_ways, changed_partials, compare_both_ways

    python = venv / "bin" / "python"
    installed = dict(line.split("==") for line in _run([python, "-m", "pip", "list", "--format=freeze"], cwd=tmp_path).stdout.split()
                     if "==" in line)
    for name in FLOATING:
        assert installed[name] == _newest_allowed(venv, name), f"{name}: not the newest version the range allows"
    templates = Path(_run([python, "-c", "import material, os; print(os.path.dirname(material.__file__))"],
                          cwd=tmp_path).stdout.strip()) / "templates"
    changed = changed_partials(templates, UPSTREAM)
    assert not changed, (f"Material {installed['mkdocs-material']} changed {changed}: carry the change over into "
                         "theme/, then update render/shell_contract.py's UPSTREAM")
    site, material = build_both_ways(python, tmp_path)
    assert compare_both_ways(site, material) == {}
