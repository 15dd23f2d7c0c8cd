"""``report summary --texts FILE.json`` is all or nothing (issue 13, tester's F7): a file refused
saves none of its texts, and the refusal names the field that is too long."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.inspection.texts import OfficeTexts
from qualityschool_desktop.value_rules import MAX_TEXT
from qualityschool_desktop.workspace import Workspace


def test_a_refused_file_saves_nothing_and_names_the_field() -> None:
    workspace = Workspace.open_memory(installation="texts-file")
    workspace.inspection_rounds.define(2569, 2)
    store = workspace.office_texts
    store.set_text(2569, 2, "office", "สำนักงานเดิม")
    loaded = OfficeTexts.from_mapping({"office": "สำนักงานใหม่", "policy": "นโยบายใหม่",
                                       "suggestions": "ข" * (MAX_TEXT + 1)})
    with pytest.raises(ValidationError, match="suggestions") as refused:
        store.fill(2569, 2, loaded)
    assert "ยาวเกิน" in str(refused.value)
    stored = store.texts(2569, 2)
    assert (stored.office, stored.policy, stored.suggestions) == ("สำนักงานเดิม", "", "")
    workspace.close()


def test_the_command_line_refuses_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.inspection_rounds.define(2569, 2)
        workspace.office_texts.set_text(2569, 2, "office", "สำนักงานเดิม")
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps({"office": "สำนักงานใหม่", "policy": "นโยบายใหม่",
                                 "narratives": {"2": "ข" * (MAX_TEXT + 1)}}, ensure_ascii=False), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(path), "--year", "2569", "--round", "2",
                                "--texts", str(texts), "--out", str(tmp_path / "s.pdf")]), out=out, err=err)
    assert status == 2
    assert "narratives.2" in err.getvalue() and "ยาวเกิน" in err.getvalue()
    assert not (tmp_path / "s.pdf").exists()
    with Workspace.open(path, read_only=True) as workspace:
        stored = workspace.office_texts.texts(2569, 2)
    assert (stored.office, stored.policy, stored.narrative("2")) == ("สำนักงานเดิม", "", "")


def test_a_file_s_texts_keep_what_it_held_in_history(tmp_path: Path) -> None:
    """try11a #15: a ``--texts`` file's text was stored normalised with no typed copy, while the
    window's paste of the same text kept one; the file is typed text too."""
    from qualityschool_desktop.inspection.texts import load_office_texts
    held = "กางเกงสีด\u0e4d\u0e32 น\u0e33\u0e49"  # sara am in two characters; tone mark after sara am
    path = tmp_path / "texts.json"
    path.write_text(json.dumps({"situation": held, "narratives": {"1": held},
                                "offices": {"สพป.ตาก เขต 1": {"suggestions": held}}}, ensure_ascii=False), "utf-8")
    workspace = Workspace.open_memory(installation="texts-file")
    workspace.inspection_rounds.define(2569, 2)
    workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบ", district="เมืองตาก", province="ตาก",
                          area_office="สพป.ตาก เขต 1", level="primary", pupils=100, teachers=8)
    stored = workspace.office_texts.fill(2569, 2, load_office_texts(path))
    assert stored.situation == "กางเกงสีดำ น้ำ" and stored.narrative("1") == "กางเกงสีดำ น้ำ"
    history = workspace.office_texts.history(2569, 2)
    assert len(history) == 3 and {entry.typed for entry in history} == {held}, history
    workspace.close()
