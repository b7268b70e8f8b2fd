"""The corpus: China Post news articles cleaned from raw pages, and the agreements they announce."""

from corpus.agreements import AgreementEntry, ArticleRef, list_agreements
from corpus.errors import CorpusError, PageError
from corpus.model import Agreement, Article
from corpus.store import DEFAULT_CORPUS, load_articles

__all__ = [
    "DEFAULT_CORPUS",
    "Agreement",
    "AgreementEntry",
    "Article",
    "ArticleRef",
    "CorpusError",
    "PageError",
    "list_agreements",
    "load_articles",
]
