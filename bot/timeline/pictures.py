"""Timeline pictures: made in a worker thread and kept per agreements drawn, filter and language.

The key is a digest of the agreements drawn (so it changes with the corpus) with the filter
and the language, so a second `/timeline 2024` on the same corpus is sent at once.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from bot.timeline.plan import caption, plan_timeline
from corpus.agreements import AgreementEntry

KEPT_PICTURES = 32  # about 100 KB each


@dataclass(frozen=True, slots=True)
class Picture:
    """A timeline as PNG, its caption and its size in pixels."""

    png: bytes
    caption: str
    width: int
    height: int


def make_picture(entries: Sequence[AgreementEntry], lang: str, query: str = "") -> Picture:
    """Draw the timeline of `entries` (at least one); imports matplotlib on first use."""
    from bot.timeline.drawing import png_bytes
    from bot.timeline.plan import WIDTH

    plan = plan_timeline(entries, lang, query)
    return Picture(png_bytes(plan), caption(plan), WIDTH, plan.height)


class PictureCache:
    """The last `size` pictures made, by key; safe to share between threads."""

    def __init__(self, size: int = KEPT_PICTURES) -> None:
        self._size = size
        self._pictures: OrderedDict[str, Picture] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Picture | None:
        with self._lock:
            picture = self._pictures.get(key)
            if picture is not None:
                self._pictures.move_to_end(key)
            return picture

    def put(self, key: str, picture: Picture) -> None:
        with self._lock:
            self._pictures[key] = picture
            self._pictures.move_to_end(key)
            while len(self._pictures) > self._size:
                self._pictures.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._pictures)


def picture_key(entries: Sequence[AgreementEntry], lang: str, query: str) -> str:
    """What a picture depends on, as a digest: the agreements drawn, the language, the filter."""
    payload = json.dumps(
        [lang, query, [entry.to_json() for entry in entries]], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


async def cached_picture(
    cache: PictureCache, entries: Sequence[AgreementEntry], lang: str, query: str = ""
) -> Picture:
    """The picture from `cache`, or drawn in a worker thread (the event loop keeps serving)."""
    key = picture_key(entries, lang, query)
    picture = cache.get(key)
    if picture is None:
        picture = await asyncio.to_thread(make_picture, list(entries), lang, query)
        cache.put(key, picture)
    return picture
