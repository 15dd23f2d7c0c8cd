"""First run, no schools yet: two big choices — add my school, or look around the demo data."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

# -- Thai strings ----------------------------------------------------------------------------
TITLE = "ยินดีต้อนรับสู่ Quality School Desktop"
SUBTITLE = (
    "ประเมินตนเองตามเกณฑ์โรงเรียนคุณภาพ ๕ ด้าน ได้ทุกที่โดยไม่ต้องใช้อินเทอร์เน็ต\n"
    "ทุกคำตอบบันทึกทันทีที่เลือกหรือพิมพ์ ปิดเครื่องกลางคันแล้วกลับมาทำต่อได้"
)
ADD_TITLE = "เพิ่มโรงเรียนของฉัน"
ADD_TEXT = "กรอกรหัสและชื่อโรงเรียน แล้วเริ่มประเมินตนเองรอบแรก"
DEMO_TITLE = "เปิดข้อมูลตัวอย่าง"
DEMO_TEXT = "ดูโรงเรียนคุณภาพของจังหวัดตากพร้อมผลการประเมินสมมติ เพื่อทดลองใช้งานก่อน"
FOOTNOTE = "ข้อมูลตัวอย่างเก็บแยกไฟล์ ไม่ปะปนกับข้อมูลโรงเรียนของคุณ"


class ChoiceButton(QPushButton):
    """A large button with a title and a line of explanation (both read by screen readers)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bigChoice")
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(360, 140)  # two side by side in the window at 150 % scaling
        self.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addStretch(1)
        heading = QLabel(title)
        heading.setObjectName("choiceTitle")
        body = QLabel(text)
        body.setObjectName("choiceText")
        body.setWordWrap(True)
        for label in (heading, body):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        self.title = title

    # QPushButton sizes itself from its own text; this one has none, so ask the layout instead.
    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.sizeHint().expandedTo(self.minimumSize()) if layout else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.minimumSize().expandedTo(self.minimumSize()) if layout else super().minimumSizeHint()


class WelcomePage(QWidget):
    add_school = Signal()
    open_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(TITLE)
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(SUBTITLE)
        subtitle.setObjectName("welcomeText")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setWordWrap(True)

        self.add_button = ChoiceButton(ADD_TITLE, ADD_TEXT)
        self.add_button.setObjectName("bigChoicePrimary")
        self.add_button.clicked.connect(self.add_school)
        self.demo_button = ChoiceButton(DEMO_TITLE, DEMO_TEXT)
        self.demo_button.clicked.connect(self.open_demo)
        self.add_button.setDefault(True)

        choices = QHBoxLayout()
        choices.setSpacing(24)
        choices.addStretch(1)
        choices.addWidget(self.add_button)
        choices.addWidget(self.demo_button)
        choices.addStretch(1)

        footnote = QLabel(FOOTNOTE)
        footnote.setObjectName("hint")
        footnote.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(subtitle)
        layout.addSpacing(24)
        layout.addLayout(choices)
        layout.addSpacing(20)
        layout.addWidget(footnote)
        layout.addStretch(3)
        self.setFocusProxy(self.add_button)
