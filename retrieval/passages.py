"""Cut articles into passages: the title, then one passage per sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Article

# An English sentence ends at . ! or ? (maybe inside a closing quote) before a space and
# an opening capital, digit or quote; a Chinese one at 。！？ or ； whatever follows.
_ENGLISH_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“'‘(]?[A-Z0-9])")
_CHINESE_END = re.compile(r"(?<=[。！？；!?])[”’」』）)]*")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "No.", "Co.", "Ltd.", "Inc.", "St.", "Jr.", "e.g.")


@dataclass(frozen=True, slots=True)
class Passage:
    """A unit of retrieval: one sentence of an article, or its title."""

    article_id: str
    position: int  # 0 is the title; sentences follow in reading order
    text: str
    is_title: bool


def split_passages(article: Article) -> list[Passage]:
    """The article's title and sentences as passages.

    Args:
        article: a cleaned article, English or Chinese.

    Returns:
        The title at position 0, then every sentence of every paragraph in order.
    """
    passages = [Passage(article.id, 0, article.title.strip(), True)]
    for paragraph in article.paragraphs:
        for sentence in split_sentences(paragraph):
            passages.append(Passage(article.id, len(passages), sentence, False))
    return passages


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, English or Chinese, stripped, none empty."""
    sentences: list[str] = []
    for piece in _CHINESE_END.split(paragraph):
        sentences.extend(_split_english(piece))
    return [s for s in (s.strip() for s in sentences) if s]


def _split_english(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _ENGLISH_END.finditer(text):
        head = text[start : match.start()].rstrip("\"'”’)")
        if head.endswith(_ABBREVIATIONS) or re.search(r"\b[A-Z]\.$", head):
            continue  # "Mr. Liu", "U.S. Post": not a sentence end
        pieces.append(text[start : match.start()] + match.group().strip())
        start = match.end()
    pieces.append(text[start:])
    return pieces
