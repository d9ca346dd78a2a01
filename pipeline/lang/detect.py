"""Language of a document from its share of Hangul letters.

>>> detect_language("팩트시트: 한미 파트너십 (KORUS)")
<Language.KO: 'ko'>
>>> detect_language("FACT SHEET: United States – Republic of Korea Partnership")
<Language.EN: 'en'>
"""

from __future__ import annotations

import re

from schemas.models import Language

HANGUL_SHARE_FOR_KOREAN = 0.3
"""Korean fact sheets quote English names and acronyms; a third of Hangul letters is plenty."""


_HANGUL_RANGES = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
"""Hangul syllables, jamo and compatibility jamo; found by one C-level scan, not a per-character call."""


def detect_language(text: str) -> Language:
    """``ko`` when at least 30% of the letters are Hangul, else ``en``."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return Language.KO
    hangul = sum(map(str.isalpha, _HANGUL_RANGES.findall(text)))
    return Language.KO if hangul / letters >= HANGUL_SHARE_FOR_KOREAN else Language.EN
