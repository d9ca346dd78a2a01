"""Language of a document from the scripts its letters are written in.

Korean when at least 30% of the letters are Hangul (Korean fact sheets quote English names
and acronyms). Otherwise a document mostly in another non-Latin script gets that script's
language (Japanese kana, Chinese Han, Cyrillic, Arabic, Thai), so it is reported as a language
without rules instead of being read with English rules. Latin-script text is English: the
pipeline does not tell English from other Latin-script languages.

>>> detect_language("팩트시트: 한미 파트너십 (KORUS)")
'ko'
>>> detect_language("FACT SHEET: United States – Republic of Korea Partnership")
'en'
>>> detect_language("日米首脳共同声明について")
'ja'
"""

from __future__ import annotations

import re

from schemas.models import Language

HANGUL_SHARE_FOR_KOREAN = 0.3
"""Korean fact sheets quote English names and acronyms; a third of Hangul letters is plenty."""

SCRIPT_SHARE = 0.3
"""Share of letters in another non-Latin script that makes a document that script's language."""

_HANGUL_BLOCKS = ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F))
"""Hangul syllables, jamo and compatibility jamo."""


def _letter_class(blocks: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    """Runs of the letters (``str.isalpha``) in ``blocks``, one character class of ranges of
    consecutive letters: counted by one C-level scan, not a per-character call."""
    letters = [c for lo, hi in blocks for c in range(lo, hi + 1) if chr(c).isalpha()]
    runs: list[list[int]] = []
    for c in letters:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in runs) + "]+")


_HANGUL_LETTERS = _letter_class(_HANGUL_BLOCKS)
"""Runs of Hangul letters: the text less them is as much shorter as it has Hangul letters (one
string built in C, not one per letter as ``findall`` would make)."""

_OTHER_SCRIPTS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("ja", re.compile("[\u3040-\u30ff]"), 0.1),  # kana: even a little marks Japanese among Han characters
    ("zh", re.compile("[\u4e00-\u9fff]"), SCRIPT_SHARE),
    ("ru", re.compile("[\u0400-\u04ff]"), SCRIPT_SHARE),
    ("ar", re.compile("[\u0600-\u06ff]"), SCRIPT_SHARE),
    ("th", re.compile("[\u0e00-\u0e7f]"), SCRIPT_SHARE),
)
_ANY_OTHER_SCRIPT = re.compile("|".join(script.pattern for _, script, _ in _OTHER_SCRIPTS))


def detect_language(text: str) -> str:
    """The document's language code (``ko``, ``en``, or the code of another script's language)."""
    hangul = len(text) - len(_HANGUL_LETTERS.sub("", text))
    if hangul and hangul / len(text) >= HANGUL_SHARE_FOR_KOREAN:
        return Language.KO.value  # a share of all characters is at most the share of letters
    if not hangul and _ANY_OTHER_SCRIPT.search(text) is None:
        # no share to weigh (the letters need no count): English unless there is no letter
        return Language.EN.value if any(map(str.isalpha, text)) else Language.KO.value
    letters = sum(map(str.isalpha, text))
    if not letters:
        return Language.KO.value
    if hangul / letters >= HANGUL_SHARE_FOR_KOREAN:
        return Language.KO.value
    for code, script, share in _OTHER_SCRIPTS:
        if len(script.findall(text)) / letters >= share:
            return code
    return Language.EN.value
