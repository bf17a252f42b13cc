"""Word counts that hold for scripts written without spaces between words.

Chinese, Japanese, Thai, Lao, Khmer and Myanmar run words together, so a count of
space-separated (or `\\w+`) runs calls a whole paragraph of them one word. Their
characters are counted instead, at a typical word length for the script.
"""

from __future__ import annotations

import math
import re

# Han ideographs and the Japanese kana: words average about two characters.
_CJK = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0002fa1f"
)
# Thai, Lao, Myanmar and Khmer, counted in code points (vowel and tone marks included).
_SOUTHEAST = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
CJK_CHARS_PER_WORD = 2.0
SOUTHEAST_CHARS_PER_WORD = 5.0

_CJK_CHAR = re.compile(f"[{_CJK}]")
_SOUTHEAST_CHAR = re.compile(f"[{_SOUTHEAST}]")
# a character of an unspaced script alone, or a run of other word characters
_TOKEN = re.compile(f"[{_CJK}{_SOUTHEAST}]|[^\\W{_CJK}{_SOUTHEAST}]+")
_SPACED_RUN = re.compile(f"[^\\s{_CJK}{_SOUTHEAST}]+")
_WORD_CHAR = re.compile(r"\w")


def tokens(text: str) -> list[str]:
    """Words of spaced scripts, and each character of the unspaced ones, in order."""
    return _TOKEN.findall(text)


def count_words(text: str) -> int:
    """About how many words the text holds, in any script.

    Spaced scripts count their space-separated words (`U.S.-led` is one), as a
    reader would; a run of punctuation alone is no word.
    """
    cjk = len(_CJK_CHAR.findall(text))
    southeast = len(_SOUTHEAST_CHAR.findall(text))
    spaced = sum(1 for run in _SPACED_RUN.findall(text) if _WORD_CHAR.search(run))
    return (
        spaced
        + math.ceil(cjk / CJK_CHARS_PER_WORD)
        + math.ceil(southeast / SOUTHEAST_CHARS_PER_WORD)
    )
