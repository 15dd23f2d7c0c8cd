"""Killing the app while it writes loses nothing that was saved, and the file still opens."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from qualityschool_desktop import answers as answers_module
from qualityschool_desktop.answers import BURST_GAP
from qualityschool_desktop.workspace import Workspace

WRITER = Path(__file__).with_name("crash_writer.py")
# Popen.kill() is SIGKILL on POSIX and TerminateProcess(handle, 1) on Windows.
KILLED = 1 if sys.platform == "win32" else -signal.SIGKILL


def _saves(text: str) -> list[int]:
    """The save numbers in complete "saved k" lines (a line without its newline was not a report)."""
    return [int(line.split()[1]) for line in text.splitlines(keepends=True) if line.endswith("\n")]


@pytest.mark.parametrize("kill_after", [40, 233])
def test_kill_while_writing_keeps_every_completed_save(db_path, data_dir, kill_after, monkeypatch) -> None:
    with Workspace.open(db_path, create=True) as ws:
        school = ws.schools.add(code="6301000001", name="โรงเรียนทดสอบไฟดับ")
        assessment_id = ws.assessments.start(school.id, 2569).id
        codes = [item.code for item in ws.frameworks.latest().items]

    env = {**os.environ, "QUALITYSCHOOL_DATA_DIR": str(data_dir)}
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), assessment_id], stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env
    )
    assert writer.stdout is not None
    reported: list[int] = []
    try:
        for line in writer.stdout:
            reported += _saves(line)
            if reported and reported[-1] >= kill_after:
                # No pause: the writer is in the middle of its next save when the kill lands.
                writer.kill()
                break
        writer.wait(timeout=30)
        # The writer keeps going until the kill lands, and the parent may have been descheduled
        # while it did: saves it reported after the line that triggered the kill are in the pipe
        # (or already in this reader's buffer). They are confirmed saves too, so read them all.
        # (Not communicate(): with a timeout it reads the raw pipe and skips the buffered lines.)
        reported += _saves(writer.stdout.read())
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        writer.stdout.close()
    assert reported and reported[-1] >= kill_after, "the writer stopped before it was killed"
    assert writer.returncode == KILLED
    assert reported == list(range(len(reported))), "the writer reports every save, in order"
    last = reported[-1]  # the last save the writer confirmed

    with Workspace.open(db_path) as ws:  # opens: the file passed its integrity check
        answers = ws.answers.for_assessment(assessment_id)
        in_flight_code = codes[(last + 1) % len(codes)]
        for position, code in enumerate(codes):
            confirmed = [k for k in range(position, last + 1, len(codes))]
            in_flight = {last + 1} if code == in_flight_code else set()
            stored = answers.get(code)
            if not confirmed:
                # Never confirmed: absent, or (part of) the save in flight landed.
                if stored is not None:
                    assert stored.evidence in {"", *(f"บันทึกที่ {k}" for k in in_flight)}, code
                    assert stored.level in {k % 5 + 1 for k in in_flight}, code
                continue
            # Each confirmed save is there; the one in flight (level, then evidence: two saves)
            # may have landed in part.
            allowed = {confirmed[-1]} | in_flight
            assert stored is not None, code
            assert int(stored.evidence.split()[-1]) in allowed, code
            assert stored.level in {k % 5 + 1 for k in allowed}, code
    # The typing bursts that were open at the kill become history when the file is next opened
    # after the burst gap (a younger burst may still be in progress in another window): every item
    # whose evidence was saved (by a confirmed save, or by the save in flight if its evidence
    # landed) has evidence history, and that history ends at the stored text. How the saves were
    # grouped into bursts (the 5 s gap) depends on timing, so only the chain is checked.
    later = (datetime.now(timezone.utc) + BURST_GAP * 2).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    monkeypatch.setattr(answers_module, "now_iso", lambda: later)
    with Workspace.open(db_path) as ws:
        evidence_rows = [h for h in ws.answers.history(assessment_id) if h.field == "evidence"]
        expected = {codes[k % len(codes)] for k in range(min(last + 1, len(codes)))}
        in_flight_answer = answers.get(in_flight_code)
        if in_flight_answer is not None and in_flight_answer.evidence == f"บันทึกที่ {last + 1}":
            expected.add(in_flight_code)
        assert {h.item_code for h in evidence_rows} == expected
        for code in expected:
            chain = [(h.old_value, h.new_value) for h in evidence_rows if h.item_code == code]
            assert chain[0][0] == "", code
            assert all(before[1] == after[0] for before, after in zip(chain, chain[1:])), code
            assert chain[-1][1] == answers[code].evidence, code
