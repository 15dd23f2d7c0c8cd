"""The one list of migrations every schema module registers into, and what they share."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "qualityschool"

# The schema's modules in apply order, each with the migrations it registers, in order. A new
# migration goes at the end (in a module of its own: the last entry). Written out so that the names
# are known without importing the modules: opening an up-to-date file compares names only, and
# neither these modules nor sqlite-utils are imported on the way to the window's first page (issue 16).
# MigrationList.apply checks that the modules registered exactly these.
SCHEMA: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("0001_initial", "0002_visits", "0003_network_schools", "0004_exchange")),
    ("owners", ("0005_owners", "0006_owner_statements", "0007_seal_references", "0008_version_room_and_snapshots",
                "0009_unbound_keys", "0010_conflicts_closed_by_descendants")),
    ("records", ("0011_typed_history", "0012_counters_and_cleanup", "0013_inspection_rounds",
                 "0014_review_decisions", "0015_office_texts", "0016_owned_edits", "0017_seals_named_by_events")),
    ("comments", ("0018_comments",)),
    ("budget", ("0019_budget_requests",)),
    ("plans", ("0020_development_plans",)),
    ("budget_decisions", ("0021_budget_decisions",)),
    ("indicators", ("0024_office_indicators",)),
    ("contacts", ("0023_contacts",)),  # issue 15
    ("projects", ("0022_projects",)),  # issue 15: after the others, its trigger rebuild covers every sealed table
    ("budget_state", ("0025_budget_decided_state",)),  # TEST14e f01: after 0022 as its number says
    ("answer_scores", ("0028_answer_scores_index",)),  # issue 16
    ("history", ("0029_full_edit_history",)),  # try14 F16
    ("project_results", ("0030_project_results_summary",)),  # issue 15
    ("framework_items", ("0031_framework_items",)),  # issue 16
    ("seal_users", ("0032_seal_users",)),  # issue 16: the seals' clean-up through one view
    ("owner_versions", ("0033_owner_versions",)),  # issue 10: a relay keeps the owner's sealed version
    ("kept_seals", ("0034_kept_seals_on_delete",)),  # s34: a deleted record's kept version takes its seal
    ("plan_satang", ("0035_plan_budget_satang",)),  # s34 T6: a plan activity's budget in satang
    ("visit_deletion", ("0036_visit_deleted_at",)),  # TEST34C C12: a visit made by mistake is deleted
    ("visit_revisions", ("0037_visit_event_names",)),  # s35 C3: who confirmed or reopened, and what was confirmed
)

_Function = TypeVar("_Function", bound=Callable[["Database"], None])


class MigrationList:
    """The schema's migrations (:data:`SCHEMA`), registered by its modules with
    ``@migrations(name=...)`` as with sqlite-utils' ``Migrations``, and applied by sqlite-utils'
    ``Migrations``. Their names need neither the modules nor sqlite-utils (:meth:`names`); both are
    imported when a file needs a migration (:meth:`apply`)."""

    # Where sqlite-utils' Migrations records what it applied (its Migrations.migrations_table).
    migrations_table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._registered: dict[str, tuple[Callable[[Database], None], bool]] = {}

    def __call__(self, *, name: str, transactional: bool = True) -> Callable[[_Function], _Function]:
        """Register the decorated function as the migration ``name`` (one of :data:`SCHEMA`'s);
        ``ValueError`` when the name is not there or is taken."""

        def register(function: _Function) -> _Function:
            if name not in self.names():
                raise ValueError(f"migration {name!r} is not in migrations._registry.SCHEMA")
            if name in self._registered:
                raise ValueError(f"migration {name!r} is already registered")
            self._registered[name] = (function, transactional)
            return function

        return register

    def names(self) -> tuple[str, ...]:
        """The migrations' names, in apply order (:data:`SCHEMA`)."""
        return tuple(name for _module, names in SCHEMA for name in names)

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Apply to ``db`` (sqlite-utils' ``Database``) the migrations it has not had, in order, each
        in its own transaction with the record of it (sqlite-utils' ``Migrations.apply``;
        ``stop_before`` as there). Imports the schema's modules first; ``RuntimeError`` when they
        did not register every name of :data:`SCHEMA`."""
        from ..sqlite_layer import Migrations  # sqlite-utils without numpy and pandas

        for module, _names in SCHEMA:
            importlib.import_module(f"{__package__}.{module}")
        missing = [name for name in self.names() if name not in self._registered]
        if missing or Migrations.migrations_table != self.migrations_table:
            raise RuntimeError(f"migrations not registered: {missing}; sqlite-utils keeps them in"
                               f" {Migrations.migrations_table!r}")
        applying = Migrations(self.name)
        for name in self.names():
            function, transactional = self._registered[name]
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
