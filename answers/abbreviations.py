"""Chinese short forms and typing slips: the full names a question's 邮储, 供销社 or 阿里
stands for, and the word 协意 was typed for.

Chinese shortens names by keeping some of their characters in order (供销合作社 -> 供销社,
上海汽车 -> 上汽) or their first word (阿里巴巴 -> 阿里). A question's word that no article
has is looked up as such a short form of: the articles' own Chinese terms and the glossary's
(keeping the first character and the rest in order), and CC-CEDICT's names (as a prefix),
those only when the articles know the name's English. A word that is none of these may be
a slip of pinyin input: a dictionary word that sounds the same and starts the same (协意 ->
协议) is read instead, when the articles have it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from answers.data_files import NAME_KINDS, glossary
from answers.lexicon import headwords_starting, is_designator, is_name, sound
from retrieval.tokenize import has_han, tokenize

Terms = tuple[str, ...]

MAX_FORMS = 4  # full names one short form may stand for
_LONGEST_SHORT_FORM = 4
_MAX_STRETCH = 4  # a full name is at most this many times as long as its short form
_SOUND_ALIKE_SCAN = 200  # dictionary words read for one that sounds alike


@dataclass(frozen=True, slots=True)
class Reading:
    """What a question's Chinese word the articles lack stands for."""

    forms: tuple[Terms, ...]  # the wordings of the full names, or of the word typed for
    is_name: bool
    typed_for: str | None = None  # the word meant, for a slip of pinyin input
    keeps_own: bool = False  # the word's own reading stays: the forms only add to it


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
        # The corpus's terms (and runs of Chinese text), read on first use.
        self._vocabulary = vocabulary
        self._known = known  # whether some article has the term

    def reading(self, word: str) -> Reading | None:
        """What `word` stands for: the full names it is a short form of, else the word it
        was typed for; None for none of these. A word the articles have is only read as
        the glossary's names it is short for (邮储 of 邮储银行, whose English articles use)."""
        if not 2 <= len(word) <= _LONGEST_SHORT_FORM:
            return None
        glossary_forms, named = self._glossary_forms(word)
        if self._known(word):
            return Reading(glossary_forms, named, keeps_own=True) if glossary_forms else None
        found = list(glossary_forms)
        for term in self._by_character.get(word[0], ()):
            if len(found) >= MAX_FORMS or not is_short_form(word, term):
                continue
            if self._known(term):
                found.append((term,))
            elif word not in term:  # a run of text that holds the word whole is no name
                found.append(tuple(tokenize(term)))
            else:
                continue
            named = named or _ends_as_name(term)
        for headword, glosses in headwords_starting(word):
            if not is_name(headword):
                continue
            for gloss in glosses:
                english = tuple(tokenize(gloss))
                if english and all(map(self._known, english)):
                    found.append(english)
                    named = True
        if not found:
            return self._sounding_alike(word)
        return Reading(tuple(dict.fromkeys(f for f in found if f)), named)

    def _glossary_forms(self, word: str) -> tuple[tuple[Terms, ...], bool]:
        found: list[Terms] = []
        named = False
        for entry in self._glossary_by_first.get(word[0], ()):
            if is_short_form(word, entry.term):
                found.extend(tuple(tokenize(e)) for e in entry.english)
                named = named or entry.kind in NAME_KINDS
        return tuple(f for f in found if f), named

    def _sounding_alike(self, word: str) -> Reading | None:
        """The readings of the dictionary word the articles have that `word` was typed for
        by pinyin input: the same sound and length, the same first characters."""
        spoken = sound(word)
        if spoken is None:
            return None
        for kept in range(len(word) - 1, 0, -1):
            for headword, glosses in headwords_starting(word[:kept], _SOUND_ALIKE_SCAN):
                if len(headword) != len(word) or sound(headword) != spoken:
                    continue
                english = [tuple(tokenize(g)) for g in glosses]
                if self._known(headword) or any(e and all(map(self._known, e)) for e in english):
                    forms = (tuple(tokenize(headword)) or (headword,), *english)
                    forms = tuple(dict.fromkeys(f for f in forms if f))
                    return Reading(forms, is_name(headword), typed_for=headword)
        return None

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
