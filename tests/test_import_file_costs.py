"""Issue 10's benchmark, what one file costs besides its rows: asked once a file, inside the
import's one transaction (``benchmarks/bench_exchange.py`` measures the time; these tests pin the
counts that make it, as ``test_import_costs.py`` does for the key and the signers)."""

from __future__ import annotations

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import records

from .laptops import (
    CODE_A,
    Laptops,
    laptops,  # noqa: F401 (a fixture)
    school_and_district,
)


def test_an_import_reads_nothing_after_its_commit(laptops: Laptops) -> None:
    """Each read outside the write transaction is a read transaction of its own (locks taken and
    given back, the WAL's index looked at): the summary's signer is read inside the import's
    transaction, as committed, and says what it said before."""
    school, district, _ids, _first = school_and_district(laptops)
    with school.open() as workspace:
        workspace.schools.update(workspace.schools.by_code(CODE_A).id, pupils=321)
    second = school.export("second.qsx", school_codes=[CODE_A])
    asked: list[str] = []
    with district.open() as workspace:
        workspace.db.conn.set_trace_callback(asked.append)
        result = exchange.apply_import(workspace, second)
        workspace.db.conn.set_trace_callback(None)
    assert result.counts["schools"].updated == 1
    assert result.fingerprint == school.fingerprint and not result.is_own and not result.trusted
    assert result.signer_name == result.exporter_name
    assert asked.index("COMMIT") == len(asked) - 1, asked[asked.index("COMMIT"):]


def test_an_import_reads_the_schemas_columns_once(laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    """The travelling columns are read (and checked against the rules) once a file: the merge takes
    the ones the importer read."""
    school, district, _ids, _first = school_and_district(laptops)
    second = school.export("second.qsx", school_codes=[CODE_A])
    reads: list[int] = []
    real = records.travelling_columns
    from qualityschool_desktop.exchange import importer, merge

    def counted(db: object) -> dict[str, tuple[str, ...]]:
        reads.append(1)
        return real(db)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "travelling_columns", counted)
    if hasattr(merge, "travelling_columns"):
        monkeypatch.setattr(merge, "travelling_columns", counted)
    with district.open() as workspace:
        exchange.preview_import(workspace, second)
        exchange.apply_import(workspace, second)
    assert len(reads) == 2  # one a file: the preview's, the import's
