"""Issue 15: the contact log travels in exchange files, owned by the installation that wrote it; no
other key can alter a line nor write one in its writer's name (tests/laptops.py: separate laptops)."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.ids import new_id

from .laptops import (
    CODE_A,
    Laptop,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    rows_of,
    start_school,
    with_rows,
    write_members,
)

Laptops = Callable[[str], Laptop]
TOPIC = "แนะนำการจัดทำแผนนิเทศภายในทาง LINE"


def lines(laptop: Laptop, school_id: str) -> list[tuple[str, str, str, str, str]]:
    with laptop.open() as workspace:
        return [(c.contacted_on, c.channel, c.topic, c.who, c.written_by)
                for c in workspace.contacts.for_school(school_id)]


def school_then_district(laptops: Laptops) -> tuple[Laptop, Laptop, str]:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        school_id = start_school(workspace)["school"]
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    return school, district, school_id


def test_a_contact_travels_and_keeps_its_writer(laptops: Laptops) -> None:
    school, district, school_id = school_then_district(laptops)
    with district.open() as workspace:
        workspace.contacts.add(school_id, date(2025, 12, 1), "line", TOPIC, who="ผอ.สมชาย")
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    expected = [("2025-12-01", "line", TOPIC, "ผอ.สมชาย", district.installation_id)]
    assert lines(school, school_id) == expected
    province = laptops("province")  # relayed by the school: still the district's line
    province.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert lines(province, school_id) == expected
    school.import_(district.export("d-2.qsx", school_codes=[CODE_A]))  # again: nothing doubles
    assert lines(school, school_id) == expected


def test_another_key_cannot_alter_a_contact(laptops: Laptops) -> None:
    school, district, school_id = school_then_district(laptops)
    with district.open() as workspace:
        workspace.contacts.add(school_id, date(2025, 12, 1), "phone", TOPIC)
    members = read_members(district.export("d-1.qsx", school_codes=[CODE_A]))
    province = laptops("province")
    province.import_(school.export("a-x.qsx", school_codes=[CODE_A]))
    school.activate()  # the school rewrites the district's line and seals the file with its own key
    altered = forge(edit_rows(members, "contacts", lambda row: row.update(topic="ไม่ได้ติดต่อ")))
    with pytest.raises(ExchangeError, match="บันทึกการติดต่อ"):
        province.import_(write_members(school.root / "files" / "altered.qsx", altered))
    assert lines(province, school_id) == []


def test_a_contact_forged_in_anothers_name_is_refused(laptops: Laptops) -> None:
    school, district, school_id = school_then_district(laptops)
    with school.open() as workspace:
        workspace.contacts.add(school_id, date(2025, 12, 1), "phone", TOPIC)
    members = read_members(school.export("a-2.qsx", school_codes=[CODE_A]))
    rows = rows_of(members, "contacts")
    forged_row = dict(rows[0], id=new_id(), topic="ศึกษานิเทศก์มาพบแล้ว", channel="in_person",
                      written_by=district.installation_id)
    school.activate()
    forged = forge(with_rows(members, "contacts", [*rows, forged_row]))
    with pytest.raises(ExchangeError, match="บันทึกการติดต่อ"):
        district.import_(write_members(school.root / "files" / "forged.qsx", forged))
    assert lines(district, school_id) == []


def test_a_contact_is_append_only_in_the_database(laptops: Laptops) -> None:
    school, _district, school_id = school_then_district(laptops)
    with school.open() as workspace:
        workspace.contacts.add(school_id, date(2025, 12, 1), "phone", TOPIC)
        with pytest.raises(Exception, match="append-only"):
            workspace.db.execute("UPDATE contacts SET topic = 'อื่น'")
        with pytest.raises(Exception, match="append-only"):
            workspace.db.execute("DELETE FROM contacts")
