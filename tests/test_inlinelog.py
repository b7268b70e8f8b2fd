"""The inline log: a user's query is logged once it settles, and pending ones on stop."""

from __future__ import annotations

import asyncio

from answers.model import Answer
from bot.inlinelog import SettlingInlineLog


def answer(question: str) -> Answer:
    return Answer(question=question, answered=False, text="no", lang="en")


async def test_settling_log_records_only_the_last_query_of_a_burst():
    recorded: list[str] = []
    log = SettlingInlineLog(lambda a, ms: recorded.append(a.question), quiet=0.05)
    for typed in ["W", "Wh", "Who"]:
        log.note(1, answer(typed), 1.0)
    log.note(2, answer("When"), 1.0)
    await asyncio.sleep(0.15)
    assert sorted(recorded) == ["When", "Who"]
    assert len(log) == 0


async def test_settling_log_flush_records_the_pending_queries_at_once():
    recorded: list[str] = []
    log = SettlingInlineLog(lambda a, ms: recorded.append(a.question), quiet=60)
    log.note(1, answer("Who signed?"), 1.0)
    log.flush()
    assert recorded == ["Who signed?"]
    await asyncio.sleep(0)
    log.flush()
    assert recorded == ["Who signed?"]
