"""Inline queries are logged once they settle: the last query a user typed, not every keystroke.

Telegram sends an inline query at almost every keystroke, so logging each would fill `stats`
with half-typed questions. A user's query is logged when no newer one came from that user for
`quiet` seconds; queries still pending when the bot stops are logged then.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from answers.model import Answer

__all__ = ["SettlingInlineLog"]

QUIET_SECONDS = 1.5  # no newer query from the user for this long: the query has settled


@dataclass(frozen=True, slots=True)
class _Pending:
    answer: Answer
    latency_ms: float
    timer: asyncio.TimerHandle


class SettlingInlineLog:
    """Holds each user's latest answered inline query and records it once it has settled."""

    def __init__(
        self, record: Callable[[Answer, float], object], quiet: float = QUIET_SECONDS
    ) -> None:
        self._record = record  # record(answer, latency_ms): writes one inline question
        self._quiet = quiet
        self._pending: dict[Hashable, _Pending] = {}

    def note(self, user: Hashable, answer: Answer, latency_ms: float) -> None:
        """`user`'s newest inline query was answered: it replaces any older one not yet logged."""
        old = self._pending.pop(user, None)
        if old is not None:
            old.timer.cancel()
        timer = asyncio.get_running_loop().call_later(self._quiet, self._settle, user)
        self._pending[user] = _Pending(answer, latency_ms, timer)

    def flush(self) -> None:
        """Record every pending query now (the bot is stopping)."""
        for user in list(self._pending):
            self._pending[user].timer.cancel()
            self._settle(user)

    def __len__(self) -> int:
        return len(self._pending)

    def _settle(self, user: Hashable) -> None:
        pending = self._pending.pop(user, None)
        if pending is not None:
            self._record(pending.answer, pending.latency_ms)
