"""CC-CEDICT, the Chinese-English dictionary: glosses, names and the longest headword.

The data (data/cedict_*; CC BY-SA 4.0, see data/LICENSE-CC-CEDICT.txt) is derived by
scripts/derive_cedict.py and loaded once, on first use, in parts: the Simplified headwords
when a Chinese word is looked up, the Traditional ones only for a word with a character that
only Traditional Chinese has, the English side only when an English phrase is looked up.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from answers.lexicon.table import SortedTable, read_lines, read_table
from answers.lexicon.wordnet import lemma

_NAME = "*"  # the value of a name starts with it
# scripts/derive_cedict.py leaves longer headwords out: no match is looked for beyond.
LONGEST_HEADWORD = 12
_SEPARATOR = "/"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LEADING = re.compile(r"^(?:to|the|a|an)\s+")


@cache
def _zh() -> SortedTable:
    return read_table("cedict_zh.tsv")


@cache
def _traditional() -> SortedTable:
    return read_table("cedict_traditional.tsv")


@cache
def _traditional_chars() -> frozenset[str]:
    return frozenset("".join(read_lines("cedict_traditional_chars.txt")))


@cache
def _en() -> SortedTable:
    return read_table("cedict_en.tsv")


@lru_cache(maxsize=8192)
def _entry(word: str) -> str:
    value = _zh().get(word)
    if value is not None:
        return value
    if any(ch in _traditional_chars() for ch in word):
        return _zh().get(_traditional().get(word) or "") or ""
    return ""


def simplified(word: str) -> str:
    """The Simplified headword of a Traditional one (簽署 -> 签署); any other word unchanged."""
    if any(ch in _traditional_chars() for ch in word):
        return _traditional().get(word) or word
    return word


def in_dictionary(word: str) -> bool:
    """Whether CC-CEDICT has the word as a headword (Simplified or Traditional)."""
    return bool(_entry(word))


def zh_to_en(word: str) -> tuple[str, ...]:
    """Short lowercase English glosses of a Chinese word, commonest sense first; () if none.

    Cross-references, classifiers, literal readings, abbreviations and parentheticals are
    left out, verbs lose their "to" ("签署" -> ("sign",)), and a surname counts only for a
    word that is nothing but a name.
    """
    value = _entry(word).removeprefix(_NAME)
    return tuple(value.split(_SEPARATOR)) if value else ()


def en_to_zh(phrase: str) -> tuple[str, ...]:
    """Simplified Chinese words with the English phrase as one of their glosses, likeliest first.

    Words whose first gloss is the phrase come first, then by how common the word is (jieba's
    frequencies); at most eight. Case, spacing and a leading "to"/"the"/"a" do not matter,
    and an irregular form no gloss has is read as its lemma ("met" as "meet").
    """
    key = _LEADING.sub("", " ".join(phrase.lower().split()))
    value = _en().get(key) or _en().get(lemma(key)) or ""
    return tuple(value.split(_SEPARATOR)) if value else ()


def headwords_starting(prefix: str, limit: int = 50) -> list[tuple[str, tuple[str, ...]]]:
    """Simplified headwords that start with `prefix` (but are longer), with their glosses:
    the names a short form may stand for (阿里 -> 阿里巴巴, "alibaba")."""
    return [
        (word, tuple(value.removeprefix(_NAME).split(_SEPARATOR)))
        for word, value in _zh().starting_with(prefix, limit)
        if word != prefix
    ]


def is_name(word: str) -> bool:
    """Whether the word is a name: every CC-CEDICT entry of it has capitalised pinyin.

    北京 and 吉林 are names; 合作 is not, nor 里, which is a surname but also "inside".
    """
    return _entry(word).startswith(_NAME)


def longest_match(text: str, start: int = 0) -> int:
    """The length of the longest headword that text has at start; 0 when none starts there."""
    if not 0 <= start < len(text):
        return 0
    window = text[start : start + LONGEST_HEADWORD]
    if any(ch in _traditional_chars() for ch in window):
        for length in range(len(window), 0, -1):
            if _entry(window[:length]):
                return length
        return 0
    best = 0
    for length in range(1, len(window) + 1):
        # One search tells both whether window[:length] is a headword and whether a longer
        # headword may still start with it.
        found = _zh().ceiling(window[:length])
        if found is None or not found[0].startswith(window[:length]):
            break
        if found[0] == window[:length]:
            best = length
    return best


def segment(text: str) -> list[str]:
    """Chinese text cut into the longest headwords, left to right; other characters in runs.

    A Han character no headword starts with stands alone; a run of other characters
    (Latin letters, digits, punctuation) is one piece, stripped, and spaces are dropped.
    """
    pieces: list[str] = []
    position = 0
    while position < len(text):
        if _HAN.match(text, position):
            length = longest_match(text, position) or 1
        else:
            length = 1
            while position + length < len(text) and not _HAN.match(text, position + length):
                length += 1
        piece = text[position : position + length].strip()
        if piece:
            pieces.append(piece)
        position += length
    return pieces
