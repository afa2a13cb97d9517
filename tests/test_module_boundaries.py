"""The module boundaries README's design section promises, read from the source with ast.

* The stages (load/, lint/, catalog.py, render/, export/) run no processes, threads or
  priorities and leave the garbage collector alone: :mod:`patchday.jobs` does that for them.
* Only mkdocs_plugin/ imports mkdocs.
* No import cycle between modules; between packages, only the named exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "plugins"
PKG = ROOT / "patchday"

STAGES = ("load", "lint", "render", "export", "catalog.py")
# Modules that run work beside the caller, or change how the process is scheduled or collected.
CONCURRENCY = ("multiprocessing", "concurrent", "threading", "subprocess", "gc", "signal", "_thread")
OS_CALLS = {"fork", "forkpty", "nice", "sched_setaffinity", "setpgid", "killpg", "kill", "system", "popen", "spawnv"}
# Running an external program and waiting for it is I/O, not parallel work: these stages' job
# is to produce output with that program.
RUNS_A_PROGRAM = {
    "export/sign.py": "runs gpg to sign each CSAF document",
}
# Package-level import edges that close a cycle, and why each is not a layering fault.
ALLOWED_CROSS = {
    ("patchday.model", "patchday.load.scalars"):
        "the scalar grammar (dates, IDs, versions) that the model's validators and the loader share; it imports nothing",
    ("patchday.render", "patchday.export.xml_text"):
        "XML text escaping for the SVG charts and the sitemap, the same rules the feeds and CSAF use",
    ("patchday.render", "patchday.export.csaf.document"):
        "the bulletin header's download links are the CSAF documents' own paths and languages, so a page "
        "never links a document the exports do not write",
    ("patchday.render", "patchday.export.common"):
        "the header's last-updated instant is the one the exports publish (current_release), not a second reckoning",
    ("patchday.render", "patchday.export.csaf.cwe"):
        "the CVE sections name each CWE as the CSAF documents do, from the one catalogue table",
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PKG.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every module named by an import, with its line; imports only for type checkers left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for t in ast.walk(tree) if _type_checking(t) for s in t.body for n in ast.walk(s)}
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = path.relative_to(ROOT).parent.parts
                pkg = pkg[: len(pkg) - node.level + 1]
                base = ".".join([*pkg, base] if base else pkg)
            out += [(f"{base}.{a.name}", node.lineno) for a in node.names]
    return out


def _resolve(name: str) -> str:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for mod, path in MODULES.items():
        names = {name if name in MODULES else _resolve(name) for name, _ in _imports(path) if name.startswith("patchday")}
        graph[mod] = names - {mod, ""}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def _package(mod: str) -> str:
    return ".".join(mod.split(".")[:2])


def _stage_files() -> list[Path]:
    out = []
    for stage in STAGES:
        target = PKG / stage
        out += [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
    return out


@pytest.mark.parametrize("path", _stage_files(), ids=lambda p: str(p.relative_to(PKG)))
def test_stages_leave_processes_and_the_collector_to_jobs(path):
    rel = str(path.relative_to(PKG))
    found = []
    for name, line in _imports(path):
        top = name.split(".")[0]
        if top == "os" and name.removeprefix("os.") in OS_CALLS:
            found.append(f"{rel}:{line}: imports {name}")
        if top in CONCURRENCY and not (top == "subprocess" and rel in RUNS_A_PROGRAM):
            found.append(f"{rel}:{line}: imports {name}")
        if name == "patchday.jobs" or name.startswith("patchday.jobs."):
            found.append(f"{rel}:{line}: imports patchday.jobs (the jobs module calls the stages, not the reverse)")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Attribute) and node.attr in OS_CALLS
                and isinstance(node.value, ast.Name) and node.value.id == "os"):
            found.append(f"{rel}:{node.lineno}: calls os.{node.attr}")
    assert not found, "move this to patchday/jobs.py:\n" + "\n".join(found)


def test_only_the_glue_imports_mkdocs():
    found = [f"{mod}:{line}: {name}" for mod, path in MODULES.items() if not mod.startswith("patchday.mkdocs_plugin")
             for name, line in _imports(path) if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")]
    assert not found


def test_no_import_cycle_between_modules():
    assert _cycles(_graph()) == []


def test_packages_import_each_other_one_way_but_for_named_exceptions():
    graph = _graph()
    packages: dict[str, set[str]] = {}
    used = set()
    for mod, targets in graph.items():
        for target in targets:
            a, b = _package(mod), _package(target)
            if a == b:
                continue
            if (a, target) in ALLOWED_CROSS:
                used.add((a, target))
                continue
            packages.setdefault(a, set()).add(b)
    assert _cycles(packages) == []
    assert used == set(ALLOWED_CROSS), "an exception no longer needed: remove it"


def test_a_cycle_is_found():
    """The check itself: a graph with a cycle through three modules is reported."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


# Calls that start work beside the caller; only jobs.py makes them. The watchdog observer the
# preview starts is the library's own thread, started by its own API.
STARTS_WORK = {"Thread", "Process", "Pool", "ProcessPoolExecutor", "ThreadPoolExecutor", "fork", "start_new_thread"}


def test_only_the_jobs_module_starts_threads_or_processes():
    found = []
    for mod, path in MODULES.items():
        if mod == "patchday.jobs":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in STARTS_WORK:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node.func)}(...)")
    assert found == [], "start threads and processes through patchday.jobs: " + "; ".join(found)
