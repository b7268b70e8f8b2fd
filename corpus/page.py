"""What a page reader finds on one page, before it becomes an `Article`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageParts:
    """A page's title, publication date (YYYY-MM-DD), source ("" when none) and body."""

    title: str
    published: str
    source: str
    paragraphs: tuple[str, ...]
