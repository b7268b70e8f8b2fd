"""A question's words in the other language: Chinese words through CC-CEDICT (names it lacks in
pinyin), English words through CC-CEDICT read backwards, WordNet synonyms as weaker
alternatives. All translations of one word are one concept (a structured query, Pirkola)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from answers.lexicon import (
    en_to_zh,
    in_dictionary,
    is_designator,
    is_function_word,
    pinyin_spellings,
    surname_of,
    synonyms,
    translate_word,
    zh_to_en,
)
from answers.lexicon.bilingual import Translation
from corpus.text import HAN, to_simplified
from retrieval.tokenize import cut_words, has_han, tokenize

Terms = tuple[str, ...]

MAX_TRANSLATIONS = 3  # the likeliest Chinese words for one English word
MAX_SYNONYMS = 4  # WordNet synonyms of one English word, commonest sense first
MAX_GLOSSES = 2  # the glosses of a Chinese character its compounds are looked up by
_LONGEST_GIVEN_NAME = 2


def han_words(run: str) -> list[str]:
    """The words of a Chinese run as the dictionary reads them, where jieba cut apart what
    the lexicon knows as one word:

    - a surname and its given name (刘 + 爱力 -> 刘爱力) when the two read as a person;
    - a verb and its object split by a particle (签 + 的 + 字 -> 签字, 见了面 -> 见面): the
      separable verbs of Chinese grammar, when the two make a dictionary word;
    - neighbours that make a longer dictionary word when one of them is none
      (蚂蚁 + 金服 -> 蚂蚁金服): the longest match, for names jieba does not know;
    - an organisation's name: the words before a designator such as 总社 or 集团
      (供销合作 + 总社 -> 供销合作总社), so it is matched whole, not word by word.
    """
    words = cut_words(run)
    joined: list[str] = []
    i = 0
    while i < len(words):
        size, word = _joined_at(words, i)
        joined.append(word)
        i += size
    return joined


_PARTICLES = frozenset("的了过")  # what may stand inside a separable verb: 签的字, 见了面
_LONGEST_JOIN = 3  # jieba words joined into one dictionary word at most


def _joined_at(words: list[str], i: int) -> tuple[int, str]:
    """How many words from i read as one, and that word."""
    word = words[i]
    after = words[i + 1] if i + 1 < len(words) else ""
    if (
        0 < len(after) <= _LONGEST_GIVEN_NAME
        and surname_of(word + after) == word
        and translate_word(word + after).person
    ):
        return 2, word + after
    if (
        len(word) == 3
        and word[1] in _PARTICLES
        and not in_dictionary(word)
        and in_dictionary(word[0] + word[2])
    ):
        return 1, word[0] + word[2]  # jieba's own 见了面
    if (
        i + 2 < len(words)
        and after in _PARTICLES
        and len(word) == len(words[i + 2]) == 1
        and in_dictionary(word + words[i + 2])
        and not is_function_word(word + words[i + 2])
    ):
        return 3, word + words[i + 2]
    for size in range(min(_LONGEST_JOIN, len(words) - i), 1, -1):
        group = words[i : i + size]
        if any(not in_dictionary(w) for w in group) and in_dictionary("".join(group)):
            return size, "".join(group)
        if is_designator(group[-1]) and all(_name_part(w) for w in group[:-1]):
            return size, "".join(group)
    return 1, word


def organisation_head(word: str) -> str | None:
    """The words before the designator of an organisation's name the dictionary lacks
    (供销合作总社 -> 供销合作); None for any other word."""
    if in_dictionary(word):
        return None
    for size in range(len(word) - 1, 0, -1):
        if is_designator(word[-size:]):
            return word[:-size]
    return None


def _name_part(word: str) -> bool:
    """Whether a word may begin an organisation's name: Chinese, no function word."""
    return has_han(word) and not is_function_word(word) and not is_designator(word)


def han_word_reading(word: str) -> Iterator[tuple[str, tuple[Terms, ...], bool, bool]]:
    """How one Chinese word of a question is read: (text, alternatives, is_name, function).

    The word as articles index it comes first, then its English. A word the dictionary
    lacks is read as its parts when one of them is a dictionary word of two characters or
    more (跨境电商 -> 跨境, 电商) or a function word (签了 -> 签); otherwise it is a name
    (上汽, 南霞市, 刘爱力), spelt in pinyin too.
    """
    translation = translate_word(word)
    if translation.function_word:
        yield word, (own_terms(word),), False, True
        return
    parts = translation.parts
    if translation.english or not parts or translation.person:
        yield word, _alternatives(word, translation), _is_name(translation), False
        return
    if any(p.function_word for p in parts) or any(len(p.word) > 1 for p in parts):
        # Each part also matches the whole word, as jieba cuts it from Chinese articles.
        whole = (word,)
        for part in parts:
            if not part.function_word and (len(part.word) > 1 or part.english):
                for text, alternatives, is_name, function in han_word_reading(part.word):
                    yield text, (*alternatives, whole), is_name, function
        return
    yield word, _alternatives(word, translation), True, False


def _alternatives(word: str, translation: Translation) -> tuple[Terms, ...]:
    found = [own_terms(word), (word,)]
    found += [tuple(tokenize(english)) for english in translation.english]
    found += [tuple(tokenize(spelling)) for spelling in translation.spellings]
    return tuple(dict.fromkeys(a for a in found if a))


def _is_name(translation: Translation) -> bool:
    return translation.is_name or bool(translation.spellings)


def own_terms(word: str) -> Terms:
    """A Chinese word as the index cuts it (the word itself if that gives nothing)."""
    return tuple(tokenize(word)) or (word,)


@lru_cache(maxsize=1024)
def near_synonyms(word: str) -> tuple[Terms, ...]:
    """Other words an article may write for a Chinese word of a question: those that share
    one of its two commonest glosses and one of its characters (签 -> 签署, 签字 -> 签订).
    Weaker alternatives: a question's 签 is the article's 签署, but 面 is not always 方面."""
    found = [
        zh
        for gloss in zh_to_en(word)[:MAX_GLOSSES]
        for zh in en_to_zh(gloss)
        if zh != word and set(zh) & set(word) and not is_function_word(zh)
    ]
    return tuple((zh,) for zh in dict.fromkeys(found))


@lru_cache(maxsize=8192)
def chinese_of(word: str) -> tuple[Terms, ...]:
    """The Chinese an English word or phrase may be written as, each as one term: the
    dictionary's likeliest words for it and for the forms it may be listed under
    ("established" also as "establish", "centres" as "center")."""
    found = [
        zh
        for form in english_forms(word)
        for zh in en_to_zh(form)[:MAX_TRANSLATIONS]
        if not is_function_word(zh)
    ]
    return tuple((zh,) for zh in dict.fromkeys(found))


# Regular inflections and British spellings, tried in order when the dictionary lacks a form.
_SUFFIXES = (
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
)
_BRITISH = (("tre", "ter"), ("our", "or"), ("ise", "ize"), ("yse", "yze"), ("ence", "ense"))


def english_forms(word: str) -> list[str]:
    """The word, then the forms a dictionary may list it under: without a regular ending,
    in American spelling."""
    word = word.lower()
    forms = [word]
    for ending, replacement in _SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: -len(ending)] + replacement)
    for british, american in _BRITISH:
        forms += [f.replace(british, american) for f in list(forms) if british in f]
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=8192)
def related_words(word: str) -> tuple[Terms, ...]:
    """WordNet synonyms of an English word: weaker alternatives, never required."""
    return tuple(
        terms for synonym in synonyms(word)[:MAX_SYNONYMS] if (terms := tuple(tokenize(synonym)))
    )


class ChineseNames:
    """The names of Chinese articles by their pinyin, so an English question can name them
    ("Nanxia" finds 南霞市, "Yunxiu" 云岫): every two to four characters of each Chinese
    article's title and parties, spelt without spaces (jieba may cut a name it does not
    know, so words alone would miss it)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._by_spelling: dict[str, set[str]] | None = None

    def find(self, word: str) -> tuple[Terms, ...]:
        """The wordings, as the index has them, of the articles' names spelt `word`."""
        if self._by_spelling is None:
            self._by_spelling = self._spellings()
        found = sorted(self._by_spelling.get(word.lower(), ()))
        return tuple(dict.fromkeys(t for name in found if (t := tuple(tokenize(name)))))

    def _spellings(self) -> dict[str, set[str]]:
        names = {
            run[start : start + size]
            for text in set(self._texts)
            for run in _HAN_RUN.findall(to_simplified(text))
            for start in range(len(run) - 1)
            for size in range(2, min(len(run) - start, _LONGEST_PINYIN_NAME) + 1)
        }
        found: dict[str, set[str]] = {}
        for name in names:  # titles repeat their words: each spelt once
            spellings = pinyin_spellings(name)
            if spellings:
                found.setdefault(spellings[-1].replace(" ", ""), set()).add(name)
        return found


_LONGEST_PINYIN_NAME = 4
_HAN_RUN = re.compile(rf"[{HAN}]+")
