"""At what time of day: an hour."""

from __future__ import annotations

import re

from answers.kinds.base import Asked, QuestionKind, cue_words
from answers.templates import render
from corpus.model import Article

_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)"
    r"|\b(?:noon|midnight|o'clock)\b|(?:上午|下午|晚上|早上|中午)?\d{1,2}(?:时|点)(?:\d{1,2}分)?",
    re.IGNORECASE,
)


def _lead(asked: Asked, article: Article, text: str) -> str | None:
    found = _TIME.search(text)
    return render(asked.lang, "time_of_day", time=found.group().strip()) if found else None


KIND = QuestionKind(
    name="time_of_day",
    cues=cue_words("time hour hours clock 几点 时间"),
    asks={
        "en": re.compile(r"\bwhat time\b|\bat what hour\b|\bwhich hour\b|\bwhat hour\b"),
        "zh": re.compile(r"几点|几时|什么时间点|哪个时间点|几点钟"),
    },
    holds=lambda text, asked: _TIME.search(text) is not None,
    lead=_lead,
    fact={"en": "the time of day", "zh": "具体时间"},
    required=True,
)
