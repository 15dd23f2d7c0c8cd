"""Two ways a control takes no input, drawn differently (VERIFY32b V2):

- *waiting*: plain ``setEnabled(False)``: the field waits for an action first (the follow-up
  form before "เพิ่มข้อตกลง"); the style sheet greys it, box and text, as a disabled button.
- *locked*: :func:`show_locked`: the value belongs to a record that is closed (a confirmed visit,
  a submitted round). It is off all the same, but the property ``locked`` makes the style sheet
  draw it as a value, dark ink with no field frame: greyed, the record looked empty, not locked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

LOCKED = "locked"


def show_locked(locked: bool, *widgets: QWidget) -> None:
    """Turn ``widgets`` off as a locked record's values (``locked``), or on again as fields."""
    for widget in widgets:
        widget.setEnabled(not locked)
        if bool(widget.property(LOCKED)) != locked:
            widget.setProperty(LOCKED, locked)
            _repolish(widget)


def _repolish(widget: QWidget) -> None:
    """A dynamic property is read by the style sheet at polish time only: polish the widget and
    what it holds again (a date field's line edit is styled as ``[locked="true"] QLineEdit``)."""
    for each in (widget, *widget.findChildren(QWidget)):
        style = each.style()
        style.unpolish(each)
        style.polish(each)
        each.update()
