"""Turn text into index terms: stemmed English words and jieba-cut Chinese words.

Text is split into script runs. A Han run is made Simplified (OpenCC t2s, so Traditional
articles and questions meet Simplified ones), then cut with jieba's search mode, the same
way at index and query time; OpenCC and jieba are imported only when a Han run is met, so
English text never pays their start-up. Every other run is lowercased, split into words and
numbers, stripped of stopwords and stemmed with Snowball English.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

from corpus.text import HAN, fold_quotes, to_simplified
from corpus.text import has_han as _has_han

log = logging.getLogger(__name__)

# Bump when a rule below changes: cached indexes are keyed on it.
TOKENIZER_VERSION = "2"

_RUNS = re.compile(rf"[{HAN}]+|[^{HAN}]+")
_IS_HAN = re.compile(rf"[{HAN}]")
# A word is letters and digits, optionally joined by hyphens or apostrophes.
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def tokenize(text: str) -> list[str]:
    """Split `text` into index terms.

    Args:
        text: English, Chinese or mixed text.

    Returns:
        The terms in text order: English words lowercased, stopwords dropped and stemmed
        (``"Signing"`` → ``"sign"``), numbers kept (``"1000"``), Chinese words as jieba
        cuts them; punctuation and whitespace never appear.
    """
    terms: list[str] = []
    for is_han, run in script_runs(normalize(text)):
        terms.extend(_han_terms(run) if is_han else _latin_terms(run))
    return terms


def normalize(text: str) -> str:
    """Text in NFKC (full-width forms folded) with curly quotes made straight."""
    return fold_quotes(text)


def script_runs(text: str) -> list[tuple[bool, str]]:
    """The text cut into runs of Chinese and of other script: (is_han, run) pairs."""
    return [(_IS_HAN.match(run) is not None, run) for run in _RUNS.findall(text)]


def has_han(text: str) -> bool:
    """Whether `text` contains any Chinese character."""
    return _has_han(text)


def is_stopword(word: str) -> bool:
    """Whether the word (any case) is one the tokenizer drops."""
    return word.lower() in _stopwords()


def words(text: str) -> list[str]:
    """The words and numbers of non-Chinese text, as written (case kept)."""
    return _WORD.findall(text)


def _latin_terms(run: str) -> list[str]:
    words: list[str] = []
    stopwords = _stopwords()
    for word in _WORD.findall(run.lower()):
        for part in _split_word(word):
            if part not in stopwords:
                words.append(part)
    return _stemmer().stemWords(words) if words else []


def _split_word(word: str) -> list[str]:
    """Possessives lose their 's; hyphenated words split, but a one-letter prefix joins."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1 and len(parts[0]) == 1:  # e-commerce, e-mail
        parts = [parts[0] + parts[1], *parts[2:]]
    return parts


def cut_words(run: str) -> list[str]:
    """A Chinese run cut into words (jieba's precise mode, in Simplified), one reading each:
    how a question's Chinese is read into concepts; `tokenize` adds overlapping sub-words."""
    return [w for w in _jieba().lcut(to_simplified(run)) if w.strip()]


def _han_terms(run: str) -> list[str]:
    stopwords = _stopwords()
    simplified = to_simplified(run)
    return [w for w in _jieba().cut_for_search(simplified) if w.strip() and w not in stopwords]


@cache
def _stopwords() -> frozenset[str]:
    text = resources.files("retrieval").joinpath("data/stopwords.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def _stemmer():  # -> Stemmer.Stemmer
    import Stemmer

    return Stemmer.Stemmer("english")


_jieba_cache_dir: Path | None = None  # see use_jieba_cache_dir
_JIEBA_CACHE = "jieba.cache"  # the name jieba gives the cache of its own dictionary


def use_jieba_cache_dir(folder: Path) -> None:
    """Keep jieba's dictionary cache in `folder` (beside the index cache, say).

    Call it before the first Chinese text is cut; by default the cache goes to the user's
    cache folder, never to the shared /tmp/jieba.cache, which another user may own.
    """
    global _jieba_cache_dir
    _jieba_cache_dir = Path(folder)


@cache
def _jieba():  # -> the jieba module, quietened and initialised
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(_writable_jieba_folder())
    jieba.initialize()
    return jieba


def _writable_jieba_folder() -> Path:
    """Where jieba may keep its cache: the chosen folder if it can, else a private temporary one.

    jieba logs a traceback (and leaves a 9 MB temporary file) when it cannot write its cache.
    """
    from platformdirs import user_cache_path

    folder = _jieba_cache_dir or user_cache_path("postbot") / "jieba"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if (folder / _JIEBA_CACHE).is_file() or os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    private = Path(tempfile.mkdtemp(prefix="postbot-jieba-"))
    atexit.register(shutil.rmtree, private, ignore_errors=True)
    log.warning("Cannot keep jieba's cache in %s; Chinese text starts slower", folder)
    return private


if __name__ == "__main__":
    import sys

    print(" ".join(tokenize(" ".join(sys.argv[1:]))))
