"""The window's house: a shell, what every feature uses, and features that do not import each other.

Read from the source (``tests/test_import_graph.py``), so an import inside a function or under
``if TYPE_CHECKING:`` counts like any other:

* a feature package (every package of ``ui/`` but ``common`` and ``shell``) imports, of ``ui/``,
  only itself, ``ui.common`` and the shell's interface ``ui.shell.api``; features talk through
  the core, locations and the operations helper's change notices;
* ``ui/common/`` imports nothing of ``ui/`` outside itself;
* ``ui/shell/features.py`` is the one module outside the features that imports them, and it
  installs every feature package there is.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_import_graph import Graph, import_graph

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
FEATURE_LIST = "ui.shell.features"
SHELL_API = "ui.shell.api"


def feature_packages(root: Path = UI) -> list[str]:
    return sorted(f"ui.{folder.name}" for folder in root.iterdir()
                  if (folder / "__init__.py").is_file() and folder.name not in ("common", "shell"))


def inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def feature_of(module: str, features: list[str]) -> str | None:
    """The feature package ``module`` belongs to, if any."""
    return next((feature for feature in features if inside(module, feature)), None)


def features_reaching_out(graph: Graph, features: list[str]) -> list[str]:
    """Imports by a feature of anything of ``ui/`` but itself, ``ui.common`` and ``ui.shell.api``."""
    return [
        f"{module} imports {target}"
        for module, imported in sorted(graph.items()) if (own := feature_of(module, features)) is not None
        for target in sorted(imported)
        if not (inside(target, own) or inside(target, "ui.common") or target == SHELL_API)
    ]


def features_imported_elsewhere(graph: Graph, features: list[str]) -> list[str]:
    """Imports of a feature by a module that is neither a feature nor the feature list."""
    return [
        f"{module} imports {target}"
        for module, imported in sorted(graph.items())
        if feature_of(module, features) is None and module != FEATURE_LIST
        for target in sorted(imported) if feature_of(target, features) is not None
    ]


def common_reaching_out(graph: Graph) -> list[str]:
    return [
        f"{module} imports {target}"
        for module, imported in sorted(graph.items()) if inside(module, "ui.common")
        for target in sorted(imported) if not inside(target, "ui.common")
    ]


# -- the window as it is ---------------------------------------------------------------------------
def test_there_are_features_and_the_feature_list_installs_each_of_them() -> None:
    features = feature_packages()
    assert {"ui.schools", "ui.assessment", "ui.visits", "ui.follow_ups", "ui.district", "ui.exchange",
            "ui.backup"} <= set(features)
    assert sorted(import_graph(UI, "ui")[FEATURE_LIST] & set(features)) == features


def test_no_feature_imports_another_feature() -> None:
    found = features_reaching_out(import_graph(UI, "ui"), feature_packages())
    assert not found, "a feature imports, of ui/, only itself, ui.common and ui.shell.api:\n" + "\n".join(found)


def test_only_the_feature_list_imports_the_features() -> None:
    found = features_imported_elsewhere(import_graph(UI, "ui"), feature_packages())
    assert not found, f"only {FEATURE_LIST} imports the features:\n" + "\n".join(found)


def test_common_imports_nothing_of_the_window_but_itself() -> None:
    found = common_reaching_out(import_graph(UI, "ui"))
    assert not found, "ui.common imports neither the shell nor a feature:\n" + "\n".join(found)


# -- the checks themselves -------------------------------------------------------------------------
def test_the_checks_name_each_reach_in(tmp_path: Path) -> None:
    root = tmp_path / "ui"
    for name, text in {
        "__init__.py": "",
        "common/__init__.py": "",
        "common/tables.py": "from ..shell.api import Page\n",
        "shell/__init__.py": "",
        "shell/api.py": "",
        "shell/host.py": "",
        "shell/features.py": "from ui import visits, assessment\n",
        "shell/main_window.py": "def attach():\n    from ui.visits.view import View\n",
        "visits/__init__.py": "",
        "visits/view.py": "from ..assessment.panels import x\nfrom ui.shell import api\nfrom ui.shell.host import y\n",
        "assessment/__init__.py": "",
        "assessment/panels.py": "from ui.common import tables\nfrom . import view\n",
        "assessment/view.py": "",
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    graph = import_graph(root, "ui")
    features = feature_packages(root)
    assert features == ["ui.assessment", "ui.visits"]
    assert features_reaching_out(graph, features) == [
        "ui.visits.view imports ui.assessment.panels", "ui.visits.view imports ui.shell.host",
    ]
    assert features_imported_elsewhere(graph, features) == ["ui.shell.main_window imports ui.visits.view"]
    assert common_reaching_out(graph) == ["ui.common.tables imports ui.shell.api"]
