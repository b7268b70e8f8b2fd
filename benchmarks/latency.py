"""Child process of `benchmarks.run`: time a batch of questions and print the figures as JSON.

    python -m benchmarks.latency CORPUS QUESTIONS_JSON postbot|rank-bm25|bm25s

"postbot" loads the answerer (index from the cache in $POSTBOT_CACHE_DIR) and times each
answer, and the engine's scoring alone. The baselines index the same passages' tokens
themselves and time their own search on each question's tokens: "rank-bm25" builds plain
``rank_bm25.BM25Okapi`` and times ``get_scores``; "bm25s" builds ``bm25s.BM25`` (Lucene
BM25, as postbot scores) and times ``retrieve(k=10)``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np


def _percentiles(run: Callable[[str], object], batch: Sequence[str]) -> tuple[float, float]:
    run(batch[0])  # warm up: lazy imports and first-call costs are not per-question costs
    times = []
    for question in batch:
        start = time.perf_counter()
        run(question)
        times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99))


def measure_postbot(corpus: Path, batch: Sequence[str]) -> dict[str, Any]:
    """Load postbot's answerer as `postbot ask` does, then time each answer."""
    from bot.settings import Settings
    from corpus.store import load_articles
    from retrieval.engines import top_passages
    from retrieval.tokenize import tokenize

    settings = Settings.from_env()
    start = time.perf_counter()
    answerer = _load_answerer(corpus, settings)
    load_s = time.perf_counter() - start
    p50, p99 = _percentiles(answerer.answer, batch)
    answered = sum(answerer.answer(q).answered for q in batch) / len(batch)
    engine = answerer.index.engine
    search_p50, _ = _percentiles(lambda q: top_passages(engine.get_scores(tokenize(q)), 10), batch)
    return {
        "articles": len(load_articles(corpus)),
        "passages": answerer.index.size,
        "engine": engine.name,
        "load_s": load_s,
        "answered": answered,
        "p50_ms": p50,
        "p99_ms": p99,
        "search_p50_ms": search_p50,
    }


def _passage_tokens(corpus: Path) -> list[list[str]]:
    """The tokens of every passage postbot indexes, read from its cache."""
    from bot.settings import Settings
    from corpus.store import load_articles
    from retrieval.cache import load_index

    settings = Settings.from_env()
    return list(load_index(corpus, load_articles(corpus), "auto", settings.cache_dir).tokens)


def measure_rank_bm25(corpus: Path, batch: Sequence[str]) -> dict[str, Any]:
    """Plain rank-bm25 over the same passages' tokens: build once, then get_scores per question."""
    from rank_bm25 import BM25Okapi

    from retrieval.tokenize import tokenize

    tokens = _passage_tokens(corpus)
    start = time.perf_counter()
    bm25 = BM25Okapi(tokens)
    load_s = time.perf_counter() - start
    queries = {q: tokenize(q) for q in batch}  # tokenizing is not rank-bm25's cost
    p50, p99 = _percentiles(lambda q: bm25.get_scores(queries[q]), batch)
    return {"load_s": load_s, "p50_ms": p50, "p99_ms": p99}


def measure_bm25s(corpus: Path, batch: Sequence[str]) -> dict[str, Any]:
    """bm25s over the same passages' tokens: index once, then retrieve(k=10) per question."""
    import bm25s

    from retrieval.engines import K1, B
    from retrieval.tokenize import tokenize

    tokens = _passage_tokens(corpus)
    start = time.perf_counter()
    model = bm25s.BM25(k1=K1, b=B, method="lucene")
    model.index(tokens, show_progress=False)
    load_s = time.perf_counter() - start
    queries = {q: tokenize(q) or [""] for q in batch}  # tokenizing is not bm25s's cost
    p50, p99 = _percentiles(
        lambda q: model.retrieve([queries[q]], k=10, show_progress=False, n_threads=1), batch
    )
    return {"load_s": load_s, "p50_ms": p50, "p99_ms": p99}


def _load_answerer(corpus: Path, settings: Any) -> Any:
    from answers import Answerer

    return Answerer.load(corpus, settings.engine, settings.cache_dir)


def main(argv: Sequence[str]) -> int:
    corpus, questions, mode = Path(argv[0]), Path(argv[1]), argv[2]
    batch = json.loads(questions.read_text(encoding="utf-8"))
    measure = {"postbot": measure_postbot, "rank-bm25": measure_rank_bm25, "bm25s": measure_bm25s}[
        mode
    ]
    print(json.dumps(measure(corpus, batch)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
