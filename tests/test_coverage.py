"""QueryCoverage: a question's coverage remembered per match is the Weigher's coverage."""

from __future__ import annotations

import pytest
from answers_fixtures import TINY_CORPUS

from answers.coverage import QueryCoverage, Weigher
from answers.expand import expand
from retrieval.index import Index


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(TINY_CORPUS, engine="rank-bm25")


@pytest.mark.parametrize(
    "question",
    [
        "When did China Post sign with Jilin?",
        "cold chain logistics weather",
        "中国邮政和湖南省什么时候签署的合作协议？",
        "who witnessed the post office agreement",
    ],
)
def test_query_coverage_equals_the_weighers_for_every_passage(index: Index, question: str) -> None:
    weigher = Weigher(index.idf, index.unseen_idf())
    query = expand(question)
    coverage = QueryCoverage(weigher, query)
    for row in range(index.size):
        title = index.rows(index.passages[row].article_id)[0]
        for terms in (index.terms(row), index.terms(row) | index.terms(title)):
            assert coverage(terms) == weigher.coverage(query, terms)


def test_query_coverage_ignores_terms_the_question_lacks(index: Index) -> None:
    coverage = QueryCoverage(Weigher(index.idf, index.unseen_idf()), expand("Jilin agreement"))
    assert coverage(frozenset({"jilin", "agreement"})) == 1.0
    assert coverage(frozenset({"jilin", "agreement", "farm", "cold"})) == 1.0
    assert coverage(frozenset({"farm"})) == 0.0


def test_index_terms_are_the_passages_distinct_tokens(index: Index) -> None:
    assert all(index.terms(row) == frozenset(index.tokens[row]) for row in range(index.size))
