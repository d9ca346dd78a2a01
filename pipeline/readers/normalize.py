"""Normalize text from any reader into ``Document.text``: the one text every offset points into.

NFC, line ends to LF (also form feeds and Unicode line separators), full-width ASCII forms to
ASCII, no-break and other exotic spaces and stray control characters to a space, zero-width
characters removed. Every reader passes its text through here, so the same words give the
same text whatever the format.

>>> normalize_text("\\ufeff２５억불（CEPI）\\r\\n")
'25억불(CEPI)\\n'
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ANY_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_ANY_FULLWIDTH = re.compile("[\uff01-\uff5e]")
_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_TO_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1f\x7f]")
"""Exotic spaces and stray control characters (``CONTROL``): each becomes one plain space."""


def normalize_text(text: str) -> str:
    """NFC, LF line ends, ASCII for full-width forms, plain spaces, no zero-width marks.

    Full-width ASCII is folded *before* NFC; ``\\t`` is kept (indentation signals nesting).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BREAKS.sub("\n", text)  # vertical tab, form feed, Unicode line/paragraph separators
    # ``str.translate`` goes character by character through its table (slow on Hangul text):
    # only when a character it maps is present, which one C-level search tells
    if _ANY_ZERO_WIDTH.search(text):
        text = text.translate(_ZERO_WIDTH)
    if _ANY_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)
    text = _TO_SPACE.sub(" ", text)
    return unicodedata.normalize("NFC", text)
