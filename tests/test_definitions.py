"""Definitions read from a sentence for "what is X" questions."""

from __future__ import annotations

import pytest

from answers.definitions import definition, definition_subject

DOUBLE_THOUSAND = (
    'They reached a consensus on implementing China Post\'s "double thousand project" (in '
    "which China Post aims to reach out to serve 1000 family farms and 1000 agricultural "
    "cooperatives)."
)


@pytest.mark.parametrize(
    "question, lang, subject",
    [
        ("What is the double thousand project?", "en", ("double thousand project", True)),
        ("whats ULE", "en", ("ULE", False)),
        ("What are ULE stations used for?", "en", ("ULE stations", False)),
        ("what does MARA stand for", "en", ("MARA", False)),
        ("define the joint working group", "en", ("joint working group", True)),
        ("goal of the double thousand project?", "en", ("double thousand project", True)),
        ("what is the aim of ULE", "en", ("ULE", False)),
        ("双千工程是什么？", "zh", ("双千工程", False)),
        ("什么是冷链物流", "zh", ("冷链物流", False)),
        ("When was it signed?", "en", None),
        ("What does the agreement say about letterboxes?", "en", None),
    ],
)
def test_definition_subject(question: str, lang: str, subject: tuple[str, bool] | None) -> None:
    assert definition_subject(question, lang) == subject


@pytest.mark.parametrize(
    "question, sentence, expected",
    [
        (
            "What is the double thousand project?",
            DOUBLE_THOUSAND,
            'The "double thousand project": China Post aims to reach out to serve 1000 family '
            "farms and 1000 agricultural cooperatives.",
        ),
        (
            "what is the green post initiative",
            'The plan adds the "green post initiative" (under which China Post will replace 500 '
            "vans with electric ones).",
            'The "green post initiative": China Post will replace 500 vans with electric ones.',
        ),
        (
            "what are youle kiosks",
            "They will expand Youle kiosks, which sell farm products in villages, next year.",
            "Youle kiosks: They sell farm products in villages.",
        ),
        (
            "what is ULE",
            "ULE, an e-commerce platform of China Post, will open 100 stations.",
            "ULE: An e-commerce platform of China Post.",
        ),
        (
            "what is the joint working group",
            "The joint working group is a body that meets twice a year.",
            "The joint working group: A body that meets twice a year.",
        ),
    ],
)
def test_definition_english(question: str, sentence: str, expected: str) -> None:
    assert definition(question, sentence, "en") == expected


def test_definition_chinese_question_finds_the_english_through_the_glossary() -> None:
    assert definition("双千工程是什么？", DOUBLE_THOUSAND, "zh") == (
        "双千工程（double thousand project）：China Post aims to reach out to serve 1000 family "
        "farms and 1000 agricultural cooperatives。"
    )


@pytest.mark.parametrize(
    "question, sentence",
    [
        ("what is the weather", "The weather is nice."),  # too short to be a definition
        ("what is the double thousand project", "China Post will serve 1000 family farms."),
        (
            "what are ULE stations",
            "They will build China Post centers and ULE stations, promoting reuse.",
        ),
        ("When was it signed?", DOUBLE_THOUSAND),
    ],
)
def test_definition_none_when_the_sentence_does_not_define(question: str, sentence: str) -> None:
    assert definition(question, sentence, "en") is None


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("what is the main thrust of the MARA agreement", None),  # an attribute of the deal
        ("What are the terms of the Jilin deal?", None),
        ("What is the Ministry of Commerce?", "Ministry of Commerce"),  # a name to define
        ("goal of the double thousand project?", "double thousand project"),
    ],
)
def test_what_is_the_n_of_x_asks_about_x_not_n(question: str, subject: str | None) -> None:
    found = definition_subject(question, "en")
    assert (found[0] if found else None) == subject
