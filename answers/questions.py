"""What kind of question a person asks, in English or Chinese."""

from __future__ import annotations

import re
from enum import Enum
from importlib import resources

from retrieval.tokenize import has_han


class Kind(Enum):
    """The question types that have their own answer template."""

    WHEN = "when"
    WHO = "who"
    WHERE = "where"
    HOW_MANY = "how_many"
    LIST = "list"  # which areas, what fields, what tasks
    AGREEMENT = "agreement"  # what agreement was signed
    DEFAULT = "default"


# Checked in order; the first pattern that matches decides.
_PATTERNS: dict[str, tuple[tuple[Kind, re.Pattern[str]], ...]] = {
    "en": (
        (Kind.HOW_MANY, re.compile(r"\bhow (many|much)\b|\bnumber of\b")),
        (Kind.WHEN, re.compile(r"\bwhen\b|\b(what|which) (date|day|month|year|time)\b|\bdate\b")),
        (Kind.WHERE, re.compile(r"\bwhere\b|\b(what|which) (city|place|province|venue)\b")),
        (Kind.WHO, re.compile(r"\bwho(m|se)?\b|\bwhich (people|person|officials?|leaders?)\b")),
        (
            Kind.LIST,
            re.compile(
                r"\b(what|which)\b.*\b(areas?|fields?|aspects?|sectors?|tasks?|projects|"
                r"parts|points|measures|services)\b|\bwhat does .* (cover|include)\b|"
                r"\b(areas|fields|sectors|scope)\b"
            ),
        ),
        (
            Kind.AGREEMENT,
            re.compile(
                r"\bwhat (kind of |sort of |type of )?(agreements?|deals?|pacts?|contracts?|"
                r"accords?)\b|\bwhat did\b.*\b(sign|signed|agree|agreed|conclude)\b|"
                r"\bwhat (was|were|has been|have been) (signed|agreed)\b"
            ),
        ),
    ),
    "zh": (
        (Kind.HOW_MANY, re.compile(r"多少|几[个项条家种年]|几")),
        (Kind.WHEN, re.compile(r"什么时候|何时|哪天|哪一天|几月|日期|哪年|哪一年|时间")),
        (Kind.WHERE, re.compile(r"哪里|在哪|何地|哪儿|什么地方|哪个城市")),
        (Kind.WHO, re.compile(r"谁|哪些人|何人|哪位|哪些领导")),
        (Kind.LIST, re.compile(r"哪些|领域|哪几个|包括什么|包含|范围")),
        (
            Kind.AGREEMENT,
            re.compile(
                r"(签|达成|订)[了的署订约]*(什么|啥|哪种|何种)|(什么|哪种|何种|啥)(样的)?协议"
            ),
        ),
    ),
}

# Words that only say what kind of question it is: they may help a match but never
# count against one (answers/data/question_words.txt).
SOFT_WORDS = frozenset(
    resources.files("answers").joinpath("data/question_words.txt").read_text("utf-8").split()
)


def question_lang(question: str) -> str:
    """The question's language: "zh" if it has any Chinese character, else "en"."""
    return "zh" if has_han(question) else "en"


def question_kind(question: str, lang: str | None = None) -> Kind:
    """The kind of a question, from its wording alone."""
    lang = lang or question_lang(question)
    text = question.lower()
    for kind, pattern in _PATTERNS[lang]:
        if pattern.search(text):
            return kind
    return Kind.DEFAULT


_AREAS = {
    "en": re.compile(r"\b(areas?|fields?|aspects?|sectors?|scope)\b"),
    "zh": re.compile(r"领域|方面|范围"),
}


def asks_for_areas(question: str, lang: str | None = None) -> bool:
    """Whether the question asks what areas an agreement covers."""
    lang = lang or question_lang(question)
    return _AREAS[lang].search(question.lower()) is not None
