"""Small widgets every feature's views use: the colour chip (a band, a readiness group, a
record's status), the header of a record view, section headings, file sizes, and where the
keyboard goes after stepping to the next item (:func:`focus_levels`).

They know nothing of the database: they are handed plain values (names, colours, numbers) and
paint them. Colours that are presentation only (the readiness groups have none in the framework
file) live here too.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QSizePolicy, QWidget

from qualityschool_desktop.framework import Band

from .digits import shown
from .elided_label import ElidedLabel


# Readiness groups carry no colour in the framework file: green / amber / red read as
# "ready / meets the standard / needs urgent work" to anyone used to traffic lights.
READINESS_COLOURS = {"ready": "#2e7d32", "standard": "#f9a825", "urgent": "#c62828"}
# What "no score yet" looks like everywhere.
NO_SCORE_COLOUR = "#9e9e9e"


def readable_text_colour(background: QColor) -> QColor:
    """Black on light colours (yellow, light blue), white on dark ones (purple, red)."""
    # Relative luminance after WCAG 2: the light colours of the bands need dark text.
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(background.red()) + 0.7152 * channel(background.green()) + 0.0722 * channel(
        background.blue()
    )
    # The threshold where black and white give equal contrast.
    return QColor("#1a1a1a") if luminance > 0.179 else QColor("#ffffff")


def readiness_colour(band: Band | None) -> QColor:
    if band is None:
        return QColor(NO_SCORE_COLOUR)
    return QColor(band.colour or READINESS_COLOURS.get(band.key, NO_SCORE_COLOUR))


class ColourChip(QWidget):
    """A rounded rectangle filled with a colour, with its name written on it in a readable colour.

    Used for the colour band ("กลุ่มสีเขียว") and the readiness groups. A provisional chip (the
    round is not complete) is drawn with a dashed outline and a paler fill.
    """

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self._label = ""
        self._colour = QColor(NO_SCORE_COLOUR)
        self._provisional = False
        self._large = large
        if large:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.35)
            font.setBold(True)
            self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_chip(self, label: str, colour: str | QColor, *, provisional: bool = False) -> None:
        self._label = label
        self._colour = QColor(colour)
        self._provisional = provisional
        self.setAccessibleName(label)
        self.updateGeometry()
        self.update()

    @property
    def label(self) -> str:
        return self._label

    @property
    def colour(self) -> QColor:
        return self._colour

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        pad_x, pad_y = (18, 8) if self._large else (10, 3)
        # Thai needs room above and below the line for its marks: use the full line height.
        return QSize(metrics.horizontalAdvance(self._label) + 2 * pad_x, metrics.height() + 2 * pad_y)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = rect.height() / 3
        fill = QColor(self._colour)
        if self._provisional:
            fill = fill.lighter(115)
        painter.setBrush(fill)
        pen = QPen(self._colour.darker(140), 1.5)
        if self._provisional:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(readable_text_colour(fill))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._label)


def title_row_widgets(parent: QWidget, back_text: str, back_tip: str, school_name: str,
                      label_name: str) -> tuple[QPushButton, QLabel]:
    """The back button and the large school name that open a record view's header
    (assessment, visit), styled alike. The name ends in "…" where the window is narrow (the
    whole of it in its tooltip and in the breadcrumb above)."""
    back = QPushButton(back_text, parent)
    back.setObjectName("viewBackButton")
    back.setToolTip(back_tip)
    label = ElidedLabel(school_name, parent)
    label.setObjectName(label_name)
    bold = QFont(label.font())
    bold.setBold(True)
    bold.setPointSizeF(bold.pointSizeF() * 1.3)
    label.setFont(bold)
    return back, label


def focus_levels(radios: Iterable[QAbstractButton], fallback: QWidget | None = None) -> None:
    """Put the keyboard on a set of level buttons: the chosen one, else the first that can be
    chosen, else ``fallback``. A view calls this after stepping to the next item or section, so
    the digit keys choose a level there instead of being typed into a text box that kept the focus
    (a digit in a text box is the box's, by Qt's shortcut override)."""
    buttons = [radio for radio in radios if radio.isEnabled()]
    target = next((radio for radio in buttons if radio.isChecked()), buttons[0] if buttons else fallback)
    if target is not None:
        target.setFocus(Qt.FocusReason.OtherFocusReason)


def page_title(caption: str) -> QLabel:
    """A page's title over its contents: the window's font, 1.4 times as large, bold."""
    title = QLabel(caption)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    title.setFont(font)
    return title


def section_label(caption: str, parent: QWidget) -> QLabel:
    """A bold heading over a part of a form."""
    label = QLabel(caption, parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def size_text(size: int) -> str:
    """An attachment's size as people read it: "12 KB", "1.4 MB"."""
    if size >= 1024 * 1024:
        return shown(f"{size / (1024 * 1024):.1f} MB")
    return shown(f"{max(1, round(size / 1024))} KB")
