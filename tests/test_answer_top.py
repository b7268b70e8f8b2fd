"""Answerer.answer_top: several cited answers for inline mode, each as sure as `answer`."""

from __future__ import annotations

from pathlib import Path

import pytest
from answers_fixtures import DEV_SET, MY_SET

from answers import Answerer
from answers.evaluation import read_questions


def _cited(answers: list) -> list[str]:
    return [answer.citations[0].article_id for answer in answers]


def test_answer_top_cites_each_fitting_article_once_best_first(tiny: Answerer) -> None:
    answers = tiny.answer_top("When did China Post sign the agreement?")
    assert _cited(answers) == ["hunan", "jilin", "farming"]  # most recent first among equals
    assert all(answer.answered for answer in answers)


def test_answer_top_first_is_the_answer(tiny: Answerer) -> None:
    question = "When did China Post sign the agreement?"
    answers = tiny.answer_top(question)
    assert answers[0] == tiny.answer(question)
    assert "3 articles fit this question equally well" in answers[0].text
    assert all("equally well" not in answer.text for answer in answers[1:])


def test_answer_top_stops_at_k(tiny: Answerer) -> None:
    assert _cited(tiny.answer_top("Which areas will China Post cooperate in?", k=2)) == [
        "hunan",
        "jilin",
    ]


def test_answer_top_leaves_out_articles_the_rule_refuses(tiny: Answerer) -> None:
    # Hunan and the ministry's article match "sign" and "China Post" but do not name Jilin.
    assert _cited(tiny.answer_top("When did China Post sign with Jilin?")) == ["jilin"]


@pytest.mark.parametrize("question", ["", "   ", "hello", "qwzx plorf vrrk", "weather in Jilin"])
def test_answer_top_unanswerable_is_empty(tiny: Answerer, question: str) -> None:
    assert tiny.answer_top(question) == []


@pytest.mark.parametrize("k", [0, -1])
def test_answer_top_k_below_one_is_refused(tiny: Answerer, k: int) -> None:
    with pytest.raises(ValueError, match="k must be 1 or more"):
        tiny.answer_top("When did China Post sign with Jilin?", k=k)


@pytest.mark.parametrize("questions", [DEV_SET, MY_SET], ids=lambda p: Path(p).stem)
def test_answer_top_agrees_with_answer_on_the_question_sets(
    shipped: Answerer, questions: Path
) -> None:
    for item in read_questions(questions):
        answer = shipped.answer(item.question)
        top = shipped.answer_top(item.question)
        assert top[:1] == ([answer] if answer.answered else [])
        assert len(set(_cited(top))) == len(top) <= 5
