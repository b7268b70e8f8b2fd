"""Passages and the BM25 index: sentences, search, restriction, positive weights."""

from __future__ import annotations

import pytest
from answers_fixtures import FARMING, HUNAN_ZH, JILIN, TINY_CORPUS

from retrieval.index import Index, count_words
from retrieval.passages import Passage, split_passages, split_sentences
from retrieval.tokenize import tokenize

ENGINES = ["rank-bm25", "bm25s"]


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(TINY_CORPUS, engine="rank-bm25")


def test_split_passages_title_first() -> None:
    passages = split_passages(JILIN)
    assert passages[0] == Passage("jilin", 0, JILIN.title, True)
    assert not any(p.is_title for p in passages[1:])


def test_split_passages_positions_count_up() -> None:
    passages = split_passages(FARMING)
    assert [p.position for p in passages] == list(range(len(passages)))
    assert {p.article_id for p in passages} == {"farming"}


def test_split_passages_one_per_sentence() -> None:
    texts = [p.text for p in split_passages(JILIN)[1:]]
    assert texts[1] == "China Post aims to serve 1000 family farms."
    assert len(texts) == 3


@pytest.mark.parametrize(
    "paragraph, sentences",
    [
        ("Mr. Liu met Han. They signed.", ["Mr. Liu met Han.", "They signed."]),
        ('He said "yes." Then left.', ['He said "yes."', "Then left."]),
        ("It grew 2.5 percent. Good.", ["It grew 2.5 percent.", "Good."]),
        ("双方签署协议。将开展合作！好吗？", ["双方签署协议。", "将开展合作！", "好吗？"]),
        ("", []),
    ],
)
def test_split_sentences(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


def test_chinese_article_splits_into_sentences() -> None:
    assert len(split_passages(HUNAN_ZH)) == 3


def test_search_best_passage_first(index: Index) -> None:
    hits = index.search(tokenize("cold chain logistics"), k=3)
    assert "cold chain" in hits[0].passage.text
    assert hits[0].matched == {"cold", "chain", "logist"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_returns_at_most_k(index: Index) -> None:
    assert len(index.search(tokenize("china post"), k=2)) == 2


def test_search_only_positive_scores(index: Index) -> None:
    assert index.search(["nowhere"], k=5) == []
    assert index.search([], k=5) == []


def test_search_restricted_to_articles(index: Index) -> None:
    hits = index.search(tokenize("China Post signed agreement"), k=50, article_ids={"farming"})
    assert hits and {h.passage.article_id for h in hits} == {"farming"}


def test_search_chinese_query_finds_chinese_article(index: Index) -> None:
    hits = index.search(tokenize("湖南 电子商务"), k=1)
    assert hits[0].passage.article_id == "hunan"


def test_index_tokens_follow_passages(index: Index) -> None:
    assert len(index.tokens) == len(index.passages)
    assert index.tokens[0] == tokenize(index.passages[0].text)


@pytest.mark.parametrize("engine", ENGINES)
def test_idf_of_term_in_every_passage_is_positive(engine: str) -> None:
    passages = [Passage("a", i, f"china post {word}", False) for i, word in enumerate("xyz")]
    built = Index.from_tokens(passages, [tokenize(p.text) for p in passages], engine=engine)
    assert built.idf("china") > 0
    assert built.idf("absent") == 0.0


@pytest.mark.parametrize("engine", ENGINES)
def test_common_term_never_lowers_a_score(engine: str) -> None:
    built = Index.build(TINY_CORPUS, engine=engine)
    # "china" and "post" are in most passages: rank-bm25's plain Okapi weighs them <= 0.
    base = built.scores(tokenize("cold chain logistics"))
    for common in (["china"], ["china", "post"], ["cooper"]):
        more = built.scores([*tokenize("cold chain logistics"), *common])
        assert (more >= base - 1e-12).all()


def test_from_tokens_rejects_unknown_engine() -> None:
    with pytest.raises(ValueError, match="engine"):
        Index.from_tokens([Passage("a", 0, "x", True)], [["x"]], engine="lucene")


def test_from_tokens_rejects_length_mismatch() -> None:
    with pytest.raises(ValueError, match="token lists"):
        Index.from_tokens([Passage("a", 0, "x", True)], [["x"], ["y"]])


def test_rows_lists_an_articles_passages_title_first(index: Index) -> None:
    rows = index.rows("farming")
    assert [index.passages[r].position for r in rows] == list(range(len(rows)))
    assert index.passages[rows[0]].is_title
    assert index.rows("no-such-article") == []


def test_count_words_lowercases_keeps_letters_only_and_first_seen_order() -> None:
    counts = count_words(["Post office, 2022: post", "Office of POST e-commerce 中国邮政"])
    assert list(counts.items()) == [("post", 3), ("office", 2), ("of", 1), ("中国邮政", 1)]


def test_index_reads_back_every_passage_and_its_terms(index: Index) -> None:
    passages = [p for article in TINY_CORPUS for p in split_passages(article)]
    assert list(index.passages) == passages
    assert index.passages == passages
    assert [index.tokens[row] for row in range(index.size)] == [tokenize(p.text) for p in passages]
    assert index.passages[-1] == passages[-1]
    assert index.passages[1:3] == passages[1:3]


@pytest.mark.parametrize("row", [-10_000, 10_000])
def test_index_passage_out_of_range_is_an_index_error(index: Index, row: int) -> None:
    with pytest.raises(IndexError):
        index.passages[row]
    with pytest.raises(IndexError):
        index.terms(row)


def test_rows_of_interleaved_articles_are_in_row_order() -> None:
    texts = [("a", "jilin post"), ("b", "hunan post"), ("a", "jilin farms")]
    passages = [Passage(aid, n, text, n == 0) for n, (aid, text) in enumerate(texts)]
    built = Index.from_tokens(passages, [tokenize(p.text) for p in passages])
    assert built.rows("a") == [0, 2]
    assert built.rows("b") == [1]
    assert built.terms(2) == frozenset({"jilin", "farm"})


def test_index_passage_text_keeps_every_script() -> None:
    passages = [
        Passage("zh", 0, "中国邮政与吉林 — “合作”", True),
        Passage("zh", 1, "Ｐｏｓｔ é", False),
    ]
    built = Index.from_tokens(passages, [tokenize(p.text) for p in passages])
    assert [p.text for p in built.passages] == [p.text for p in passages]


@pytest.mark.parametrize("article", TINY_CORPUS, ids=lambda a: a.id)
def test_article_terms_are_the_union_of_its_passages_terms(index: Index, article) -> None:
    rows = index.rows(article.id)
    assert index.article_terms(article.id) == frozenset().union(*map(index.terms, rows))


def test_article_terms_of_interleaved_or_unknown_articles() -> None:
    texts = [("a", "jilin post"), ("b", "hunan post"), ("a", "jilin farms")]
    passages = [Passage(aid, n, text, n == 0) for n, (aid, text) in enumerate(texts)]
    built = Index.from_tokens(passages, [tokenize(p.text) for p in passages])
    assert built.article_terms("a") == frozenset({"jilin", "post", "farm"})
    assert built.article_terms("nobody") == frozenset()


def test_index_forgets_old_term_sets_past_its_limit_and_remakes_them(monkeypatch) -> None:
    from retrieval import table

    monkeypatch.setattr(table, "_KEPT", 4)
    built = Index.build(TINY_CORPUS, engine="rank-bm25")
    first = [built.terms(row) for row in range(built.size)]
    assert len(built.table.term_sets) <= 4
    assert [built.terms(row) for row in range(built.size)] == first
    assert first == [frozenset(tokenize(p.text)) for p in built.passages]
