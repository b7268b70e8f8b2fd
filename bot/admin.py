"""Admins' commands: /stats, /reload (also on SIGHUP) to swap in a re-read corpus, and /add."""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import Update
from telegram.ext import Application

from bot import handlers, render
from bot.adding import add_and_index, report_lines
from bot.loader import load_answerer
from bot.querylog import QueryLogError, format_report
from bot.runtime import RUNTIME, BotRuntime, Context, runtime_of
from bot.texts import message
from corpus.errors import CorpusError

if TYPE_CHECKING:
    from answers import Answerer

log = logging.getLogger(__name__)

# What a corpus that cannot be loaded raises; anything else is a bug for the error handler.
_LOAD_ERRORS = (CorpusError, OSError, ValueError)


class ReloadBusy(Exception):
    """A reload is already running."""


@dataclass(frozen=True, slots=True)
class Reloaded:
    """The corpus now in use."""

    articles: int
    agreements: int


async def stats_command(update: Update, context: Context) -> None:
    """/stats: the query log's report, for admins."""
    lang = handlers.user_language(update)
    runtime = runtime_of(context)
    if not runtime.is_admin(update):
        action = message(lang, "action_stats")
        await handlers.send_html(update, message(lang, "only_admins", action=action))
        return
    query_log = runtime.conversations.log
    if query_log is None:
        reason = "it could not be opened"
        await handlers.send_html(update, message(lang, "no_log", reason=reason))
        return
    try:
        report = format_report(query_log.stats())
    except QueryLogError as exc:
        reason = render.escape(str(exc))
        await handlers.send_html(update, message(lang, "no_log", reason=reason))
        return
    await handlers.send_html(update, f"<pre>{render.escape(report)}</pre>")


async def reload_command(update: Update, context: Context) -> None:
    """/reload: re-read the corpus and swap it in, for admins."""
    lang = handlers.user_language(update)
    if not runtime_of(context).is_admin(update):
        action = message(lang, "action_reload")
        await handlers.send_html(update, message(lang, "only_admins", action=action))
        return
    try:
        reloaded = await reload_corpus(context.application)
    except ReloadBusy:
        reply = message(lang, "reload_busy")
    except _LOAD_ERRORS as exc:
        log.warning("Reload failed, keeping the old corpus: %s", exc)
        reply = message(lang, "reload_failed", reason=_reason(exc))
    else:
        reply = _reloaded(lang, reloaded)
    await handlers.send_html(update, reply)


async def add_command(update: Update, context: Context) -> None:
    """/add URL...: add the pages to the corpus and swap the new index in, for admins."""
    lang = handlers.user_language(update)
    runtime = runtime_of(context)
    if not runtime.is_admin(update):
        action = message(lang, "action_add")
        await handlers.send_html(update, message(lang, "only_admins", action=action))
        return
    pages = list(context.args or [])
    if not pages:
        await handlers.send_html(update, message(lang, "add_usage"))
        return
    if runtime.adding.locked():
        await handlers.send_html(update, message(lang, "add_busy"))
        return
    async with runtime.adding:
        try:
            result = await asyncio.to_thread(add_and_index, runtime.settings, pages)
        except _LOAD_ERRORS as exc:
            log.warning("/add failed, the corpus is unchanged: %s", exc)
            await handlers.send_html(update, message(lang, "add_failed", reason=_reason(exc)))
            return
        lines = [render.escape(line) for line in report_lines(result)]
        if result.added:
            lines.append(await _swap_in(context.application, lang))
    # Many pages make a long reply: sent in as many messages as Telegram needs.
    for part in render.split_messages(["\n".join(lines)]):
        await handlers.send_html(update, part)


async def _swap_in(application: Application, lang: str) -> str:
    """Reload the corpus just written, as /reload does; the line (HTML) saying how that went."""
    try:
        reloaded = await reload_corpus(application)
    except ReloadBusy:
        return message(lang, "reload_busy")
    except _LOAD_ERRORS as exc:
        log.warning("Reload after /add failed, keeping the old corpus: %s", exc)
        return message(lang, "reload_failed", reason=_reason(exc))
    return _reloaded(lang, reloaded)


def _reason(exc: Exception) -> str:
    """Why `exc` happened, escaped for a reply."""
    return render.escape(str(exc) or type(exc).__name__)


def _reloaded(lang: str, reloaded: Reloaded) -> str:
    return message(lang, "reloaded", articles=reloaded.articles, agreements=reloaded.agreements)


async def reload_corpus(application: Application) -> Reloaded:
    """Load the corpus again off the event loop, then swap the new answerer in at once.

    Updates keep being answered by the old answerer meanwhile; if loading fails, it stays.
    Raises ReloadBusy when a reload is already running.
    """
    runtime: BotRuntime = application.bot_data[RUNTIME]
    if runtime.reloading.locked():
        raise ReloadBusy
    async with runtime.reloading:
        answerer = await asyncio.to_thread(_load, runtime)
        application.bot_data[handlers.ANSWERER] = answerer
    reloaded = Reloaded(articles=len(answerer.articles), agreements=len(answerer.agreements))
    log.info("Reloaded %d articles (%d agreements)", reloaded.articles, reloaded.agreements)
    return reloaded


def _load(runtime: BotRuntime) -> Answerer:
    """Load the corpus, warm it up and learn it for follow-ups; runs in a worker thread."""
    answerer = load_answerer(runtime.settings)
    answerer.warm_up()  # its speller is built here, not by the first question after the swap
    runtime.conversations.prepare(answerer)
    return answerer


def listen_for_sighup(application: Application) -> None:
    """Reload the corpus when the process gets SIGHUP (where the platform has it)."""
    if not hasattr(signal, "SIGHUP"):
        return
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(
            signal.SIGHUP, lambda: application.create_task(_reload_on_signal(application))
        )
    except (RuntimeError, NotImplementedError) as exc:  # not the main thread, or no signals
        log.warning("SIGHUP will not reload the corpus: %s", exc)


async def _reload_on_signal(application: Application) -> None:
    try:
        await reload_corpus(application)
    except ReloadBusy:
        log.warning("SIGHUP while a reload is running: ignored")
    except _LOAD_ERRORS as exc:
        log.error("Reload on SIGHUP failed, keeping the old corpus: %s", exc)
