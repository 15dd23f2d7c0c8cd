"""The office's two decisions on a round and their Thai labels, shared by the review
(:mod:`qualityschool_desktop.review`) and a round's history (:mod:`.history`)."""

from __future__ import annotations

DECISIONS = {"accepted": "ผ่าน", "returned": "ส่งกลับแก้ไข"}

__all__ = ["DECISIONS"]
