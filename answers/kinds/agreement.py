"""What kind of agreement was signed: the agreement's kind, parties and date."""

from __future__ import annotations

import re

from answers.compose import parties_phrase
from answers.kinds.base import Asked, QuestionKind, cue_words
from answers.templates import format_date, render
from answers.translate import to_chinese
from corpus.model import Article

_AGREEMENT = re.compile(
    r"\b(agreements?|deals?|memorand\w+|mous?|pacts?|contracts?)\b|协议|協議|备忘录|備忘錄",
    re.IGNORECASE,
)


def _lead(asked: Asked, article: Article, text: str) -> str | None:
    agreement = article.agreement
    if agreement is None or not agreement.parties:
        return None
    lang = asked.lang
    parties = parties_phrase(lang, agreement.parties, zh_separator="与")
    if lang == "zh":
        chinese = to_chinese(agreement.kind)
        kind = (
            f"{chinese}（{agreement.kind}）"
            if chinese and chinese != agreement.kind
            else (agreement.kind)
        )
    else:
        kind = ("an " if agreement.kind[:1].lower() in "aeiou" else "a ") + agreement.kind
    if agreement.signed_on:
        date = format_date(agreement.signed_on, lang)
        return render(lang, "agreement_signed", parties=parties, kind=kind, date=date)
    return render(lang, "agreement", parties=parties, kind=kind, published=article.published)


KIND = QuestionKind(
    name="agreement",
    cues=cue_words(
        "agreement agreements deal deals kind type sort document sign signed 协议 文件 类型 签 签的"
    ),
    asks={
        "en": re.compile(
            r"\bwhat (kind of |sort of |type of )?(agreements?|deals?|pacts?|contracts?|"
            r"accords?|documents?)\b|\bwhat did\b.*\b(sign|signed|agree|agreed|conclude)\b|"
            r"\bwhat (was|were|has been|have been) (signed|agreed)\b|"
            r"\b(kind|type|sort) of (agreement|deal|document)\b"
        ),
        "zh": re.compile(
            r"(签|簽|达成|订)[了的署订约]*(什么|啥|哪种|何种)|(什么|哪种|何种|啥)(样的|类型的)?"
            r"(协议|協議|文件)|什么类型|哪种类型"
        ),
    },
    holds=lambda text, asked: _AGREEMENT.search(text) is not None,
    lead=_lead,
    fact={"en": "the agreement", "zh": "协议"},
    about_agreement=True,
)
