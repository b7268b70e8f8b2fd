"""One Chinese word of a question in English: dropped, translated, split or spelt as a name."""

from __future__ import annotations

from dataclasses import dataclass

from answers.lexicon.cedict import in_dictionary, is_name, segment, zh_to_en
from answers.lexicon.function_words import is_function_word
from answers.lexicon.pinyin_names import pinyin_spellings, surname_of

_LONGEST_PERSON = 3  # 刘爱力; longer unknown words are rarely a person's name


@dataclass(frozen=True, slots=True)
class Translation:
    """What a Chinese word becomes in English; all of `english` is one concept (Pirkola)."""

    word: str
    english: tuple[str, ...] = ()  # CC-CEDICT's glosses, or the pinyin of an unknown name
    function_word: bool = False  # carries no topic: drop it before translating
    is_name: bool = False  # a name: CC-CEDICT says so, or an unknown word spelt in pinyin
    parts: tuple[Translation, ...] = ()  # an unknown compound cut into dictionary words
    spellings: tuple[str, ...] = ()  # pinyin, when the unknown word may be a person's name


def translate_word(word: str) -> Translation:
    """The English of one Chinese word (a jieba word of the question), by the resources here.

    A function word is marked to drop. A CC-CEDICT headword gets its glosses. A word the
    dictionary lacks is cut into its longest headwords when one of them is longer than a
    character (农业农村部 -> 农业, 农村, 部), and spelt in pinyin as a name otherwise
    (刘爱力 -> "liu aili"); a short one starting with a surname gets both.
    """
    if is_function_word(word):
        return Translation(word, function_word=True)
    if in_dictionary(word):
        return Translation(word, zh_to_en(word), is_name=is_name(word))
    pieces = segment(word)
    spellings = pinyin_spellings(word)
    if len(pieces) > 1 and any(len(piece) > 1 and in_dictionary(piece) for piece in pieces):
        parts = tuple(translate_word(piece) for piece in pieces)
        person = surname_of(word) is not None and len(word) <= _LONGEST_PERSON
        return Translation(word, parts=parts, spellings=spellings if person else ())
    return Translation(word, spellings, is_name=bool(spellings), spellings=spellings)
