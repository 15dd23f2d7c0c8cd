"""Thai strings of the window's frame: its title, its own commands, the menus and the breadcrumb."""

# The program's name in its title bar, message boxes and the taskbar: Thai, as the installer's Start-menu
# entry "โรงเรียนคุณภาพ (Quality School Desktop)" begins (try12c: the title was English only).
APP_TITLE = "โรงเรียนคุณภาพ"
# The window's title: the file, then the app's name last and once. Qt's xcb and Windows plugins add
# " — <applicationDisplayName>" to a title that does not already end with it; macOS adds nothing.
WINDOW_TITLE = "{name}{read_only} — {app}"
TITLE_READ_ONLY = " (อ่านอย่างเดียว)"
IN_MEMORY = "ฐานข้อมูลชั่วคราว"
LOADING = "กำลังเปิดฐานข้อมูล…"
# The first --demo start builds the demo (seconds; a minute on a slow laptop): say so, not just "opening".
DEMO_BUILDING = "กำลังสร้างข้อมูลตัวอย่าง (ครั้งแรกเท่านั้น อาจใช้เวลาประมาณหนึ่งนาที)…"
STATUS_DB = "ฐานข้อมูล: {path}"
STATUS_DB_TIP = "ฐานข้อมูลที่เปิดอยู่: {path}"
OPEN_FAILED = "เปิดฐานข้อมูลไม่ได้"
VIEW_FAILED = "เปิดหน้านี้ไม่ได้"

# -- the window's own commands ---------------------------------------------------------------
ACTION_OPEN_DB = "เปิดฐานข้อมูล…"
ACTION_OWN_DATA = "เปิดข้อมูลของฉัน"
ACTION_DEMO = "เปิดข้อมูลตัวอย่าง"
ACTION_PRINT = "พิมพ์รายงาน (PDF)…"
ACTION_QUIT = "ออก"
ACTION_BACK = "ย้อนกลับ"
ACTION_ABOUT = "เกี่ยวกับโปรแกรม"
BACK_BUTTON = "‹ ย้อนกลับ"
BACK_TIP = "ย้อนกลับ (Alt+←)"

# -- menus -----------------------------------------------------------------------------------
MENU_FILE = "แฟ้ม"
MENU_SCHOOLS = "โรงเรียน"
MENU_VIEW = "มุมมอง"
MENU_HELP = "ช่วยเหลือ"
# มุมมอง › ตัวเลข: the window's one digit style (ui/common/digits.py), the printouts' default too.
MENU_DIGITS = "ตัวเลข"
ACTION_DIGITS_THAI = "เลขไทย (๑ ๒ ๓)"
ACTION_DIGITS_ARABIC = "เลขอารบิก (1 2 3)"
DIGITS_TIP = "ตัวเลขในทุกหน้าจอและค่าเริ่มต้นของรายงานที่พิมพ์"

# -- breadcrumb ------------------------------------------------------------------------------
CRUMB_SCHOOLS = "โรงเรียน"
CRUMB_SEPARATOR = "  ›  "

# Closing a database whose last typing's history could not be written (the texts themselves are saved).
CLOSE_FAILED = "ปิดฐานข้อมูลไม่เรียบร้อย"
# An old file (it must be upgraded first) where it cannot be written: opening it again would not help.
OUTDATED_CANNOT_WRITE = ("ไฟล์ {name} สร้างด้วยโปรแกรมรุ่นเก่า ต้องปรับรุ่นฐานข้อมูลก่อนเปิด แต่{where}เขียนไม่ได้"
                         " จึงปรับรุ่นที่นี่ไม่ได้: โปรดคัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้ แล้วเปิดไฟล์ที่คัดลอกนั้น"
                         " โปรแกรมจะปรับรุ่นให้เอง")
OUTDATED_FOLDER = "โฟลเดอร์ {folder} "
OUTDATED_FILE = "ไฟล์นี้"

# TEST31 T13: why แฟ้ม's import and review commands are greyed while an assessment or a visit is open.
OFF_IN_RECORD_VIEWS = ("ใช้ไม่ได้ขณะเปิดแบบประเมินหรือบันทึกการนิเทศอยู่ เพราะข้อมูลที่นำเข้าอาจเปลี่ยนสิ่งที่กำลังแก้ไข:"
                       " กด “ย้อนกลับ” ไปที่หน้ารายชื่อหรือหน้าโรงเรียนก่อน แล้วเลือกคำสั่งนี้อีกครั้ง")
