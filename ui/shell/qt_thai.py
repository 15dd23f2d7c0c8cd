"""Thai for the words Qt draws itself: standard buttons, text fields' context menus, message-box
details, the file dialog Qt draws where the system has none, scroll bars and spin boxes.

Qt ships translations of its own strings for about thirty languages, not Thai, so without this an
otherwise Thai window shows "OK", "Cancel", "&Yes", "Copy" and "File name:". A small
:class:`QTranslator` that answers from the dict below is enough: the keys are Qt's own source texts
by context (``QPlatformTheme`` for the standard buttons of ``QMessageBox`` and ``QDialogButtonBox``,
``QGnomeTheme`` where a GNOME desktop replaces some of them, ``QLineEdit`` and
``QWidgetTextControl`` for the context menus …); a test checks every key against the German
translation PySide6 ships, so a key with a typo cannot hide. A Python dict rather than a ``.ts``
compiled to ``.qm``: nothing to build, and it works the same from a fresh clone and a frozen build.

Mnemonics (``&Yes`` → Alt+Y) are dropped: with a Thai keyboard layout they cannot be typed, and
``ใช่ (&Y)`` reads badly; Enter and Escape still answer every standard dialog. Key names in menus
(``Ctrl+P``) stay as Thai Windows shows them, untranslated.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QTranslator

# context → Qt's source text → Thai
QT_THAI: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "ตกลง",
        "Save": "บันทึก",
        "Save All": "บันทึกทั้งหมด",
        "Open": "เปิด",
        "&Yes": "ใช่",
        "Yes to &All": "ใช่ทั้งหมด",
        "&No": "ไม่ใช่",
        "N&o to All": "ไม่ใช่ทั้งหมด",
        "Abort": "ยุติ",
        "Retry": "ลองอีกครั้ง",
        "Ignore": "ข้าม",
        "Close": "ปิด",
        "Cancel": "ยกเลิก",
        "Discard": "ไม่บันทึก",
        "Help": "วิธีใช้",
        "Apply": "นำไปใช้",
        "Reset": "ตั้งค่าใหม่",
        "Restore Defaults": "คืนค่าเริ่มต้น",
    },
    "QGnomeTheme": {
        "&OK": "ตกลง",
        "&Save": "บันทึก",
        "&Cancel": "ยกเลิก",
        "&Close": "ปิด",
        "Close without Saving": "ปิดโดยไม่บันทึก",
    },
    "QDialogButtonBox": {"OK": "ตกลง"},
    "QMessageBox": {
        "Show Details...": "แสดงรายละเอียด…",
        "Hide Details...": "ซ่อนรายละเอียด…",
    },
    "QProgressDialog": {"Cancel": "ยกเลิก"},
    "QInputDialog": {"Enter a value:": "ใส่ค่า:"},
    "QDialog": {"What's This?": "นี่คืออะไร"},
    "QWhatsThisAction": {"What's This?": "นี่คืออะไร"},
    "QLineEdit": {
        "&Undo": "เลิกทำ",
        "&Redo": "ทำซ้ำ",
        "Cu&t": "ตัด",
        "&Copy": "คัดลอก",
        "&Paste": "วาง",
        "Delete": "ลบ",
        "Select All": "เลือกทั้งหมด",
    },
    "QWidgetTextControl": {
        "&Undo": "เลิกทำ",
        "&Redo": "ทำซ้ำ",
        "Cu&t": "ตัด",
        "&Copy": "คัดลอก",
        "Copy &Link Location": "คัดลอกที่อยู่ลิงก์",
        "&Paste": "วาง",
        "Delete": "ลบ",
        "Select All": "เลือกทั้งหมด",
    },
    "QAbstractSpinBox": {
        "&Select All": "เลือกทั้งหมด",
        "&Step up": "เพิ่มขึ้นหนึ่งขั้น",
        "Step &down": "ลดลงหนึ่งขั้น",
    },
    "QComboBox": {
        "Open the combo box selection popup": "เปิดรายการให้เลือก",
        "True": "ใช่",
        "False": "ไม่ใช่",
    },
    "QScrollBar": {
        "Scroll here": "เลื่อนมาที่นี่",
        "Left edge": "ซ้ายสุด",
        "Top": "บนสุด",
        "Right edge": "ขวาสุด",
        "Bottom": "ล่างสุด",
        "Page left": "เลื่อนซ้ายหนึ่งหน้า",
        "Page up": "เลื่อนขึ้นหนึ่งหน้า",
        "Page right": "เลื่อนขวาหนึ่งหน้า",
        "Page down": "เลื่อนลงหนึ่งหน้า",
        "Scroll left": "เลื่อนไปทางซ้าย",
        "Scroll up": "เลื่อนขึ้น",
        "Scroll right": "เลื่อนไปทางขวา",
        "Scroll down": "เลื่อนลง",
    },
    "QTabBar": {"Scroll Left": "เลื่อนแท็บไปทางซ้าย", "Scroll Right": "เลื่อนแท็บไปทางขวา"},
    "CloseButton": {"Close Tab": "ปิดแท็บ"},
    # The file dialog Qt draws itself (Linux desktops without a portal, and whenever the system's
    # own dialog is not used). Its keyboard shortcuts ("Alt+Left" …) are left alone: translated
    # they would stop working.
    "QFileDialog": {
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nไม่พบโฟลเดอร์นี้\nตรวจสอบว่าพิมพ์ชื่อโฟลเดอร์ถูกต้อง",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nไม่พบไฟล์นี้\nตรวจสอบว่าพิมพ์ชื่อไฟล์ถูกต้อง",
        "%1 already exists.\nDo you want to replace it?": "มีไฟล์ %1 อยู่แล้ว\nต้องการบันทึกทับไฟล์เดิมหรือไม่",
        "'%1' is write protected.\nDo you want to delete it anyway?": "'%1' ถูกป้องกันการเขียน\nยังต้องการลบหรือไม่",
        "Are you sure you want to delete '%1'?": "ต้องการลบ '%1' หรือไม่",
        "Could not delete directory.": "ลบโฟลเดอร์ไม่ได้",
        "&Choose": "เลือก",
        "&Delete": "ลบ",
        "Delete": "ลบ",
        "&Look in:": "ค้นหาใน:",
        "&New Folder": "โฟลเดอร์ใหม่",
        "New Folder": "โฟลเดอร์ใหม่",
        "Create New Folder": "สร้างโฟลเดอร์ใหม่",
        "Create a New Folder": "สร้างโฟลเดอร์ใหม่",
        "&Open": "เปิด",
        "Open": "เปิด",
        "&Rename": "เปลี่ยนชื่อ",
        "&Save": "บันทึก",
        "Save As": "บันทึกเป็น",
        "All Files (*)": "ทุกไฟล์ (*)",
        "All files (*)": "ทุกไฟล์ (*)",
        "Back": "ย้อนกลับ",
        "Go back": "ย้อนกลับ",
        "Forward": "ไปข้างหน้า",
        "Go forward": "ไปข้างหน้า",
        "Parent Directory": "โฟลเดอร์ระดับบน",
        "Go to the parent directory": "ไปยังโฟลเดอร์ระดับบน",
        "Change to detail view mode": "แสดงแบบรายละเอียด",
        "Change to list view mode": "แสดงแบบรายการ",
        "Detail View": "มุมมองรายละเอียด",
        "List View": "มุมมองรายการ",
        "Directories": "โฟลเดอร์",
        "Directory:": "โฟลเดอร์:",
        "Files": "ไฟล์",
        "File &name:": "ชื่อไฟล์:",
        "Files of &type:": "ชนิดไฟล์:",
        "Find Directory": "เลือกโฟลเดอร์",
        "List of places and bookmarks": "ตำแหน่งและที่คั่นไว้",
        "Recent Places": "ตำแหน่งที่ใช้ล่าสุด",
        "Remove": "นำออก",
        "Show ": "แสดง ",
        "Show &hidden files": "แสดงไฟล์ที่ซ่อนไว้",
        "Sidebar": "แถบด้านข้าง",
    },
    "QFileSystemModel": {
        "Name": "ชื่อ",
        "Size": "ขนาด",
        "Type": "ชนิด",
        "Kind": "ชนิด",
        "Date Modified": "วันที่แก้ไข",
        "Computer": "คอมพิวเตอร์",
        "My Computer": "คอมพิวเตอร์ของฉัน",
    },
    "QAbstractFileIconProvider": {
        "Drive": "ไดรฟ์",
        "File": "ไฟล์",
        "File Folder": "โฟลเดอร์",
        "Folder": "โฟลเดอร์",
        "Alias": "ทางลัด",
        "Shortcut": "ทางลัด",
        "Unknown": "ไม่ทราบชนิด",
    },
}


class ThaiQtTranslator(QTranslator):
    """Answers Qt's own strings from :data:`QT_THAI`; None (a null string) for everything else,
    so Qt keeps its source text and the other translators are asked."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        words = QT_THAI.get(context)
        return None if words is None else words.get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


_installed: ThaiQtTranslator | None = None


def install(app: QCoreApplication) -> ThaiQtTranslator:
    """Install the translator on ``app`` (once; later calls return the one installed). Call it
    before any window is made: a widget translates its standard texts when it is built."""
    global _installed
    if _installed is None or not shiboken6.isValid(_installed) or _installed.parent() is not app:
        _installed = ThaiQtTranslator(app)
        app.installTranslator(_installed)
    return _installed
