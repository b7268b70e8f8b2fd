"""Wires the Telegram application: handlers, rate limiter, start-up commands, polling or webhook."""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import admin, agreement_filters, handlers, runner, runtime, texts
from bot.loader import load_answerer
from bot.settings import Settings
from bot.timeline import handlers as timeline

if TYPE_CHECKING:
    from answers import Answerer

log = logging.getLogger(__name__)

CONNECTIONS = 256  # to the Bot API at once (PTB's default): concurrent updates each send
RETRIES_AFTER_429 = 3  # how often a request Telegram refused with 429 is tried again
# The kinds of update the handlers use; Telegram sends no others.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
WEBHOOK_LISTEN = "0.0.0.0"  # inside a container the webhook must be reachable from outside
NO_DATA = r"(?!)"  # a pattern no callback data matches
TOKEN_REFUSED = "token_refused"  # bot_data key: an asyncio.Event set when getUpdates gets 401


def build_application(settings: Settings, answerer: Answerer | None = None) -> Application:
    """The bot, ready to run: talks to `settings.api_base_url` if set, answers with `answerer`.

    Without `answerer`, the corpus at `settings.corpus_path` (default: the shipped one) is loaded.
    """
    if not settings.telegram_token:
        raise ValueError("a Telegram bot token is required to build the application")
    if answerer is None:
        answerer = load_answerer(settings)
    polling = runner.PollingRequest()
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .request(runner.BotApiRequest(connection_pool_size=CONNECTIONS))
        .get_updates_request(polling)
        .rate_limiter(AIORateLimiter(max_retries=RETRIES_AFTER_429))
        .concurrent_updates(True)
        .post_init(start_up)
        .post_stop(runtime.stopping)
    )
    if settings.api_base_url:
        builder = builder.base_url(settings.api_base_url)
    application = builder.build()
    application.bot_data[handlers.ANSWERER] = answerer
    application.bot_data[TOKEN_REFUSED] = polling.refused
    runtime.install(application, settings, answerer)
    add_handlers(application)
    return application


def add_handlers(application: Application) -> None:
    """Register every handler; within a group the first that matches an update handles it."""
    message = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    application.add_handlers(
        [
            CommandHandler("start", handlers.start),
            CommandHandler("help", handlers.help_command),
            CommandHandler("ask", handlers.ask),
            CommandHandler("agreements", handlers.agreements),
            CommandHandler("agreement", handlers.agreement),
            CommandHandler("timeline", timeline.timeline),
            CommandHandler("stats", admin.stats_command),
            CommandHandler("reload", admin.reload_command),
            CommandHandler("add", admin.add_command),
            MessageHandler(message & timeline.CHINESE_COMMAND_FILTER, timeline.timeline_text),
            MessageHandler(message & filters.COMMAND, handlers.unknown_command),
            MessageHandler(message & private & filters.TEXT, handlers.private_text),
            MessageHandler(message & groups & filters.TEXT, handlers.group_text),
            MessageHandler(message & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.not_text),
            # PTB hands a press without data to the first callback handler, whatever its
            # pattern: this one, whose pattern matches no data at all.
            CallbackQueryHandler(handlers.unknown_button, pattern=NO_DATA),
            CallbackQueryHandler(handlers.example_pressed, pattern=r"^ask:(en|zh):\d{1,3}$"),
            CallbackQueryHandler(handlers.agreement_pressed, pattern=r"^agreement:\d{1,6}$"),
            CallbackQueryHandler(handlers.page_pressed, pattern=agreement_filters.PAGE_PATTERN),
            CallbackQueryHandler(runtime.feedback_pressed, pattern=runtime.FEEDBACK_PATTERN),
            CallbackQueryHandler(handlers.unknown_button),  # last: any other press
            InlineQueryHandler(handlers.inline_query),
        ]
    )
    application.add_error_handler(handlers.error_handler)


async def start_up(application: Application) -> None:
    """After start-up: warm the answerer, register the commands, reload the corpus on SIGHUP."""
    # Off the event loop: jieba's dictionary takes about a second to load.
    await asyncio.to_thread(application.bot_data[handlers.ANSWERER].warm_up)
    await register_commands(application)
    admin.listen_for_sighup(application)


async def register_commands(application: Application) -> None:
    """Tell Telegram the bot's commands in English and Chinese; a failure is only a warning."""
    for lang in texts.LANGS:
        commands = [BotCommand(name, text) for name, text in texts.menu(lang)]
        try:
            await application.bot.set_my_commands(
                commands, language_code=None if lang == "en" else lang
            )
        except TelegramError as exc:
            log.warning("Could not register the %s commands with Telegram: %s", lang, exc)


def run(settings: Settings) -> None:
    """Run the bot until SIGINT or SIGTERM: a webhook if `settings.webhook_url`, else polling.

    Raises `telegram.error.InvalidToken` when Telegram refuses the token, at start or later.
    """
    runner.hold_sighup()  # loading the corpus takes a while; a SIGHUP then must not kill us
    log.info("Starting: loading the corpus")
    application = build_application(settings)
    if settings.webhook_url:
        log.info("Listening for updates on port %d (webhook)", settings.port)
        start = partial(_start_webhook, application, settings)
    else:
        log.info("Polling Telegram for updates")
        start = partial(_start_polling, application)
    asyncio.run(runner.serve(application, start, application.bot_data[TOKEN_REFUSED]))
    log.info("Stopped")


async def _start_polling(application: Application, on_error: runner.ErrorCallback) -> None:
    await application.updater.start_polling(
        allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1, error_callback=on_error
    )


async def _start_webhook(
    application: Application, settings: Settings, on_error: runner.ErrorCallback
) -> None:
    if not settings.webhook_secret:
        raise ValueError("webhook mode needs a secret; the run command makes one")
    await application.updater.start_webhook(
        listen=WEBHOOK_LISTEN,
        port=settings.port,
        url_path=urlparse(settings.webhook_url).path.lstrip("/"),
        webhook_url=settings.webhook_url,
        secret_token=settings.webhook_secret,
        allowed_updates=ALLOWED_UPDATES,
        bootstrap_retries=-1,
    )
