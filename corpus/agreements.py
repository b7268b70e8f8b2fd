"""The agreements of a corpus as a numbered list, newest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corpus.model import Article


@dataclass(frozen=True, slots=True)
class AgreementEntry:
    """One agreement with the article that announces it; `number` counts from 1, newest first."""

    number: int
    article_id: str
    title: str
    source: str
    published: str
    parties: tuple[str, ...]
    kind: str
    signed_on: str | None
    areas: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "article_id": self.article_id,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "parties": list(self.parties),
            "kind": self.kind,
            "signed_on": self.signed_on,
            "areas": list(self.areas),
        }


def list_agreements(articles: Iterable[Article]) -> list[AgreementEntry]:
    """Return the agreements announced by `articles`, newest first (by published, then id).

    Args:
        articles: the corpus's articles, in any order.

    Returns:
        One entry per article with an agreement, numbered from 1.
    """
    announcing = [a for a in articles if a.agreement is not None]
    announcing.sort(key=lambda a: (a.published, a.id), reverse=True)
    entries = []
    for number, article in enumerate(announcing, start=1):
        agreement = article.agreement
        assert agreement is not None
        entries.append(
            AgreementEntry(
                number=number,
                article_id=article.id,
                title=article.title,
                source=article.source,
                published=article.published,
                parties=agreement.parties,
                kind=agreement.kind,
                signed_on=agreement.signed_on,
                areas=agreement.areas,
            )
        )
    return entries
