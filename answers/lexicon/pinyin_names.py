"""English spellings of Chinese names through their pinyin (pypinyin), as news writes them.

For names CC-CEDICT lacks, such as people's (刘爱力 -> "liu aili"): the surname apart, the
given name's syllables joined. Surnames, with their readings as surnames (单 -> "shan",
曾 -> "zeng"), come from CC-CEDICT's "surname X" entries (data/surnames.tsv, CC BY-SA 4.0).
"""

from __future__ import annotations

from functools import cache

from answers.lexicon.table import read_lines

_LONGEST_NAME = 4  # a surname of up to two characters and a given name of up to two


@cache
def surnames() -> dict[str, str]:
    """Chinese surnames and their pinyin: {"刘": "liu", "欧阳": "ouyang"}."""
    return dict(line.split("\t", 1) for line in read_lines("surnames.tsv"))


def _syllables(han: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # loaded only when a name needs spelling

    return [s.replace("ü", "u") for s in lazy_pinyin(han, style=Style.NORMAL, v_to_u=True)]


def _is_han(text: str) -> bool:
    return bool(text) and all("\u3400" <= ch <= "\u9fff" for ch in text)


def pinyin_spellings(han: str) -> tuple[str, ...]:
    """Lowercase spellings of a Chinese name: ("liu aili", "liuaili") for 刘爱力.

    A name that starts with a known surname is spelt surname, space, given name joined,
    then all joined; any other (a place, a company) as its syllables spaced, then joined
    ("xiong an", "xiongan"). () for text that is not two to four Han characters. Use it
    for words the dictionary lacks: CC-CEDICT's own gloss of a name is better.
    """
    if not _is_han(han) or not 2 <= len(han) <= _LONGEST_NAME:
        return ()
    known = surnames()
    for length in (2, 1):
        surname, given = han[:length], han[length:]
        if surname in known and given:
            joined_given = "".join(_syllables(given))
            return (f"{known[surname]} {joined_given}", f"{known[surname]}{joined_given}")
    syllables = _syllables(han)
    return (" ".join(syllables), "".join(syllables))
