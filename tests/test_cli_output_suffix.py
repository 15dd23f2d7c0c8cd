"""try14 F8: ``report budget … --xlsx n.csv`` wrote an Excel workbook named n.csv (Excel then
opened it as garbage text) and ``--out h.txt`` a PDF named .txt. A workbook's name must end in
.xlsx, a Word file's in .docx, and a report's --out in .pdf (RETEST14 N7: ``--out noext`` and
``--out x.doc`` were accepted and a PDF written under that name)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.workspace import Workspace


def _run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    return cli.run(cli.parse(list(argv)), out=io.StringIO(), err=err), err.getvalue()


@pytest.mark.parametrize(("option", "name"), [("--xlsx", "n.csv"), ("--xlsx", "n.pdf"), ("--out", "h.txt"),
                                               ("--out", "h.xlsx"), ("--out", "h.doc"), ("--out", "noext"),
                                               ("--xlsx", "noext"), ("--out", "h.2569")])
def test_a_file_named_for_another_kind_is_refused(file_workspace: Workspace, db_path: Path, tmp_path: Path,
                                                  option: str, name: str) -> None:
    outputs = {"--out": str(tmp_path / "b.pdf"), option: str(tmp_path / name)}
    argv = ["report", "budget", "--db", str(db_path), "--year", "2571"]
    for key, value in outputs.items():
        argv += [key, value]
    status, err = _run(*argv)
    assert status == 2, err
    assert option in err and (".xlsx" in err if option == "--xlsx" else ".pdf" in err), err
    assert not (tmp_path / name).exists() and not (tmp_path / "b.pdf").exists()


def test_right_names_are_written(file_workspace: Workspace, db_path: Path, tmp_path: Path) -> None:
    status, err = _run("report", "budget", "--db", str(db_path), "--year", "2571", "--out", str(tmp_path / "b.pdf"),
                       "--xlsx", str(tmp_path / "b.XLSX"))
    assert status == 0, err
    assert (tmp_path / "b.pdf").exists() and (tmp_path / "b.XLSX").exists()
