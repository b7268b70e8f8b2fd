"""The language of a question, and the words that only say what kind of question it is."""

from __future__ import annotations

from importlib import resources

from corpus.text import language_of

# Words that only say what kind of question it is: they may help a match but never
# count against one (answers/data/question_words.txt).
SOFT_WORDS = frozenset(
    resources.files("answers").joinpath("data/question_words.txt").read_text("utf-8").split()
)


def question_lang(question: str) -> str:
    """The question's language: "zh" if it has any Chinese character, else "en"."""
    return language_of(question)
