"""Imports run one way: no cycle between the modules of the core, nor between those of the window.

The graph is read from the source with :mod:`ast`, not by importing it, so an import hidden inside
a function or under ``if TYPE_CHECKING:`` counts like one at the top of the file (a cycle is a
design question, not a lazy import to hide it behind). A package's ``__init__`` is a module like
any other: its imports of its submodules are edges. The helpers take a package's folder and name;
``tests/ui/test_layout.py`` reads the same graph of ``ui/`` for the rules between its packages.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent

Graph = dict[str, set[str]]


class Cycle(NamedTuple):
    """Modules that import one another round a loop (a strongly connected component of the graph)."""

    members: list[str]  # every module of the component, sorted
    loop: list[str]  # one shortest loop through the first of them: the last imports the first


def module_files(root: Path, package: str) -> dict[str, Path]:
    """Every module of the package in folder ``root`` named ``package``: dotted name → file
    (``pkg/sub/__init__.py`` is ``pkg.sub``)."""
    modules: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join((package, *parts))] = path
    return modules


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of ``from <level dots><target> import …`` written in ``module``."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]  # a module's relative imports start from its package
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``module`` (the file ``path``) imports, anywhere in the file.

    ``from pkg import name`` is an edge to ``pkg.name`` when that is a module and to ``pkg``
    otherwise; ``import a.b.c`` is an edge to the deepest of ``a.b.c``, ``a.b``, ``a`` that is
    known (the parents are only the way there)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def deepest(name: str) -> str | None:
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            candidate = ".".join(parts[:end])
            if candidate in known:
                return candidate
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                hit = deepest(alias.name)
                if hit:
                    found.add(hit)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, is_package, node.level, node.module)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in known:
                    found.add(submodule)
                else:
                    hit = deepest(source)
                    if hit:
                        found.add(hit)
    found.discard(module)
    return found


def import_graph(root: Path, package: str) -> Graph:
    """Module → the package's modules it imports, for the package in ``root`` named ``package``."""
    files = module_files(root, package)
    known = set(files)
    return {name: imports_of(name, path, known) for name, path in files.items()}


def cycles(graph: Graph) -> list[Cycle]:
    """Every group of modules that import one another round a loop (the strongly connected
    components of more than one module), sorted so the message is stable."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(start: str) -> None:
        # Tarjan's algorithm without recursion (the graph may be deep enough for Python's limit).
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    components.append(sorted(members))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(Cycle(members, _loop(graph, members)) for members in components)


def _loop(graph: Graph, members: list[str]) -> list[str]:
    """A shortest loop from the first of ``members`` back to it, inside the component (every
    component of more than one module has one)."""
    inside = set(members)
    start = members[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node] & inside):
            if child == start:
                return paths[node]
            if child not in paths:
                paths[child] = [*paths[node], child]
                queue.append(child)
    return members


def describe(found: list[Cycle]) -> str:
    """One line per cycle: a loop, then the other modules caught in the same tangle, if any."""
    lines = []
    for cycle in found:
        line = " → ".join([*cycle.loop, cycle.loop[0]])
        others = [name for name in cycle.members if name not in cycle.loop]
        lines.append(line + (f" (with {', '.join(others)})" if others else ""))
    return "\n".join(lines)


def assert_no_cycles(root: Path, package: str) -> None:
    """Fails with every import cycle of the package in folder ``root`` named ``package``."""
    found = cycles(import_graph(root, package))
    assert not found, (
        f"import cycles in {package}/ (each line a loop, the last module imports the first):\n" + describe(found)
    )


def test_the_core_imports_one_way() -> None:
    assert_no_cycles(ROOT / "qualityschool_desktop", "qualityschool_desktop")


def test_the_ui_imports_one_way() -> None:
    assert_no_cycles(ROOT / "ui", "ui")


# -- the check itself ------------------------------------------------------------------------------
def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_relative_imports_inside_functions_and_package_inits_are_edges(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "",
        "a.py": "from .report import write\n",
        "report/__init__.py": "def write():\n    from .pdf import draw\n",
        "report/pdf.py": "from . import data\nfrom ..a import x\n",
        "report/data.py": "import os\nfrom pkg.b import y\n",
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .report.data import Z\n",
    })
    graph = import_graph(root, "pkg")
    assert graph["pkg.a"] == {"pkg.report"}
    assert graph["pkg.report"] == {"pkg.report.pdf"}
    assert graph["pkg.report.pdf"] == {"pkg.report.data", "pkg.a"}
    assert graph["pkg.report.data"] == {"pkg.b"}
    assert graph["pkg.b"] == {"pkg.report.data"}
    assert [cycle.loop for cycle in cycles(graph)] == [
        ["pkg.a", "pkg.report", "pkg.report.pdf"], ["pkg.b", "pkg.report.data"],
    ]
    with pytest.raises(AssertionError, match="pkg.a → pkg.report → pkg.report.pdf → pkg.a"):
        assert_no_cycles(root, "pkg")


def test_a_tangle_is_reported_with_all_its_modules(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "",
        "a.py": "from . import b\n",
        "b.py": "from . import a, c\n",
        "c.py": "from .b import x\n",
    })
    [cycle] = cycles(import_graph(root, "pkg"))
    assert cycle.members == ["pkg.a", "pkg.b", "pkg.c"]
    assert describe([cycle]) == "pkg.a → pkg.b → pkg.a (with pkg.c)"


def test_a_package_without_cycles_passes(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "",
        "core.py": "",
        "report/__init__.py": "from .pdf import draw\nfrom .. import core\n",
        "report/pdf.py": "from .data import gather\n",
        "report/data.py": "from ..core import thing\n",
    })
    assert_no_cycles(root, "pkg")
