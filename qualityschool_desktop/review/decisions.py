"""The office's two decisions on a round and their Thai labels, shared by the review
(:mod:`qualityschool_desktop.review`) and a round's history (:mod:`.history`)."""

from __future__ import annotations

DECISIONS = {"accepted": "ผ่าน", "returned": "ส่งกลับแก้ไข"}


def verdict_words(decision: str, comment: str = "") -> str:
    """What the office said, as a school's director reads it (s33 T1): "สำนักงานส่งกลับแก้ไข:
    <comment>" or "สำนักงานตรวจแล้ว: ผ่าน" (with its comment, if any); the comment as the office
    typed it. Another ``decision`` is named as given. Raises nothing."""
    comment = " ".join(str(comment or "").split())
    if decision == "returned":
        return f"สำนักงานส่งกลับแก้ไข: {comment}" if comment else "สำนักงานส่งกลับแก้ไข"
    said = "สำนักงานตรวจแล้ว: " + DECISIONS.get(decision, decision)
    return f"{said} ({comment})" if comment else said


__all__ = ["DECISIONS", "verdict_words"]
