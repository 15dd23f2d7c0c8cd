"""Issue 10: one file never spoils an import.

Each file is all-or-nothing and independent of the others; a refused file leaves nothing behind;
members no record refers to are not stored; preview and apply stream the records (memory a few
times the file size at most); dates are real calendar dates; the same school typed twice is offered
as one; attachments open under a name the app makes, never the sender's.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from qualityschool_desktop import cli, exchange, paths
from qualityschool_desktop.clock import now_iso
from qualityschool_desktop.ids import new_id
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.paths import attachments_dir_for

from .laptops import (
    CODE_A,
    NAME_A,
    Laptop,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    start_school,
    write_members,
)

Laptops = Callable[[str], Laptop]


def _cli(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def stored_files(laptop: Laptop) -> list[str]:
    store = attachments_dir_for(laptop.db)
    return sorted(p.name for p in store.rglob("*") if p.is_file()) if store.exists() else []


def school_with_photo(laptop: Laptop, code: str = CODE_A, name: str = NAME_A) -> dict[str, str]:
    with laptop.open() as workspace:
        ids = start_school(workspace, code, name)
        photo = laptop.root / f"ภาพ-{code}.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + code.encode() * 100 + os.urandom(64))
        ids["attachment"] = workspace.attachments.add(ids["assessment"], ids["item"], photo).id
    return ids


def test_a_broken_file_never_stops_the_command_line_from_importing_the_next(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    school, other, district = laptops("school-a"), laptops("school-b"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("a.qsx"))
    school.activate()
    orphan = forge(edit_rows(members, "answer_history", lambda row: row.update(assessment_id=new_id())))
    folder = school.root / "inbox"
    write_members(folder / "1-orphan-history.qsx", orphan)
    with other.open() as workspace:
        start_school(workspace, "6301000002", "โรงเรียนบ้านพบพระ")
    good = other.export("b.qsx")
    (folder / "2-good.qsx").write_bytes(good.read_bytes())
    (folder / "3-also-good.qsx").write_bytes(good.read_bytes())

    real_apply = exchange.apply_import

    def flaky(workspace, source, **options):  # type: ignore[no-untyped-def]
        if Path(source).name == "3-also-good.qsx":
            raise RuntimeError("a bug nobody foresaw")
        return real_apply(workspace, source, **options)

    monkeypatch.setattr(exchange, "apply_import", flaky)
    district.activate()
    status, out, err = _cli("import", "--db", str(district.db), str(folder))
    assert status == 2
    assert "1-orphan-history.qsx" in err and "อ้างถึง" in err
    assert "3-also-good.qsx" in err
    with district.open() as workspace:
        assert [s.code for s in workspace.schools.list()] == ["6301000002"]


def test_a_preview_reads_through_a_read_only_workspace(laptops: Laptops) -> None:
    """The window previews on a worker's read-only connection: nothing in a preview writes."""
    from qualityschool_desktop.workspace import Workspace

    school, district = laptops("school-a"), laptops("district")
    school_with_photo(school)
    path = school.export("a.qsx")
    with district.open():
        pass  # the district's database exists, migrated
    with Workspace.open(district.db, read_only=True) as workspace:
        preview = exchange.preview_import(workspace, path)
    assert preview.counts["schools"].new == 1 and preview.bound_on_first_use == [CODE_A]
    assert preview.files_new == 1 and stored_files(district) == []


def test_a_refused_file_leaves_no_attachment_behind(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    school_with_photo(school)
    members = read_members(school.export("a.qsx"))
    school.activate()
    # Attachments are read before the schools' network list, whose bad date refuses the file late.
    with school.open() as workspace:
        school_id = workspace.schools.by_code(CODE_A).id
        workspace.network_schools.add(school_id, code="6301000099", name="โรงเรียนเครือข่าย", distance_km=2.5)
    members = read_members(school.export("a-2.qsx"))
    school.activate()
    broken = forge(edit_rows(members, "network_schools", lambda row: row.update(created_at="2026-02-30T10:00:00.000Z")))
    path = write_members(school.root / "late-refusal.qsx", broken)
    with pytest.raises(ExchangeError):
        district.import_(path)
    assert stored_files(district) == []
    with district.open() as workspace:
        assert workspace.schools.count() == 0


def test_members_no_record_refers_to_are_not_stored(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    school_with_photo(school)
    members = read_members(school.export("a.qsx"))
    junk = {f"files/{hashlib.sha256(data).hexdigest()}": data for data in (os.urandom(100 + n) for n in range(20))}
    school.activate()
    path = write_members(school.root / "junk.qsx", forge({**members, **junk}))
    result = district.import_(path)
    assert result.counts["schools"].new == 1
    assert len(stored_files(district)) == 1
    assert not set(stored_files(district)) & {name[6:] for name in junk}
    # What a person reads counts the school's one photo, not the members no record names (try10 F11).
    assert result.files_total == 1 and "ไฟล์แนบ: 1 ไฟล์" in "\n".join(result.lines())


@pytest.mark.parametrize("table, column, value", [
    ("visits", "visited_on", "2026-02-30"),
    ("assessments", "assessed_on", "พรุ่งนี้"),
    ("follow_ups", "due_on", "2025-13-01"),
])
def test_dates_must_be_real_calendar_dates(laptops: Laptops, table: str, column: str, value: str) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        visit = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 1))
        workspace.follow_ups.add(visit.id, "จัดทำแผน", due_on=date(2026, 1, 31))
    members = read_members(school.export("a.qsx"))
    school.activate()
    path = write_members(school.root / "bad-date.qsx", forge(edit_rows(members, table, lambda row: row.update({column: value}))))
    with pytest.raises(ExchangeError, match="วันที่") as refused:
        district.import_(path)
    assert exchange.KIND_LABELS[table] in str(refused.value)
    with district.open() as workspace:
        assert workspace.schools.count() == 0


def test_the_laptop_refuses_the_dates_the_district_would_refuse(laptops: Laptops) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        for bad in ("พรุ่งนี้", "2026-02-30"):
            with pytest.raises(ValidationError, match="วันที่"):
                workspace.assessments.update_details(ids["assessment"], assessed_on=bad)
        workspace.assessments.update_details(ids["assessment"], assessed_on="2026-02-28")


def test_the_laptop_refuses_values_the_district_would_refuse(laptops: Laptops) -> None:
    """One set of limits (``validation.py``) for local edits and imports: a distance of 2,500,000 km,
    evidence over 200,000 characters and round 1001 never get into a file."""
    from qualityschool_desktop import validation as limits

    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        with pytest.raises(ValidationError, match="ระยะทาง"):
            workspace.network_schools.add(ids["school"], code="6301000099", name="โรงเรียนไกล", distance_km=2_500_000)
        with pytest.raises(ValidationError, match="ยาวเกินกำหนด"):
            workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", "ก" * (limits.MAX_TEXT + 1))
        with pytest.raises(ValidationError, match="รอบการประเมิน"):
            workspace.assessments.start(ids["school"], 2569, round=limits.MAX_ROUND + 1)
        visit = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 1))
        with pytest.raises(ValidationError, match="ยาวเกินกำหนด"):
            workspace.visits.update(visit.id, notes="ข" * (limits.MAX_TEXT + 1))
        workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", "ก" * limits.MAX_TEXT)
    district = laptops("district")
    district.import_(school.export("at-the-limits.qsx"))  # what the laptop took, the district takes


def _big_school(laptop: Laptop, target_bytes: int) -> None:
    """One school whose rounds hold answers with long, hardly compressible evidence."""
    with laptop.open() as workspace:
        ids = start_school(workspace, levels=0)
        items = workspace.frameworks.latest().items
        framework = workspace.frameworks.latest()
        evidence_chars = 20_000
        rows_needed = target_bytes // int(evidence_chars * 0.8)
        now, me = now_iso(), workspace.installation_id
        with workspace.db.write():
            for round_number in range(1, rows_needed // len(items) + 2):
                assessment = new_id()
                workspace.db.execute(
                    "INSERT INTO assessments (id, school_id, framework_id, framework_version, fiscal_year, round,"
                    " created_at, modified_at, modified_by) VALUES (?, ?, ?, ?, 2569, ?, ?, ?, ?)",
                    [assessment, ids["school"], framework.id, framework.version, round_number, now, now, me],
                )
                workspace.db.conn.executemany(
                    "INSERT INTO answers (id, assessment_id, item_code, level, evidence, created_at, modified_at,"
                    " modified_by) VALUES (?, ?, ?, 3, ?, ?, ?, ?)",
                    [[new_id(), assessment, item.code,
                      base64.b64encode(os.urandom(evidence_chars * 3 // 4)).decode("ascii"), now, now, me]
                     for item in items],
                )


def test_preview_and_apply_stream_a_large_file(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    _big_school(school, 30 * 1024 * 1024)
    big = school.export("big.qsx")
    size = big.stat().st_size
    assert size > 25 * 1024 * 1024
    with district.open() as workspace:
        tracemalloc.start()
        try:
            preview = exchange.preview_import(workspace, big)
            _, preview_peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            result = exchange.apply_import(workspace, big)
            _, apply_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert preview.counts["answers"].new == result.counts["answers"].new > 1000
    print(f"file {size / 1e6:.1f} MB, preview peak {preview_peak / 1e6:.1f} MB, apply peak {apply_peak / 1e6:.1f} MB")
    assert preview_peak < 2 * size, f"preview peak {preview_peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"
    assert apply_peak < 2 * size, f"apply peak {apply_peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"


# -- the same school entered twice -------------------------------------------------------------------


def test_the_same_school_typed_at_the_district_is_offered_as_one_and_mapped_once(laptops: Laptops) -> None:
    school, district, supervisor = laptops("school-a"), laptops("district"), laptops("supervisor")
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_A, name="รร.บ้านแม่สอด (พิมพ์ที่เขต)")
    supervisor.import_(district.export("typed.qsx"))
    with supervisor.open() as workspace:  # a visit made against the district's typed record
        visit = workspace.visits.start(typed.id, visited_on=date(2025, 11, 20))
        workspace.visits.add_person(visit.id, "visitor", "นายนิเทศ ติดตาม", "ศึกษานิเทศก์")
    with school.open() as workspace:
        ids = start_school(workspace)
    own_file = school.export("a.qsx")

    preview = district.preview(own_file)
    [match] = preview.same_schools
    assert (match.code, match.local_id, match.incoming_id) == (CODE_A, typed.id, ids["school"])
    assert match.local_name == "รร.บ้านแม่สอด (พิมพ์ที่เขต)" and match.incoming_name == NAME_A
    with pytest.raises(ExchangeError, match="มีอยู่แล้ว"):
        district.import_(own_file)
    result = district.import_(own_file, same_schools=[CODE_A])
    assert result.counts["assessments"].new == 1
    with district.open() as workspace:
        [only] = workspace.schools.list()
        assert (only.id, only.name) == (ids["school"], NAME_A)
        owners = {s.fingerprint: s.schools for s in exchange.list_signers(workspace)}
        assert owners[school.fingerprint] == (CODE_A,)

    # Remembered: the supervisor's visit, made against the typed record, joins the real school.
    district.import_(supervisor.export("visit.qsx", visitor="นายนิเทศ ติดตาม"))
    with district.open() as workspace:
        assert workspace.schools.count() == 1
        assert workspace.visits.get(visit.id).school_id == ids["school"]
    # And the school's next file needs no decision.
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=150)
    assert district.import_(school.export("a-2.qsx")).counts["schools"].updated == 1


# -- attachments open by a safe name ---------------------------------------------------------------


@pytest.mark.parametrize("label, suffix", [
    ("../../x.sh", ".bin"),
    ("/etc/cron.d/evil.pdf", ".pdf"),
    ("C:\\Windows\\win.ini", ".bin"),
    ("รายงาน.JPG", ".jpg"),
])
def test_an_attachment_opens_by_a_name_the_app_makes(laptops: Laptops, label: str, suffix: str) -> None:
    school, district = laptops("school-a"), laptops("district")
    ids = school_with_photo(school)
    members = read_members(school.export("a.qsx"))
    school.activate()
    path = write_members(school.root / "named.qsx", forge(edit_rows(members, "attachments", lambda row: row.update(file_name=label))))
    district.import_(path)
    with district.open() as workspace:
        attachment = workspace.attachments.get(ids["attachment"])
        assert attachment.file_name == label  # a label, shown as it came
        opened = workspace.attachments.copy_to_open(attachment.id)
        folder = paths.user_data_dir() / "open"
        assert opened.parent == folder and opened.suffix == suffix
        # named after the label's last part only (test33 T12), never its folders
        assert opened.name.startswith(Path(label.replace("\\", "/")).stem) and "/" not in opened.name and ".." not in opened.name
        assert opened.read_bytes() == workspace.files.path_of(attachment.sha256).read_bytes()
        assert workspace.attachments.copy_to_open(attachment.id) != opened  # a fresh name every time
    assert not (district.root.parent / "x.sh").exists()


def test_a_visit_attachment_opens_by_a_name_the_app_makes(laptops: Laptops) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        visit = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 1))
        report = school.root / "บันทึก.pdf"
        report.write_bytes(b"%PDF-1.4 " + os.urandom(100))
        attachment = workspace.visits.add_attachment(visit.id, "", report)
        opened = workspace.visits.copy_attachment_to_open(attachment.id)
        assert opened.parent == paths.user_data_dir() / "open" and opened.suffix == ".pdf"
        assert opened.read_bytes() == report.read_bytes()
