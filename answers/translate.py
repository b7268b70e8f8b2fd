"""English names and phrases of the articles in Chinese, through the glossary read backwards."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from answers.data_files import glossary
from retrieval.tokenize import has_han, normalize

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def to_chinese(english: str) -> str | None:
    """The glossary's Chinese for an English phrase (its first entry wins), or None."""
    if has_han(english):
        return english
    return _english_to_chinese().get(_key(english))


def chinese_or_english(english: str) -> str:
    """The phrase in Chinese when the glossary knows it, else as the article wrote it."""
    return to_chinese(english) or english


def join(items: Sequence[str], lang: str) -> str:
    """Items as a sentence lists them: "A, B and C" or "A、B和C"."""
    if len(items) < 2:
        return "".join(items)
    if lang == "zh":
        return "、".join(items[:-1]) + "和" + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _key(english: str) -> str:
    text = _LEADING_ARTICLE.sub("", normalize(english).strip())
    return " ".join(text.lower().split())


@cache
def _english_to_chinese() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in glossary():
        if has_han(entry.term):
            for english in entry.english:
                table.setdefault(_key(english), entry.term)
    return table
