"""Child process of `benchmarks.run`: time a batch of questions and print the figures as JSON.

    python -m benchmarks.latency CORPUS QUESTIONS_JSON postbot|baseline

"postbot" loads the answerer (index from the cache in $POSTBOT_CACHE_DIR) and times each
answer, and the engine's scoring alone; "baseline" builds plain ``rank_bm25.BM25Okapi`` over
the same passages' tokens and times ``get_scores`` on each question's tokens.
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
    from retrieval.cache import load_index_parts
    from retrieval.engines import top_passages
    from retrieval.tokenize import tokenize

    settings = Settings.from_env()
    start = time.perf_counter()
    answerer = _load_answerer(corpus, settings)
    load_s = time.perf_counter() - start
    p50, p99 = _percentiles(answerer.answer, batch)
    answered = sum(answerer.answer(q).answered for q in batch) / len(batch)
    articles = load_articles(corpus)
    parts = load_index_parts(corpus, articles, settings.engine, settings.cache_dir)
    search_p50, _ = _percentiles(
        lambda q: top_passages(parts.engine.get_scores(tokenize(q)), 10), batch
    )
    return {
        "articles": len(articles),
        "passages": len(parts.passages),
        "engine": parts.engine.name,
        "load_s": load_s,
        "answered": answered,
        "p50_ms": p50,
        "p99_ms": p99,
        "search_p50_ms": search_p50,
    }


def measure_baseline(corpus: Path, batch: Sequence[str]) -> dict[str, Any]:
    """Plain rank-bm25 over the same passages' tokens: build once, then get_scores per question."""
    from rank_bm25 import BM25Okapi

    from bot.settings import Settings
    from corpus.store import load_articles
    from retrieval.cache import load_index_parts
    from retrieval.tokenize import tokenize

    settings = Settings.from_env()
    parts = load_index_parts(corpus, load_articles(corpus), "auto", settings.cache_dir)
    start = time.perf_counter()
    bm25 = BM25Okapi(parts.tokens)
    load_s = time.perf_counter() - start
    queries = {q: tokenize(q) for q in batch}  # tokenizing is not rank-bm25's cost
    p50, p99 = _percentiles(lambda q: bm25.get_scores(queries[q]), batch)
    return {"load_s": load_s, "p50_ms": p50, "p99_ms": p99}


def _load_answerer(corpus: Path, settings: Any) -> Any:
    from answers import Answerer

    return Answerer.load(corpus, settings.engine, settings.cache_dir)


def main(argv: Sequence[str]) -> int:
    corpus, questions, mode = Path(argv[0]), Path(argv[1]), argv[2]
    batch = json.loads(questions.read_text(encoding="utf-8"))
    measure = {"postbot": measure_postbot, "baseline": measure_baseline}[mode]
    print(json.dumps(measure(corpus, batch)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
