"""The records the corpus is made of: articles and the agreements they announce."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from corpus.records import as_json

LANGS = ("en", "zh", "zh-Hant")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Agreement:
    """A cooperation agreement announced by an article."""

    parties: tuple[str, ...]
    kind: str
    signed_on: str | None  # YYYY-MM-DD, or None when the article gives no date
    areas: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return as_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Agreement:
        """The agreement in `data`; ValueError names the first field that is wrong."""
        if not isinstance(data, dict):
            raise ValueError(f"field 'agreement' must be an object or null, not {_shown(data)}")
        return cls(
            parties=_texts(data, "parties", "agreement.parties"),
            kind=_text(data, "kind", "agreement.kind"),
            signed_on=_optional_text(data, "signed_on", "agreement.signed_on"),
            areas=_texts(data, "areas", "agreement.areas", default=[]),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article."""

    id: str
    title: str
    source: str
    published: str  # YYYY-MM-DD
    lang: str  # "en", "zh" (Simplified) or "zh-Hant" (Traditional)
    paragraphs: tuple[str, ...]
    origin: str  # the raw page's file name, or the URL it was fetched from
    agreement: Agreement | None
    url: str | None = None  # the address the page was fetched from, if it was

    def to_json(self) -> dict[str, Any]:
        return as_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        """The article in `data`; ValueError names the first field that is missing or wrong."""
        article_id, title = _text(data, "id"), _text(data, "title")
        source = _text(data, "source", default="")
        published = _text(data, "published")
        if not _ISO_DATE.match(published):
            raise ValueError(f"field 'published' must be a date YYYY-MM-DD, not {published!r}")
        lang = _text(data, "lang")
        if lang not in LANGS:
            raise ValueError(f"field 'lang' must be one of {', '.join(LANGS)}, not {lang!r}")
        paragraphs = _texts(data, "paragraphs")
        if not paragraphs:
            raise ValueError("field 'paragraphs' is empty")
        agreement = data.get("agreement")
        return cls(
            id=article_id,
            title=title,
            source=source,
            published=published,
            lang=lang,
            paragraphs=paragraphs,
            origin=_text(data, "origin", default=""),
            agreement=Agreement.from_json(agreement) if agreement is not None else None,
            url=_optional_text(data, "url"),
        )


_MISSING = object()


def _field(data: dict[str, Any], key: str, name: str, default: Any) -> Any:
    value = data.get(key, default)
    if value is _MISSING:
        raise ValueError(f"field '{name}' is missing")
    return value


def _text(data: dict[str, Any], key: str, name: str | None = None, default: Any = _MISSING) -> str:
    name = name or key
    value = _field(data, key, name, default)
    if not isinstance(value, str):
        raise ValueError(f"field '{name}' must be text, not {_shown(value)}")
    return value


def _optional_text(data: dict[str, Any], key: str, name: str | None = None) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"field '{name or key}' must be text or null, not {_shown(value)}")
    return value


def _texts(
    data: dict[str, Any], key: str, name: str | None = None, default: Any = _MISSING
) -> tuple[str, ...]:
    name = name or key
    value = _field(data, key, name, default)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"field '{name}' must be a list of texts, not {_shown(value)}")
    return tuple(value)


def _shown(value: Any) -> str:
    """A JSON value as the file shows it, cut short: `null`, `42`, `{"a": 1}`."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"
