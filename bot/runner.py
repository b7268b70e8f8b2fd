"""Runs the bot until it is stopped, saying what goes wrong with Telegram in one line each.

PTB's `run_polling` retries an unreachable Telegram in silence, keeps the process alive after
Telegram refuses the token, and reports every failed poll with a traceback. `serve` does the
same work (connect, start the updates, wait for SIGINT or SIGTERM, stop cleanly) but:

- while Telegram cannot be reached at start-up, it logs a WARNING at every backoff step;
- when Telegram refuses the token, at start-up or later, it stops and raises `InvalidToken`;
- a failed poll is one WARNING line (a 409 Conflict: one WARNING naming the cause).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlparse

from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application
from telegram.request import HTTPXRequest

__all__ = ["BotApiRequest", "ErrorCallback", "PollingRequest", "hold_sighup", "serve"]

log = logging.getLogger(__name__)

FIRST_RETRY = 1.0  # seconds before the first new attempt to reach Telegram at start-up
MAX_RETRY = 30.0  # the longest wait between two attempts
CONFLICT_REMINDER = 600.0  # seconds before a continuing 409 Conflict is reported again
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

ErrorCallback = Callable[[TelegramError], None]  # reports one failed poll


class BotApiRequest(HTTPXRequest):
    """PTB's HTTP connection, but an answer that is not JSON (a proxy's 502 page) is no traceback.

    PTB logs such a page with a traceback before it raises `NetworkError("Bad Gateway")`; the
    error itself is reported where it is handled, in one line.
    """

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:
        try:
            return json.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            log.debug("Telegram's answer is not JSON: %.80r", payload)
            raise TelegramError("Invalid server response") from None


class PollingRequest(BotApiRequest):
    """The connection `getUpdates` uses; sets `refused` when Telegram refuses the token.

    PTB's polling loop gives up on a refused token without telling the application, so this
    is where `serve` learns of it.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(connection_pool_size=1, **kwargs)
        self.refused = asyncio.Event()

    async def post(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().post(*args, **kwargs)
        except InvalidToken:
            self.refused.set()
            raise


def hold_sighup() -> None:
    """Until the bot is ready, SIGHUP (reload) is logged and ignored instead of killing it."""
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, _sighup_while_starting)


def _sighup_while_starting(signum: int, frame: object) -> None:
    log.warning("SIGHUP during start-up: ignored (the corpus being loaded is the current one)")


async def serve(
    application: Application,
    start_updates: Callable[[ErrorCallback], Awaitable[object]],
    refused: asyncio.Event | None = None,
) -> None:
    """Run `application` until SIGINT or SIGTERM, or until Telegram refuses the token.

    `start_updates(on_error)` starts the updater (polling or webhook); `on_error` reports a
    failed poll. `refused` is set when Telegram refuses the token while polling. Raises
    `InvalidToken` (after a clean stop) when the token was refused.
    """
    stop = asyncio.Event()
    refused = refused or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in _STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    try:
        if not await _connect(application, stop):
            return
        if application.post_init:
            await application.post_init(application)
        await start_updates(PollingProblems())
        await application.start()
        await _first(stop.wait(), refused.wait())
    finally:
        await _shut_down(application)
        for sig in _STOP_SIGNALS:
            loop.remove_signal_handler(sig)
    if refused.is_set():
        raise InvalidToken("Telegram refused the bot token while polling")


async def _connect(application: Application, stop: asyncio.Event) -> bool:
    """Initialize (this asks Telegram who the bot is), retrying until it works or `stop`.

    Returns False when stopped first. Raises `InvalidToken` at once when the token is refused.
    """
    host = urlparse(application.bot.base_url).netloc  # the token is in the path, not here
    delay = FIRST_RETRY
    while not stop.is_set():
        try:
            await application.initialize()
            return True
        except RetryAfter as exc:
            wait = exc.retry_after if isinstance(exc.retry_after, int | float) else MAX_RETRY
            log.warning("Telegram asks to wait: retrying in %g s", wait)
        except InvalidToken:
            raise
        except TelegramError as exc:
            wait = delay
            log.warning("Telegram API unreachable at %s, retrying in %g s (%s)", host, wait, exc)
            delay = min(MAX_RETRY, delay * 2)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), wait)
    return False


async def _first(*waits: Awaitable[object]) -> None:
    """Wait until the first of `waits` is done; cancel the others."""
    tasks = [asyncio.ensure_future(w) for w in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()


async def _shut_down(application: Application) -> None:
    """Stop whatever of the application was started, in the order PTB's own runner does."""
    updater = application.updater
    if updater is not None and updater.running:
        # A polling task that ended on a refused token re-raises it here; it has been reported.
        with contextlib.suppress(InvalidToken):
            await updater.stop()
    if application.running:
        await application.stop()
        if application.post_stop:
            await application.post_stop(application)
    await application.shutdown()  # does nothing if it never connected


class PollingProblems:
    """Reports a failed poll in one line: a 409 Conflict once, then every ten minutes."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._conflict_reported: float | None = None

    def __call__(self, exc: TelegramError) -> None:
        if isinstance(exc, Conflict):
            now = self._clock()
            if (
                self._conflict_reported is None
                or now - self._conflict_reported >= CONFLICT_REMINDER
            ):
                self._conflict_reported = now
                log.warning(
                    "Telegram answers 409 Conflict: another process is polling with this bot "
                    "token, so this one gets no updates; stop the other one (retrying)"
                )
            return
        log.warning("Polling Telegram failed, retrying: %s", exc)
