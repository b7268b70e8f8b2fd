"""Chinese function words: the words of a question to drop before translating it.

data/function_words_zh.txt is derived by scripts/derive_function_words.py from Stopwords
ISO's Chinese list and jieba's part-of-speech tags (both MIT; see data/LICENSE-stopwords.txt);
data/question_frame_zh.txt adds the few words that only frame a question (指, 具体).
data/org_designators_zh.txt lists the words organisations' names end with (集团, 总社).
"""

from __future__ import annotations

from functools import cache

from answers.lexicon.cedict import simplified
from answers.lexicon.table import read_lines


@cache
def function_words() -> frozenset[str]:
    """Every Chinese function word: particles, pronouns, prepositions, question frames."""
    words = read_lines("function_words_zh.txt")
    frames = (word for line in read_lines("question_frame_zh.txt") for word in line.split())
    return frozenset((*words, *frames))


def is_function_word(word: str) -> bool:
    """Whether a Chinese word carries no topic of its own (里, 要, 说, 的, 指, 具体).

    Question words (什么, 哪个, 谁, 多少, 几) are function words too: check the question's
    kind before dropping them. Traditional forms count as their Simplified ones (裡 as 里).
    """
    return word in function_words() or simplified(word) in function_words()


@cache
def _designators() -> frozenset[str]:
    return frozenset(word for line in read_lines("org_designators_zh.txt") for word in line.split())


def is_designator(word: str) -> bool:
    """Whether a Chinese word ends an organisation's name (公司, 集团, 总社, 银行)."""
    return word in _designators() or simplified(word) in _designators()
