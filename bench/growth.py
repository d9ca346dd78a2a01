"""How extraction time grows with hostile input sizes: 10 KB, 100 KB and 1 MB of one very long
line, of an unbulleted table, and of one paragraph full of amounts (Korean and English).

Each document is extracted once in this process, with Kiwi built beforehand, under the time
budget of ``--cap`` seconds (the same budget ``factsheet extract --doc-timeout`` applies), so
a case that grows faster than linearly shows up as ``> cap``. Also times Kiwi tokenization
alone on the same text. Not a test: numbers depend on the machine.

    .venv/bin/python -m bench.growth [--cap 120] [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from bench.corpus import ROOT
from pipeline.engines import Extracted, Job, run_job
from pipeline.tokens import get_kiwi, tokenize

SAMPLE_KO = (ROOT / "raw" / "factsheet_2021-05-21_ko.txt").read_text(encoding="utf-8")
HEAD = "제목\n\n2021년 5월 21일\n\n"


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` UTF-8 bytes."""
    return unit * max(size // len(unit.encode("utf-8")), 1)


CASES: dict[str, Callable[[int], str]] = {
    "long line (만 )": lambda n: HEAD + _fill("만 ", n) + "\n",
    "long line (prose)": lambda n: HEAD + _fill(SAMPLE_KO.replace("\n", " ") + " ", n) + "\n",
    "table, no bullets": lambda n: (
        HEAD + "구분\t2022년\t2023년\t증감\n" + _fill("사업비\t1.2조원\t1.5조원\t0.3조원\n인원\t120명\t135명\t15명\n", n)
    ),
    "amount paragraph (ko)": lambda n: HEAD + _fill("미국은 25억불을, 한국은 2억불을 5년에 걸쳐 지원한다. ", n) + "\n",
    "amount paragraph (en)": lambda n: (
        "Title\n\nMay 21, 2021\n\n"
        + _fill("The United States will provide $2 billion and Korea $200 million over five years. ", n)
        + "\n"
    ),
}


def _seconds(text: str, cap: float) -> str:
    started = time.perf_counter()
    outcome = run_job(Job("growth.txt", "growth", raw=text.encode("utf-8"), timeout=cap))
    elapsed = time.perf_counter() - started
    return f"{elapsed:.2f}" if isinstance(outcome, Extracted) else f"> {cap:g} ({outcome.reason})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cap", type=float, default=120.0, help="time budget per document, seconds")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="document sizes in bytes")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    get_kiwi()
    tokenize("첫 분석은 느리다.")  # Kiwi's first analysis warms it up; not part of any case
    print("| input | " + " | ".join(f"{s // 1000} KB extract s | Kiwi s" for s in sizes) + " |")
    print("| --- |" + " --- | --- |" * len(sizes))
    for name, make in CASES.items():
        cells = []
        for size in sizes:
            text = make(size)
            started = time.perf_counter()
            tokenize(text)
            kiwi = time.perf_counter() - started
            cells.append(f"{_seconds(text, args.cap)} | {kiwi:.2f}")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
