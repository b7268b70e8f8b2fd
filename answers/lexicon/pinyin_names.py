"""English spellings of Chinese names through their pinyin, as news writes them.

For names CC-CEDICT lacks, such as people's (刘爱力 -> "liu aili"): the surname apart, the
given name's syllables joined. Each character's commonest reading comes from pypinyin
(data/pinyin_chars.tsv, derived by scripts/derive_pinyin.py; MIT), surnames with their
readings as surnames (单 -> "shan", 曾 -> "zeng") from CC-CEDICT's "surname X" entries
(data/surnames.tsv; CC BY-SA 4.0).
"""

from __future__ import annotations

from functools import cache, lru_cache

from answers.lexicon.table import SortedTable, read_table

_LONGEST_NAME = 4  # a surname of up to two characters and a given name of up to two


@cache
def _surnames() -> SortedTable:
    return read_table("surnames.tsv")


@cache
def _readings() -> SortedTable:
    return read_table("pinyin_chars.tsv")


@lru_cache(maxsize=65536)
def surname_of(name: str) -> str | None:
    """The surname a Chinese name starts with (two characters before one), or None."""
    for length in (2, 1):
        if len(name) > length and name[:length] in _surnames():
            return name[:length]
    return None


@cache
def _reading(char: str) -> str | None:
    """A character's commonest reading (a few thousand characters: each looked up once)."""
    return _readings().get(char)


def _syllables(han: str) -> list[str] | None:
    readings = [_reading(ch) for ch in han]
    return None if None in readings else [r for r in readings if r]


def pinyin_spellings(han: str) -> tuple[str, ...]:
    """Lowercase spellings of a Chinese name: ("liu aili", "liuaili") for 刘爱力.

    A name that starts with a known surname is spelt surname, space, given name joined,
    then all joined; any other (a place, a company) as its syllables spaced, then joined
    ("xiong an", "xiongan"). () for text that is not two to four Han characters. Use it
    for words the dictionary lacks: CC-CEDICT's own gloss of a name is better.
    """
    if not 2 <= len(han) <= _LONGEST_NAME:
        return ()
    syllables = _syllables(han)
    if syllables is None:
        return ()
    surname = surname_of(han)
    if surname is not None:
        given = "".join(syllables[len(surname) :])
        spelt = _surnames().get(surname)
        return (f"{spelt} {given}", f"{spelt}{given}")
    return (" ".join(syllables), "".join(syllables))


def sound(han: str) -> str | None:
    """The toneless pinyin of Chinese text, syllables joined (协议 and 协意: "xieyi");
    None if a character has no reading. Words typed by pinyin input differ by it alone."""
    syllables = _syllables(han)
    return None if syllables is None else "".join(syllables)
