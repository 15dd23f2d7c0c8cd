"""The Thai names of the travelling columns, as a message about a value names them
(:func:`field_label`; :data:`FIELD_LABELS` per table, which feature packages extend, and the
columns most tables share). Kept apart from the rules (``validation.py``) only for size."""

from __future__ import annotations

# What an answer's history (``answer_history.field``) says was changed: the assessment's history
# window and the exchange's pending window say it alike.
ANSWER_HISTORY_FIELDS = {
    "level": "ระดับคุณภาพ",
    "not_applicable": "ไม่เกี่ยวข้อง",
    "na_reason": "เหตุผลที่ไม่เกี่ยวข้อง",
    "evidence": "หลักฐาน/ร่องรอย",
    "note": "บันทึกเพิ่มเติม",
    "attachment": "ไฟล์หลักฐาน",
}

_COMMON_LABELS = {
    "id": "รหัสรายการ", "created_at": "เวลาสร้าง", "modified_at": "เวลาแก้ไข", "modified_by": "เครื่องที่แก้ไข",
    "version": "รุ่นของข้อมูล", "deleted": "สถานะการลบ", "school_id": "โรงเรียน", "assessment_id": "การประเมิน",
    "visit_id": "การนิเทศ", "framework_id": "เกณฑ์", "framework_version": "รุ่นของเกณฑ์", "item_code": "รหัสประเด็น",
    "sha256": "รหัสตรวจสอบไฟล์", "file_name": "ชื่อไฟล์แนบ", "size": "ขนาดไฟล์แนบ", "media_type": "ชนิดไฟล์แนบ",
    "scope_code": "องค์ประกอบหรือประเด็น", "level": "ระดับ", "evidence": "หลักฐาน", "note": "บันทึกเพิ่มเติม",
    "pupils": "จำนวนนักเรียน", "teachers": "จำนวนครู", "status": "สถานะ",
}
FIELD_LABELS: dict[str, dict[str, str]] = {
    "schools": {"code": "รหัสโรงเรียน", "name": "ชื่อโรงเรียน", "district": "อำเภอ", "province": "จังหวัด",
                "area_office": "สำนักงานเขตพื้นที่การศึกษา", "level": "ระดับการศึกษา", "is_demo": "เครื่องหมายข้อมูลตัวอย่าง"},
    "assessments": {"fiscal_year": "ปีงบประมาณ", "round": "รอบการประเมิน", "assessed_on": "วันที่ประเมิน",
                    "assessor_name": "ชื่อผู้ประเมิน", "assessor_role": "ตำแหน่งผู้ประเมิน"},
    "answers": {"not_applicable": "เครื่องหมายไม่เกี่ยวข้อง", "na_reason": "เหตุผลที่ไม่เกี่ยวข้อง"},
    "attachments": {},
    "answer_history": {"answer_id": "คำตอบ", "field": "ช่องที่แก้ไข", "old_value": "ค่าเดิม", "new_value": "ค่าใหม่",
                       "typed": "ข้อความที่พิมพ์", "changed_at": "เวลาแก้ไข", "changed_by": "เครื่องที่แก้ไข"},
    "visits": {"visited_on": "วันที่นิเทศ", "start_time": "เวลาเริ่ม", "end_time": "เวลาสิ้นสุด",
               "visit_type": "รูปแบบการนิเทศ", "purpose": "วัตถุประสงค์", "notes": "บันทึกอื่น ๆ",
               "made_by": "เครื่องที่บันทึกการนิเทศ", "deleted_at": "เวลาที่ลบบันทึกการนิเทศ"},
    "visit_people": {"side": "ฝ่าย", "position_order": "ลำดับ", "name": "ชื่อ", "position": "ตำแหน่ง"},
    "visit_findings": {"observed": "สิ่งที่พบ", "strengths": "จุดเด่น", "to_develop": "ประเด็นที่ควรพัฒนา",
                       "recommendations": "ข้อเสนอแนะ"},
    "visit_attachments": {},
    "follow_ups": {"action": "ข้อตกลง", "owner": "ผู้รับผิดชอบ", "due_on": "วันที่ครบกำหนด", "closed_on": "วันที่ปิด",
                   "closed_in_visit_id": "การนิเทศที่ปิดข้อตกลง"},
    "visit_events": {"event": "เหตุการณ์", "reason": "เหตุผล", "happened_at": "เวลาที่บันทึก",
                     "happened_by": "เครื่องที่บันทึก", "person_name": "ผู้ดำเนินการ",
                     "signed_findings": "ผลการนิเทศที่ยืนยันไว้"},
    "network_schools": {"code": "รหัสโรงเรียน", "name": "ชื่อโรงเรียนเครือข่าย", "distance_km": "ระยะทาง"},
    "budget_requests": {"fiscal_year": "ปีงบประมาณ", "kind": "ประเภทรายการ", "description": "รายการ",
                        "quantity": "จำนวน", "unit": "หน่วยนับ", "unit_price_satang": "ราคาต่อหน่วย",
                        "span_years": "จำนวนปีงบผูกพัน", "scope_codes": "องค์ประกอบและประเด็นที่สนับสนุน",
                        "priority": "ลำดับความสำคัญ", "justification": "เหตุผลความจำเป็น"},
    "budget_decisions": {"request_id": "รายการคำของบประมาณ", "approved_satang": "งบประมาณที่อนุมัติ",
                         "note": "หมายเหตุของสำนักงาน", "decided_at": "เวลาที่อนุมัติ",
                         "decided_by": "เครื่องของสำนักงานที่อนุมัติ",
                         "decided_state": "รายการตามที่สำนักงานพิจารณา"},
    "assessment_events": {"event": "เหตุการณ์", "happened_at": "เวลาที่บันทึก", "happened_by": "เครื่องที่บันทึก"},
    "comments": {"follow_up_id": "ข้อตกลง", "body": "ความคิดเห็น", "author_name": "ชื่อผู้เขียน",
                 "author_role": "ตำแหน่งผู้เขียน", "written_at": "เวลาที่เขียน", "written_by": "เครื่องที่เขียน"},
    "review_decisions": {"reviewed_version": "รุ่นของแบบประเมินที่ตรวจ", "decision": "ผลการตรวจ", "comment": "ความเห็นของสำนักงาน", "office_name": "ชื่อสำนักงาน",
                         "decided_at": "เวลาที่ตรวจ", "decided_by": "เครื่องของสำนักงานที่ตรวจ"},
}


def field_label(table: str, field: str) -> str:
    """The Thai name of ``table``'s column ``field``, as a message names it."""
    return FIELD_LABELS[table].get(field) or _COMMON_LABELS.get(field, field)
