"""`postbot run`: run the Telegram bot until it is stopped."""

from __future__ import annotations

import argparse
import logging
import secrets
from dataclasses import replace

from bot.errors import UsageError
from bot.settings import Settings

log = logging.getLogger(__name__)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot; returns 0 after a clean stop (SIGINT or SIGTERM)."""
    if not settings.telegram_token:
        raise UsageError(
            "set TELEGRAM_BOT_TOKEN to the token @BotFather gave your bot to run it "
            "(or use `postbot chat` to chat in the terminal)"
        )
    from telegram.error import InvalidToken

    from bot import app
    from bot.logs import setup_logging

    if settings.webhook_url and not settings.webhook_secret:
        # Made here, so that it is redacted from the log like the token.
        settings = replace(settings, webhook_secret=secrets.token_urlsafe(32))
    try:
        setup_logging(
            settings.log_level, secrets=[settings.telegram_token, settings.webhook_secret or ""]
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        app.run(settings)
    except InvalidToken:
        log.error("Telegram refused the bot token: check TELEGRAM_BOT_TOKEN")
        return 1
    return 0
