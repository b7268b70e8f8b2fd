"""The question kinds, one module each; the first kind whose pattern a question matches
decides. A new kind is one module and a row here (and its templates)."""

from __future__ import annotations

from answers.kinds import (
    agreement,
    areas,
    definition,
    duration,
    how_many,
    money,
    time_of_day,
    when,
    where,
    who,
    yesno,
)
from answers.kinds.base import Asked, QuestionKind, about_signing

# Checked in order: narrow kinds before broad ones ("how much money" before "how many").
KINDS: tuple[QuestionKind, ...] = (
    money.KIND,
    time_of_day.KIND,
    duration.KIND,
    how_many.KIND,
    yesno.KIND,
    when.KIND,
    where.KIND,
    who.KIND,
    agreement.KIND,
    areas.KIND,
    definition.AIM,
)
DEFAULT = definition.DEFAULT

__all__ = ["DEFAULT", "KINDS", "Asked", "QuestionKind", "about_signing", "kind_of"]


def kind_of(question: str, lang: str) -> QuestionKind:
    """The kind of a question, from its wording alone (DEFAULT: "what is X" or any other).

    In English the kind asked first wins ("Which executives were there when …" asks who);
    Chinese puts its question words anywhere, so there the registry's order decides.
    """
    found = [(k.position(question, lang), i, k) for i, k in enumerate(KINDS)]
    matching = [(at if lang == "en" else 0, i, k) for at, i, k in found if at is not None]
    return min(matching, key=lambda m: m[:2])[2] if matching else DEFAULT
