"""Benchmark postbot as its corpus grows, against bm25s and rank-bm25 on the same sentences.

For each size N it generates N synthetic raw pages (`benchmarks.generate`), then measures:

- build: `postbot build-corpus PAGES --out FILE`, wall time and peak memory;
- cold ask: `postbot ask --corpus FILE QUESTION` as a new process, without an index cache
  (an empty cache folder) and with one (median of several runs), and its peak memory; the
  cached one also as a ratio to the same command on the shipped corpus, the two run
  alternately so that a busy machine slows both alike;
- per question: p50 and p99 latency of answering a batch of questions in one process;
- baselines, on the same passages' tokens in the same run: bm25s's own
  ``BM25.retrieve(query, k=10)`` and plain ``rank_bm25.BM25Okapi(tokens).get_scores(query)``
  (the latter only up to ``--rank-bm25-max`` articles: it takes seconds a question beyond).

Every measurement runs in a child process, so peak memory (``ru_maxrss`` from ``wait4``) is
that step's own. It prints a Markdown table and writes JSON to ``benchmarks/out/``.

    python -m benchmarks.run                       # N = 100
    python -m benchmarks.run --sizes 100,1000,5000,20000,50000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.generate import (
    AREAS,
    CITIES,
    PARTNERS,
    PROVINCES,
    ZH_AREAS,
    ZH_PROVINCES,
    generate_pages,
)

OUT = Path(__file__).resolve().parent / "out"
# The cold `postbot ask` question: English, like the example (a Chinese one would add
# jieba's start-up, which is jieba's cost, not the index's).
COLD_QUESTION = "When did China Post sign the cooperation agreement with Jilin?"
REPO = Path(__file__).resolve().parent.parent

QUESTIONS = (
    "When did China Post sign the cooperation agreement with {province}?",
    "Which areas does the agreement with {partner} cover?",
    "Who met China Post in {city}?",
    "what does the deal with {province} say about {area}",
    "How many family farms will the cooperation with {province} serve?",
    "where did china post sign with {province}",
    "中国邮政与{zh_province}什么时候签署合作协议？",
    "{zh_province}{zh_area}合作有哪些内容？",
    "What is the price of a stamp to Brazil?",
    "Who won the football match in Madrid yesterday?",
)


@dataclass
class Step:
    """One child process's wall time, peak memory and output."""

    seconds: float
    max_rss_mb: float
    stdout: str


@dataclass
class SizeResult:
    """Everything measured at one corpus size."""

    pages: int
    articles: int
    passages: int
    engine: str
    build_s: float
    build_max_rss_mb: float
    ask_uncached_s: float
    ask_cached_s: float
    ask_cached_runs: list[float]
    ask_max_rss_mb: float
    shipped_ask_s: float
    shipped_ask_max_rss_mb: float
    ask_vs_shipped: float
    load_s: float
    answered: float
    answer_p50_ms: float
    answer_p99_ms: float
    search_p50_ms: float
    bm25s_build_s: float
    bm25s_p50_ms: float
    bm25s_p99_ms: float
    rank_bm25_p50_ms: float | None
    rank_bm25_p99_ms: float | None
    latency_max_rss_mb: float


def questions(count: int, seed: int = 11) -> list[str]:
    """A seeded batch of questions people might ask, some unanswerable, some Chinese."""
    rng = random.Random(seed)
    return [
        rng.choice(QUESTIONS).format(
            province=rng.choice(PROVINCES),
            partner=rng.choice(PARTNERS),
            city=rng.choice(CITIES),
            area=rng.choice(AREAS),
            zh_province=rng.choice(ZH_PROVINCES),
            zh_area=rng.choice(ZH_AREAS),
        )
        for _ in range(count)
    ]


def run_child(argv: list[str], env: dict[str, str] | None = None) -> Step:
    """Run `argv` to completion; its wall time, its own peak memory, its stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])}... exited {process.returncode}: {stderr[-2000:]}")
    return Step(seconds, usage.ru_maxrss / 1024, stdout)


def _postbot() -> list[str]:
    script = Path(sys.executable).with_name("postbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def _env(cache_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTBOT_", "TELEGRAM_"))}
    env.update(POSTBOT_CACHE_DIR=str(cache_dir), POSTBOT_DB=str(cache_dir / "queries.sqlite3"))
    return env


def import_baseline_seconds(repeat: int) -> float:
    """Median wall time of a bare ``python -c "import rank_bm25"``."""
    runs = [run_child([sys.executable, "-c", "import rank_bm25"]).seconds for _ in range(repeat)]
    return statistics.median(runs)


def shipped_ask(work: Path) -> tuple[list[str], dict[str, str]]:
    """Cold `postbot ask` on the shipped corpus, its cache warmed: the command and environment."""
    env = _env(work / "shipped-cache")
    ask = [*_postbot(), "ask", COLD_QUESTION]
    run_child(ask, env)
    return ask, env


def measure_size(
    pages: int,
    work: Path,
    questions_file: Path,
    repeat: int,
    seed: int,
    shipped: tuple[list[str], dict[str, str]],
    rank_bm25_max: int,
) -> SizeResult:
    """Generate, build and time postbot at one corpus size."""
    folder = work / str(pages)
    shutil.rmtree(folder, ignore_errors=True)
    generate_pages(pages, folder / "pages", seed)
    corpus = folder / "articles.jsonl"
    build = run_child([*_postbot(), "build-corpus", str(folder / "pages"), "--out", str(corpus)])
    ask = [*_postbot(), "ask", "--corpus", str(corpus), COLD_QUESTION]
    uncached = []
    for attempt in range(repeat if pages <= 1000 else 1):
        cold_cache = folder / f"cache-cold-{attempt}"
        uncached.append(run_child(ask, _env(cold_cache)))
        shutil.rmtree(cold_cache)
    cache = folder / "cache"
    run_child(ask, _env(cache))  # warm the cache
    cached, on_shipped = [], []
    for _ in range(max(repeat, 5)):
        on_shipped.append(run_child(*shipped))
        cached.append(run_child(ask, _env(cache)))
    latency_argv = [sys.executable, "-m", "benchmarks.latency", str(corpus), str(questions_file)]
    latency = run_child([*latency_argv, "postbot"], _env(cache))
    ours = json.loads(latency.stdout)
    bm25s = json.loads(run_child([*latency_argv, "bm25s"], _env(cache)).stdout)
    rank_bm25: dict[str, Any] = {}
    if pages <= rank_bm25_max:
        rank_bm25 = json.loads(run_child([*latency_argv, "rank-bm25"], _env(cache)).stdout)
    ask_cached_s = statistics.median(s.seconds for s in cached)
    shipped_s = statistics.median(s.seconds for s in on_shipped)
    return SizeResult(
        pages=pages,
        articles=ours["articles"],
        passages=ours["passages"],
        engine=ours["engine"],
        build_s=build.seconds,
        build_max_rss_mb=build.max_rss_mb,
        ask_uncached_s=statistics.median(s.seconds for s in uncached),
        ask_cached_s=ask_cached_s,
        ask_cached_runs=[round(s.seconds, 3) for s in cached],
        ask_max_rss_mb=max(s.max_rss_mb for s in cached),
        shipped_ask_s=shipped_s,
        shipped_ask_max_rss_mb=max(s.max_rss_mb for s in on_shipped),
        ask_vs_shipped=ask_cached_s / shipped_s,
        load_s=ours["load_s"],
        answered=ours["answered"],
        answer_p50_ms=ours["p50_ms"],
        answer_p99_ms=ours["p99_ms"],
        search_p50_ms=ours["search_p50_ms"],
        bm25s_build_s=bm25s["load_s"],
        bm25s_p50_ms=bm25s["p50_ms"],
        bm25s_p99_ms=bm25s["p99_ms"],
        rank_bm25_p50_ms=rank_bm25.get("p50_ms"),
        rank_bm25_p99_ms=rank_bm25.get("p99_ms"),
        latency_max_rss_mb=latency.max_rss_mb,
    )


def machine() -> str:
    """One line on the machine: CPU model, cores, memory, Python."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{memory_kb / 1024**2:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        memory = "unknown RAM"
    return (
        f"{model}, {os.cpu_count()} cores, {memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def table(results: list[SizeResult], import_s: float) -> str:
    """The results as a Markdown table, each size's times also as ratios within this run."""
    lines = [
        "| articles | passages | build | cold ask, no cache | cold ask, cached / shipped "
        "| per question p50 / p99 | of which scoring p50 | bm25s retrieve p50 / p99 "
        "| answer / bm25s (p50) | rank-bm25 get_scores p50 | peak memory (build / ask / batch) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        rank_bm25 = "—" if r.rank_bm25_p50_ms is None else f"{r.rank_bm25_p50_ms:.2f} ms"
        lines.append(
            f"| {r.articles:,} | {r.passages:,} | {r.build_s:.1f} s "
            f"| {r.ask_uncached_s:.2f} s | {r.ask_cached_s:.2f} / {r.shipped_ask_s:.2f} s "
            f"= {r.ask_vs_shipped:.1f}x "
            f"| {r.answer_p50_ms:.2f} / {r.answer_p99_ms:.2f} ms | {r.search_p50_ms:.2f} ms "
            f"| {r.bm25s_p50_ms:.2f} / {r.bm25s_p99_ms:.2f} ms "
            f"| {r.answer_p50_ms / r.bm25s_p50_ms:.2f}x | {rank_bm25} "
            f"| {r.build_max_rss_mb:.0f} / {r.ask_max_rss_mb:.0f} "
            f"/ {r.latency_max_rss_mb:.0f} MiB |"
        )
    lines.append("")
    lines.append(
        f"Shipped corpus, cold `postbot ask`: {results[-1].shipped_ask_max_rss_mb:.0f} MiB. "
        f'`python -c "import rank_bm25"`: {import_s:.3f} s (median).'
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark postbot against bm25s and rank-bm25.")
    parser.add_argument(
        "--sizes", default="100", help="comma-separated article counts (default: 100)"
    )
    parser.add_argument("--questions", type=int, default=200, help="questions per batch")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cold-start timing")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--rank-bm25-max",
        type=int,
        default=20_000,
        help="largest size timed with rank-bm25 too (default: 20000)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="folder for pages and results")
    args = parser.parse_args(argv)
    try:
        sizes = [int(size) for size in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes must be whole numbers separated by commas, not {args.sizes!r}")
    args.out.mkdir(parents=True, exist_ok=True)
    batch = questions(args.questions)
    questions_file = args.out / "questions.json"
    questions_file.write_text(json.dumps(batch, ensure_ascii=False, indent=1), encoding="utf-8")
    import_s = import_baseline_seconds(max(args.repeat, 5))
    shipped = shipped_ask(args.out)
    results = []
    for pages in sizes:
        print(f"measuring {pages:,} pages...", file=sys.stderr, flush=True)
        results.append(
            measure_size(
                pages, args.out, questions_file, args.repeat, args.seed, shipped, args.rank_bm25_max
            )
        )
        print(table(results, import_s), file=sys.stderr, flush=True)
    report: dict[str, Any] = {
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "questions": len(batch),
        "import_rank_bm25_s": import_s,
        "results": [asdict(r) for r in results],
    }
    name = f"results-{'-'.join(str(s) for s in sizes)}.json"
    (args.out / name).write_text(json.dumps(report, indent=1))
    print(table(results, import_s))
    print(f"\n{report['machine']}; JSON in {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
