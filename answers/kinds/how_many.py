"""How many of something: a number next to the thing counted."""

from __future__ import annotations

import re

from answers.kinds.base import NUMBER_WORDS, ZH_NUMERAL, Asked, QuestionKind, cue_words
from answers.templates import render
from corpus.model import Article
from retrieval.tokenize import has_han, tokenize

_COUNT = re.compile(rf"\b(\d[\d,.]*|{NUMBER_WORDS})((?:\s+[\w-]+){{1,4}})", re.IGNORECASE)
_COUNT_ZH = re.compile(rf"({ZH_NUMERAL}+(?:多|余)?)(个|家|项|条|座|辆|台|所|名|种|类|批|处|份|年)")


def _count(asked: Asked, text: str) -> str | None:
    """The number in `text` followed by a word the question asks about (or any number)."""
    wanted = set(asked.query.terms)
    for match in _COUNT.finditer(text):
        following = match.group(2).split()
        hits = [i for i, w in enumerate(following) if wanted & set(tokenize(w))]
        if hits:
            return " ".join([match.group(1), *following[: hits[-1] + 1]])
    if has_han(text):
        for match in _COUNT_ZH.finditer(text):
            after = text[match.end() : match.end() + 8]
            if any(t in after for t in wanted if has_han(t)):
                return match.group(0) + after[: _asked_end(after, wanted)]
    return None


def _asked_end(after: str, wanted: set[str]) -> int:
    ends = [after.find(t) + len(t) for t in wanted if has_han(t) and t in after]
    return max(ends, default=0)


def _lead(asked: Asked, article: Article, text: str) -> str | None:
    count = _count(asked, text)
    return render(asked.lang, "how_many", count=count) if count else None


KIND = QuestionKind(
    name="how_many",
    cues=cue_words("many number count 多少 几"),
    asks={
        "en": re.compile(r"\bhow many\b|\bnumber of\b|\bhow much\b"),
        "zh": re.compile(r"多少|几[个项条家种座辆台所名]|几"),
    },
    holds=lambda text, asked: _count(asked, text) is not None,
    lead=_lead,
    fact={"en": "that number", "zh": "这个数字"},
)
