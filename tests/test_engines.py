"""The BM25 engines: bm25s ranks exactly as rank-bm25 does, and "auto" picks by size."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from corpus.store import load_articles
from retrieval.engines import (
    BM25S_MIN_PASSAGES,
    BM25SEngine,
    RankBM25Engine,
    build_engine,
    choose_engine,
    top_passages,
)
from retrieval.index import Index
from retrieval.tokenize import tokenize

_WORDS = [f"w{i}" for i in range(400)]
_COMMON = ["china", "post", "cooperation"]


@pytest.fixture(scope="module")
def synthetic_tokens() -> list[list[str]]:
    """600 passages over a small vocabulary, with terms found in most passages."""
    rng = random.Random(5)
    passages = []
    for _ in range(600):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 25))]
        passages.append(words + [t for t in _COMMON if rng.random() < 0.7])
    passages.append([])  # a passage with no tokens at all
    passages.append(list(passages[10]))  # an exact duplicate: a tie in every query
    return passages


@pytest.fixture(scope="module")
def queries() -> list[list[str]]:
    rng = random.Random(9)
    queries = [[rng.choice(_WORDS + _COMMON) for _ in range(rng.randint(1, 8))] for _ in range(60)]
    return [*queries, ["china", "post"], ["w1", "w1", "w2"], ["unknown-term"]]


def test_bm25s_scores_match_rank_bm25(synthetic_tokens, queries) -> None:
    reference, fast = RankBM25Engine(synthetic_tokens), BM25SEngine.build(synthetic_tokens)
    for query in queries:
        np.testing.assert_allclose(
            fast.get_scores(query), reference.get_scores(query), rtol=1e-12, atol=1e-12
        )


def test_bm25s_top_passages_match_rank_bm25(synthetic_tokens, queries) -> None:
    reference, fast = RankBM25Engine(synthetic_tokens), BM25SEngine.build(synthetic_tokens)
    for query in queries:
        expected = top_passages(reference.get_scores(query), 10).tolist()
        assert top_passages(fast.get_scores(query), 10).tolist() == expected


def test_bm25s_idf_matches_rank_bm25(synthetic_tokens) -> None:
    reference, fast = RankBM25Engine(synthetic_tokens), BM25SEngine.build(synthetic_tokens)
    for term in [*_WORDS, *_COMMON, "unknown-term"]:
        assert fast.idf(term) == pytest.approx(reference.idf(term), rel=1e-12)


@pytest.mark.parametrize("engine_class", [RankBM25Engine, BM25SEngine.build])
def test_engine_common_term_never_lowers_a_score(engine_class, synthetic_tokens) -> None:
    engine = engine_class(synthetic_tokens)
    assert engine.idf("china") > 0
    assert np.all(engine.get_scores(["w3", "china"]) >= engine.get_scores(["w3"]))


@pytest.mark.parametrize("engine_class", [RankBM25Engine, BM25SEngine.build])
def test_engine_empty_query_scores_zero(engine_class, synthetic_tokens) -> None:
    scores = engine_class(synthetic_tokens).get_scores([])
    assert scores.shape == (len(synthetic_tokens),)
    assert not scores.any()


@pytest.mark.parametrize("engine_class", [RankBM25Engine, BM25SEngine.build])
def test_engine_without_passages_is_refused(engine_class) -> None:
    with pytest.raises(ValueError, match="at least one passage"):
        engine_class([])


def test_top_passages_ties_keep_passage_order() -> None:
    scores = np.array([0.0, 2.0, 1.0, 2.0, 3.0, 0.0])
    assert top_passages(scores, 3).tolist() == [4, 1, 3]


def test_top_passages_leaves_out_zero_scores() -> None:
    assert top_passages(np.array([0.0, 1.5, 0.0]), 5).tolist() == [1]


@pytest.mark.parametrize(
    ("n_passages", "kind", "expected"),
    [
        (40, "auto", "rank-bm25"),
        (BM25S_MIN_PASSAGES - 1, "auto", "rank-bm25"),
        (BM25S_MIN_PASSAGES, "auto", "bm25s"),
        (40, "bm25s", "bm25s"),
        (10 * BM25S_MIN_PASSAGES, "rank-bm25", "rank-bm25"),
    ],
)
def test_choose_engine_by_size_unless_forced(n_passages, kind, expected) -> None:
    assert choose_engine(n_passages, kind) == expected


def test_build_engine_forced_kind_is_honoured() -> None:
    assert build_engine([["a", "b"]], "bm25s").name == "bm25s"
    assert build_engine([["a", "b"]] * BM25S_MIN_PASSAGES, "rank-bm25").name == "rank-bm25"


def test_build_engine_unknown_kind_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="auto, rank-bm25, bm25s"):
        build_engine([["a"]], "lucene")


def test_small_corpus_never_imports_bm25s_or_scipy() -> None:
    code = (
        "import sys; from retrieval.engines import build_engine; "
        "e = build_engine([['jilin', 'post']] * 30); e.get_scores(['jilin']); "
        "print(e.name, 'bm25s' in sys.modules, 'scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["rank-bm25", "False", "False"]


def test_bm25s_top_passages_match_rank_bm25_on_the_dev_questions() -> None:
    articles = load_articles()  # the shipped corpus
    reference, fast = Index.build(articles, "rank-bm25"), Index.build(articles, "bm25s")
    lines = (Path(__file__).parent / "data" / "questions.jsonl").read_text("utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    assert questions
    for question in questions:
        terms = tokenize(question)
        expected = [(h.passage, round(h.score, 9)) for h in reference.search(terms, 5)]
        assert [(h.passage, round(h.score, 9)) for h in fast.search(terms, 5)] == expected
