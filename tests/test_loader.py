"""bot/loader.py: the one place front ends load the answer layer and index a corpus."""

from __future__ import annotations

import re
from pathlib import Path

from bot.loader import index_corpus
from bot.settings import Settings
from corpus.store import DEFAULT_CORPUS, load_articles
from retrieval.cache import cache_folders

BOT = Path(__file__).resolve().parents[1] / "bot"


def test_index_corpus_writes_the_cache_in_the_settings_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "articles.jsonl"
    corpus.write_bytes(DEFAULT_CORPUS.read_bytes())
    settings = Settings(corpus_path=corpus, cache_dir=tmp_path / "cache")
    index_corpus(corpus, load_articles(corpus), settings)
    [folder] = cache_folders(corpus, tmp_path / "cache")
    assert (folder / "manifest.json").is_file()


def test_only_the_loader_reaches_the_index_cache() -> None:
    reaching = {
        path.relative_to(BOT).as_posix()
        for path in BOT.rglob("*.py")
        if re.search(r"\bretrieval\.cache\b", path.read_text(encoding="utf-8"))
    }
    assert reaching == {"loader.py"}
