"""Cost of typesetting Thai right: a 20-page A4 Thai document built with our engine
(``ThaiParagraph``: segmentation, HarfBuzz shaping, /ActualText) against the same text built with
ReportLab's stock, unshaped ``Paragraph`` in the same run.

Figures (best of N, seconds):

* warm — in a running process, the second build of the same document (the app's situation when a
  director prints again);
* warm, new text — in a running process, a document whose paragraphs were never segmented before
  (pythainlp loaded, caches cold for the text);
* cold — a fresh ``python`` subprocess building its first document, imports and pythainlp's
  dictionary load included (the first report of a session). Reported both as the time inside the
  process from the first import to the finished PDF, and as the subprocess's wall time
  (interpreter start-up included).

Every build starts as the report commands' builds do (``reports.document.typeset``): with
``typeset.warm_up()``, which loads the word dictionary with the garbage collector kept out of its
way and freezes it (a no-op once done). Before issue 16 this benchmark skipped it, so its cold
figure loaded the dictionary the slow way (with the collector on, ~2× the time) and measured a
first document no report command builds.

Targets from issue 3: under 0.3 s warm, under 1 s for the first document of a session.

And text with no break point in it (issue 10, finding #11: a follow-up of one letter typed 20,000
times took 183 s): one paragraph of "ซ" × 20,000 against ReportLab's ``Paragraph`` of the same text
(which breaks it anywhere, unshaped), and ours again with four times the text (linear: about 4×).

    python benchmarks/bench_typeset.py
    python benchmarks/bench_typeset.py --runs 7
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARM_TARGET = 0.3
COLD_TARGET = 1.0


def _texts(variant: int = 0) -> list[str]:
    from qualityschool_desktop.typeset.sample import sample_paragraphs

    texts = list(sample_paragraphs(1))
    texts += texts[2:3]  # with the headings below: 20 A4 pages
    if variant:
        # Same words, new paragraphs: every paragraph's sentences in reverse order.
        texts = [" ".join(reversed(text.split(" "))) + f" ({variant})" for text in texts]
    return texts


def build(engine: str, variant: int = 0) -> tuple[float, int]:
    """Build the document; returns (seconds, pages)."""
    from reportlab.platypus import Paragraph

    from qualityschool_desktop.typeset import ThaiParagraph, make_styles, pdf_bytes, warm_up

    start = time.perf_counter()
    if engine == "thai":
        warm_up()  # as every report command does first (a no-op once done)
    styles = make_styles()
    flowable = ThaiParagraph if engine == "thai" else Paragraph
    story = []
    for number, text in enumerate(_texts(variant)):
        if number % 4 == 0:
            story.append(flowable(f"หัวข้อที่ {number // 4 + 1} การประเมินตนเอง", styles["heading"]))
        story.append(flowable(text, styles["body"]))
    data = pdf_bytes(story)
    seconds = time.perf_counter() - start
    return seconds, len(re.findall(rb"/Type /Page[^s]", data))


LONG_RUN = 20_000


def build_long_run(engine: str, length: int = LONG_RUN) -> float:
    """Build a document of one paragraph: "ซ" × ``length``, no break point in it; returns seconds."""
    from reportlab.platypus import Paragraph

    from qualityschool_desktop.typeset import ThaiParagraph, make_styles, pdf_bytes, warm_up

    flowable = ThaiParagraph if engine == "thai" else Paragraph
    start = time.perf_counter()
    if engine == "thai":
        warm_up()
    pdf_bytes([flowable("ซ" * length, make_styles()["body"])])
    return time.perf_counter() - start


def _cold(engine: str) -> dict[str, float]:
    code = (
        "import time; t0 = time.perf_counter(); import sys; sys.path.insert(0, %r)\n"
        "import benchmarks.bench_typeset as b, json\n"
        "seconds, pages = b.build(%r)\n"
        "print(json.dumps({'inside': time.perf_counter() - t0, 'pages': pages}))\n"
    ) % (str(ROOT), engine)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - start
    result = json.loads(out.strip().splitlines()[-1])
    return {"inside": result["inside"], "wall": wall, "pages": result["pages"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    figures: dict[str, dict[str, float]] = {}
    for engine in ("thai", "stock"):
        cold = [_cold(engine) for _ in range(max(3, args.runs // 2))]
        build(engine)  # first in-process build: imports, fonts, dictionary
        warm = [build(engine)[0] for _ in range(args.runs)]
        fresh = [build(engine, variant=n + 1)[0] for n in range(args.runs)]
        figures[engine] = {
            "pages": build(engine)[1],
            "warm": min(warm),
            "warm_median": statistics.median(warm),
            "fresh": min(fresh),
            "cold_inside": min(c["inside"] for c in cold),
            "cold_wall": min(c["wall"] for c in cold),
        }

    runs = max(3, args.runs // 2)
    long_thai = min(build_long_run("thai") for _ in range(runs))
    long_stock = min(build_long_run("stock") for _ in range(runs))
    long_four = min(build_long_run("thai", 4 * LONG_RUN) for _ in range(runs))

    thai, stock = figures["thai"], figures["stock"]
    print(f"20-page A4 Thai document ({int(thai['pages'])} pages ours, {int(stock['pages'])} pages stock)")
    print(f"{'':28}{'ThaiParagraph':>15}{'stock Paragraph':>17}{'ratio':>8}")
    rows = (
        ("warm (2nd build, best)", "warm"),
        ("warm (2nd build, median)", "warm_median"),
        ("warm, new text", "fresh"),
        ("cold, in process", "cold_inside"),
        ("cold, subprocess wall", "cold_wall"),
    )
    for label, key in rows:
        print(f"{label:28}{thai[key]:>13.3f} s{stock[key]:>15.3f} s{thai[key] / stock[key]:>7.1f}×")
    print(
        f"{'ซ × 20,000, no break point':28}{long_thai:>13.3f} s{long_stock:>15.3f} s{long_thai / long_stock:>7.1f}×"
        f"   (ours at ×4 the length: {long_four:.3f} s, {long_four / long_thai:.1f}× the time)"
    )
    print()
    print(f"target warm < {WARM_TARGET} s: {'met' if thai['warm'] < WARM_TARGET else 'MISSED'} ({thai['warm']:.3f} s)")
    print(
        f"target first document < {COLD_TARGET} s: {'met' if thai['cold_inside'] < COLD_TARGET else 'MISSED'}"
        f" ({thai['cold_inside']:.3f} s in process, {thai['cold_wall']:.3f} s with interpreter start-up)"
    )


if __name__ == "__main__":
    main()
