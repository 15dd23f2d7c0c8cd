"""Qt's own buttons, menus and dialogs speak Thai: Qt ships no Thai translation, so the app
installs its own for the words Qt draws itself (OK/Cancel/Yes/No, the text fields' context menu,
the details button of a message box, the labels of the file dialog Qt draws where the system has
none)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import (
    QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QProgressDialog, QPushButton,
    QTextEdit,
)

from ui.shell import qt_thai


pytestmark = pytest.mark.usefixtures("styled_app")


def _texts(menu_owner: QLineEdit | QTextEdit) -> list[str]:
    menu = menu_owner.createStandardContextMenu()
    try:
        return [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]
    finally:
        menu.deleteLater()


def test_a_question_box_answers_yes_or_no_in_thai() -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "ลบ", "ลบรายการนี้หรือไม่",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(button.text() for button in box.buttons()) == sorted(["ใช่", "ไม่ใช่"])
    box.setDetailedText("รายละเอียดทางเทคนิค")
    texts = {button.text() for button in box.buttons()}
    assert "แสดงรายละเอียด…" in texts, texts
    box.deleteLater()


def test_a_dialogs_ok_and_cancel_are_thai() -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard
                               | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Apply)
    texts = {button.text() for button in buttons.buttons()}
    assert texts == {"ตกลง", "ยกเลิก", "บันทึก", "ไม่บันทึก", "ปิด", "นำไปใช้"}
    buttons.deleteLater()


def test_the_text_fields_context_menus_are_thai() -> None:
    line = QLineEdit("ข้อความ")
    line.selectAll()
    assert _texts(line) == ["เลิกทำ", "ทำซ้ำ", "ตัด", "คัดลอก", "วาง", "ลบ", "เลือกทั้งหมด"]
    text = QTextEdit("ข้อความ")
    text.selectAll()
    assert {"คัดลอก", "วาง", "เลือกทั้งหมด"} <= set(_texts(text))


def test_a_progress_dialogs_own_cancel_button_is_thai() -> None:
    dialog = QProgressDialog()
    assert [button.text() for button in dialog.findChildren(QPushButton)] == ["ยกเลิก"]
    dialog.deleteLater()


def test_the_file_dialog_qt_draws_itself_is_labelled_in_thai(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "บันทึกรายงาน")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"ชื่อไฟล์:", "ชนิดไฟล์:", "ค้นหาใน:"} <= labels, labels
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert {"บันทึก", "ยกเลิก"} <= buttons, buttons


def test_numbers_and_dates_default_to_the_thai_locale() -> None:
    assert QLocale().language() == QLocale.Language.Thai


def test_installing_twice_keeps_one_translator() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    first = qt_thai.install(app)
    assert qt_thai.install(app) is first
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "ตกลง"


def test_every_word_translated_is_one_qt_really_uses() -> None:
    """A key with a typo would never be asked for: check each against the German translation
    that PySide6 ships (it knows every source text of Qt's own strings)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    german = QTranslator()
    if not german.load("qtbase_de", str(folder)):
        pytest.skip(f"Qt's German translation is not installed in {folder}")
    unknown = [(context, source) for context, words in qt_thai.QT_THAI.items() for source in words
               if not german.translate(context, source)]
    assert unknown == []


def test_no_translation_keeps_a_mnemonic_or_english() -> None:
    for words in qt_thai.QT_THAI.values():
        for source, thai in words.items():
            assert "&" not in thai, (source, thai)
            assert not any("a" <= char.lower() <= "z" for char in thai.replace("%1", "").replace("%2", "")), thai
