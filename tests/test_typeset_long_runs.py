"""Text the validator accepts with no break point in it — one Thai letter typed 200,000 times, a
signature line of dots, a run of digits — prints in time and memory that grow with its length, not
with its square (issue 10, tester finding #11: a 20,000-character follow-up took 183 s and 6.4 GB,
200,000 characters never finished). No timing assertions: the work is counted (characters sent to
HarfBuzz, shapes kept in the cache), and the printed text is read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.typeset import ThaiParagraph, build_pdf, layout, make_styles, segment, shaping
from qualityschool_desktop.typeset.layout import break_lines, build_items
from qualityschool_desktop.typeset.segment import inside_cluster

from .pdf_checks import needs_poppler, pdftotext, text_lines

# Unbreakable runs as a tester typed them: one letter repeated, a letter with a tone mark (every
# cluster has a mark: a cut may never fall before it), sara am (drawn with substituted glyphs), a
# signature line of dots, a run of Thai digits.
RUNS = {
    "letter": lambda n: "ซ" * n,
    "tone_mark": lambda n: ("ซ่" * n)[:n],
    "sara_am": lambda n: ("กำ" * n)[:n],
    "dots": lambda n: "ลงชื่อ" + "." * (n - 6),
    "digits": lambda n: "๑" * n,
}


class ShapeSpy:
    """Counts what the line breaker asks HarfBuzz to shape (cache hits included: the cost is the
    asking, and each of those answers was kept)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        self.characters = 0
        real = layout.shape

        def spy(text: str, font_name: str) -> Any:
            self.calls += 1
            self.characters += len(text)
            return real(text, font_name)

        monkeypatch.setattr(layout, "shape", spy)

    def reset(self) -> None:
        self.calls = self.characters = 0


def shaped_for(spy: ShapeSpy, text: str, width: float, size: float = 14.0) -> tuple[int, int]:
    spy.reset()
    lines = break_lines(build_items(text, size), [width])
    assert "".join(line.text for line in lines) == text
    return spy.calls, spy.characters


@pytest.mark.parametrize("kind", sorted(RUNS))
@pytest.mark.parametrize("width", [453.5, 60.0])  # an A4 body line; a narrow table column
def test_laying_out_an_unbreakable_run_shapes_each_character_a_few_times(
    kind: str, width: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = ShapeSpy(monkeypatch)
    n = 1500
    calls, characters = shaped_for(spy, RUNS[kind](n), width)
    calls4, characters4 = shaped_for(spy, RUNS[kind](4 * n), width)
    # Four times the text, about four times the work (it was sixteen times: every chunk re-shaped
    # the whole rest of the word).
    assert characters4 / characters < 5, (characters, characters4)
    assert calls4 / calls < 5, (calls, calls4)
    # And little per character: the word once, each line's chunk a couple of times.
    assert characters4 <= 5 * 4 * n, characters4


def test_a_huge_word_is_not_kept_in_the_shape_cache() -> None:
    before = shaping.cached_characters()
    text = "ฐ" * 30_000
    lines = break_lines(build_items(text, 14.0), [453.5])
    assert "".join(line.text for line in lines) == text
    # The chunks of one line each may stay (reports repeat them); the 30,000-character word and
    # the "rest of the word" shapes may not.
    assert shaping.cached_characters() - before < 3_000


def test_the_shape_cache_is_bounded_by_characters_not_entries() -> None:
    for index in range(400):
        shaping.shape(f"ทดสอบ{index:04d}" + "ก" * 600, "Sarabun")
    assert shaping.cached_characters() <= shaping.CACHE_CHARACTERS
    # Still a cache: the same text shaped again is the same object.
    assert shaping.shape("ทดสอบ", "Sarabun") is shaping.shape("ทดสอบ", "Sarabun")


def test_a_run_of_digits_never_goes_through_pythainlps_number_rejoiner(monkeypatch: pytest.MonkeyPatch) -> None:
    # pythainlp's rejoin_formatted_num searches the whole text with (\d+[.,:])+\d+, which backtracks
    # over a run of digits with no separator from every position: 40,000 Thai digits took 13 s,
    # 200,000 minutes. Our own gluing keeps numbers whole already (test_thai_breaks).
    import pythainlp.tokenize.core as core

    calls: list[int] = []
    real = core.rejoin_formatted_num

    def spy(segments: list[str]) -> list[str]:
        calls.append(len(segments))
        return real(segments)

    monkeypatch.setattr(core, "rejoin_formatted_num", spy)
    segment.units.cache_clear()
    assert segment.units("วันที่ ๑,๒๕๐.๕๐ บาท " + "๑" * 2_000) == ("วันที่ ๑,๒๕๐.๕๐", " ", "บาท", " ", "๑" * 2_000)
    assert calls == []


def test_a_paragraph_of_many_pages_is_split_in_linear_work(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Each page's split used to gather the items of every line left: pages × lines.
    from qualityschool_desktop.typeset import paragraph

    touched = [0]
    real = paragraph._line_items

    def spy(line: Any, index: int, lines: Any) -> Any:
        touched[0] += 1
        return real(line, index, lines)

    monkeypatch.setattr(paragraph, "_line_items", spy)
    style = make_styles()["body"]
    counts = []
    for n in (6_000, 24_000):
        touched[0] = 0
        text = "ครูใช้สื่อหลากหลาย " * (n // 19)
        assert build_pdf(tmp_path / f"{n}.pdf", [ThaiParagraph(text, style)]) >= (3 if n == 6_000 else 10)
        counts.append(touched[0])
    assert counts[1] <= 5 * counts[0] + 50, counts


@needs_poppler
@pytest.mark.parametrize("kind", sorted(RUNS))
def test_a_long_unbreakable_run_prints_whole_and_never_starts_a_line_with_a_mark(kind: str, tmp_path: Path) -> None:
    text = RUNS[kind](12_000)
    style = make_styles()["body"]
    path = tmp_path / f"{kind}.pdf"
    build_pdf(path, [ThaiParagraph(text, style)])
    lines = text_lines(pdftotext(path, "-raw"))
    assert len(lines) > 20
    assert "".join(lines) == text
    assert not [line for line in lines if inside_cluster(line[0])]


def test_the_search_for_the_longest_fitting_chunk_finds_it_from_any_guess() -> None:
    import random

    rng = random.Random(2569)
    for _ in range(5_000):
        low = rng.randint(0, 5)
        high = low + rng.randint(1, 40)
        last = rng.randint(low - 1, high - 1)  # the last index that fits (low - 1: none does)
        guess = rng.randint(low, high - 1)
        tested: list[int] = []

        def fits(index: int) -> bool:
            assert low <= index < high
            tested.append(index)
            return index <= last

        assert layout._last_true(low, high, guess, fits) == (None if last < low else last)
        if guess in (last, last + 1) and low <= last:
            assert len(tested) <= 2  # a right estimate costs two shapes


def test_clusters_of_a_long_word_are_pythainlps_clusters_found_window_by_window() -> None:
    import random

    from pythainlp.tokenize import subword_tokenize

    rng = random.Random(11)
    alphabet = "กขคซเแโใไ่้๊๋ัิีึืุูำาะ์ํ็ฺๅ.๑a "
    for length in (100, 5_000, 9_000, 20_000):
        word = "".join(rng.choice(alphabet) for _ in range(length))
        assert segment._tcc(word) == subword_tokenize(word, engine="tcc")
    assert segment._tcc("ซ่" * 10_000) == ["ซ่"] * 10_000
