"""Derive answers/lexicon/data/function_words_zh.txt: Chinese words that carry no topic.

Two maintained sources, both MIT-licensed:
- the Chinese list of Stopwords ISO (`pip install stopwordsiso`), and
- the single characters jieba's dictionary (already a dependency) tags as function words:
  localisers (里, 上, 中), prepositions, conjunctions, auxiliaries, modal particles,
  interjections and onomatopoeia. Only single characters: its longer words with those tags
  are noisier (接管 "take over" is tagged a conjunction) and Stopwords ISO has the real ones.
On top, answers/lexicon/data/question_frame_zh.txt, this project's short hand-made list of
words that only frame a question (指, 具体, 请问), is read at run time, not copied here.

Usage: python scripts/derive_function_words.py
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import stopwordsiso

OUT = Path(__file__).resolve().parents[1] / "answers" / "lexicon" / "data"
# jieba's part-of-speech tags (ICTCLAS) of words that only glue a sentence together.
FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o"})
LOCALISER_TAG = "f"  # 里, 上, 中


def _is_han(word: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in word)


def _jieba_function_words() -> set[str]:
    found: set[str] = set()
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) != 3:
            continue
        word, _, tag = parts
        if len(word) == 1 and (tag in FUNCTION_TAGS or tag == LOCALISER_TAG):
            found.add(word)
    return found


def main() -> int:
    iso = {w for w in stopwordsiso.stopwords("zh") if _is_han(w)}
    jieba_words = {w for w in _jieba_function_words() if _is_han(w)}
    words = sorted(iso | jieba_words)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "function_words_zh.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(iso)} from Stopwords ISO, {len(jieba_words)} from jieba: {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
