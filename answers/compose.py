"""Pieces every answer is made of: parties and phrases in the answer's language, snippets,
highlights."""

from __future__ import annotations

import re
from collections.abc import Sequence

from answers.expand import Query
from answers.translate import chinese_or_english, join
from retrieval.tokenize import has_han, tokenize, words

SNIPPET_CHARS = 240

# Parties written with "the" in a sentence: "the Ministry of …", "the Jilin provincial government".
_THE_PARTY = re.compile(
    r"^(Ministry|Department|Bureau|Office|Commission|Administration|State|People's)\b|"
    r"\b[a-z]+$"
)


def party_name(name: str, lang: str) -> str:
    """An organisation's name in the answer's language, where the glossary knows it."""
    return chinese_or_english(name) if lang == "zh" else name


def in_language(lang: str, phrases: Sequence[str]) -> list[str]:
    """The phrases in the answer's language: Chinese through the glossary where it can."""
    return [chinese_or_english(p) if lang == "zh" else p for p in phrases]


def parties_phrase(lang: str, parties: Sequence[str], zh_separator: str) -> str:
    """The parties as one phrase: in Chinese joined by `zh_separator`, in English by "and"."""
    if lang == "zh":
        return zh_separator.join(in_language(lang, parties))
    return join([_with_the(p) for p in parties], lang)


def _with_the(party: str) -> str:
    return f"the {party}" if _THE_PARTY.search(party) else party


def shorten(sentence: str) -> str:
    """The sentence cut at a word to fit a citation snippet."""
    if len(sentence) <= SNIPPET_CHARS:
        return sentence
    return sentence[: SNIPPET_CHARS - 1].rsplit(" ", 1)[0] + "…"


def highlights(text: str, query: Query) -> tuple[str, ...]:
    """The words of `text` whose terms the question asked for, each once, in text order."""
    wanted = set(query.terms)
    found: dict[str, None] = {}
    for word in words(text):
        if not has_han(word) and wanted & set(tokenize(word)):
            found[word] = None
    if has_han(text):
        for term in tokenize("".join(ch for ch in text if has_han(ch))):
            if term in wanted and term in text:
                found[term] = None
    return tuple(found)
