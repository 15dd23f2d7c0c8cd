"""Thai strings of the date and time fields and their calendar (``ui/common/date_fields.py``)."""

DATE_PLACEHOLDER = "วว/ดด/ปปปป (พ.ศ.)"
DATE_TIP = (
    "พิมพ์วันที่ด้วยปี พ.ศ. เช่น 10/10/2561, 10 ต.ค. 2561 หรือ 10 ตุลาคม 2561 แล้วกด Enter\n"
    "Alt+↓ หรือ F4: เปิดปฏิทิน · Esc: กลับไปใช้ค่าเดิม"
)
DATE_UNSET = "ยังไม่ระบุ"
DATE_REQUIRED = "ต้องระบุวันที่: " + "พิมพ์ วัน/เดือน/ปี พ.ศ. เช่น 10/10/2561"
CALENDAR_BUTTON_TIP = "เลือกวันที่จากปฏิทิน (Alt+↓ หรือ F4)"
CALENDAR_PREVIOUS = "เดือนก่อน"
CALENDAR_NEXT = "เดือนถัดไป"
CALENDAR_TODAY = "วันนี้"
CALENDAR_YEAR_PREFIX = "พ.ศ. "
TIME_PLACEHOLDER = "09:30"
TIME_TIP = "พิมพ์เวลา เช่น 9.00, 0900 หรือ 13:30 แล้วกด Enter (เว้นว่างได้)\nEsc: กลับไปใช้ค่าเดิม"
TIME_REQUIRED = "ต้องระบุเวลา: พิมพ์ ชั่วโมง.นาที เช่น 9.00 หรือ 13:30"
