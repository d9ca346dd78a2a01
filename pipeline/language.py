"""Language of a document from its share of Hangul letters.

>>> detect_language("팩트시트: 한미 파트너십 (KORUS)")
<Language.KO: 'ko'>
>>> detect_language("FACT SHEET: United States – Republic of Korea Partnership")
<Language.EN: 'en'>
"""

from __future__ import annotations

from schemas.models import Language

HANGUL_SHARE_FOR_KOREAN = 0.3
"""Korean fact sheets quote English names and acronyms; a third of Hangul letters is plenty."""


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def detect_language(text: str) -> Language:
    """``ko`` when at least 30% of the letters are Hangul, else ``en``."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return Language.KO
    hangul = sum(1 for ch in letters if _is_hangul(ch))
    return Language.KO if hangul / len(letters) >= HANGUL_SHARE_FOR_KOREAN else Language.EN
