"""The per-user limit: allow, one slow-down warning, then drop until the window passes."""

from __future__ import annotations

import pytest

from bot.ratelimit import RateLimiter, Verdict


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_ratelimiter_allows_up_to_the_limit() -> None:
    limiter = RateLimiter(3, clock=_Clock())
    assert [limiter.check("u") for _ in range(3)] == [Verdict.ALLOW] * 3


def test_ratelimiter_warns_once_then_drops() -> None:
    limiter = RateLimiter(2, clock=_Clock())
    verdicts = [limiter.check("u") for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 2 + [Verdict.SLOW_DOWN] + [Verdict.DROP] * 3


def test_ratelimiter_other_users_unaffected_by_a_flood() -> None:
    limiter = RateLimiter(2, clock=_Clock())
    for _ in range(50):
        limiter.check("flooder")
    assert limiter.check("someone else") is Verdict.ALLOW


def test_ratelimiter_window_slides() -> None:
    clock = _Clock()
    limiter = RateLimiter(2, clock=clock)
    limiter.check("u")
    clock.now = 30.0
    limiter.check("u")
    assert limiter.check("u") is Verdict.SLOW_DOWN
    clock.now = 60.0  # the first question is a minute old: one slot frees
    assert limiter.check("u") is Verdict.ALLOW
    assert limiter.check("u") is Verdict.SLOW_DOWN  # warned afresh for a new overflow


def test_ratelimiter_dropped_questions_do_not_extend_the_wait() -> None:
    clock = _Clock()
    limiter = RateLimiter(1, clock=clock)
    limiter.check("u")
    for second in range(1, 60):
        clock.now = float(second)
        limiter.check("u")
    clock.now = 60.0
    assert limiter.check("u") is Verdict.ALLOW


def test_ratelimiter_zero_means_no_limit() -> None:
    limiter = RateLimiter(0, clock=_Clock())
    assert all(limiter.check("u") is Verdict.ALLOW for _ in range(1000))


def test_ratelimiter_rejects_a_negative_limit() -> None:
    with pytest.raises(ValueError, match="per_minute"):
        RateLimiter(-1)


def test_ratelimiter_memory_is_bounded() -> None:
    limiter = RateLimiter(5, max_users=100, clock=_Clock())
    for user in range(10_000):
        limiter.check(user)
    assert len(limiter) == 100


def test_ratelimiter_forgets_users_idle_for_a_window() -> None:
    clock = _Clock()
    limiter = RateLimiter(5, clock=clock)
    limiter.check("early")
    clock.now = 30.0
    limiter.check("later")
    clock.now = 61.0
    limiter.check("now")
    assert len(limiter) == 2  # "early" was last seen over a minute ago
