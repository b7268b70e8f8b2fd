"""The answer layer as the settings configure it: one place that loads it for every front end.

Front ends load the answerer and index a new corpus through here, never through `retrieval/`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from answers import Answerer
    from corpus.model import Article


def load_answerer(settings: Settings) -> Answerer:
    """The answer layer over the corpus file, engine and index cache that `settings` name."""
    # Imported here: `postbot ask` counts every import before it answers.
    from answers import Answerer

    use_cache_dir(settings)
    return Answerer.load(settings.corpus_path, settings.engine, settings.cache_dir)


def use_cache_dir(settings: Settings) -> None:
    """With `settings.cache_dir` set, jieba's cache goes there too, beside the index cache."""
    if settings.cache_dir is not None:
        from retrieval.tokenize import use_jieba_cache_dir

        use_jieba_cache_dir(settings.cache_dir)


def index_corpus(path: Path, articles: Sequence[Article], settings: Settings) -> None:
    """Index the corpus just written at `path` into the settings' cache, for its first question.

    A sound cache of the same corpus is kept as it is.
    """
    from retrieval.cache import load_index

    load_index(path, articles, settings.engine, settings.cache_dir)
