"""Which of a question's words name something the articles have, read against the corpus.

A word typed in lowercase is a name when the articles always write it capitalised
("dalian"); an English phrase that is, in Chinese, part of a party's name names that party
("supply and marketing", 供销); an English name no article has may be a Chinese article's
name spelt in pinyin ("Nanxia" for 南霞市), and Chinese words whose pinyin is a name English
articles write are that name (乔木: Qiaomu). Chinese short forms are read by
answers.abbreviations over the corpus's terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from answers.abbreviations import ShortForms
from answers.bilingual import ChineseNames
from answers.coverage import Weigher
from answers.expand import Concept
from answers.lexicon import sound
from corpus.text import to_simplified
from retrieval.index import Index
from retrieval.tokenize import has_han, tokenize

if TYPE_CHECKING:
    from corpus.model import Article

NAME_EVIDENCE = 8  # passages read to tell whether the articles write a word as a name
_MAX_REMEMBERED_WORDS = 10_000  # words whose reading as a name a long-running bot remembers
# Chinese words read together as the pinyin of a name English articles write.
_LONGEST_SPELT_NAME = 3
_SHORTEST_SPELT_NAME = 5  # letters: "he", "dong" spell too many things


class NameReader:
    """Reads a question's concepts as the names of a corpus."""

    def __init__(
        self, articles: Sequence[Article], index: Index, weigher: Weigher, *, bilingual: bool
    ) -> None:
        self._articles = articles
        self._index = index
        self._weigher = weigher
        self._bilingual = bilingual
        self._written: dict[str, bool] = {}  # see written_as_name
        self.short_forms = ShortForms(self._han_words, lambda term: index.idf(term) > 0)
        chinese = [a for a in articles if a.lang.startswith("zh")]
        self._chinese_names = ChineseNames(
            " ".join((a.title, *(a.agreement.parties if a.agreement else ()))) for a in chinese
        )

    def read(self, concepts: Sequence[Concept]) -> list[Concept]:
        """The concepts with the names among them marked, and spelt as the articles do."""
        read = []
        for concept in concepts:
            latin = not has_han(concept.text)
            if (
                latin
                and not concept.is_name
                and not concept.soft
                and (self.written_as_name(concept.text) or self._names_a_party(concept))
            ):
                concept = replace(concept, is_name=True, common=False, related=())
            if self._bilingual and latin and concept.is_name and not self._weigher.known(concept):
                found = self._chinese_names.find(concept.text.replace(" ", ""))
                concept = replace(concept, alternatives=(*concept.alternatives, *found))
            read.append(concept)
        return self._spelt_names(read) if self._bilingual else read

    def _spelt_names(self, concepts: list[Concept]) -> list[Concept]:
        """Chinese words that are, in pinyin, a name English articles write ("乔木" is
        Qiaomu, "金兰" + "禾" Jinlanhe, 菜鸟 Cainiao): read as that name, one concept."""
        read: list[Concept] = []
        i = 0
        while i < len(concepts):
            for size in range(min(_LONGEST_SPELT_NAME, len(concepts) - i), 0, -1):
                group = concepts[i : i + size]
                if any(c.soft or not has_han(c.text) for c in group):
                    continue
                spelt = [sound(c.text) for c in group]
                if None in spelt or len(spelling := "".join(spelt)) < _SHORTEST_SPELT_NAME:
                    continue
                terms = tuple(tokenize(spelling))
                if any(c.is_name and any(not has_han(a[0]) for a in c.alternatives) for c in group):
                    continue  # a name with its own English (陕西 is Shaanxi, not Shanxi)
                if len(terms) == 1 and self.written_as_name(spelling):
                    # A word no article has right after the name is part of it (药业 in
                    # 金兰禾药业), as with any name (expand's "name part").
                    while (
                        i + size < len(concepts)
                        and has_han(concepts[i + size].text)
                        and concepts[i + size].is_name
                        and not self._weigher.known(concepts[i + size])
                    ):
                        group = [*group, concepts[i + size]]
                        size += 1
                    text = "".join(c.text for c in group)
                    own = (a for c in group for a in c.alternatives[: 1 if size > 1 else None])
                    alternatives = tuple(dict.fromkeys((terms, *own)))
                    read.append(Concept(text, alternatives, is_name=True))
                    i += size
                    break
            else:
                read.append(concepts[i])
                i += 1
        return read

    def _han_words(self) -> list[str]:
        """The corpus's Chinese terms, and its runs of Chinese text (the 京东数字科技集团 an
        English article puts in brackets): what a Chinese short form may stand for."""
        runs = (w for w in self._index.word_counts() if has_han(w))
        return [*self._index.vocabulary(), *runs]

    def _names_a_party(self, concept: Concept) -> bool:
        """Whether a phrase of the question is, in Chinese, part of a party's name ("supply
        and marketing" is 供销, of 中华全国供销合作总社): it names that party."""
        if " " not in concept.text:
            return False
        _, chinese = self.party_names
        return any(
            len(alt) == 1 and len(alt[0]) > 1 and any(alt[0] in name for name in chinese)
            for alt in concept.alternatives
            if has_han(alt[0])
        )

    def written_as_name(self, word: str) -> bool:
        """Whether the passages that have the word write it capitalised, but for a
        sentence's first word (a lowercase word in a question may be a name). Remembered:
        questions use the same words again and again, and each costs a search."""
        known = self._written.get(word)
        if known is None:
            if len(self._written) >= _MAX_REMEMBERED_WORDS:
                self._written.clear()
            known = self._written[word] = self._read_as_name(word)
        return known

    def _read_as_name(self, word: str) -> bool:
        terms = tokenize(word)
        if len(terms) != 1 or not word.isalpha() or self._index.idf(terms[0]) <= 0:
            return False
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        seen = False
        for hit in self._index.search(terms, k=NAME_EVIDENCE):
            for found in pattern.finditer(hit.passage.text):
                if found.start() == 0:
                    continue
                if not found.group()[0].isupper():
                    return False
                seen = True
        return seen

    def a_party(self, concept: Concept) -> bool:
        """Whether the concept names a party to some agreement of the corpus (a Chinese
        wording is looked up in the Chinese names as written: no jieba for this)."""
        latin, chinese = self.party_names
        return any(
            (has_han(alt[0]) and any("".join(alt) in name for name in chinese))
            or (not has_han(alt[0]) and set(alt) <= latin)
            for alt in concept.alternatives
        )

    @cached_property
    def party_names(self) -> tuple[frozenset[str], tuple[str, ...]]:
        parties = {p for a in self._articles if a.agreement for p in a.agreement.parties}
        latin = frozenset(t for p in parties if not has_han(p) for t in tokenize(p))
        return latin, tuple(to_simplified(p) for p in parties if has_han(p))
