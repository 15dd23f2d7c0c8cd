"""Docstrings on the core's public API (STYLE.md, "Words and comments").

Every public function, method and class of ``qualityschool_desktop/`` says what it promises: what
it returns, in which units, and what it raises. This test can only check that one is there; the
shapes, units and errors are the reviewer's to read. Exempt: names starting with ``_`` (private,
and dunder methods), everything inside a private class, and functions nested in functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "qualityschool_desktop"


def _undocumented(tree: ast.AST, where: str) -> list[str]:
    """Public functions, methods and classes under ``tree`` without a docstring, as
    ``file:line name`` (methods as ``Class.method``); nested functions are not visited."""
    found: list[str] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if child.name.startswith("_"):
                continue  # private, dunder, and a private class's members with it
            if ast.get_docstring(child) is None:
                found.append(f"{where}:{child.lineno} {prefix}{child.name}")
            if isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")

    visit(tree, "")
    return found


def undocumented_in_core() -> list[str]:
    found: list[str] = []
    for path in sorted(CORE.rglob("*.py")):
        where = path.relative_to(CORE.parent).as_posix()
        found += _undocumented(ast.parse(path.read_text(encoding="utf-8"), str(path)), where)
    return found


def test_every_public_function_method_and_class_of_the_core_has_a_docstring() -> None:
    assert undocumented_in_core() == []


def test_the_check_finds_what_it_should_and_exempts_the_rest() -> None:
    source = '''
def public(): pass
def _private(): pass
def documented():
    """Says what it does."""
    def nested(): pass
class Shown:
    def method(self): pass
    def __init__(self): pass
    @property
    def value(self): pass
    class Inner:
        def deep(self): pass
class _Hidden:
    def method(self): pass
'''
    assert _undocumented(ast.parse(source), "m.py") == [
        "m.py:2 public", "m.py:7 Shown", "m.py:8 Shown.method", "m.py:11 Shown.value", "m.py:12 Shown.Inner",
        "m.py:13 Shown.Inner.deep",
    ]
