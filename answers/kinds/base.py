"""What every question kind provides: how questions ask it, what fact a passage must hold,
and the templated first line of the answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from answers.expand import Query
    from corpus.model import Article


@dataclass(frozen=True, slots=True)
class Asked:
    """One question as a kind reads it."""

    text: str  # the question, misspellings corrected
    lang: str  # "en" or "zh": the language of the answer
    query: Query


@dataclass(frozen=True, slots=True)
class QuestionKind:
    """A kind of question with its own fact and answer template.

    `asks` holds, per language, the pattern a lowercased question matches; `holds` says
    whether a passage holds the fact asked; `lead` writes the answer's first line from the
    article and the quoted passage (None: the quote alone answers). `fact` names the fact,
    per language, for "the article does not give …". A kind `about_agreement` asks about the
    agreement itself, so a name in the question must be one of its parties or in its title.
    A `required` fact must be in the article: without it the bot says what the article
    lacks instead of quoting something near it.
    """

    name: str
    asks: dict[str, re.Pattern[str]]
    holds: Callable[[str, Asked], bool] = lambda text, asked: True
    lead: Callable[[Asked, Article, str], str | None] = lambda asked, article, text: None
    fact: dict[str, str] = field(default_factory=dict)
    about_agreement: bool = False
    # An article announcing no agreement still answers ("No agreement is reported").
    answers_without_agreement: bool = False
    # An article that holds no such fact does not answer (for every question, or for those
    # the callable picks).
    required: bool | Callable[[Asked], bool] = False

    def needs_fact(self, asked: Asked) -> bool:
        """Whether the article must hold the fact for this question to be answered."""
        return self.required(asked) if callable(self.required) else self.required

    # Words that only say what kind of fact is asked ("how long", "注册资本"): never count
    # against an answer, as a question word does not.
    cues: frozenset[str] = frozenset()

    def soften(self, query: Query) -> Query:
        """The query with this kind's cue words made soft (names are never softened)."""
        concepts = tuple(
            replace(c, soft=True)
            if not c.is_name and (c.text.lower() in self.cues or c.terms <= self.cues)
            else c
            for c in query.concepts
        )
        return replace(query, concepts=concepts)

    def matches(self, question: str, lang: str) -> bool:
        """Whether the question asks this kind."""
        return self.position(question, lang) is not None

    def position(self, question: str, lang: str) -> int | None:
        """Where in the question this kind is asked, or None if it is not."""
        pattern = self.asks.get(lang)
        found = pattern.search(question.lower()) if pattern is not None else None
        return None if found is None else found.start()

    def __repr__(self) -> str:
        return f"<kind {self.name}>"


NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|"
    r"thousands?|millions?|billions?"
)
ZH_NUMERAL = r"[\d一二两三四五六七八九十百千万亿]"

_SIGNING = re.compile(
    r"\bsign|\bagreement|\bdeal\b|\bmous?\b|\bmemorand|\bpact\b|\brenew|签|簽|协议|協議|备忘录|備忘錄"
)


def about_signing(question: str) -> bool:
    """Whether a question is about a signing or an agreement (not, say, a meeting)."""
    return _SIGNING.search(question.lower()) is not None


def topic_found(text: str, asked: Asked) -> bool:
    """Whether `text` has every concept of the question that is neither a name nor soft."""
    from retrieval.tokenize import tokenize

    terms = set(tokenize(text))
    topic = [c for c in asked.query.hard if not c.is_name]
    return all(any(set(alt) <= terms for alt in c.alternatives) for c in topic)


def cue_words(text: str) -> frozenset[str]:
    """A kind's cue words as written and as the tokenizer stems them (Chinese kept whole)."""
    from retrieval.tokenize import has_han, tokenize

    written = text.lower().split()
    stems = {t for w in written if not has_han(w) for t in tokenize(w)}
    return frozenset(written) | stems


@dataclass(frozen=True, slots=True)
class Found:
    """A kind whose fact is whatever a pattern finds in the passage (a sum, a duration, an
    hour): `holds` when it finds one, `lead` renders the template with what it found."""

    pattern: re.Pattern[str]
    template: str  # the template's name; it is filled in as {value}

    def holds(self, text: str, asked: Asked) -> bool:
        return self.pattern.search(text) is not None

    def lead(self, asked: Asked, article: Article, text: str) -> str | None:
        from answers.templates import render

        found = self.pattern.search(text)
        return render(asked.lang, self.template, value=found.group().strip()) if found else None
