"""The records the corpus is made of: articles and the agreements they announce."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Agreement:
    """A cooperation agreement announced by an article."""

    parties: tuple[str, ...]
    kind: str
    signed_on: str | None  # YYYY-MM-DD, or None when the article gives no date
    areas: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "parties": list(self.parties),
            "kind": self.kind,
            "signed_on": self.signed_on,
            "areas": list(self.areas),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Agreement:
        return cls(
            parties=tuple(data["parties"]),
            kind=data["kind"],
            signed_on=data.get("signed_on"),
            areas=tuple(data.get("areas", ())),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article."""

    id: str
    title: str
    source: str
    published: str  # YYYY-MM-DD
    lang: str  # "en" or "zh"
    paragraphs: tuple[str, ...]
    origin: str  # the raw page's file name
    agreement: Agreement | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "lang": self.lang,
            "paragraphs": list(self.paragraphs),
            "origin": self.origin,
            "agreement": self.agreement.to_json() if self.agreement else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        agreement = data.get("agreement")
        return cls(
            id=data["id"],
            title=data["title"],
            source=data["source"],
            published=data["published"],
            lang=data["lang"],
            paragraphs=tuple(data["paragraphs"]),
            origin=data["origin"],
            agreement=Agreement.from_json(agreement) if agreement else None,
        )
