"""Questions over all the agreements: answered from the agreements table, citing each article."""

from __future__ import annotations

import pytest

from answers import Answerer
from answers.aggregates import aggregate_question, partner_kinds_asked
from answers.model import Answer


def _cited(answer: Answer) -> list[str]:
    return [c.article_id for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Which agreements were signed in 2022?", "en"),
        ("list all the MoUs", "en"),
        ("Which agreement was signed most recently?", "en"),
        ("how many deals mention e-commerce?", "en"),
        ("哪些协议是跟省政府签的？", "zh"),
        ("邮政一共签了几份协议？", "zh"),
        ("17年邮政都跟谁签了合作？", "zh"),
    ],
)
def test_aggregate_question_is_recognised(question: str, lang: str) -> None:
    assert aggregate_question(question, lang) is not None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("When did China Post sign with Jilin?", "en"),
        ("Which areas will Jilin and China Post cooperate in?", "en"),
        ("湖南寄递物流合作有哪些内容？", "zh"),
        ("中国邮政和农业农村部的战略合作协议包括哪些领域？", "zh"),
    ],
)
def test_question_about_one_agreement_is_not_aggregate(question: str, lang: str) -> None:
    assert aggregate_question(question, lang) is None


def test_year_and_count_are_read() -> None:
    asked = aggregate_question("How many agreements were signed in 2021?", "en")
    assert asked is not None and asked.year == 2021 and asked.count
    assert aggregate_question("17年邮政都跟谁签了合作？", "zh").year == 2017


def test_partner_kind_inside_a_name_is_not_asked() -> None:
    assert partner_kinds_asked("哪些协议是跟银行签的", "zh") == ("bank",)
    asked = aggregate_question("邮储银行一共签了几份合作协议？", "zh", names=["邮储银行"])
    assert asked is not None and asked.partner_kinds == ()


def test_by_year_lists_and_cites_the_agreements_of_that_year(tiny: Answerer) -> None:
    answer = tiny.answer("Which agreements were signed in 2022?")
    assert answer.answered and _cited(answer) == ["jilin"]
    assert "Jilin provincial government" in answer.text


def test_by_partner_kind(tiny: Answerer) -> None:
    answer = tiny.answer("Which agreements are with ministries?")
    assert _cited(answer) == ["farming"]
    assert _cited(tiny.answer("哪些协议是跟省政府签的？")) == ["hunan", "jilin"]


def test_newest_is_one_agreement(tiny: Answerer) -> None:
    answer = tiny.answer("Which agreement was signed most recently?")
    assert _cited(answer) == ["hunan"]


def test_by_topic_matches_article_text(tiny: Answerer) -> None:
    answer = tiny.answer("how many deals mention cold chain?")
    assert _cited(answer) == ["farming"] and "1 of the agreements" in answer.text


def test_count_cites_every_agreement_newest_first(tiny: Answerer) -> None:
    answer = tiny.answer("How many agreements has China Post signed?")
    assert _cited(answer) == ["hunan", "jilin", "farming"]
    assert answer.text.startswith("3 of the agreements")


def test_no_match_declines_and_says_what_it_knows(tiny: Answerer) -> None:
    answer = tiny.answer("Which agreements were signed in 2030?")
    assert not answer.answered and not answer.citations
    assert "None of the agreements" in answer.text


def test_unknown_name_declines(tiny: Answerer) -> None:
    assert not tiny.answer("Which agreements did China Post sign with Kazakhstan?").answered


def test_answer_top_gives_the_aggregate_answer_once(tiny: Answerer) -> None:
    question = "Which agreements were signed in 2022?"
    assert tiny.answer_top(question) == [tiny.answer(question)]


def test_which_of_two_named_agreements_is_newer_or_older(tiny: Answerer) -> None:
    assert _cited(tiny.answer("Which is newer, the Jilin agreement or the ministry one?")) == [
        "jilin"
    ]
    assert _cited(tiny.answer("Which came first, the Jilin deal or the ministry deal?")) == [
        "farming"
    ]
    assert _cited(tiny.answer("吉林的协议和农业农村部的协议哪个更早？")) == ["farming"]


def test_either_is_read_only_with_a_comparison() -> None:
    asked = aggregate_question("Which is newer, the Jilin deal or the Hunan one?", "en")
    assert asked is not None and asked.either and asked.order == "newest"
    asked = aggregate_question("Which agreements cover logistics or finance?", "en")
    assert asked is not None and not asked.either
