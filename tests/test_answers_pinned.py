"""Answers pinned on the benchmark's seeded corpus, so speed work cannot change them.

tests/data/pinned_answers.jsonl holds, for the benchmark's seeded batch of 200 questions over
its seeded 100-article corpus, whether each was answered and which article it cited, as
recorded before the answer layer was made faster. Record again only when a change to the
answers is meant.
"""

from __future__ import annotations

import json

import pytest
from answers_fixtures import DATA

from answers import Answerer
from benchmarks.generate import generate_pages
from benchmarks.run import questions
from corpus.build import build_corpus
from corpus.model import Article
from retrieval.index import Index

PINNED = DATA / "pinned_answers.jsonl"
ARTICLES = 100
SEED = 7  # generate_pages's default, as the benchmark runs it


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    pages = tmp_path_factory.mktemp("pages")
    generate_pages(ARTICLES, pages, SEED)
    return list(build_corpus([pages], progress=False).articles)


def _pinned() -> list[dict]:
    lines = PINNED.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_pinned_batch_is_the_benchmark_batch() -> None:
    assert [p["question"] for p in _pinned()] == questions(200)


@pytest.mark.parametrize("engine", ["rank-bm25", "bm25s"])
def test_answers_on_the_benchmark_corpus_are_unchanged(
    articles: list[Article], engine: str
) -> None:
    answerer = Answerer(articles, Index.build(articles, engine))
    found = []
    for question in questions(200):
        answer = answerer.answer(question)
        cited = answer.citations[0].article_id if answer.citations else None
        found.append({"question": question, "answered": answer.answered, "article_id": cited})
    assert found == _pinned()


def test_answer_top_on_the_benchmark_corpus_starts_with_the_answer(
    articles: list[Article],
) -> None:
    answerer = Answerer(articles, Index.build(articles, "bm25s"))
    for pinned in _pinned():
        top = answerer.answer_top(pinned["question"])
        assert [a.citations[0].article_id for a in top[:1]] == [pinned["article_id"]][
            : int(pinned["answered"])
        ]
        assert len({a.citations[0].article_id for a in top}) == len(top) <= 5
