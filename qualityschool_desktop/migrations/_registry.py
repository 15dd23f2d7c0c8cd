"""The one list of migrations every schema module registers into, and what they share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "qualityschool"

_Function = TypeVar("_Function", bound=Callable[["Database"], None])


class MigrationList:
    """The schema's migrations in the order they were registered (``@migrations(name=...)``, as
    with sqlite-utils' ``Migrations``), applied by sqlite-utils' ``Migrations``.

    The list itself needs no sqlite-utils: opening a file whose schema is current only compares
    names (:meth:`names`), and sqlite-utils is imported when a file needs a migration (issue 16)."""

    # Where sqlite-utils' Migrations records what it applied (its Migrations.migrations_table).
    migrations_table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._registered: list[tuple[str, Callable[[Database], None], bool]] = []

    def __call__(self, *, name: str, transactional: bool = True) -> Callable[[_Function], _Function]:
        """Register the decorated function as the migration ``name`` (after every one before it);
        ``ValueError`` when the name is taken."""

        def register(function: _Function) -> _Function:
            if name in self.names():
                raise ValueError(f"migration {name!r} is already registered")
            self._registered.append((name, function, transactional))
            return function

        return register

    def names(self) -> tuple[str, ...]:
        """The registered migrations' names, in apply order."""
        return tuple(name for name, _function, _transactional in self._registered)

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Apply to ``db`` (sqlite-utils' ``Database``) the migrations it has not had, in order, each
        in its own transaction with the record of it (sqlite-utils' ``Migrations.apply``;
        ``stop_before`` as there)."""
        from ..sqlite_layer import Migrations  # sqlite-utils without numpy and pandas

        if Migrations.migrations_table != self.migrations_table:
            raise RuntimeError(f"sqlite-utils keeps its migrations in {Migrations.migrations_table!r}")
        applying = Migrations(self.name)
        for name, function, transactional in self._registered:
            applying(name=name, transactional=transactional)(function)
        applying.apply(db, stop_before=stop_before)


migrations = MigrationList(MIGRATION_SET)

# Columns every exchangeable record carries (see DOMAIN.md: data moves between laptops).
_TRACKED = """
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    modified_by TEXT NOT NULL
"""


def _run(db: Database, statements: str) -> None:
    # executescript() would COMMIT the migration's transaction; run statements one by one.
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)
