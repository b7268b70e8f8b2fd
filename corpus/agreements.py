"""The agreements of a corpus as a numbered list, newest first, each once.

Two articles that report the same agreement (the same partners of China Post, signed on the same
day) are one entry citing both: a wire story and a newspaper's rewrite of it are one agreement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corpus.model import Agreement, Article
from corpus.partners import is_china_post
from corpus.records import as_json
from corpus.text import normalize


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article that reports an agreement."""

    article_id: str
    title: str
    source: str
    published: str

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True, slots=True)
class AgreementEntry:
    """One agreement; `number` counts from 1, newest first.

    `article_id`, `title`, `source` and `published` are the newest article reporting it;
    `articles` lists every article that does, that one first (empty is read as just that one).
    """

    number: int
    article_id: str
    title: str
    source: str
    published: str
    parties: tuple[str, ...]
    kind: str
    signed_on: str | None
    areas: tuple[str, ...]
    articles: tuple[ArticleRef, ...] = ()

    def reports(self) -> tuple[ArticleRef, ...]:
        """Every article that reports this agreement, the entry's own first."""
        own = ArticleRef(self.article_id, self.title, self.source, self.published)
        return self.articles or (own,)

    def to_json(self) -> dict[str, Any]:
        # An entry without `articles` lists its own article there.
        return as_json(self) | {"articles": [as_json(a) for a in self.reports()]}


def list_agreements(articles: Iterable[Article]) -> list[AgreementEntry]:
    """Return the agreements announced by `articles`, newest first (by published, then id).

    Articles reporting the same agreement (same partners, same full signing date) are one
    entry, however each names China Post's side; its fields come from the newest of them.

    Args:
        articles: the corpus's articles, in any order.

    Returns:
        One entry per agreement, numbered from 1.
    """
    announcing = [a for a in articles if a.agreement is not None]
    announcing.sort(key=lambda a: (a.published, a.id), reverse=True)
    groups: dict[object, list[Article]] = {}
    for article in announcing:
        assert article.agreement is not None
        groups.setdefault(_same_agreement_key(article), []).append(article)
    entries = []
    for number, group in enumerate(groups.values(), start=1):
        newest = group[0]
        agreement = newest.agreement
        assert agreement is not None
        entries.append(
            AgreementEntry(
                number=number,
                article_id=newest.id,
                title=newest.title,
                source=newest.source,
                published=newest.published,
                parties=agreement.parties,
                kind=agreement.kind,
                signed_on=agreement.signed_on,
                areas=agreement.areas,
                articles=tuple(ArticleRef(a.id, a.title, a.source, a.published) for a in group),
            )
        )
    return entries


def _same_agreement_key(article: Article) -> object:
    """Articles share this key when they report one agreement; without a full date, never."""
    agreement: Agreement | None = article.agreement
    assert agreement is not None
    if agreement.signed_on is None or len(agreement.signed_on) != len("YYYY-MM-DD"):
        return article.id
    # China Post's side is named many ways ("China Post", "China Post Group Corporation
    # Limited"); the partners and the day tell one agreement from another.
    partners = [p for p in agreement.parties if not is_china_post(p)] or agreement.parties
    return (frozenset(_normal(p) for p in partners), agreement.signed_on)


def _normal(name: str) -> str:
    return normalize(name).casefold()
