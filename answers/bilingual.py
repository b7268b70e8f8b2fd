"""A question's words in the other language: Chinese words through CC-CEDICT (names it lacks in
pinyin), English words through CC-CEDICT read backwards, WordNet synonyms as weaker
alternatives. All translations of one word are one concept (a structured query, Pirkola)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from answers.lexicon import (
    en_to_zh,
    is_function_word,
    pinyin_spellings,
    surname_of,
    synonyms,
    translate_word,
)
from answers.lexicon.bilingual import Translation
from retrieval.tokenize import cut_words, tokenize

Terms = tuple[str, ...]

MAX_TRANSLATIONS = 3  # the likeliest Chinese words for one English word
MAX_SYNONYMS = 4  # WordNet synonyms of one English word, commonest sense first
_LONGEST_GIVEN_NAME = 2


def han_words(run: str) -> list[str]:
    """The words of a Chinese run; a surname cut apart from its given name is joined again
    (刘 + 爱力 -> 刘爱力) when the lexicon reads the two as a person."""
    words = cut_words(run)
    joined: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        after = words[i + 1] if i + 1 < len(words) else ""
        if (
            surname_of(word) == word
            and 0 < len(after) <= _LONGEST_GIVEN_NAME
            and translate_word(word + after).person
        ):
            joined.append(word + after)
            i += 2
            continue
        joined.append(word)
        i += 1
    return joined


def han_word_reading(word: str) -> Iterator[tuple[str, tuple[Terms, ...], bool, bool]]:
    """How one Chinese word of a question is read: (text, alternatives, is_name, function).

    The word as articles index it comes first, then its English. A word the dictionary
    lacks is read as its parts when one of them is a dictionary word of two characters or
    more (跨境电商 -> 跨境, 电商) or a function word (签了 -> 签); otherwise it is a name
    (上汽, 南霞市, 刘爱力), spelt in pinyin too.
    """
    translation = translate_word(word)
    if translation.function_word:
        yield word, (_own(word),), False, True
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
    found = [_own(word), (word,)]
    found += [tuple(tokenize(english)) for english in translation.english]
    found += [tuple(tokenize(spelling)) for spelling in translation.spellings]
    return tuple(dict.fromkeys(a for a in found if a))


def _is_name(translation: Translation) -> bool:
    return translation.is_name or bool(translation.spellings)


def _own(word: str) -> Terms:
    return tuple(tokenize(word)) or (word,)


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
    ("Nanxia" finds 南霞市): the beginnings, two to four characters long, of the words of
    each Chinese article's title and parties, spelt without spaces."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._by_spelling: dict[str, set[str]] | None = None

    def find(self, word: str) -> tuple[Terms, ...]:
        """The words of the articles spelt `word` in pinyin, each as one term."""
        if self._by_spelling is None:
            self._by_spelling = self._spellings()
        return tuple((term,) for term in sorted(self._by_spelling.get(word.lower(), ())))

    def _spellings(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for text in self._texts:
            for term in tokenize(text):
                for size in range(2, min(len(term), _LONGEST_PINYIN_NAME) + 1):
                    spellings = pinyin_spellings(term[:size])
                    if spellings:
                        found.setdefault(spellings[-1].replace(" ", ""), set()).add(term)
        return found


_LONGEST_PINYIN_NAME = 4
