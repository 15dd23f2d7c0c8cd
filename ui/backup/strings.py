"""Thai strings of the backups: the แฟ้ม menu's command, its dialogs and the daily copy's messages."""

ACTION_BACKUP = "สำรองข้อมูล…"
SAVE_TITLE = "สำรองข้อมูลไปที่"
FILE_FILTER = "สำเนาฐานข้อมูล (*.sqlite3);;ทุกไฟล์ (*)"
SUGGESTED_NAME = "{stem}-สำรอง-{date}.sqlite3"
BACKING_UP = "กำลังสำรองข้อมูล…"
COPYING_FILES = "กำลังคัดลอกไฟล์แนบ {done:,} จาก {total:,} ไฟล์…"
BACKUP_TITLE = "สำรองข้อมูล"
DONE_NOTICE = "สำรองข้อมูลเรียบร้อยแล้ว ที่ {path} พร้อมไฟล์แนบ {count} ไฟล์ในโฟลเดอร์ {attachments} ข้างกัน"
DONE_NOTICE_NO_FILES = "สำรองข้อมูลเรียบร้อยแล้ว ที่ {path} (ฐานข้อมูลนี้ไม่มีไฟล์แนบ)"
FAILED_TITLE = "สำรองข้อมูลไม่ได้"
NEEDS_FILE = "ฐานข้อมูลชั่วคราวในหน่วยความจำสำรองไม่ได้ กรุณาเปิดฐานข้อมูลที่เป็นไฟล์ก่อน"
AUTO_DONE = "สำรองข้อมูลอัตโนมัติประจำวันแล้ว ในโฟลเดอร์ {path}"
AUTO_FAILED_TITLE = "สำรองข้อมูลอัตโนมัติไม่สำเร็จ"
AUTO_FAILED = ("สำรองข้อมูลอัตโนมัติประจำวันไม่สำเร็จ: {error}\n\nข้อมูลที่บันทึกไว้ยังอยู่ครบ"
               " โปรแกรมจะลองอีกครั้งในวันถัดไป หรือสำรองเองได้ทันทีจากเมนู แฟ้ม › สำรองข้อมูล…")
DAMAGED_TITLE = "ไฟล์ฐานข้อมูลเสียหาย"  # the daily copy failed its integrity check: the file is damaged
