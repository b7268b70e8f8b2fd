"""The question sets: the dev set and our own must pass on the shipped corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from answers_fixtures import DEV_SET, MY_SET

from answers import Answerer
from answers.evaluation import EvalQuestion, check, evaluate, read_questions
from answers.model import Answer, Citation
from bot.cli import main


@pytest.fixture(scope="module", params=["rank-bm25", "bm25s"])
def shipped(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return Answerer.load(engine=request.param, cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize("path", [DEV_SET, MY_SET], ids=["dev", "mine"])
def test_question_set_reaches_the_targets(shipped: Answerer, path: Path) -> None:
    report = evaluate(shipped, read_questions(path))
    failed = [r.item.id for r in report.results if not r.passed]
    assert report.article_accuracy == 1.0, failed
    assert report.text_accuracy >= 0.9, failed
    assert report.abstention_accuracy == 1.0, failed


def test_my_set_has_people_like_questions() -> None:
    questions = read_questions(MY_SET)
    assert sum(not q.answerable for q in questions) >= 5
    assert any(q.lang == "zh" for q in questions)
    assert any("Hubei" in q.question and not q.answerable for q in questions)


def _item(answerable: bool = True, contains: tuple[str, ...] = ("June 28",)) -> EvalQuestion:
    return EvalQuestion(
        "x", "When?", "en", answerable, "2022-06-29" if answerable else None, contains
    )


def _answer(answered: bool, text: str = "", published: str = "2022-06-29") -> Answer:
    citation = Citation("a", "t", "s", published, "snippet", 1.0)
    return Answer("When?", answered, text, "en", (citation,) if answered else ())


def test_check_right_article_and_text_passes() -> None:
    assert check(_item(), _answer(True, "signed on June 28")).passed


def test_check_wrong_article_fails() -> None:
    result = check(_item(), _answer(True, "June 28", published="2021-07-03"))
    assert result.article_ok is False and not result.passed


def test_check_text_is_case_insensitive() -> None:
    assert check(_item(), _answer(True, "JUNE 28")).text_ok


def test_check_missing_text_fails() -> None:
    assert check(_item(), _answer(True, "some day")).text_ok is False


def test_check_unanswerable_must_be_declined() -> None:
    assert check(_item(False, ()), _answer(False)).passed
    assert not check(_item(False, ()), _answer(True, "x")).passed


def test_eval_command_prints_totals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(DEV_SET), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)[str(DEV_SET)]
    totals = report["totals"]
    assert totals["questions"] == 24
    assert totals["article_accuracy"] == 1.0 and totals["abstention_accuracy"] == 1.0
    assert totals["wrong_citations"] == 0
    assert set(report["by_lang"]) == {"en", "zh"}


def test_eval_command_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(DEV_SET)]) == 0
    out = capsys.readouterr().out
    assert "PASS  en-jilin-when" in out and "article 1.00" in out
    assert "lang zh" in out and "wrong citations: 0" in out


def test_eval_command_scores_several_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text(DEV_SET.read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")
    assert main(["eval", str(DEV_SET), str(other), "--json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [r["totals"]["questions"] for r in reports.values()] == [24, 1]


def _cited(*published: str) -> Answer:
    citations = tuple(Citation(f"id-{p}", "t", "s", p, "snippet", 1.0) for p in published)
    return Answer("Which?", True, "Dalian and SAIC", "en", citations)


def test_check_aggregate_must_cite_every_listed_page() -> None:
    item = EvalQuestion(
        "x", "Which?", "en", True, "2020-01-06", ("Dalian",), ("a.txt", "b.txt"), "aggregate"
    )
    origins = {"id-2020-01-06": "pages/a.html", "id-2019-02-28": "b.txt"}.__getitem__
    assert check(item, _cited("2020-01-06", "2019-02-28"), origins).passed
    assert not check(item, _cited("2020-01-06"), origins).passed


def test_wrong_citation_is_an_answer_from_another_article() -> None:
    item = _item()
    assert check(item, _answer(True, "June 28", published="2021-07-03")).wrong_citation
    assert not check(item, _answer(False)).wrong_citation
    assert check(_item(False, ()), _answer(True, "x")).wrong_citation


def test_eval_command_bad_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert main(["eval", str(bad)]) == 2
    assert "line 1" in capsys.readouterr().err


def test_eval_command_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["eval", str(tmp_path / "none.jsonl")]) == 2
