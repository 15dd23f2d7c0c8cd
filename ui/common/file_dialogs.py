"""Qt's own file dialog in Thai terms: where the system has no file dialog of its own (a Linux
desktop without GTK's or the portal's, Qt's offscreen and minimal platforms) Qt draws one, and it
showed sizes as "127.4 KiB", dates in the Christian Era, and cut its narrow columns ("PDF…ent").

Every ``QFileDialog.get…`` call of the window runs inside :func:`thai_file_dialogs`: while it is
open, a dialog that Qt draws itself gets :class:`ThaiFileColumns` between its file list and the
file system (``QFileDialog.setProxyModel``): sizes as the window writes them ("๑๒๗ KB"), modified
dates in the Buddhist Era with Thai month abbreviations ("๒๓ พ.ย. ๒๕๖๙ ๑๔:๐๕"), in the window's
digits; types in Thai ("โฟลเดอร์", "เอกสาร PDF", "ไฟล์ XYZ": Qt wrote the system's English MIME
comment, "PDF document") and Thai headings (the labels and buttons Qt draws are Thai through
``ui/shell/qt_thai.py``); and its columns wide enough for what they hold, the dialog no larger than the screen. A
native dialog (Windows, macOS, a desktop's own) is left exactly as it is: nothing is installed on
Windows and macOS, and elsewhere only a dialog Qt draws is touched.

The proxy reads only what ``QFileInfo`` knows (size, date, whether a folder): never a file's
content. Nor may Qt's file system model under it: to name a file's type and icon it guessed the
type from the file's first bytes when the name did not settle it (``X.db``), opening and closing
the file, and the window's open database is often in the folder shown. On POSIX that close
dropped every SQLite lock the window held on its database, and the next other program to close
its connection deleted the window's live WAL (RETEST14 N1; the rule in
``qualityschool_desktop/database.py``). So every file dialog gets :class:`NamesOnlyIcons`, which
names types and icons from the file name alone.

Typing ``/proc`` into Qt's own dialog hangs it on Linux with or without the proxy (issue 11,
finding 7: tried on Qt 6 offscreen, the hang is inside Qt's file system model, no frame of ours
on the stack), so it is Qt's to fix.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from PySide6.QtCore import (
    QEvent, QFileInfo, QIdentityProxyModel, QMimeDatabase, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt,
)
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QFileIconProvider, QFileSystemModel, QHeaderView, QListView, QSplitter, QTreeView,
    QWidget,
)

from .digits import day, shown
from .screen import with_margin
from .widgets import size_text

NATIVE_PLATFORMS = ("win32", "darwin")  # their file dialogs are the system's: never touched (but under Wine)
SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3  # QFileSystemModel's columns after the name
LARGEST = (1100, 640)  # the dialog at most, in logical pixels: inside 1366×768 above a taskbar
COLUMN_PADDING = 24  # the header's and the cell's margins around a column's widest text


# A file's type by its suffix, in Thai: Qt writes the system's MIME comment ("PDF document",
# English on most systems, and on Windows Qt's own English list) and "File Folder" / "Folder".
KINDS = {
    "pdf": "เอกสาร PDF", "xlsx": "สมุดงาน Excel", "xls": "สมุดงาน Excel", "csv": "ไฟล์ CSV",
    "txt": "ไฟล์ข้อความ", "docx": "เอกสาร Word", "doc": "เอกสาร Word", "qsx": "ไฟล์ส่งข้อมูล",
    "sqlite3": "ฐานข้อมูล", "zip": "ไฟล์ ZIP", "png": "รูปภาพ PNG", "jpg": "รูปภาพ JPEG", "jpeg": "รูปภาพ JPEG",
}
FOLDER, DRIVE, FILE = "โฟลเดอร์", "ไดรฟ์", "ไฟล์"
HEADINGS = ("ชื่อ", "ขนาด", "ชนิด", "วันที่แก้ไข")  # QFileSystemModel's, whatever Qt's translators say


def kind_text(name: str, *, folder: bool, drive: bool = False) -> str:
    """A file's type as the dialog shows it: "โฟลเดอร์", "ไดรฟ์", "เอกสาร PDF", "ไฟล์ XYZ", "ไฟล์"."""
    if drive:
        return DRIVE
    if folder:
        return FOLDER
    suffix = name.rsplit(".", 1)[1] if "." in name.strip(".") else ""
    return KINDS.get(suffix.lower(), f"{FILE} {suffix.upper()}" if suffix else FILE)


def modified_text(when: datetime) -> str:
    """A file's modification time as the dialog shows it: "๒๓ พ.ย. ๒๕๖๙ ๑๔:๐๕" (Buddhist Era,
    Thai month abbreviation, the window's digits)."""
    return f"{day(when.date(), short=True)} {shown(f'{when:%H:%M}')}"


class ThaiFileColumns(QIdentityProxyModel):
    """The file system model as Qt's file dialog shows it, with the size, type and modified
    columns and the headings written in Thai terms (see the module's text); every other column
    and role passes through."""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADINGS):
            return HEADINGS[section]
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and isinstance(source, QFileSystemModel) and index.isValid():
            column = index.column()
            if column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
                inner = self.mapToSource(index)
                if column == TYPE_COLUMN:
                    info = source.fileInfo(inner)
                    return kind_text(info.fileName(), folder=source.isDir(inner), drive=info.isRoot())
                if column == SIZE_COLUMN:
                    return "" if source.isDir(inner) else size_text(source.size(inner))
                moment = source.lastModified(inner)
                when = moment.toPython() if moment.isValid() else None
                return modified_text(when) if isinstance(when, datetime) else ""
        return super().data(index, role)


class NamesOnlyIcons(QFileIconProvider):
    """Icons and types of a file dialog's files from their names alone: never opens a file (see
    the module's text: closing a handle on the open database drops the window's locks on it)."""

    def icon(self, what: Any) -> QIcon:
        """Qt asks with an ``IconType`` (Computer, Desktop, Folder …: the style's icons, no file
        read) or with a file's ``QFileInfo`` (answered from its name here)."""
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        kinds = QAbstractFileIconProvider.IconType
        if what.isRoot():
            return super().icon(kinds.Drive)
        if what.isDir():
            return super().icon(kinds.Folder)
        # MatchExtension: the name's suffix only (Qt's default reads the content when it is unsure).
        kind = QMimeDatabase().mimeTypeForFile(what, QMimeDatabase.MatchMode.MatchExtension)
        return QIcon.fromTheme(kind.iconName(), QIcon.fromTheme(kind.genericIconName(), super().icon(kinds.File)))

    def type(self, info: QFileInfo) -> str:  # noqa: A003 (Qt's name)
        return kind_text(info.fileName(), folder=info.isDir(), drive=info.isRoot())


_NAMES_ONLY_ICONS: NamesOnlyIcons | None = None


def names_only_icons() -> NamesOnlyIcons:
    """The one :class:`NamesOnlyIcons` every file dialog shares (a dialog does not own its icon
    provider, so it must outlive them all)."""
    global _NAMES_ONLY_ICONS
    if _NAMES_ONLY_ICONS is None:
        _NAMES_ONLY_ICONS = NamesOnlyIcons()
    return _NAMES_ONLY_ICONS


def under_wine() -> bool:
    """Whether this Windows program runs under Wine (its ntdll exports ``wine_get_version``)."""
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")
    except OSError:
        return False


def system_dialogs(platform: str | None = None) -> bool:
    """Whether file dialogs are the system's on ``platform`` (``sys.platform`` by default): Windows'
    and macOS's are, except under Wine, whose save dialog crashed the built app in Wine's gdi32
    (issue 12, try12c finding 2; Qt's own dialog did not), so there Qt draws them."""
    return (platform or sys.platform) in NATIVE_PLATFORMS and not under_wine()


def use_qt_dialogs_under_wine() -> None:
    """Under Wine, ask Qt for its own dialogs everywhere (``AA_DontUseNativeDialogs``); elsewhere
    nothing changes. Called once when the application is made."""
    from PySide6.QtCore import QCoreApplication

    if under_wine():
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def qt_draws(dialog: QFileDialog) -> bool:
    """Whether ``dialog`` is Qt's own (a file list we can see), not the system's."""
    if system_dialogs() or dialog.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
        return False
    return dialog.findChild(QTreeView, "treeView") is not None


def fit_columns(dialog: QFileDialog) -> None:
    """Widen the detail view's size, type and date columns to their widest text and heading (the
    name takes the rest), and keep the dialog within :data:`LARGEST` and within its screen less a margin."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None or view.model() is None:
        return
    header = view.header()
    model = view.model()
    root = view.rootIndex()
    metrics = view.fontMetrics()
    for column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
        heading = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        widest = header.fontMetrics().horizontalAdvance(heading)
        for row in range(model.rowCount(root)):
            value = model.index(row, column, root).data(Qt.ItemDataRole.DisplayRole)
            widest = max(widest, metrics.horizontalAdvance(str(value or "")))
        header.resizeSection(column, widest + COLUMN_PADDING)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    size = QSize(min(max(dialog.width(), 900), LARGEST[0]), min(max(dialog.height(), 520), LARGEST[1]))
    free = with_margin(dialog)
    dialog.setMinimumSize(dialog.minimumSize().boundedTo(free))
    dialog.resize(size.boundedTo(free))
    # The places at the left ("คอมพิวเตอร์" was "คอ…"): as wide as their longest name.
    sidebar, splitter = dialog.findChild(QListView, "sidebar"), dialog.findChild(QSplitter, "splitter")
    if sidebar is not None and splitter is not None and sidebar.model() is not None and splitter.count() == 2:
        places = sidebar.model()
        names = [str(places.index(row, 0).data() or "") for row in range(places.rowCount())]
        wanted = max((sidebar.fontMetrics().horizontalAdvance(name) for name in names), default=0)
        wanted += sidebar.iconSize().width() + 2 * COLUMN_PADDING + 16  # icon, margins, frame, splitter handle
        total = sum(splitter.sizes())
        if total > 0 and splitter.sizes()[0] < wanted:
            splitter.setSizes([wanted, max(total - wanted, 1)])


def make_thai(dialog: QFileDialog) -> bool:
    """Put :class:`ThaiFileColumns` into ``dialog`` and fit its columns when Qt draws it (once;
    the columns are fitted again each time a folder is loaded). False, doing nothing, for a
    native dialog."""
    if not qt_draws(dialog):
        return False
    if not isinstance(dialog.proxyModel(), ThaiFileColumns):
        dialog.setProxyModel(ThaiFileColumns(dialog))
        files = dialog.findChild(QFileSystemModel)
        if files is not None:
            files.directoryLoaded.connect(lambda _path: fit_columns(dialog))
    fit_columns(dialog)
    return True


class _ShownDialogs(QObject):
    """Sees each file dialog as it is shown (installed on the application while a dialog runs)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            if watched.iconProvider() is not names_only_icons():
                watched.setIconProvider(names_only_icons())  # before its model reads the folder's files
            make_thai(watched)
        return False


@contextmanager
def thai_file_dialogs() -> Iterator[None]:
    """Run a ``QFileDialog.get…`` call inside: a dialog Qt draws is made Thai as it is shown.
    Nothing is installed on Windows and macOS (their dialogs are always the system's), and the
    watcher is on the application only while the call runs."""
    app = QApplication.instance()
    if system_dialogs() or app is None:
        yield
        return
    watcher = _ShownDialogs()
    app.installEventFilter(watcher)
    try:
        yield
    finally:
        app.removeEventFilter(watcher)



ATTACH_FOLDER_KEY = "attachments/folder"


def choose_attachments(parent: QWidget | None, title: str) -> list[Path]:
    """Ask for files to attach, starting where the last attached file came from (the user's home
    folder the first time): without a folder Qt's dialog opened in the program's own folder, every
    time (TEST32b B14). The folder is remembered in the window's settings, as the PDF dialog's is."""
    from .settings import default_settings

    settings = default_settings()
    folder = Path(str(settings.value(ATTACH_FOLDER_KEY, "") or Path.home()))
    if not folder.is_dir():
        folder = Path.home()
    with thai_file_dialogs():  # Qt's own dialog, where it draws one, in Thai terms
        files, _filter = QFileDialog.getOpenFileNames(parent, title, str(folder))
    if files:
        settings.setValue(ATTACH_FOLDER_KEY, str(Path(files[0]).parent))
        settings.sync()
    return [Path(name) for name in files]
