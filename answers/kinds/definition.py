"""What something is ("what are ULE stations?"), what an aim is, and any other question:
the quote answers, led by a definition where the article gives one."""

from __future__ import annotations

import re

from answers.definitions import definition, definition_subject
from answers.kinds.base import Asked, QuestionKind, cue_words
from retrieval.tokenize import tokenize


def _names_subject(text: str, asked: Asked) -> bool:
    """Whether the passage defines what "what is X" asks about, or at least names X whole."""
    if definition(asked.text, text, asked.lang) is not None:
        return True
    found = definition_subject(asked.text, asked.lang)
    if found is None:
        return False
    subject = found[0].lower()
    terms = set(tokenize(text))
    return all(
        any(set(alt) <= terms for alt in c.alternatives)
        for c in asked.query.hard
        if c.text.lower() in subject
    )


def _asks_what_x_is(asked: Asked) -> bool:
    return definition_subject(asked.text, asked.lang) is not None


DEFAULT = QuestionKind(
    name="definition",
    # What a name stands for is an organisation, a body: the words only frame the question.
    cues=cue_words("mean means meaning stand stands refer refers 机构 单位 组织 含义 意思"),
    asks={"en": re.compile(r""), "zh": re.compile(r"")},
    holds=_names_subject,
    lead=lambda asked, article, text: definition(asked.text, text, asked.lang),
    fact={"en": "what it is", "zh": "它是什么"},
    # "What is X?" needs a passage that names X whole: words of X scattered over an
    # article that is about something else do not answer it.
    required=_asks_what_x_is,
)

_AIMS = re.compile(
    r"\b(aims?|goals?|purposes?|objectives?|in order to|so as to|to promote|to help|to build)\b"
    r"|旨在|目的|目标|为了|推动|促进|助力",
    re.IGNORECASE,
)

AIM = QuestionKind(
    name="aim",
    cues=cue_words(
        "aim aims goal goals purpose objective objectives why 目的 目标 为什么 为何 意义"
    ),
    asks={
        "en": re.compile(r"\bwhy\b|\b(aims?|goals?|purposes?|objectives?|intended)\b"),
        "zh": re.compile(r"目的|目标|为什么|为何|旨在|意义|用意"),
    },
    holds=lambda text, asked: (
        _AIMS.search(text) is not None or definition(asked.text, text, asked.lang) is not None
    ),
    lead=lambda asked, article, text: definition(asked.text, text, asked.lang),
    fact={"en": "the aim", "zh": "目的"},
)
