"""The running bot's state and the question path's bookkeeping around it.

`BotRuntime` holds what the bot keeps while it runs, beyond the answerer: the per-user limits,
the query log and follow-up memory, the locks of /reload and /add, the feedback key; it lives
in `bot_data[RUNTIME]`. Handlers call `admit` before answering and `ask` to answer;
`feedback_buttons` go under the answer, and `feedback_pressed` stores a press.

A feedback button's data is signed with a key made at start, over the logged row and the chat
the answer went to: a press with data made up, or copied to another chat, changes nothing.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import re
import secrets
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import Application, ContextTypes

from bot import texts
from bot.conversation import Asked, Conversations
from bot.inlinelog import SettlingInlineLog
from bot.querylog import QueryLog, QueryLogError
from bot.ratelimit import RateLimiter, Verdict
from bot.settings import Settings

if TYPE_CHECKING:
    from answers.model import Answer
    from bot.conversation import AnswererLike, RankingAnswerer

log = logging.getLogger(__name__)

RUNTIME = "runtime"  # key of the BotRuntime in application.bot_data
FEEDBACK_PATTERN = r"^fb:"  # every press on a feedback button, forged ones too
_FEEDBACK = re.compile(r"^fb:(up|down|done):(\d{1,18}):(en|zh):([\w-]{16})$")
_SIGNATURE_BYTES = 12  # 16 characters of base64: callback data may hold 64 bytes

Context = ContextTypes.DEFAULT_TYPE


@dataclass
class BotRuntime:
    """What running the bot needs beyond answering: the log, the limit, the follow-up memory."""

    settings: Settings
    conversations: Conversations
    limiter: RateLimiter
    inline_limiter: RateLimiter  # the same limit, counted apart: inline queries come per keystroke
    inline_log: SettlingInlineLog
    reloading: asyncio.Lock = field(default_factory=asyncio.Lock)
    adding: asyncio.Lock = field(default_factory=asyncio.Lock)
    feedback_key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> BotRuntime:
        """Open the query log at `settings.database`; without it the bot answers unlogged."""
        try:
            query_log: QueryLog | None = QueryLog(settings.database)
        except QueryLogError as exc:
            log.warning("Questions will not be logged: %s", exc)
            query_log = None
        conversations = Conversations(query_log)
        return cls(
            settings=settings,
            conversations=conversations,
            limiter=RateLimiter(settings.rate_per_min),
            inline_limiter=RateLimiter(settings.rate_per_min),
            inline_log=SettlingInlineLog(
                lambda answer, latency_ms: conversations.record(answer, "inline", latency_ms)
            ),
        )

    def is_admin(self, update: Update) -> bool:
        """True when the update comes from one of `settings.admins`."""
        user = update.effective_user
        return user is not None and user.id in self.settings.admins


def install(application: Application, settings: Settings, answerer: AnswererLike) -> BotRuntime:
    """Put a fresh BotRuntime for `settings` into the application's bot_data.

    The follow-up rule is learnt from `answerer`'s corpus now, not on the first question.
    """
    runtime = BotRuntime.from_settings(settings)
    runtime.conversations.prepare(answerer)
    application.bot_data[RUNTIME] = runtime
    return runtime


def runtime_of(context: Context) -> BotRuntime:
    """The running bot's state."""
    return context.bot_data[RUNTIME]


async def admit(update: Update, context: Context, lang: str) -> bool:
    """Count a question against its sender's limit: False if it must not be answered.

    The first question over the limit gets one polite "slow down"; later ones are dropped.
    """
    user = update.effective_user
    key: Hashable = user.id if user else ("chat", update.effective_chat.id)
    verdict = runtime_of(context).limiter.check(key)
    if verdict is Verdict.SLOW_DOWN and update.effective_chat is not None:
        await update.effective_chat.send_message(texts.message(lang, "slow_down"))
    return verdict is Verdict.ALLOW


def ask(update: Update, context: Context, answerer: AnswererLike, question: str) -> Asked:
    """Answer `question` from `answerer`, as a follow-up in its chat if it is one, and log it."""
    chat = update.effective_chat
    if update.inline_query is not None or chat is None:
        key, chat_type = None, "inline"
    else:
        key = chat.id  # kept in memory only, never logged
        chat_type = "private" if chat.type == ChatType.PRIVATE else "group"
    return runtime_of(context).conversations.ask(answerer, question, chat=key, chat_type=chat_type)


def admit_inline(update: Update, context: Context) -> bool:
    """Count an inline query against its sender's limit: False if it must not be answered."""
    user = update.effective_user
    key: Hashable = user.id if user else "inline"
    return runtime_of(context).inline_limiter.check(key) is Verdict.ALLOW


def ask_top(
    update: Update, context: Context, answerer: RankingAnswerer, question: str, k: int
) -> list[Answer]:
    """Up to `k` answers to an inline query; logged once the sender's query has settled."""
    runtime = runtime_of(context)
    started = time.perf_counter()
    answers = runtime.conversations.ask_top(answerer, question, k, logged=False)
    latency_ms = (time.perf_counter() - started) * 1000
    user = update.effective_user
    runtime.inline_log.note(user.id if user else "inline", answers[0], latency_ms)
    return answers


async def stopping(application: Application) -> None:
    """When the bot stops: log the inline queries that had not settled yet."""
    application.bot_data[RUNTIME].inline_log.flush()


def feedback_buttons(context: Context, chat_id: int, asked: Asked) -> InlineKeyboardMarkup | None:
    """👍 / 👎 buttons for a logged answer sent to `chat_id`; None when it was not logged."""
    if asked.row_id is None:
        return None
    data = _feedback_data(runtime_of(context).feedback_key, chat_id, asked.row_id)
    lang = asked.answer.lang
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("👍", callback_data=data("up", lang)),
                InlineKeyboardButton("👎", callback_data=data("down", lang)),
            ]
        ]
    )


async def feedback_pressed(update: Update, context: Context) -> None:
    """A 👍 / 👎 press: store it and replace the buttons with a short thanks.

    A press whose data was not made for this chat's message is answered, and otherwise ignored.
    """
    query = update.callback_query
    match = _FEEDBACK.match(query.data or "")
    message = query.message
    key = runtime_of(context).feedback_key
    if match is None or message is None:
        await query.answer(texts.message("en", "button_expired"))
        return
    choice, row, lang, _ = match.groups()
    data = _feedback_data(key, message.chat.id, int(row))
    if not hmac.compare_digest(data(choice, lang), query.data or ""):
        log.info("Ignored a feedback press whose data was not made for its chat")
        await query.answer(texts.message(lang, "button_expired"))
        return
    if choice == "done":
        await query.answer(texts.message(lang, "thanks_toast"))
        return
    query_log = runtime_of(context).conversations.log
    if query_log is not None:
        try:
            query_log.record_feedback(int(row), up=choice == "up")
        except QueryLogError as exc:
            log.warning("Could not store feedback: %s", exc)
    await query.answer(texts.message(lang, "thanks_toast"))
    thanks = InlineKeyboardButton(texts.message(lang, "thanks"), callback_data=data("done", lang))
    await query.edit_message_reply_markup(InlineKeyboardMarkup([[thanks]]))


def _feedback_data(key: bytes, chat_id: int, row: int) -> Callable[[str, str], str]:
    """Makes the signed callback data of a feedback button: data(choice, lang)."""

    def data(choice: str, lang: str) -> str:
        signed = f"{choice}:{row}:{lang}:{chat_id}".encode()
        digest = hmac.new(key, signed, hashlib.sha256).digest()[:_SIGNATURE_BYTES]
        return f"fb:{choice}:{row}:{lang}:{base64.urlsafe_b64encode(digest).decode()}"

    return data
