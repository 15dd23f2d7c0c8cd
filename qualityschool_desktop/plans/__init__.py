"""The school's development plan (issue 14): stored plans (:mod:`.store`), their rules
(:mod:`.rules`), the suggestions a school picks from and the progress against the plan
(:mod:`.progress`)."""

from __future__ import annotations
