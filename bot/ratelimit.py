"""Per-user limit on questions: a sliding one-minute window, one warning, then silence."""

from __future__ import annotations

import enum
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable

__all__ = ["RateLimiter", "Verdict"]


class Verdict(enum.Enum):
    """What to do with one incoming question."""

    ALLOW = "allow"  # answer it
    SLOW_DOWN = "slow_down"  # the first one over the limit: reply once asking to slow down
    DROP = "drop"  # over the limit and already warned: ignore it


class RateLimiter:
    """At most `per_minute` questions per user in any `window` seconds; 0 means no limit.

    Only allowed questions fill the window, so a user who keeps sending is answered again as
    soon as their oldest answered question is a window old. A user is forgotten a window after
    they were last seen, and at most `max_users` are tracked (the least recently seen go first).
    """

    def __init__(
        self,
        per_minute: int = 20,
        *,
        window: float = 60.0,
        max_users: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_minute < 0:
            raise ValueError(f"per_minute must be 0 (no limit) or more, not {per_minute}")
        if window <= 0 or max_users <= 0:
            raise ValueError("window and max_users must be positive")
        self.per_minute = per_minute
        self._window = window
        self._max_users = max_users
        self._clock = clock
        # user -> (times of allowed questions within the window, warned since the window filled,
        # time last seen); least recently seen first
        self._users: OrderedDict[Hashable, tuple[deque[float], bool, float]] = OrderedDict()

    def check(self, user: Hashable) -> Verdict:
        """Count one question from `user` and say whether to answer it."""
        if self.per_minute == 0:
            return Verdict.ALLOW
        now = self._clock()
        times, warned, _ = self._users.pop(user, (deque(), False, now))
        while times and now - times[0] >= self._window:
            times.popleft()
        if len(times) < self.per_minute:
            times.append(now)
            verdict, warned = Verdict.ALLOW, False
        elif warned:
            verdict = Verdict.DROP
        else:
            verdict, warned = Verdict.SLOW_DOWN, True
        self._forget_idle(now)
        self._users[user] = (times, warned, now)
        while len(self._users) > self._max_users:
            self._users.popitem(last=False)
        return verdict

    def _forget_idle(self, now: float) -> None:
        """Drop users not seen for a window: their windows are empty, and ids are not kept."""
        while self._users:
            _, (_, _, seen) = next(iter(self._users.items()))
            if now - seen < self._window:
                break
            self._users.popitem(last=False)

    def __len__(self) -> int:
        return len(self._users)
