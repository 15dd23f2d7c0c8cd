"""Issue 11 (T11a): the window's font "Sarabun UI" is the bundled Sarabun with a line box that holds
every stacked Thai mark (scripts/make_ui_fonts.py); the reports keep the original Sarabun."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from qualityschool_desktop import paths

ttLib = pytest.importorskip("fontTools.ttLib", reason="fontTools (requirements-dev.txt) reads the fonts")
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_ui_fonts.py"
FACES = ("Regular", "Bold", "Italic", "BoldItalic")


def script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_ui_fonts", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def needed() -> dict[str, tuple[int, int]]:
    """The ascent and descent each face's marks need, measured now from the original faces."""
    make = script()
    return {face: make.face_extremes(face) for face in FACES}


def font(name: str):  # type: ignore[no-untyped-def]
    return ttLib.TTFont(str(paths.fonts_dir() / name))


def test_the_marks_reach_above_and_below_the_original_line_box(needed) -> None:
    original = font("Sarabun-Regular.ttf")
    ascent, descent = needed["Regular"]
    assert ascent > original["hhea"].ascent == 1068 and ascent >= 1250  # ตัวชี้วัด's ้ over ี
    assert descent > -original["hhea"].descent == 232 and descent >= 330  # ผู้'s ู


@pytest.mark.parametrize("face", FACES)
def test_each_window_face_holds_the_marks_in_every_metric_a_platform_reads(face: str, needed) -> None:
    ui = font(f"SarabunUI-{face}.ttf")
    ascent, descent = needed[face]
    hhea, os2 = ui["hhea"], ui["OS/2"]
    # Qt (FreeType, DirectWrite, GDI engines) reads the typo metrics when USE_TYPO_METRICS is set;
    # FreeType's own default and macOS read hhea: the same numbers, as compact as the marks allow.
    assert os2.fsSelection & (1 << 7)
    assert (hhea.ascent, -hhea.descent, hhea.lineGap) == (ascent, descent, 0)
    assert (os2.sTypoAscender, -os2.sTypoDescender, os2.sTypoLineGap) == (ascent, descent, 0)
    # GDI clips a glyph to the win box: it covers the marks and every glyph.
    assert os2.usWinAscent >= max(ascent, ui["head"].yMax) and os2.usWinDescent >= max(descent, -ui["head"].yMin)


@pytest.mark.parametrize("face", FACES)
def test_each_window_face_is_sarabun_renamed_with_the_same_glyphs(face: str) -> None:
    ui, original = font(f"SarabunUI-{face}.ttf"), font(f"Sarabun-{face}.ttf")
    names = ui["name"]
    assert names.getDebugName(1) == "Sarabun UI"  # a renamed Modified Version (OFL 1.1; no Reserved Font Name)
    assert names.getDebugName(6) == f"SarabunUI-{face}"
    assert names.getDebugName(0) == original["name"].getDebugName(0)  # copyright kept
    assert names.getDebugName(13) == original["name"].getDebugName(13)  # licence kept
    assert ui.getGlyphOrder() == original.getGlyphOrder()
    assert ui.getBestCmap() == original.getBestCmap()
    for table in ("glyf", "GPOS", "GSUB", "GDEF", "hmtx"):
        assert ui.getTableData(table) == original.getTableData(table), table


def test_the_reports_keep_the_original_sarabun() -> None:
    from qualityschool_desktop.typeset import fonts as report_fonts

    assert set(report_fonts._FILES.values()) == {f"Sarabun-{face}.ttf" for face in FACES}
