"""When an agreement was signed or something happened: a date."""

from __future__ import annotations

import re

from answers.kinds.base import Asked, QuestionKind, about_signing, cue_words
from answers.templates import format_date, render
from corpus.model import Article
from corpus.text import MONTH_NAMES

# Every month name and abbreviation, longest first ("Sept" before "Sep").
_MONTH = "(?:{})\\.?".format(
    "|".join(sorted((n.capitalize() for ns in MONTH_NAMES for n in ns), key=len, reverse=True))
)
DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|\b\d{4}-\d{2}-\d{2}\b|(?:\d{4}年)?\d{1,2}月\d{1,2}日"
    rf"|\b(?:in|since|from)\s+(?:{_MONTH}\s+)?(?:19|20)\d{{2}}\b|(?:19|20)\d{{2}}年"
    r"|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _holds(text: str, asked: Asked) -> bool:
    return DATE.search(text) is not None


def _lead(asked: Asked, article: Article, text: str) -> str | None:
    agreement = article.agreement
    if agreement and about_signing(asked.text):
        # The signing's own date, or that the article gives none: never another date.
        if agreement.signed_on:
            date = format_date(agreement.signed_on, asked.lang)
            return render(asked.lang, "when_signed", date=date)
        return render(asked.lang, "when_unknown", published=article.published)
    found = DATE.search(text)
    return render(asked.lang, "when_dated", date=found.group()) if found else None


KIND = QuestionKind(
    name="when",
    cues=cue_words("when date day month year time 日期 时间 哪天 哪年 几月 几号 时候"),
    asks={
        "en": re.compile(
            r"\bwhen\b|\b(what|which) (date|day|month|year)\b|\bdate\b|\bhow long ago\b"
        ),
        "zh": re.compile(r"什么时候|何时|哪天|哪一天|几月|日期|哪年|哪一年|时间|几号"),
    },
    holds=_holds,
    lead=_lead,
    fact={"en": "the date", "zh": "日期"},
    about_agreement=True,
    # A signing's date may be unknown ("Recently"): the answer says so. Any other event
    # asked about needs its date in the article.
    required=lambda asked: not about_signing(asked.text),
)
