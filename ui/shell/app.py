"""Start the window: the QApplication, the bundled fonts, the style sheet, the first workspace.

Start-up is kept lean on purpose (a benchmark times launch to first paint): nothing here, nor in
the pages shown first, imports ReportLab or pythainlp; the assessment and results views are
imported when first opened.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, QTimer
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from . import source_check

source_check.install()  # before the rest: every module imported after Qt meets shiboken's check

from qualityschool_desktop import paths  # noqa: E402
from qualityschool_desktop.errors import QualitySchoolError  # noqa: E402
from ui.common import fonts  # noqa: E402

from . import qt_thai  # noqa: E402
from .strings import APP_TITLE  # noqa: E402


APP_NAME = "Quality School Desktop"  # the program's name to the system (settings, locks): never changes
EXIT_ERROR = 2
FUSION = "Fusion"
# Set by benchmarks/: print "first-paint" when the window's frame has painted and "ready" when
# the database is open and its first page has painted, then quit.
BENCH_FIRST_PAINT_ENV = "QSD_BENCH_FIRST_PAINT"

# -- Thai strings ----------------------------------------------------------------------------
OPEN_FAILED_TITLE = "เปิดฐานข้อมูลไม่ได้"
SET_ASIDE = ("ปรับรุ่นฐานข้อมูลแล้ว: คำตอบ {count} ข้อที่ตอบประเด็นซึ่งไม่มีในกรอบการประเมินของรอบนั้น"
             " ไม่นับคะแนนและไม่แสดงในแบบประเมิน แต่ยังเก็บไว้ครบพร้อมหลักฐานในไฟล์นี้ (ตาราง answers_set_aside)"
             " ไม่ได้ลบ และสำเนาไฟล์ก่อนปรับรุ่นอยู่ในโฟลเดอร์เดียวกับไฟล์นี้ (ชื่อมีคำว่า before-schema)")
DEMO_FAILED = "สร้างข้อมูลตัวอย่างไม่ได้: {error}"
OPEN_FAILED = "เปิดฐานข้อมูลไม่ได้: {error}"
# A double-clicked .qsx (``--import``) when the file opened read-only: said, not dropped (retest28 R6).
NOT_IMPORTED_HELD = ("ยังไม่ได้นำเข้า {files}: ฐานข้อมูล {name} เปิดอยู่ในโปรแกรมอื่นที่ไม่ตอบสนอง จึงเปิดไว้แบบอ่านอย่างเดียว"
                     " เมื่อปิดโปรแกรมนั้นแล้ว ให้นำเข้าไฟล์นี้อีกครั้ง (ดับเบิลคลิกไฟล์ หรือ แฟ้ม › นำเข้าข้อมูล…)")
NOT_IMPORTED_CANNOT_WRITE = ("ยังไม่ได้นำเข้า {files}: ไฟล์ฐานข้อมูล {name} หรือโฟลเดอร์ของไฟล์เขียนไม่ได้ (อ่านอย่างเดียว)"
                             " คัดลอกฐานข้อมูลไปไว้ในโฟลเดอร์ที่เขียนได้ เปิดไฟล์นั้น แล้วนำเข้าไฟล์นี้อีกครั้ง")
KEY_FAILED = ("{error} จึงตรวจว่าฐานข้อมูลนี้เป็นของเครื่องนี้ไม่ได้ และยังไม่ได้บันทึกสิ่งใดลงในไฟล์"
              " แก้สิทธิ์ของไฟล์กุญแจหรือนำไฟล์กุญแจเดิมกลับมา แล้วเปิดโปรแกรมอีกครั้ง")


def style_sheet() -> str:
    try:
        return paths.resource_path("styles", "app.qss").read_text(encoding="utf-8")
    except OSError:
        return ""  # unstyled is still usable; never refuse to start over a cosmetic file


def make_application(*, frame_first: bool = False) -> QApplication:
    """The QApplication (reusing one that exists, as under pytest-qt), in Thai, in Sarabun.

    ``frame_first`` (the window's start): what only matters once the window's pages and dialogs
    exist (:func:`finish_application`) waits until the caller calls it after the first paint."""
    app = QApplication.instance()
    # Fusion draws the same on Windows and Linux, and honours the palette below. Named when the
    # application is made rather than by ``setStyle``, whose answer (the style object) would have
    # shiboken build QStyle's Python enums before the first paint (~10 ms CPU).
    made_here = app is None
    if app is None:
        app = QApplication([*sys.argv[:1], "-style", FUSION])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)  # what the user reads: Thai, as the Start menu says
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "app.png"))))
    QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    qt_thai.install(app)  # Qt's own buttons and menus in Thai: before any widget is made
    if not made_here:
        app.setStyle(FUSION)
    app.setPalette(_palette(app.palette()))
    app.setStyleSheet(style_sheet())
    # Last: every style change (the style sheet installs one) refills Qt's per-class fonts from
    # the platform theme, which on Windows gives tables, menus and message boxes MS Shell Dlg.
    fonts.install(app)
    if not frame_first:
        finish_application(app)
    return app


def finish_application(app: QApplication) -> None:
    """What the application needs before its first dialog or box, not before its first paint
    (issue 16: the frame paints first): Qt's own dialogs under Wine (:func:`before_dialogs`) and
    the wheel guard (:func:`before_boxes`)."""
    before_dialogs()
    before_boxes(app)


def before_dialogs() -> None:
    """Under Wine, Qt's own file dialogs: its module touches Qt classes whose Python enums shiboken
    builds on first use (~30 ms CPU), so the window's start calls this after the first paint."""
    from ui.common.file_dialogs import use_qt_dialogs_under_wine

    use_qt_dialogs_under_wine()  # Wine's own save dialog crashed the app (try12c finding 2)


def before_boxes(app: QApplication) -> None:
    """The wheel guard: an application-wide event filter in Python, which every event of every
    object goes through (~1,700 while the window's start builds its frame, commands and first page),
    so the start installs it once the first page has painted; that page has no box to guard."""
    from ui.common import wheel_guard

    wheel_guard.install(app)  # the wheel scrolls pages; it never edits an unfocused box (try11b F18)


def _palette(palette: QPalette) -> QPalette:
    """Light and calm, with the accent blue of the style sheet for selection and focus."""
    roles = {
        QPalette.ColorRole.Window: "#f5f7fa",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f7f9fc",
        QPalette.ColorRole.Text: "#1f2933",
        QPalette.ColorRole.WindowText: "#1f2933",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1f2933",
        QPalette.ColorRole.Highlight: "#1565c0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1565c0",
        QPalette.ColorRole.PlaceholderText: "#8a96a3",
        QPalette.ColorRole.ToolTipBase: "#ffffe6",
        QPalette.ColorRole.ToolTipText: "#1f2933",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


class _PaintWatcher(QObject):
    """Calls ``then`` once, right after the watched window's next paint has been processed."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            # Done watching: every event of the window would still pass through Python (issue 16:
            # "ready" comes after two of these). Qt allows it from within the filter.
            watched.removeEventFilter(self)
            # A zero timer fires after this paint event (and the rest of the paint pass) is done.
            QTimer.singleShot(0, self._then)
        return False


class _FirstInput(QObject):
    """Until ``then`` has run: a key, a shortcut or a click in ``watched`` runs it first, so that
    what the user typed or clicked meets the window whole (the features' commands, installed once
    the first page has painted, would otherwise come after a shortcut typed at once: an input
    event queued before that zero timer is delivered before it).

    Watched are the window, which sees every key and shortcut its widgets do not take (Qt hands
    them on to the parent), and its menu bar, which takes its own clicks. Not the application: a
    Python filter there made shiboken convert every object an event reaches, and one of Qt's
    private classes among them made it build every lazy class of QtCore, QtGui and QtWidgets
    (fp28, the wheel guard's filter)."""

    def __init__(self, watched: Sequence[QObject], then: Callable[[], None]) -> None:
        super().__init__(watched[0])
        self._watched = list(watched)
        self._then = then
        self._types = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress)
        for each in self._watched:
            each.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in self._types:
            self.done()
        return False

    def done(self) -> None:
        """Run ``then`` (once) and stop watching."""
        for each in self._watched:
            each.removeEventFilter(self)
        self._watched.clear()
        then, self._then = self._then, lambda: None
        then()


class _ClickGlass(QWidget):
    """A pane that draws nothing, over a part of the window while its database opens, that takes
    every click (TEST29 B1). The database opens on the window's thread, so a click made on the
    blank loading screen waits in the queue and is delivered once the list has appeared: it
    selected, or opened, whatever school came under the pointer. Laid over the pages and over the
    menu bar (not an event filter: every event of the window would pass through Python, issue 16),
    it takes such clicks until :meth:`drain` has delivered them; keys still go to the focused widget
    (the list), as before: it takes no focus. Over the menu bar too (RETEST31 R1): a click on แฟ้ม
    opened the menu once ready, and a second click queued then landed on one of its items."""

    def __init__(self, over: QWidget) -> None:
        super().__init__(over)
        self.setGeometry(over.rect())
        self.raise_()
        self.show()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        event.accept()  # taken: neither the page under it nor the window (the first click's hook) sees it

    mouseReleaseEvent = mouseDoubleClickEvent = mousePressEvent  # noqa: N815 (Qt names)

    @staticmethod
    def drain(glasses: Sequence["_ClickGlass"]) -> None:
        """Deliver what was queued while the window's thread was busy (clicks, to ``glasses``; keys,
        to the focused widget; the list's paint), then the panes go."""
        QApplication.processEvents()
        for glass in glasses:
            glass.hide()
            glass.deleteLater()


def _show_error(parent: QWidget | None, message: str) -> None:
    """Tell the user why the app cannot start: on stderr always (scripts, shortcuts that log),
    and in a message box when there is a screen to show it on. Offscreen nobody can click OK,
    and a modal box would keep the process alive for ever."""
    print(f"ผิดพลาด: {message}", file=sys.stderr, flush=True)
    if QApplication.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, OPEN_FAILED_TITLE, message)


def run_app(path: Path, *, create: bool, demo: bool, import_files: Sequence[Path] = ()) -> int:
    """Open ``path`` in the main window and run until the user quits; return the exit status.

    The window's frame is shown first and the database is opened right after its first paint,
    so the app answers at once even when the database or the core's imports take a moment; this
    file's integrity check and this installation's key wait until the database's first page has
    painted, and every write waits for them (``Workspace.finish_checks``: a damaged file is said and
    the app exits with status 2; a key lost or replaced opens the file again under the new id and
    says why).
    A database that cannot be opened is reported (stderr, and a message box when there is a
    screen) and the app exits with status 2, leaving the file exactly as it was (the core refuses
    before writing anything). A file already open in another window brings that window forward
    and returns 0 at once; should that window not answer, the file opens read-only
    (:mod:`.single_instance`), as does a file that cannot be written or sits in a folder that
    cannot (read-only media). ``import_files`` (``--import``, how Windows opens a double-clicked
    ``.qsx``) are read once the database is open and shown in the import preview, which writes
    nothing until the user confirms.
    """
    app = make_application(frame_first=True)
    from .database_lock import Outcome
    from .single_instance import InstanceGuard

    # One window per database file: a second launch brings the first window forward and ends.
    guard = InstanceGuard()
    if guard.claim(path, files=import_files) is Outcome.FORWARDED:
        return 0
    from .main_window import MainWindow

    window = MainWindow(None, instance=guard, frame_first=True)
    bench = os.environ.get(BENCH_FIRST_PAINT_ENV) == "1"
    started = shown = False

    def load() -> None:
        nonlocal started
        if started:
            return
        started = True
        pages = window.centralWidget()
        assert pages is not None  # MainWindow sets it first thing
        # Clicks made while the database opens land on nothing: on the pages, on the menu bar.
        glasses = (_ClickGlass(pages), _ClickGlass(window.menuBar()))
        try:
            opened()
        finally:
            _ClickGlass.drain(glasses)

    def opened() -> None:
        if bench:
            print("first-paint", flush=True)
        window.complete()  # menus' commands, the list's feature, the navigation: before the database opens
        window.faults.install()  # an error no page caught: said in Thai; a damaged file's, recorded
        building = False
        try:
            if demo and not guard.read_only:
                from qualityschool_desktop.cli import demo_is_built, ensure_demo

                if not demo_is_built(path):  # the first start builds it: say so while it does (try11a #8)
                    from . import strings

                    window.loading_label.setText(strings.DEMO_BUILDING)
                    window.loading_label.repaint()
                building = True
                ensure_demo(path)
                building = False
            # A file on read-only media opens read-only (MainWindow.open_workspace) and says so.
            # The file's integrity check and this installation's key wait until the first page has
            # painted (finish_checks below); the other checks (not SQLite, not ours, too new) are made now.
            workspace = MainWindow.open_workspace(path, create=create, read_only=guard.read_only, checks_later=True)
        except Exception as exc:  # noqa: BLE001 — see _open_failed
            _open_failed(app, window, exc, demo=building)
            return
        try:
            window.attach(workspace)
        except Exception as exc:  # noqa: BLE001 — a damaged file the list read before its check
            workspace.damaged(exc)  # damage quick_check may not see (a broken index): said as a failed check
            try:
                workspace.finish_checks()  # the check's Thai message rather than SQLite's
            except Exception as found:  # noqa: BLE001
                exc = found
            _open_failed(app, window, exc)
            return
        guard.settle(cannot_write=workspace.read_only and not guard.read_only)  # says so when read-only
        checked = passed = False
        waiting: list[Path] = [] if workspace.read_only else [Path(name) for name in import_files]
        not_imported = [Path(name) for name in import_files] if workspace.read_only else []

        def preview(files: Sequence[Path]) -> None:
            """Files to import (``--import``, or a .qsx double-clicked while this window is open,
            through the second launch): previewed once the file passed its checks, never before
            (try27b finding 1: the preview's import wrote into a file then found damaged)."""
            waiting.extend(files)
            if passed and waiting:
                files_now = list(waiting)
                waiting.clear()
                window.features["exchange"].preview(files_now)

        guard.import_requested.connect(lambda files: preview(list(files)))

        def taken_over() -> None:
            """The banner's take-over opened the file for editing (the window's own slot ran first):
            the files given that were not imported are offered now, the preview in place of the
            "not imported" notice the new workspace's pages cleared (test29b B5)."""
            if not_imported and window.workspace is not None and not window.workspace.read_only:
                files = list(not_imported)
                not_imported.clear()
                window.features["exchange"].preview(files)

        guard.taken_over.connect(taken_over)

        def finish_checks() -> None:
            """The file's integrity check, and the id it was opened with checked against this
            installation's key (every write waited for them; issue 16: after the first page, not
            before it). A damaged file is said and the app ends, as when it cannot be opened,
            nothing else having started. Passed, what waited for them starts here: the daily
            backup (``shell.on_checked``) and the import preview of the files given."""
            nonlocal checked, passed
            if checked or window.workspace is not workspace:
                return
            checked = True
            try:
                held = workspace.finish_checks()
                set_aside = workspace.answers_set_aside_now()
                if held:
                    window.shell.workspace_checked(workspace)
                else:  # the key was lost or replaced: a new id, the file opened again (checked: shown so)
                    window.show_again(MainWindow.open_workspace(path, read_only=workspace.read_only))
            except Exception as exc:  # noqa: BLE001 — as when opening
                _open_failed(app, window, exc)
                return
            passed = True
            from qualityschool_desktop.workspace import key_replaced_notice
            from ui.common.notices import Notice

            replaced = key_replaced_notice()  # the key was lost: a new installation the schools must bind
            if replaced:
                window.shell.notify(Notice(replaced, kind="info", sticky=True))
            if set_aside:  # said once, at the opening whose migration set them aside (try27b finding 3)
                from ui.common.digits import number

                window.shell.notify(Notice(SET_ASIDE.format(count=number(set_aside)), folder=path.parent, kind="info",
                                           sticky=True, unasked=True))
            preview([])  # the files given with --import, and any handed over meanwhile
            if not_imported:  # last: the one notice the person who double-clicked a .qsx must read
                words = NOT_IMPORTED_HELD if guard.read_only else NOT_IMPORTED_CANNOT_WRITE
                window.shell.notify(Notice(words.format(files=", ".join(str(file) for file in not_imported),
                                                        name=path.name),
                                           folder=not_imported[0].parent, kind="failed"))

        def after_first_page() -> None:
            """Once (the first paint, or 500 ms without one): what the first page does not need."""
            nonlocal shown
            if shown:
                return
            shown = True
            first_input.done()  # the features past the first page (issue 16: after "ready")
            # From now on a second launch on this file comes to this window (QtNetwork, the local
            # server); one that comes sooner waits until then (database_lock.STARTING_TIMEOUT_MS).
            guard.listen()
            before_boxes(app)  # the first page (the list, or the welcome page) has no box
            finish_checks()

        def painted() -> None:
            if bench:
                print("ready", flush=True)
                # On stderr too: splits a `-X importtime` list at "ready" (benchmarks/bench_startup.py).
                print("ready", file=sys.stderr, flush=True)
            after_first_page()
            if bench:
                app.exit(0)

        def complete() -> None:
            """What no first page needs: the features past the list, Qt's own dialogs under Wine."""
            before_dialogs()
            window.complete_features()

        first_input = _FirstInput([window, window.menuBar()], complete)
        _PaintWatcher(window, painted)
        QTimer.singleShot(500, after_first_page)  # no paint (a minimised start): all the same
        window.update()

    _PaintWatcher(window, load)
    # Should no paint come (a minimised start), open the database anyway.
    QTimer.singleShot(500, load)
    window.show()
    try:
        status = app.exec()
    finally:
        # Cancel and wait for running work, then close the workspace: closing the window already
        # did this; a quit from elsewhere (logout, signal) did not.
        window.shutdown()
        window.close()
        guard.release()
    return int(status)


def _open_failed(app: QApplication, window: QWidget, error: Exception, *, demo: bool = False) -> None:
    """Opening the database (building the demo when ``demo``, or checking this installation's
    key) failed: say why and end. An unreadable key is named with its path (try28b #5: it was
    said as a demo that could not be built)."""
    from ui.common.digits import shown_text

    if isinstance(error, QualitySchoolError):
        _fail(app, window, shown_text(error))
        return
    from qualityschool_desktop.keys import KeyFileUnreadable

    if isinstance(error, KeyFileUnreadable):
        print(error.reason, file=sys.stderr)  # the library's words, for whoever looks into it (retest28 R4)
        _fail(app, window, KEY_FAILED.format(error=error.thai()))
        return
    import traceback

    from ui.common.ops import error_message

    # e.g. the demo generator is missing from a build
    traceback.print_exception(error, file=sys.stderr)  # the detail, for whoever looks into it
    _fail(app, window, (DEMO_FAILED if demo else OPEN_FAILED).format(error=error_message(error)))


def _fail(app: QApplication, window: QWidget, message: str) -> None:
    # The loading line stands in the middle of the page, where the box appears: its lower edge hid
    # the line's upper vowels and tone marks ("กาลงเบดฐานขอมูล…", TEST32b B18), and "opening" is no
    # longer true. The box says why.
    # Once the database was attached the line is gone (its C++ object deleted with the stack's
    # page): touching it raised, and the app never ended (a damaged file found after attaching).
    # Whatever happens while saying so, the app ends with the error status.
    try:
        loading = getattr(window, "loading_label", None)
        if isinstance(loading, QWidget) and shiboken6.isValid(loading):
            loading.hide()
        _show_error(window, message)
        window.hide()
    finally:
        app.exit(EXIT_ERROR)
