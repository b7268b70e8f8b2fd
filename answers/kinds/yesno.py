"""Yes/no questions: "Is ticketing part of the China Railway deal?", "签了协议吗？"."""

from __future__ import annotations

import re

from answers.kinds.base import Asked, QuestionKind, about_signing, cue_words, topic_found
from answers.templates import render
from corpus.model import Article


def _lead(asked: Asked, article: Article, text: str) -> str | None:
    if article.agreement is None and about_signing(asked.text):
        return render(asked.lang, "yes_no_agreement")
    return render(asked.lang, "yes") if topic_found(text, asked) else None


KIND = QuestionKind(
    name="yesno",
    cues=cue_words(
        "sign signed signing agreement deal mou memorandum part include "
        "included cover covered 签 签署 签订 协议 包括 包含 涉及"
    ),
    asks={
        "en": re.compile(
            # At the start, or where a clause starts after a dash or colon ("SAIC deal - is
            # leasing included?").
            r"(?:^|\s[-–—:]\s|:\s)\W*(is|are|was|were|does|do|did|has|have|had|will|would|"
            r"can|could)\b(?!.*\bor\b)"
        ),
        "zh": re.compile(r"吗\W*$|是否|有没有|是不是|有无|會不會|会不会|能否"),
    },
    lead=_lead,
    about_agreement=True,
    answers_without_agreement=True,
    fact={"en": "that", "zh": "这一点"},
)
