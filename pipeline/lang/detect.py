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

_HANGUL_RANGES = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
"""Hangul syllables, jamo and compatibility jamo; found by one C-level scan, not a per-character call."""

_OTHER_SCRIPTS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("ja", re.compile("[\u3040-\u30ff]"), 0.1),  # kana: even a little marks Japanese among Han characters
    ("zh", re.compile("[\u4e00-\u9fff]"), SCRIPT_SHARE),
    ("ru", re.compile("[\u0400-\u04ff]"), SCRIPT_SHARE),
    ("ar", re.compile("[\u0600-\u06ff]"), SCRIPT_SHARE),
    ("th", re.compile("[\u0e00-\u0e7f]"), SCRIPT_SHARE),
)


def detect_language(text: str) -> str:
    """The document's language code (``ko``, ``en``, or the code of another script's language)."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return Language.KO.value
    hangul = sum(map(str.isalpha, _HANGUL_RANGES.findall(text)))
    if hangul / letters >= HANGUL_SHARE_FOR_KOREAN:
        return Language.KO.value
    for code, script, share in _OTHER_SCRIPTS:
        if len(script.findall(text)) / letters >= share:
            return code
    return Language.EN.value
