"""At what time of day: an hour."""

from __future__ import annotations

import re

from answers.kinds.base import Found, QuestionKind, cue_words

_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)"
    r"|\b(?:noon|midnight|o'clock)\b|(?:上午|下午|晚上|早上|中午)?\d{1,2}(?:时|点)(?:\d{1,2}分)?",
    re.IGNORECASE,
)


_FACT = Found(_TIME, "time_of_day")


KIND = QuestionKind(
    name="time_of_day",
    cues=cue_words("time hour hours clock 几点 时间"),
    asks={
        "en": re.compile(r"\bwhat time\b|\bat what hour\b|\bwhich hour\b|\bwhat hour\b"),
        "zh": re.compile(r"几点|几时|什么时间点|哪个时间点|几点钟"),
    },
    holds=_FACT.holds,
    lead=_FACT.lead,
    fact={"en": "the time of day", "zh": "具体时间"},
    required=True,
)
