"""Chinese short forms: the full names a question's 邮储, 供销社 or 阿里 stands for.

Chinese shortens names by keeping some of their characters in order (供销合作社 -> 供销社,
上海汽车 -> 上汽) or their first word (阿里巴巴 -> 阿里). A question's word that no article
has is looked up as such a short form of: the articles' own Chinese terms and the glossary's
(keeping the first character and the rest in order), and CC-CEDICT's names (as a prefix),
those only when the articles know the name's English.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property

from answers.data_files import NAME_KINDS, glossary
from answers.lexicon import headwords_starting, is_designator, is_name
from retrieval.tokenize import has_han, tokenize

Terms = tuple[str, ...]

MAX_FORMS = 4  # full names one short form may stand for
_LONGEST_SHORT_FORM = 4
_MAX_STRETCH = 4  # a full name is at most this many times as long as its short form


def is_short_form(short: str, full: str) -> bool:
    """Whether `short` keeps characters of `full` in order, from the first of a name that
    may follow a qualifier (供销社 of 中华全国供销合作总社: 供销合作总社 after 中华全国)."""
    start = full.find(short[0])
    tail = full[start:]
    if start < 0 or len(tail) <= len(short) or len(tail) > _MAX_STRETCH * len(short):
        return False
    rest = iter(tail[1:])
    return all(ch in rest for ch in short[1:])


class ShortForms:
    """The full names of short forms, from a corpus's terms, the glossary and CC-CEDICT."""

    def __init__(self, vocabulary: Callable[[], Sequence[str]], known: Callable[[str], bool]):
        self._vocabulary = vocabulary  # the corpus's terms, read on first use
        self._known = known  # whether some article has the term

    def full_names(self, word: str) -> tuple[tuple[Terms, ...], bool]:
        """The wordings of what `word` may stand for, and whether that is a name; ((), False)
        for a word the articles have, or one too long to be a short form."""
        if not 2 <= len(word) <= _LONGEST_SHORT_FORM or self._known(word):
            return (), False
        found: list[Terms] = []
        named = False
        for term in self._by_character.get(word[0], ()):
            if is_short_form(word, term) and len(found) < MAX_FORMS:
                found.append((term,))
                named = named or _ends_as_name(term)
        for entry in self._glossary_by_first.get(word[0], ()):
            if is_short_form(word, entry.term):
                found.extend(tuple(tokenize(e)) for e in entry.english)
                named = named or entry.kind in NAME_KINDS
        for headword, glosses in headwords_starting(word):
            if not is_name(headword):
                continue
            for gloss in glosses:
                english = tuple(tokenize(gloss))
                if english and all(map(self._known, english)):
                    found.append(english)
                    named = True
        return tuple(dict.fromkeys(f for f in found if f)), named

    @cached_property
    def _by_character(self) -> dict[str, list[str]]:
        """The corpus's Chinese terms of three characters or more, by each of their
        characters, shortest first."""
        table: dict[str, list[str]] = {}
        for term in sorted((t for t in self._vocabulary() if len(t) > 2 and has_han(t)), key=len):
            for character in set(term):
                table.setdefault(character, []).append(term)
        return table

    @cached_property
    def _glossary_by_first(self) -> dict[str, list]:
        table: dict[str, list] = {}
        for entry in glossary():
            if has_han(entry.term):
                table.setdefault(entry.term[0], []).append(entry)
        return table


def _ends_as_name(term: str) -> bool:
    return any(is_designator(term[-size:]) for size in range(1, len(term)))
