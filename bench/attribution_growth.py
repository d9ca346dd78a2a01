"""Growth of each actor stage with the size of one amount paragraph (10 KB, 100 KB, 1 MB).

A document is a title and one paragraph (one line) of the same amount sentence repeated
(``미국은 25억불을 지원한다.`` / ``The United States will provide $2.5 billion.``). Kiwi is
superlinear on one very long line, so here the line is tokenized in pieces of about 1 KB cut
after a sentence (the tokens are the same as for short lines; the paragraph stays one block
for attribution): the tokenizer's own growth is not what this measures. Prints seconds per
stage and the ratio to the previous size; linear growth is a ratio near 10. Not a test:
numbers depend on the machine.

    python -m bench.attribution_growth [--sizes 10000 100000 1000000] [--languages ko en]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

SENTENCES = {
    "ko": ("한미 협력 설명자료", "미국은 25억불을 지원한다. "),
    "en": ("U.S.-ROK cooperation fact sheet", "The United States will provide $2.5 billion. "),
}


def document(language: str, size: int) -> str:
    """A title and one paragraph (one line) of about ``size`` characters."""
    title, sentence = SENTENCES[language]
    return f"{title}\n\n" + (sentence * max(1, size // len(sentence))).rstrip() + "\n"


def context(text: str, language: str) -> Any:
    """``build_context`` with the text tokenized in pieces of about 1 KB cut after ``. ``."""
    from pipeline.context import DocContext
    from pipeline.lang.detect import detect_language
    from pipeline.structure import parse_structure
    from pipeline.tokens import Token, tokenize

    language = language or detect_language(text)
    tokens: list[Token] = []
    start = 0
    while start < len(text):
        cut = text.find(". ", start + 1000)
        end = len(text) if cut < 0 else cut + 2
        tokens += [Token(t.form, t.tag, t.start + start, t.end + start) for t in tokenize(text[start:end])]
        start = end
    structure = parse_structure(text, language, "growth")
    return DocContext(doc_id="growth", text=text, language=language, structure=structure, tokens=tokens)


def _timed(step: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = step()
    return time.perf_counter() - start, value


def measure(language: str, size: int) -> dict[str, float]:
    """Seconds per stage for one generated document (Kiwi built beforehand)."""
    from pipeline.actors.mentions import extract_actors
    from pipeline.actors.parties import amount_parties
    from pipeline.lang.registry import rules_for

    text = document(language, size)
    rules = rules_for(language)
    tokenize, ctx = _timed(lambda: context(text, language))
    amounts_s, amounts = _timed(lambda: rules.amounts(ctx))
    actors_s, actors = _timed(lambda: extract_actors(ctx))
    parties_s, parties = _timed(lambda: amount_parties(ctx, actors, amounts))
    assert len(parties) == len(amounts) > 0
    return {
        "chars": len(text),
        "amounts": len(amounts),
        "tokenize": tokenize,
        "amount rules": amounts_s,
        "actors": actors_s,
        "attribution": parties_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--languages", nargs="+", default=["ko", "en"])
    args = parser.parse_args()
    from pipeline.tokens import get_kiwi

    get_kiwi()
    stages = ("tokenize", "amount rules", "actors", "attribution")
    print(f"| language | chars | amounts | {' | '.join(stages)} |")
    print("|---|---:|---:|" + "---:|" * len(stages))
    for language in args.languages:
        measure(language, args.sizes[0])  # warm-up: lexicons, caches, Kiwi's first calls
        previous: dict[str, float] | None = None
        for size in args.sizes:
            row = measure(language, size)
            cells = []
            for stage in stages:
                ratio = f" (x{row[stage] / previous[stage]:.1f})" if previous and previous[stage] > 0 else ""
                cells.append(f"{row[stage]:.2f} s{ratio}")
            print(f"| {language} | {row['chars']:,.0f} | {row['amounts']:,.0f} | {' | '.join(cells)} |", flush=True)
            previous = row


if __name__ == "__main__":
    main()
