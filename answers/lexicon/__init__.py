"""Linguistic resources for reading questions: CC-CEDICT, Chinese function words, pinyin
names and WordNet. Each loads its data once, on first use."""

from answers.lexicon.bilingual import Translation, translate_word
from answers.lexicon.cedict import (
    en_to_zh,
    headwords_starting,
    in_dictionary,
    is_name,
    longest_match,
    segment,
    simplified,
    zh_to_en,
)
from answers.lexicon.function_words import is_designator, is_function_word
from answers.lexicon.pinyin_names import pinyin_spellings, sound, surname_of
from answers.lexicon.wordnet import lemma, synonyms

__all__ = [
    "Translation",
    "en_to_zh",
    "headwords_starting",
    "in_dictionary",
    "is_designator",
    "is_function_word",
    "is_name",
    "lemma",
    "longest_match",
    "pinyin_spellings",
    "segment",
    "simplified",
    "sound",
    "surname_of",
    "synonyms",
    "translate_word",
    "zh_to_en",
]
