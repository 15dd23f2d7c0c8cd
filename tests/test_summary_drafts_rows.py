"""Accepted 6.3 suggestions (issue 13, session 21's fresh tester): each suggestion is one problem
with the recommendations written with it, a recommendation once per row even where supervisors
wrote several in one box; each accepted suggestion prints as its own row of 6.3, numbered ๑, ๒ …
in the PDF and the Word copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from qualityschool_desktop.reports.summary import summary_data, write_summary_report
from qualityschool_desktop.reports.summary.drafts import accept_problem, drafts
from qualityschool_desktop.reports.summary.word import SARABUN, write_summary_docx
from qualityschool_desktop.thai import DigitText
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 11, 23)


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("drafts-rows") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def test_each_suggestion_is_one_problem_with_its_recommendations_none_repeated(demo: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        offered = drafts(summary_data(workspace, fiscal_year=2569, round=2), DigitText("thai")).problems
    assert len(offered) >= 10
    problems = [row.problem for row in offered]
    assert len(set(problems)) == len(problems)
    for row in offered:
        assert len(row.problem.splitlines()) == 1, row.problem  # one problem, not a component's lump
        advice = [line for line in row.solution.splitlines() if line.strip()]
        assert len(set(advice)) == len(advice), row.solution
        # No line repeats another inside it (the demo's boxes hold two recommendations at once).
        for line in advice:
            assert not any(other != line and _flat(other) in _flat(line) for other in advice), row.solution


def test_each_suggestion_s_advice_answers_its_problem(demo: Path) -> None:
    """RETEST13 F2: the demo's fire-safety problem came with lab and Wi-Fi advice. A suggestion's
    solution is the advice the supervisors wrote for that very point (the demo's texts pair them:
    ``recommendation_for`` in resources/demo/visits-th.json)."""
    import json
    from qualityschool_desktop import paths

    pools = json.loads(paths.resource_path("demo", "visits-th.json").read_text(encoding="utf-8"))["components"]
    advice_for = {problem: pool["recommendations"][index] for pool in pools.values()
                  for problem, index in zip(pool["to_develop"], pool["recommendation_for"])}
    with Workspace.open(demo, read_only=True) as workspace:
        offered = drafts(summary_data(workspace, fiscal_year=2569, round=2), DigitText("thai")).problems
    fire = next(row for row in offered if row.problem.startswith("ระบบป้องกันอัคคีภัย"))
    assert fire.solution == "ควรขนย้ายสิ่งของออกจากทางหนีไฟทันที ติดป้ายบอกทางให้ครบ และซ้อมอพยพอย่างน้อยภาคเรียนละครั้ง"
    checked = 0
    for row in offered:
        problem = row.problem.split(" (")[0] if row.problem.endswith("โรงเรียน)") else row.problem
        if problem in advice_for:
            assert row.solution == advice_for[problem], row
            checked += 1
    assert checked >= 10


def test_a_solution_of_several_lines_numbers_each_line() -> None:
    """RETEST13 F2: "๑. <first advice>" then the second line bare read as a list missing its "๒.";
    each line of a several-line solution is numbered under its row (๑.๑, ๑.๒), the office's own
    numbering kept where it typed one."""
    from qualityschool_desktop.reports.summary.wording import ProblemRow, numbered

    rows = [ProblemRow(("ปัญหา ก",), ("แนวทาง ๑", "แนวทาง ๒"), ("-",), True),
            ProblemRow(("ปัญหา ข",), ("1) ทำแบบนี้", "2) ทำแบบนั้น"), ("-",), True),
            ProblemRow(("ปัญหา ค",), ("แนวทางเดียว",), ("-",), True)]
    first, own, single = numbered(rows, DigitText("thai"))
    assert first.problem == ("๑. ปัญหา ก",) and first.solution == ("๑.๑ แนวทาง ๑", "๑.๒ แนวทาง ๒")
    assert own.solution == ("๒. 1) ทำแบบนี้", "2) ทำแบบนั้น")
    assert single.solution == ("๓. แนวทางเดียว",)


@needs_poppler
def test_accepted_suggestions_print_as_numbered_rows(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(demo.read_bytes())
    with Workspace.open(copy, installation=DEMO_INSTALLATION) as workspace:
        offered = drafts(summary_data(workspace, fiscal_year=2569, round=2), DigitText("thai")).problems
        chosen = offered[:3]
        for row in chosen:
            accept_problem(workspace.office_texts, 2569, 2, row)
        write_summary_report(workspace, tmp_path / "s.pdf", fiscal_year=2569, round=2)
        write_summary_docx(workspace, tmp_path / "s.docx", fiscal_year=2569, round=2, family=SARABUN)
    text = _flat(pdftotext(tmp_path / "s.pdf", "-raw"))
    part = text[text.index(_flat("๖.๓ ปัญหาอุปสรรค")):text.index(_flat("๖.๔ ปัจจัยแห่งความสำเร็จ"))]
    for number, row in zip("๑๒๓", chosen):
        assert _flat(f"{number}. {row.problem}") in part
        assert part.count(_flat(row.problem)) == 1
    table = docx.Document(str(tmp_path / "s.docx")).tables[-1]
    assert [r.cells[0].text for r in table.rows[1:]] == [f"{n}. {row.problem}" for n, row in zip("๑๒๓", chosen)]


def test_model_schools_name_their_office_with_a_space(demo: Path, tmp_path: Path) -> None:
    """"โรงเรียนของ สพม.ตาก คือ" (it printed "ของสพม.ตาก" run together)."""
    from qualityschool_desktop.reports.summary.wording import model_lines

    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(demo.read_bytes())
    with Workspace.open(copy, installation=DEMO_INSTALLATION) as workspace:
        school = next(s for s in workspace.schools.list() if s.area_office == "สพม.ตาก")
        workspace.office_texts.mark_model(2569, 2, school.id, "")
        lines = model_lines(summary_data(workspace, fiscal_year=2569, round=2), DigitText("thai"))
    assert lines[0][0] == "โรงเรียนของ สพม.ตาก คือ"
