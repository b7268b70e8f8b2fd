"""Which areas, fields or services an agreement covers: a list."""

from __future__ import annotations

import re

from answers.compose import in_language
from answers.kinds.base import Asked, QuestionKind, cue_words
from answers.templates import render
from corpus.model import Article

_AREAS = {
    "en": re.compile(
        r"\b(areas?|fields?|aspects?|sectors?|scope|cover\w*|includ\w*|involv\w*|focus\w*|"
        r"about|work together|cooperate on|cooperate in)\b"
    ),
    "zh": re.compile(
        r"领域|領域|方面|范围|包括|涉及|合作重点|重点|哪些合作|合作哪些|什么合作|内容"
    ),
}


def _lead(asked: Asked, article: Article, text: str) -> str | None:
    agreement = article.agreement
    if agreement and agreement.areas and _AREAS[asked.lang].search(asked.text.lower()):
        separator = "、" if asked.lang == "zh" else ", "
        areas = separator.join(in_language(asked.lang, agreement.areas))
        return render(asked.lang, "list", areas=areas)
    return None


def _holds(text: str, asked: Asked) -> bool:
    return text.count(",") + text.count("、") + text.count("，") >= 2


KIND = QuestionKind(
    name="areas",
    cues=cue_words(
        "areas area fields field aspects sectors scope cover covers include "
        "includes involve focus cooperate cooperation work together 领域 方面 范围 包括 "
        "涉及 重点 合作"
    ),
    asks={
        "en": re.compile(
            r"\b(what|which)\b.*\b(areas?|fields?|aspects?|sectors?|tasks?|projects|"
            r"parts|points|measures|services|resources|facilities)\b|"
            r"\bwhat does .* (cover|include|involve)\b|\b(areas|fields|sectors|scope)\b|"
            r"\bwhat will .* (cooperate|work together) (on|in)\b|\bwhat is .* about\b"
        ),
        "zh": re.compile(
            r"哪些|领域|領域|哪几个|包括什么|包含|范围|涉及|合作重点|重点是什么|合作什么"
        ),
    },
    holds=_holds,
    lead=_lead,
    fact={"en": "the areas", "zh": "合作领域"},
)
