"""The one "save as" dialog every export uses (PDF, XLSX, CSV, .qsx, backup).

Qt's dialog checks for an existing file under the name as typed, before we add the file type's
suffix: ``rep`` was asked about nothing and ``rep.pdf`` replaced silently; ``/dev/full`` was asked
about and ``/dev/full.pdf`` written. So Qt's own check is switched off and this helper adds the
suffix first, then asks in Thai about the files that will really be written ("มีไฟล์ชื่อนี้อยู่แล้ว
แทนที่หรือไม่"); "no" goes back to the dialog, as Qt's own question does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.overwrite import kind_of_suffix, refuse_replacing


REPLACE_TITLE = "มีไฟล์นี้อยู่แล้ว"
REPLACE_QUESTION = "มีไฟล์ชื่อนี้อยู่แล้ว แทนที่หรือไม่\n\n{names}"
REPLACE = "แทนที่"
KEEP = "ไม่แทนที่"
REFUSED_TITLE = "เขียนทับไฟล์นี้ไม่ได้"

# What a save writes, given the name with its suffix and the file type chosen (a CSV export writes
# several files beside the name, for example).
Written = Callable[[Path, str], Sequence[Path]]


def with_suffix(name: str, chosen: str, suffixes: dict[str, tuple[str, ...]]) -> tuple[Path, str]:
    """The path a typed ``name`` means and the file type it is saved as: a suffix the chosen type
    accepts is kept; one another type accepts picks that type (``x.csv`` under the Excel filter is
    CSV); otherwise the chosen type's first suffix is added (``rep`` → ``rep.pdf``)."""
    target = Path(name)
    typed = target.suffix.lower()
    if typed in suffixes.get(chosen, ()):
        return target, chosen
    for label, accepted in suffixes.items():
        if typed in accepted:
            return target, label
    return target.with_name(target.name + suffixes[chosen][0]), chosen


def confirm_replace(parent: QWidget | None, existing: Sequence[Path]) -> bool:
    """Ask whether to replace ``existing`` files; "no" is the default (Enter replaces nothing)."""
    names = "\n".join(str(path) for path in existing[:5]) + ("\n…" if len(existing) > 5 else "")
    box = QMessageBox(QMessageBox.Icon.Question, REPLACE_TITLE, REPLACE_QUESTION.format(names=names), parent=parent)
    box.setObjectName("replaceQuestion")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(REPLACE)
    box.button(QMessageBox.StandardButton.No).setText(KEEP)
    return box.exec() == QMessageBox.StandardButton.Yes


def refusal(existing: Sequence[Path]) -> str | None:
    """The core's Thai refusal for the first existing file that must not be replaced (a database,
    or a file not of the kind its suffix names: issue 12), or None. Suffixes the core does not know
    (a backup's ``.sqlite3``) are left to the writer's own rules."""
    for path in existing:
        kind = kind_of_suffix(path)
        if kind is None:
            continue
        try:
            refuse_replacing(path, kind)
        except ValidationError as exc:
            return str(exc)
    return None


def ask_save_path(parent: QWidget | None, title: str, start: Path, suffixes: dict[str, tuple[str, ...]],
                  selected: str = "", written: Written | None = None) -> tuple[Path, str] | None:
    """Ask where to save. ``suffixes`` maps each file-type filter shown (in order) to the suffixes it
    accepts, the first added when none is typed. Returns the path (suffix added) and the filter it is
    saved as, or None when cancelled. When a file it would write exists (``written`` lists them; by
    default the path itself) the user is asked whether to replace it; "no" reopens the dialog. A file
that must not be replaced (a database, a file of another kind) is refused in Thai and the dialog
reopens."""
    filters = list(suffixes)
    chosen_filter = selected or filters[0]
    offered = start
    while True:
        from .file_dialogs import thai_file_dialogs  # with the dialog: ~55 ms CPU of imports (issue 16)
        with thai_file_dialogs():  # Qt's own dialog, where it draws one, in Thai terms
            name, chosen = QFileDialog.getSaveFileName(
                parent, title, str(offered), ";;".join(filters), chosen_filter,
                QFileDialog.Option.DontConfirmOverwrite,  # asked below, about the name with its suffix
            )
        if not name:
            return None
        target, kind = with_suffix(name, chosen if chosen in suffixes else chosen_filter, suffixes)
        files = list(written(target, kind)) if written is not None else [target]
        existing = [path for path in files if path.exists()]
        refused = refusal(existing)
        if refused is not None:
            box = QMessageBox(QMessageBox.Icon.Warning, REFUSED_TITLE, refused, parent=parent)
            box.setObjectName("replaceRefused")
            box.exec()
        elif not existing or confirm_replace(parent, existing):
            return target, kind
        offered, chosen_filter = target, kind
