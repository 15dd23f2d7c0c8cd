"""Thai order in the window (issue 11): a table sorted by clicking its header, and the combo boxes
of names, give แม่สอด before อุ้มผาง and เมืองตาก before สามเงา; the core's order (reports,
commands) and the window's are the same order: the window sorts with the core's key, which agrees
with ICU (Qt's collator on Linux; on Windows Qt's is the system's CompareStringEx, issue 12)."""

from __future__ import annotations

import random
import sys

import pytest
from PySide6.QtCore import QCollator, QLocale, QPoint, Qt

from qualityschool_desktop.collation import thai_key
from qualityschool_desktop.workspace import Workspace
from ui.common.thai_order import THAI_ORDER
from ui.district.page import DistrictPage
from ui.schools.school_dialog import SchoolDialog
from ui.schools.schools_page import COL_DISTRICT, COL_NAME, SchoolsPage

from .keyboard import show_active

TAK_DISTRICTS = ["ท่าสองยาง", "บ้านตาก", "พบพระ", "เมืองตาก", "แม่ระมาด", "แม่สอด", "วังเจ้า", "สามเงา", "อุ้มผาง"]
SCHOOL_NAMES = ["โรงเรียนเด่นวิทยา", "โรงเรียนแม่ระมาดวิทยาคม", "โรงเรียนแม่สอด", "โรงเรียนอุ้มผางวิทยาคม"]
OFFICES = ["สพป.ตาก เขต 1", "สพป.ตาก เขต 2", "สพม.ตาก"]


@pytest.mark.skipif(sys.platform != "linux", reason="Qt's QCollator is ICU on Linux only (Windows: CompareStringEx)")
def test_the_core_sorts_as_qts_thai_collator_does() -> None:
    """Names made of every consonant, leading vowel, tone mark and vowel, in random order: the
    core's key and ICU (through Qt) agree on every one."""
    icu = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    rng = random.Random(11)
    consonants = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ"
    words = []
    for _ in range(2000):
        word = ""
        for _syllable in range(rng.randint(1, 3)):
            word += (rng.choice(["", "", "เ", "แ", "โ", "ใ", "ไ"]) + rng.choice(consonants)
                     + rng.choice(["", "", "", "่", "้", "๊", "๋", "็", "์"]) + rng.choice(["", "า", "ิ", "ี", "ุ", "ู", "ั", "ำ", "ะ"])
                     + rng.choice(["", "", "ก", "น", "ม", "ง"]))
        words.append(word)
    words += TAK_DISTRICTS + SCHOOL_NAMES + OFFICES + ["abc", "Abc", "12", "๑๒", "โรงเรียน 2", "โรงเรียน-ก"]
    assert sorted(words, key=thai_key) == sorted(words, key=icu.sortKey)


@pytest.mark.skipif(sys.platform != "linux", reason="Qt's QCollator is ICU on Linux only (Windows: CompareStringEx)")
def test_punctuation_thai_signs_and_nikhahit_forms_order_as_icu_does() -> None:
    """Every pair of 500 texts made of Thai letters, signs (ฯ ๆ ๏ ๚ ๛ ฿ ๅ ำ and ํ + า), tone marks,
    digits, spaces (no-break too), punctuation and Latin letters: the core never orders a pair
    the other way from ICU (27 such pairs among a tester's ~53,000 once)."""
    icu = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    rng = random.Random(5)
    alphabet = list("กขคงจดตนบปพมยรลวสหอฮฤฦะัาๅำิีึืุูเแโใไ่้๊๋็์ฯๆ๏๚๛฿๑๒1 2.-()/,'\"_:aAbB€$")
    alphabet += ["\u0e4d\u0e32", "\u0e4d\u0e45", "\u200b", "\u00a0", "\u2013", "\u201c"]
    words = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(500)})
    keys = [thai_key(word) for word in words]
    wrong = []
    for i, first in enumerate(words):
        for j in range(i + 1, len(words)):
            by_icu = icu.compare(first, words[j])
            by_core = (keys[i] > keys[j]) - (keys[i] < keys[j])
            if by_icu and by_core != (by_icu > 0) - (by_icu < 0):
                wrong.append((first, words[j]))
    assert wrong == []


def test_the_window_sorts_with_the_cores_key_on_every_platform() -> None:
    names = TAK_DISTRICTS[::-1] + ["abc", "12", "๑๒", "ก่า", "กาก"]
    assert sorted(names, key=THAI_ORDER.sortKey) == sorted(names, key=thai_key)
    assert THAI_ORDER.compare("แม่สอด", "อุ้มผาง") < 0 and THAI_ORDER.compare("ก่า", "กาก") < 0
    assert THAI_ORDER.compare("กาก", "abc") < 0  # Thai before Latin, as ICU's Thai rules say


def _tak(ws: Workspace) -> None:
    """Schools added in code-point order, so only a Thai sort gives the expected order."""
    for number, district in enumerate(sorted(TAK_DISTRICTS), start=1):
        ws.schools.add(code=f"63010000{number:02d}", name=f"โรงเรียนบ้าน{district}", district=district, province="ตาก",
                       area_office=OFFICES[number % 3], level="primary")
    for number, name in enumerate(sorted(SCHOOL_NAMES), start=20):
        ws.schools.add(code=f"63020000{number:02d}", name=name, district="แม่สอด", province="ตาก",
                       area_office="สพป.ตาก เขต 2", level="primary")


def _click_header(qtbot, page: SchoolsPage, column: int) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_of_the_school_list_sorts_in_thai_order(qtbot, memory_workspace: Workspace) -> None:
    _tak(memory_workspace)
    page = show_active(qtbot, SchoolsPage(memory_workspace))
    page.refresh()
    _click_header(qtbot, page, COL_NAME)
    names = page.visible_names()
    assert [name for name in names if name in SCHOOL_NAMES] == SCHOOL_NAMES
    assert names.index("โรงเรียนบ้านเมืองตาก") < names.index("โรงเรียนบ้านสามเงา")
    assert names.index("โรงเรียนบ้านแม่สอด") < names.index("โรงเรียนบ้านอุ้มผาง")
    _click_header(qtbot, page, COL_NAME)  # again: the other way round
    assert page.visible_names() == names[::-1]
    _click_header(qtbot, page, COL_DISTRICT)
    districts = [str(page.proxy.index(row, COL_DISTRICT).data()) for row in range(page.proxy.rowCount())]
    assert list(dict.fromkeys(districts)) == TAK_DISTRICTS


def test_the_school_list_before_any_click_is_in_the_cores_thai_order(qtbot, memory_workspace: Workspace) -> None:
    _tak(memory_workspace)
    page = show_active(qtbot, SchoolsPage(memory_workspace))
    page.refresh()
    in_office_2 = [name for name in page.visible_names() if name in SCHOOL_NAMES]
    assert in_office_2 == SCHOOL_NAMES


def test_the_combo_boxes_of_names_are_in_thai_order(qtbot, memory_workspace: Workspace) -> None:
    _tak(memory_workspace)
    school = memory_workspace.schools.add(code="5001000001", name="โรงเรียนแม่ริม", province="เชียงใหม่",
                                          area_office="สพป.เชียงใหม่ เขต 4")
    memory_workspace.assessments.start(school.id, 2569)
    memory_workspace.inspection_rounds.define(2569, 1)  # the dashboard offers filters once a round is defined
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    offices = [dialog.area_office.itemText(i) for i in range(dialog.area_office.count())]
    # The templates ("สพป. เขต ๑" …) in the same list and order; all in the window's digits (try11b F1).
    assert [office for office in offices if "ตาก" in office or "เชียงใหม่" in office] == [
        "สพป.เชียงใหม่ เขต ๔", "สพป.ตาก เขต ๑", "สพป.ตาก เขต ๒", "สพม.ตาก"]
    page = show_active(qtbot, DistrictPage(memory_workspace))
    page.refresh()
    provinces = [page.province_combo.itemText(i) for i in range(1, page.province_combo.count())]
    assert provinces == ["เชียงใหม่", "ตาก"]
    offices = [page.office_combo.itemText(i) for i in range(1, page.office_combo.count())]
    assert offices == ["สพป.เชียงใหม่ เขต ๔", "สพป.ตาก เขต ๑", "สพป.ตาก เขต ๒", "สพม.ตาก"]  # in the window's digits
