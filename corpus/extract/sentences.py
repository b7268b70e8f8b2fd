"""Body text as sentences, each knowing its paragraph, for the agreement rules to read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_EN_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_ZH_END = re.compile(r"(?<=[。！？!?；;])")
# "Ms. Yurkevich", "A. Sagymbaev", "Co. Ltd": a full stop that does not end the sentence.
_EN_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|No|Co|St|Corp|Inc|Jr|Sr)|(?:^|\s)[A-Z])\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body; `paragraph` numbers the paragraph it is in, from 0."""

    text: str
    paragraph: int


def split_sentences(paragraphs: Sequence[str], zh: bool) -> list[Sentence]:
    """Split paragraphs into sentences, whitespace (no-break spaces too) collapsed."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        text = paragraph.strip() if zh else " ".join(paragraph.split())
        pieces = _ZH_END.split(text) if zh else _merge_abbreviations(_EN_END.split(text))
        sentences += [Sentence(p.strip(), number) for p in pieces if p.strip()]
    return sentences


def _merge_abbreviations(pieces: list[str]) -> list[str]:
    merged: list[str] = []
    for piece in pieces:
        if merged and _EN_ABBREVIATION.search(merged[-1]):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged
