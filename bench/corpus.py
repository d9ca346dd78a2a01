"""Build a benchmark corpus of distinct fact sheets by recombining the sections and bullets of
the documents in ``raw/``, with varied amounts, years, dates and actors (seeded, so the same
arguments give the same corpus).
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.lang.detect import detect_language
from pipeline.readers.normalize import normalize_text
from pipeline.structure import parse_structure
from schemas.models import Language

ROOT = Path(__file__).resolve().parents[1]
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?=억|조| billion| million)")
_YEAR = re.compile(r"(?<!\d)20[2-4]\d(?!\d)")
_SWAPS: dict[str, list[tuple[str, str]]] = {
    Language.KO: [("미국", "일본"), ("미국", "호주"), ("한국", "대한민국"), ("미국", "캐나다")],
    Language.EN: [("United States", "Japan"), ("United States", "Australia"), ("ROK", "Republic of Korea"), ("U.S.", "Canadian")],
}


@dataclass(frozen=True, slots=True)
class _Section:
    heading: str
    prose: tuple[str, ...]
    lead_in: str | None
    bullets: tuple[str, ...]


def _sections(text: str, language: str) -> list[_Section]:
    s = parse_structure(text, language, "src")
    out = []
    for sec in s.sections[1:]:
        prose = tuple(p.text for p in s.paragraphs if p.section_id == sec.section_id and not p.is_lead_in)
        lead = next((p.text for p in s.paragraphs if p.section_id == sec.section_id and p.is_lead_in), None)
        bullets = tuple(b.text for b in s.bullets if b.section_id == sec.section_id and b.parent_id is None)
        out.append(_Section(sec.title or "", prose, lead, bullets))
    return out


def _vary(text: str, rng: random.Random, language: str) -> str:
    text = _AMOUNT.sub(lambda m: str(rng.choice([1, 2, 3, 5, 10, 25, 40, 150, 250])), text)
    text = _YEAR.sub(lambda m: str(rng.randint(2022, 2045)), text)
    old, new = rng.choice(_SWAPS[language])
    return text.replace(old, new) if rng.random() < 0.5 else text


def _document(pool: list[_Section], title: str, language: str, rng: random.Random) -> str:
    year, month, day = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
    dateline = f"{year}년 {month}월 {day}일" if language == Language.KO else f"{calendar.month_name[month]} {day}, {year}"
    parts = [title, "", dateline, ""]
    for section in rng.sample(pool, k=min(len(pool), rng.randint(3, 6))):
        parts += [section.heading, ""]
        parts += [_vary(p, rng, language) for p in section.prose] + [""]
        if section.lead_in:
            parts += [section.lead_in, ""]
        chosen = rng.sample(section.bullets, k=max(1, int(len(section.bullets) * rng.uniform(0.5, 1.0))))
        parts += [f"  • {_vary(b, rng, language)}" for b in chosen] + [""]
    return "\n".join(parts)


def build_corpus(out_dir: Path, n: int, seed: int = 20210521) -> list[Path]:
    """Write ``n`` documents into ``out_dir`` (``bench_00001_ko.txt`` …) and return their paths."""
    rng = random.Random(seed)
    pools: dict[str, tuple[str, list[_Section]]] = {}
    for path in sorted((ROOT / "raw").glob("*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8"))
        language = detect_language(text)
        title = text.strip().splitlines()[0]
        pools.setdefault(language, (title, []))[1].extend(_sections(text, language))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    languages = sorted(pools)
    for i in range(n):
        language = languages[i % len(languages)]
        title, pool = pools[language]
        path = out_dir / f"bench_{i:05d}_{language}.txt"
        path.write_text(_document(pool, f"{title} ({i})", language, rng), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("-n", type=int, default=500)
    args = parser.parse_args()
    written = build_corpus(args.out, args.n)
    print(f"{len(written)} documents, {sum(p.stat().st_size for p in written) / 1e6:.1f} MB in {args.out}")
