"""First run, no schools yet: three big choices, each saying whose first step it is — add my school
(a school), import the files sent in (an office, a supervisor: TEST32b B9), or look around the demo data."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.common.digits import shown_text

# -- Thai strings ----------------------------------------------------------------------------
TITLE = "ยินดีต้อนรับสู่ Quality School Desktop"
SUBTITLE = (
    "ประเมินตนเองตามเกณฑ์โรงเรียนคุณภาพ ๕ ด้าน ได้ทุกที่โดยไม่ต้องใช้อินเทอร์เน็ต\n"
    "ทุกคำตอบบันทึกทันทีที่เลือกหรือพิมพ์ ปิดเครื่องกลางคันแล้วกลับมาทำต่อได้"
)
ADD_ROLE = "โรงเรียน"
ADD_TITLE = "เพิ่มโรงเรียนของฉัน"
ADD_TEXT = "กรอกรหัสและชื่อโรงเรียน แล้วเริ่มประเมินตนเองรอบแรก"
IMPORT_ROLE = "สำนักงานเขต จังหวัด และศึกษานิเทศก์"
IMPORT_TITLE = "นำเข้าไฟล์ข้อมูล"
IMPORT_TEXT = "รับไฟล์ .qsx ที่โรงเรียนส่งมา แล้วดูผล ตรวจ และนิเทศ (แฟ้ม › นำเข้าข้อมูล…)"
DEMO_ROLE = "ผู้ที่อยากลองก่อน"
DEMO_TITLE = "เปิดข้อมูลตัวอย่าง"
DEMO_TEXT = "ดูโรงเรียนคุณภาพของจังหวัดตากพร้อมผลการประเมินสมมติ เพื่อทดลองใช้งานก่อน"
FOOTNOTE = ("ข้อมูลตัวอย่างเก็บแยกไฟล์ ไม่ปะปนกับข้อมูลโรงเรียนของคุณ"
            " ไฟล์ที่ส่งออกจากข้อมูลตัวอย่างนำเข้าฐานข้อมูลจริงไม่ได้")


class ChoiceButton(QPushButton):
    """A large button with a title and a line of explanation (both read by screen readers)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("bigChoice")
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{role}: {text}" if role else text)
        # Minimum: the three in a row take the tallest one's height, so all end level.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumSize(250, 150)  # three side by side in the window at 150 % scaling
        self.setMaximumWidth(400)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(8)
        layout.addStretch(1)
        labels = []
        if role:  # whose first step this is (TEST32b B9)
            caption = QLabel(f"สำหรับ{role}")
            caption.setObjectName("hint")
            caption.setWordWrap(True)
            labels.append(caption)
        heading = QLabel(title)
        heading.setObjectName("choiceTitle")
        body = QLabel(text)
        body.setObjectName("choiceText")
        body.setWordWrap(True)
        for label in (*labels, heading, body):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        self.title = title
        self.role = role

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Tall enough for its wrapped lines at the width it got (three in a row at 150 %: four lines)."""
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            need = max(150, layout.totalHeightForWidth(self.width()))
            if need != self.minimumHeight():
                self.setMinimumHeight(need)

    # QPushButton sizes itself from its own text; this one has none, so ask the layout instead.
    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.sizeHint().expandedTo(self.minimumSize()) if layout else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.minimumSize().expandedTo(self.minimumSize()) if layout else super().minimumSizeHint()


class WelcomePage(QWidget):
    add_school = Signal()
    import_files = Signal()
    open_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(TITLE)
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(shown_text(SUBTITLE))
        subtitle.setObjectName("welcomeText")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setWordWrap(True)

        self.add_button = ChoiceButton(ADD_TITLE, ADD_TEXT, role=ADD_ROLE)
        self.add_button.setObjectName("bigChoicePrimary")
        self.add_button.clicked.connect(self.add_school)
        self.import_button = ChoiceButton(IMPORT_TITLE, shown_text(IMPORT_TEXT), role=IMPORT_ROLE)
        self.import_button.clicked.connect(self.import_files)
        self.demo_button = ChoiceButton(DEMO_TITLE, DEMO_TEXT, role=DEMO_ROLE)
        self.demo_button.clicked.connect(self.open_demo)
        self.add_button.setDefault(True)

        choices = QHBoxLayout()
        choices.setSpacing(16)
        choices.addStretch(1)
        choices.addWidget(self.add_button)
        choices.addWidget(self.import_button)
        choices.addWidget(self.demo_button)
        choices.addStretch(1)

        footnote = self.footnote = QLabel(FOOTNOTE)
        footnote.setObjectName("hint")
        footnote.setAlignment(Qt.AlignmentFlag.AlignCenter)
        footnote.setWordWrap(True)

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
