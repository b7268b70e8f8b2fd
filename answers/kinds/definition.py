"""What something is ("what are ULE stations?"), what an aim is, and any other question:
the quote answers, led by a definition where the article gives one."""

from __future__ import annotations

import re

from answers.definitions import definition
from answers.kinds.base import QuestionKind, cue_words

DEFAULT = QuestionKind(
    name="definition",
    asks={"en": re.compile(r""), "zh": re.compile(r"")},
    holds=lambda text, asked: definition(asked.text, text, asked.lang) is not None,
    lead=lambda asked, article, text: definition(asked.text, text, asked.lang),
    fact={"en": "that", "zh": "这一点"},
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
