"""Add pages to the corpus in use and index it again: shared by `postbot add` and `/add`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.loader import index_corpus
from bot.settings import Settings
from corpus.add import AddResult, add_pages
from corpus.model import Article

# China Post's side of an agreement: the group or one of its companies (PSBC, China Post Life).
_CHINA_POST_SIDE = re.compile(r"China Post|Postal|PSBC|邮政|郵政|邮储|郵儲", re.IGNORECASE)


def add_and_index(settings: Settings, pages: Sequence[str]) -> AddResult:
    """Add the pages (files or URLs) to the settings' corpus file and rebuild its index.

    Raises:
        CorpusError: the corpus file cannot be loaded or written; it is left as it was.
    """
    corpus = settings.corpus_file
    result = add_pages(corpus, pages, allow_private=settings.allow_private_urls)
    if result.added:
        index_corpus(corpus, list(result.articles), settings)
    return result


def report_lines(result: AddResult) -> list[str]:
    """One line per page: what was added (title, date, partner), or why a page was not."""
    lines = [added_line(article) for article in result.added]
    lines += [f"Already in the corpus: {a.title} ({a.published})" for a in result.already_there]
    lines += [f"Not added: {page}: {reason}" for page, reason in result.failed]
    return lines


def added_line(article: Article) -> str:
    """`Added: <title> (<date>), agreement with <partner>` (or `, no agreement found`)."""
    agreement = article.agreement
    if agreement is None or not agreement.parties:
        found = "no agreement found"
    else:
        others = [p for p in agreement.parties if not _CHINA_POST_SIDE.search(p)]
        partners = others or agreement.parties[1:] or agreement.parties
        found = f"agreement with {' and '.join(partners)}"
    return f"Added: {article.title} ({article.published}), {found}"
