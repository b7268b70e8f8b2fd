"""One Chinese word of a question in English: dropped, translated, cut up or spelt as a name."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from answers.lexicon.cedict import in_dictionary, is_name, segment, zh_to_en
from answers.lexicon.function_words import is_function_word
from answers.lexicon.pinyin_names import pinyin_spellings, surname_of

_LONGEST_GIVEN_NAME = 2  # 刘爱力: one surname, two characters


@dataclass(frozen=True, slots=True)
class Translation:
    """What a Chinese word becomes in English; all of `english` is one concept (Pirkola)."""

    word: str
    english: tuple[str, ...] = ()  # CC-CEDICT's glosses; () for a word it lacks
    function_word: bool = False  # carries no topic: drop it before translating
    is_name: bool = False  # CC-CEDICT has it as a name (北京, 中国邮政)
    # For a word CC-CEDICT lacks:
    parts: tuple[Translation, ...] = ()  # its longest headwords (农业农村部: 农业, 农村, 部)
    spellings: tuple[str, ...] = ()  # its pinyin, as a name is spelt (京东: "jing dong")
    person: bool = False  # reads as a person's name (刘爱力): match it by its spellings


def _known_to_jieba(word: str) -> bool:
    import jieba  # already loaded to cut the question

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return bool(jieba.get_FREQ(word))


def _looks_like_a_person(word: str, pieces: list[str]) -> bool:
    """A surname, a given name of one or two characters, no function word, no known word."""
    surname = surname_of(word)
    return (
        surname is not None
        and len(word) - len(surname) <= _LONGEST_GIVEN_NAME
        and not any(is_function_word(piece) for piece in pieces)
        and not _known_to_jieba(word)
    )


def translate_word(word: str) -> Translation:
    """The English of one Chinese word (a jieba word of the question), by the resources here.

    A function word is marked to drop. A CC-CEDICT headword gets its glosses and whether it is
    a name. A word the dictionary lacks gets its longest headwords as `parts`
    (农业农村部 -> 农业, 农村, 部) and its pinyin as `spellings`; it reads as a person's name
    (刘爱力 -> "liu aili") when it is a surname and one or two characters that neither hold
    a function word nor make a word jieba knows (签约, 共建 are words, not people).
    """
    if is_function_word(word):
        return Translation(word, function_word=True)
    if in_dictionary(word):
        return Translation(word, zh_to_en(word), is_name=is_name(word))
    pieces = segment(word)
    spellings = pinyin_spellings(word)
    parts = tuple(translate_word(piece) for piece in pieces) if len(pieces) > 1 else ()
    person = bool(spellings) and _looks_like_a_person(word, pieces)
    return Translation(word, parts=parts, spellings=spellings, person=person)
