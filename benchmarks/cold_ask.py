"""Cold `postbot ask` against `python -c "import rank_bm25"`: the issue's speed budget.

Each command runs in a fresh process, alternating, RUNS times; the script prints both
medians and their ratio (the target is at most 2.5). Usage:

    python benchmarks/cold_ask.py [--runs 7] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

QUESTION = "When did China Post sign with Jilin?"
TARGET_RATIO = 2.5


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    parser.add_argument("--corpus", type=Path, help="corpus file (default: the shipped one)")
    args = parser.parse_args()

    python = sys.executable
    postbot = shutil.which("postbot", path=str(Path(python).parent)) or shutil.which("postbot")
    ask = [postbot] if postbot else [python, "-m", "bot.cli"]
    if args.corpus:
        ask += ["--corpus", str(args.corpus)]
    ask += ["ask", QUESTION]
    baseline = [python, "-c", "import rank_bm25"]

    _seconds(ask)  # warm the disk cache and the index cache: "cold" means a new process
    _seconds(baseline)
    ask_times, baseline_times = [], []
    for _ in range(args.runs):
        ask_times.append(_seconds(ask))
        baseline_times.append(_seconds(baseline))
    ask_median = statistics.median(ask_times)
    baseline_median = statistics.median(baseline_times)
    ratio = ask_median / baseline_median
    print(f"postbot ask {QUESTION!r}: median {ask_median * 1000:.0f} ms over {args.runs} runs")
    print(f"python -c 'import rank_bm25': median {baseline_median * 1000:.0f} ms")
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"ratio {ratio:.2f} ({verdict} the {TARGET_RATIO}x budget)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
