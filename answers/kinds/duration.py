"""How long: an agreement's term, how long something takes, since when."""

from __future__ import annotations

import re

from answers.kinds.base import NUMBER_WORDS, ZH_NUMERAL, Found, QuestionKind, cue_words

_DURATION = re.compile(
    rf"\b(?:\d+|{NUMBER_WORDS}|a|an)[- ](?:years?|months?|weeks?|days?)\b"
    r"|\b(?:since|until|till|through|by|in)\s+(?:the end of\s+)?(?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}\s*(?:-|–|to)\s*(?:19|20)\d{2}\b"
    rf"|{ZH_NUMERAL}+(?:年|个月|周|天)(?:内|时间|之内)?|自?(?:19|20)\d{{2}}年(?:以来|起)"
    r"|(?:19|20)\d{2}\s*[-–至到]\s*(?:19|20)\d{2}年?",
    re.IGNORECASE,
)


_FACT = Found(_DURATION, "duration")


KIND = QuestionKind(
    name="duration",
    cues=cue_words(
        "long duration term valid expire expires years year since 多久 多长时间 期限 "
        "有效期 几年 多少年"
    ),
    asks={
        "en": re.compile(
            r"\bhow long\b|\bfor how many (years|months)\b|\bduration\b|\bterm of\b"
            r"|\bvalid (for|until)\b|\bexpire|\bwhat years\b|\bwhich years\b|\bsince when\b"
        ),
        "zh": re.compile(r"多长时间|多久|期限|有效期|几年|多少年|哪几年|从什么时候"),
    },
    holds=_FACT.holds,
    lead=_FACT.lead,
    fact={"en": "how long", "zh": "期限"},
    required=True,
)
