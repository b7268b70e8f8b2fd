"""The question path's bookkeeping: the per-user limit, logged answers, follow-ups, feedback.

Handlers call `admit` before answering and `ask` to answer; `feedback_buttons` go under the
answer, and `feedback_pressed` stores a press. The state lives in `bot_data[OPERATIONS]`.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import Application, ContextTypes

from bot.conversation import Asked, Conversations
from bot.querylog import QueryLog, QueryLogError
from bot.ratelimit import RateLimiter, Verdict
from bot.settings import Settings

if TYPE_CHECKING:
    from answers.model import Answer
    from bot.conversation import AnswererLike, RankingAnswerer

log = logging.getLogger(__name__)

OPERATIONS = "operations"  # key of the Operations in application.bot_data
FEEDBACK_PATTERN = r"^fb:(up|down|done):(\d{1,18}):(en|zh)$"
_FEEDBACK = re.compile(FEEDBACK_PATTERN)

Context = ContextTypes.DEFAULT_TYPE

# Plain text: nothing here is filled in from a person or the corpus.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "slow_down": (
            "You're asking faster than I can keep up with. Please wait a minute, then ask again."
        ),
        "thanks": "🙏 Thanks for the feedback",
        "thanks_toast": "Thanks!",
        "only_admins": "Sorry, only admins can {action}.",
        "action_stats": "see the stats",
        "action_reload": "reload the corpus",
        "action_add": "add articles",
        "add_usage": "Put one or more page addresses after /add, for example:\n"
        "/add https://www.example.com/news/china-post-signs.html",
        "add_busy": "Pages are already being added; wait for that to finish.",
        "add_failed": "Nothing was added: {reason}",
        "reloaded": "Reloaded {articles} articles ({agreements} agreements).",
        "reload_failed": "Reload failed, so I'm still answering from the old corpus: {reason}",
        "reload_busy": "A reload is already running; wait for it to finish.",
        "no_log": "The query log cannot be read: {reason}",
    },
    "zh": {
        "slow_down": "您提问太快了，请稍等一分钟再问。",
        "thanks": "🙏 谢谢您的反馈",
        "thanks_toast": "谢谢！",
        "only_admins": "抱歉，只有管理员可以{action}。",
        "action_stats": "查看统计",
        "action_reload": "重新加载资料",
        "action_add": "添加文章",
        "add_usage": "请在 /add 后面写上一个或多个网页地址，例如：\n"
        "/add https://www.example.com/news/china-post-signs.html",
        "add_busy": "正在添加网页，请等它完成。",
        "add_failed": "没有添加任何文章：{reason}",
        "reloaded": "已重新加载 {articles} 篇文章（{agreements} 项协议）。",
        "reload_failed": "重新加载失败，仍使用原有资料：{reason}",
        "reload_busy": "已有一次重新加载正在进行，请等它完成。",
        "no_log": "无法读取问题日志：{reason}",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """One of the texts above, in `lang` (English if unknown), filled in with `values`."""
    return TEXTS.get(lang, TEXTS["en"])[key].format(**values)


@dataclass
class Operations:
    """What running the bot needs beyond answering: the log, the limit, the follow-up memory."""

    settings: Settings
    conversations: Conversations
    limiter: RateLimiter
    reloading: asyncio.Lock = field(default_factory=asyncio.Lock)
    adding: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    def from_settings(cls, settings: Settings) -> Operations:
        """Open the query log at `settings.database`; without it the bot answers unlogged."""
        try:
            query_log: QueryLog | None = QueryLog(settings.database)
        except QueryLogError as exc:
            log.warning("Questions will not be logged: %s", exc)
            query_log = None
        return cls(
            settings=settings,
            conversations=Conversations(query_log),
            limiter=RateLimiter(settings.rate_per_min),
        )

    def is_admin(self, update: Update) -> bool:
        """True when the update comes from one of `settings.admins`."""
        user = update.effective_user
        return user is not None and user.id in self.settings.admins


def install(application: Application, settings: Settings, answerer: AnswererLike) -> Operations:
    """Put a fresh Operations for `settings` into the application's bot_data.

    The follow-up rule is learnt from `answerer`'s corpus now, not on the first question.
    """
    operations = Operations.from_settings(settings)
    operations.conversations.prepare(answerer)
    application.bot_data[OPERATIONS] = operations
    return operations


def operations_of(context: Context) -> Operations:
    """The bot's Operations."""
    return context.bot_data[OPERATIONS]


async def admit(update: Update, context: Context, lang: str) -> bool:
    """Count a question against its sender's limit: False if it must not be answered.

    The first question over the limit gets one polite "slow down"; later ones are dropped.
    """
    user = update.effective_user
    key: Hashable = user.id if user else ("chat", update.effective_chat.id)
    verdict = operations_of(context).limiter.check(key)
    if verdict is Verdict.SLOW_DOWN and update.effective_chat is not None:
        await update.effective_chat.send_message(text(lang, "slow_down"))
    return verdict is Verdict.ALLOW


def ask(update: Update, context: Context, answerer: AnswererLike, question: str) -> Asked:
    """Answer `question` from `answerer`, as a follow-up in its chat if it is one, and log it."""
    chat = update.effective_chat
    if update.inline_query is not None or chat is None:
        key, chat_type = None, "inline"
    else:
        key = chat.id  # kept in memory only, never logged
        chat_type = "private" if chat.type == ChatType.PRIVATE else "group"
    return operations_of(context).conversations.ask(
        answerer, question, chat=key, chat_type=chat_type
    )


def ask_top(context: Context, answerer: RankingAnswerer, question: str, k: int) -> list[Answer]:
    """Up to `k` answers to an inline query, logged as one inline question."""
    return operations_of(context).conversations.ask_top(answerer, question, k)


def feedback_buttons(asked: Asked) -> InlineKeyboardMarkup | None:
    """👍 / 👎 buttons for a logged answer; None when the question was not logged."""
    if asked.row_id is None:
        return None
    row, lang = asked.row_id, asked.answer.lang
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("👍", callback_data=f"fb:up:{row}:{lang}"),
                InlineKeyboardButton("👎", callback_data=f"fb:down:{row}:{lang}"),
            ]
        ]
    )


async def feedback_pressed(update: Update, context: Context) -> None:
    """A 👍 / 👎 press: store it and replace the buttons with a short thanks."""
    query = update.callback_query
    match = _FEEDBACK.match(query.data or "")
    if match is None:
        await query.answer()
        return
    choice, row, lang = match.groups()
    if choice == "done":
        await query.answer(text(lang, "thanks_toast"))
        return
    query_log = operations_of(context).conversations.log
    if query_log is not None:
        try:
            query_log.record_feedback(int(row), up=choice == "up")
        except QueryLogError as exc:
            log.warning("Could not store feedback: %s", exc)
    await query.answer(text(lang, "thanks_toast"))
    thanks = InlineKeyboardButton(text(lang, "thanks"), callback_data=f"fb:done:{row}:{lang}")
    await query.edit_message_reply_markup(InlineKeyboardMarkup([[thanks]]))
