"""Kiwi in a process of its own gives the tokens of ``pipeline.tokens.tokenize``, stops on
cancel, and the run falls back to its own Kiwi when that process is gone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import engines
from pipeline.engines import Job, _pipelined, _tokens_of, run_job
from pipeline.kiwi_process import KiwiProcess, KiwiProcessGone, _columns, _tokens
from pipeline.tokens import Token, TokenizationCancelled, tokenize
from tests.golden_tool import ROOT

TEXTS = [
    "",
    "\n\n  \n",
    (ROOT / "raw" / "factsheet_2021-05-21_ko.txt").read_text(encoding="utf-8"),
    (ROOT / "raw" / "factsheet_2021-05-21_en.txt").read_text(encoding="utf-8"),
    "한미 양국은\x00 5년간 2억불을 지원한다.\n\tThe two countries \u2028 will provide $200 million.",
    "가" * 9_000,  # one line cut into pieces
]


@pytest.fixture(scope="module")
def process() -> Iterator[KiwiProcess]:
    kiwi = KiwiProcess()
    yield kiwi
    kiwi.close()


def test_columns_round_trip_to_the_same_tokens() -> None:
    tokens = [Token("한미", "NNP", 0, 2), Token("는", "JX", 2, 3)]
    assert _tokens(_columns(tokens)) == tokens and _tokens(_columns([])) == []
    assert all(type(t) is Token for t in _tokens(_columns(tokens)))


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_the_process_gives_the_tokens_of_this_process(process: KiwiProcess, text: str, kiwi: object) -> None:
    assert process.tokenize(text) == tokenize(text)


def test_a_cancelled_document_stops_and_the_next_one_is_tokenized(process: KiwiProcess, kiwi: object) -> None:
    big = TEXTS[2] * 200
    with pytest.raises(TokenizationCancelled):
        process.tokenize(big, lambda: True)
    assert process.tokenize(TEXTS[3]) == tokenize(TEXTS[3])


def test_a_process_that_died_is_reported_and_the_caller_tokenizes_itself(kiwi: object) -> None:
    dying = KiwiProcess()
    assert dying.tokenize("가나다") == tokenize("가나다")
    assert dying._child is not None
    dying._child.kill()
    dying._child.wait()
    dying._receiver.join(timeout=10)
    assert not dying.alive()
    with pytest.raises(KiwiProcessGone):
        dying.tokenize("가나다")
    assert _tokens_of(TEXTS[2], dying) == tokenize(TEXTS[2])
    dying.close()


def test_the_look_ahead_through_the_process_gives_the_outcomes_of_run_job(process: KiwiProcess, kiwi: object) -> None:
    raw = sorted((ROOT / "raw").glob("*.txt"))
    jobs = [Job(str(raw[0]), "a"), Job("image.txt", "bad", raw=b"\x89PNG\x00\x00"), Job(str(raw[1]), "b")]
    outcomes = list(_pipelined(jobs, kiwi=process))
    assert outcomes == [run_job(job) for job in jobs]
    assert [o.document is not None for o in outcomes if isinstance(o, engines.Extracted)] == [True, True]


def test_the_budget_interrupts_a_wait_for_the_process(process: KiwiProcess, tmp_path: Path, kiwi: object) -> None:
    big = tmp_path / "big.txt"
    big.write_text(TEXTS[2] * 300, encoding="utf-8")
    jobs = [Job(str(big), "big", timeout=1), Job(str(ROOT / "raw" / "factsheet_2021-05-21_ko.txt"), "after", timeout=60)]
    first, second = _pipelined(jobs, kiwi=process)
    assert isinstance(first, engines.FileError) and "time budget" in first.reason
    assert second == run_job(jobs[1])
