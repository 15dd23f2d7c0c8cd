"""Issue 10's benchmark, the fixed costs of one file: what an import asks once per file, not once
per use (``benchmarks/bench_exchange.py`` measures the time; these tests pin the counts that
make it)."""

from __future__ import annotations

import pytest

from qualityschool_desktop import exchange, keys

from .laptops import (
    CODE_A,
    Laptops,
    laptops,  # noqa: F401 (a fixture)
    school_and_district,
)


def test_an_import_reads_this_installations_key_once(laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    school, district, _ids, first = school_and_district(laptops)
    with school.open() as workspace:
        workspace.schools.update(workspace.schools.by_code(CODE_A).id, pupils=321)
    second = school.export("second.qsx", school_codes=[CODE_A])
    reads: list[int] = []
    real = keys.private_key

    def counted() -> object:
        reads.append(1)
        return real()

    with district.open() as workspace:  # opening checks the key once (a lost key): not the import's cost
        monkeypatch.setattr(keys, "private_key", counted)
        result = exchange.apply_import(workspace, second)
        during = len(reads)
    assert result.counts["schools"].updated == 1
    assert not result.is_own and result.fingerprint == school.fingerprint
    # Merge, key bindings (the file's key and its statement's signer), the signer kept, the summary:
    # once for all of them (each read stats the key's file and asks where it lives).
    assert during == 1


def test_an_import_checks_a_key_signing_both_file_and_statement_once(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch,
) -> None:
    school, district, _ids, _first = school_and_district(laptops)
    second = school.export("second.qsx", school_codes=[CODE_A])
    asked: list[str] = []
    with district.open() as workspace:
        workspace.db.conn.set_trace_callback(
            lambda sql: asked.append(sql) if sql.startswith("SELECT") and " FROM signers " in sql else None)
        from qualityschool_desktop import exchange

        exchange.apply_import(workspace, second)
        workspace.db.conn.set_trace_callback(None)
    # check_binding: the key by fingerprint and the installation by id, once for the pair; the
    # summary's look-up of the signer's name and trust.
    assert len(asked) == 3, asked
