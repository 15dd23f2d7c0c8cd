"""Issue 10's benchmark, the fixed costs of one file: what an import asks once per file, not once
per use (``benchmarks/bench_exchange.py`` measures the time; these tests pin the counts that
make it)."""

from __future__ import annotations

import pytest

from qualityschool_desktop import exchange, keys

from .laptops import (
    CODE_A,
    CODE_B,
    NAME_B,
    Laptops,
    laptops,  # noqa: F401 (a fixture)
    school_and_district,
    start_school,
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


# Tables that grow with the schools a district holds: an import that read any of them whole would
# cost more per file the more files came before it (issue 16: per-file cost flat up to 5,000 files).
GROWING = (*exchange.TABLES, "seals", "signers", "school_signers", "school_statements", "exchange_log")


def _scans_of_growing_tables(workspace: object, statements: list[str]) -> list[str]:
    conn = workspace.db.conn  # type: ignore[attr-defined]
    found = []
    for sql in statements:
        if sql.split(None, 1)[0].upper() not in ("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "REPLACE"):
            continue  # BEGIN, COMMIT, PRAGMA, and the statements of triggers (SQLite names them "-- ...")
        for _id, _parent, _unused, detail in conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall():
            words = detail.split()
            # "SCAN t" reads t whole; "SCAN t USING (COVERING) INDEX i" reads all of an index. A
            # plan of an INSERT into a parent table shows the foreign-key look-up of its children,
            # run only when a deferred violation is outstanding: not counted (the INSERT's own text).
            if words[:1] == ["SCAN"] and words[1] in GROWING and not sql.startswith("INSERT"):
                found.append(f"{detail} <- {sql[:120]}")
    return found


def test_an_import_reads_no_growing_table_whole(laptops: Laptops) -> None:
    school, district, _ids, _first = school_and_district(laptops)
    other = laptops("school-b")
    with other.open() as workspace:
        start_school(workspace, CODE_B, NAME_B)
    second = other.export("b.qsx", school_codes=[CODE_B])
    asked: list[str] = []
    with district.open() as workspace:
        exchange.preview_import(workspace, second)  # the preview's pass is the import's
        workspace.db.conn.set_trace_callback(asked.append)
        result = exchange.apply_import(workspace, second)
        workspace.db.conn.set_trace_callback(None)
        assert result.counts["schools"].new == 1
        # Every look-up by key or index: what one file costs does not grow with the schools here.
        assert _scans_of_growing_tables(workspace, asked) == []


def test_an_import_reads_each_member_of_records_once_and_no_empty_one(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A school's file holds a dozen empty tables, and the import read the attachments' and the
    visit events' records twice (before its pass and in it): each member opened costs the zip's
    work (~0.1 ms). Now a member is opened at most once, an empty one not at all, and the file
    still imports whole."""
    import zipfile

    school, district, _ids, _first = school_and_district(laptops)
    with school.open() as workspace:
        workspace.schools.update(workspace.schools.by_code(CODE_A).id, pupils=321)
    second = school.export("second.qsx", school_codes=[CODE_A])
    with zipfile.ZipFile(second) as archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
    assert any(size == 0 for name, size in sizes.items() if name.startswith("records/"))
    opened: list[str] = []
    real = zipfile.ZipFile.open

    def counted(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(getattr(name, "filename", name))  # type: ignore[arg-type]
        return real(self, name, *args, **kwargs)  # type: ignore[arg-type]

    with district.open() as workspace:
        monkeypatch.setattr(zipfile.ZipFile, "open", counted)
        result = exchange.apply_import(workspace, second)
        monkeypatch.undo()
        assert workspace.schools.by_code(CODE_A).pupils == 321
    assert result.counts["schools"].updated == 1
    records = [name for name in opened if name.startswith("records/")]
    assert len(records) == len(set(records)), sorted(records)
    assert not [name for name in records if sizes[name] == 0]


def test_an_import_checks_a_history_row_without_typed_text_in_one_call(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A history row leaves its typed text out when there is none (``OMITTED_WHEN_NULL``): nearly
    half of a school's rows. Each such row went the slow way (``records.validate_row``: the checks
    again, rule by rule) although nothing was wrong with it; now it is completed and checked in the
    one call of the usual row, and still arrives with its typed text as None."""
    from qualityschool_desktop.exchange import reading

    school, district, _ids, _first = school_and_district(laptops)
    other = laptops("school-b")
    with other.open() as workspace:
        start_school(workspace, CODE_B, NAME_B)
    second = other.export("b.qsx", school_codes=[CODE_B])
    slow: list[str] = []
    real = reading.validate_row
    monkeypatch.setattr(reading, "validate_row", lambda table, *args: slow.append(table) or real(table, *args))
    with district.open() as workspace:
        result = exchange.apply_import(workspace, second)
        typed = workspace.db.execute(
            "SELECT count(*), count(typed) FROM answer_history WHERE assessment_id IN"
            " (SELECT id FROM assessments WHERE school_id = (SELECT id FROM schools WHERE code = ?))",
            [CODE_B]).fetchone()
    assert result.counts["answer_history"].new > 0
    assert typed[0] == result.counts["answer_history"].new and typed[1] == 0
    assert slow == []
