"""The bot's handlers: each reads the update, asks the answerer, and sends what render made.

The answerer lives in `context.bot_data[ANSWERER]`, so it can be swapped while the bot runs.
Every question, however it arrives, goes through `answer_question`, and every answer is sent
by `send_answer`.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import ContextTypes

from answers.model import Answer
from bot import agreement_filters, render, runtime, texts
from corpus.text import language_of

if TYPE_CHECKING:
    from answers import Answerer
    from corpus.agreements import AgreementEntry

log = logging.getLogger(__name__)

ANSWERER = "answerer"  # key of the answerer in context.bot_data
MAX_QUESTION = 1000  # characters; longer messages are not searched
INLINE_RESULTS = 5
_INLINE_AGREEMENTS = 50  # Telegram shows at most 50 inline results
_AGREEMENT_NUMBER = re.compile(r"\d{1,6}")

Context = ContextTypes.DEFAULT_TYPE


def answerer_of(context: Context) -> Answerer:
    """The answerer the bot currently uses."""
    return context.bot_data[ANSWERER]


def user_language(update: Update, text: str = "") -> str:
    """The language to reply in: Chinese for Chinese text or a Chinese Telegram client."""
    if text:
        return language_of(text)
    user = update.effective_user
    code = (user.language_code or "") if user else ""
    return "zh" if code.lower().startswith("zh") else "en"


async def send_html(
    update: Update, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Send HTML to the update's chat, as a reply to the person's message in groups."""
    chat = update.effective_chat
    if chat is None:
        return None
    reply_to = None
    message = update.message
    if message is not None and chat.type != ChatType.PRIVATE:
        reply_to = ReplyParameters(message.message_id, allow_sending_without_reply=True)
    return await chat.send_message(
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        reply_parameters=reply_to,
    )


async def answer_question(update: Update, context: Context, question: str) -> None:
    """Answer `question` in the update's chat: checks it, asks the answerer, sends the answer."""
    question = question.strip()
    lang = user_language(update, question)
    if not await runtime.admit(update, context, lang):
        return
    if not question:
        await send_html(update, texts.message(lang, "ask_usage"))
        return
    if len(question) > MAX_QUESTION:
        await send_html(
            update, texts.message(lang, "too_long", length=len(question), limit=MAX_QUESTION)
        )
        return
    asked = runtime.ask(update, context, answerer_of(context), question)
    chat = update.effective_chat
    buttons = runtime.feedback_buttons(context, chat.id, asked) if chat is not None else None
    await send_answer(update, context, asked.answer, buttons)


async def send_answer(
    update: Update,
    context: Context,
    answer: Answer,
    markup: InlineKeyboardMarkup | None = None,
) -> list[Message]:
    """Send `answer` in as many messages as Telegram needs; `markup` goes under the last."""
    parts = render.answer_messages(answer)
    sent = []
    for i, text in enumerate(parts):
        message = await send_html(update, text, markup if i == len(parts) - 1 else None)
        if message is not None:
            sent.append(message)
    return sent


async def start(update: Update, context: Context) -> None:
    """/start: what the bot knows and example questions as buttons."""
    lang = user_language(update)
    summary = render.escape(answerer_of(context).summary(lang))
    buttons = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(question, callback_data=f"ask:{lang}:{i}")]
            for i, question in enumerate(texts.EXAMPLE_QUESTIONS[lang])
        ]
    )
    await send_html(update, texts.message(lang, "start", summary=summary), buttons)


async def help_command(update: Update, context: Context) -> None:
    """/help: how to ask."""
    username = render.escape(context.bot.username or "")
    await send_html(update, texts.help_text(user_language(update), username))


async def ask(update: Update, context: Context) -> None:
    """/ask QUESTION."""
    await answer_question(update, context, " ".join(context.args or ()))


async def agreements(update: Update, context: Context) -> None:
    """/agreements [FILTER]: the first page of the agreements the filter keeps (all without)."""
    query = " ".join(context.args or ())
    lang = agreement_filters.language_for(query, user_language(update))
    page = await agreement_filters.agreements_page(context, answerer_of(context), query, 0, lang)
    await send_html(update, page.text, page.buttons)


async def agreement(update: Update, context: Context) -> None:
    """/agreement N: one agreement's details."""
    lang = user_language(update)
    args = context.args or []
    if len(args) != 1 or not _AGREEMENT_NUMBER.fullmatch(args[0]):
        await send_html(update, texts.message(lang, "agreement_usage"))
        return
    await _send_agreement(update, context, int(args[0]), lang)


async def private_text(update: Update, context: Context) -> None:
    """Any text in a private chat is a question (except the bot's own inline results)."""
    message = update.effective_message
    if message.via_bot and message.via_bot.id == context.bot.id:
        return
    await answer_question(update, context, message.text or "")


async def group_text(update: Update, context: Context) -> None:
    """In groups, answer only messages that mention the bot or reply to it."""
    message = update.effective_message
    question = _addressed_question(message, context)
    if question is not None:
        await answer_question(update, context, question)


async def not_text(update: Update, context: Context) -> None:
    """A photo or file with a caption: the caption is the question; else a hint to type."""
    message = update.effective_message
    chat = update.effective_chat
    if message.caption:
        private = chat.type == ChatType.PRIVATE
        question = message.caption if private else _addressed_question(message, context)
        if question is not None:
            await answer_question(update, context, question)
        return
    if chat.type == ChatType.PRIVATE or _replies_to_bot(message, context):
        await send_html(update, texts.message(user_language(update), "not_text"))


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have: point to /help (in groups only if meant for us)."""
    message = update.effective_message
    command = (message.text or "").split(maxsplit=1)[0]
    _, _, username = command.partition("@")
    for_us = username.lower() == (context.bot.username or "").lower()
    if update.effective_chat.type != ChatType.PRIVATE and not for_us:
        return
    await send_html(update, texts.message(user_language(update), "unknown_command"))


async def example_pressed(update: Update, context: Context) -> None:
    """An example-question button from /start: ask that question."""
    query = update.callback_query
    _, lang, index = (query.data or "").split(":")
    examples = texts.EXAMPLE_QUESTIONS.get(lang, ())
    if not index.isdigit() or int(index) >= len(examples):
        await query.answer(texts.message(lang, "expired"))
        return
    await query.answer()
    await answer_question(update, context, examples[int(index)])


async def agreement_pressed(update: Update, context: Context) -> None:
    """An agreement's button in the list: send its details."""
    query = update.callback_query
    await query.answer()
    number = (query.data or "").partition(":")[2]
    await _send_agreement(update, context, int(number), user_language(update))


async def page_pressed(update: Update, context: Context) -> None:
    """A paging button of the agreement list: show that page in the same message."""
    query = update.callback_query
    wanted = agreement_filters.page_request(context, query.data or "")
    if wanted is None:
        await query.answer(texts.message(user_language(update), "expired"))
        return
    await query.answer()
    lang = agreement_filters.language_for(wanted.query, user_language(update))
    page = await agreement_filters.agreements_page(
        context, answerer_of(context), wanted.query, wanted.page, lang
    )
    if not isinstance(query.message, Message):
        return
    try:
        await query.message.edit_text(
            page.text, parse_mode=ParseMode.HTML, reply_markup=page.buttons
        )
    except BadRequest as exc:
        # A second press on the same button before the first edit shows: nothing to change.
        if "not modified" not in str(exc).lower():
            raise


async def unknown_button(update: Update, context: Context) -> None:
    """A press whose data no handler knows (old, forged or empty): stop its spinner."""
    await update.callback_query.answer(texts.message(user_language(update), "button_expired"))


async def inline_query(update: Update, context: Context) -> None:
    """Inline mode: up to five articles answering the query, or the agreements if it is empty."""
    query = update.inline_query
    if not runtime.admit_inline(update, context):
        return  # over the sender's limit: no answer, Telegram shows none
    text = query.query.strip()
    if not text:
        results = _inline_agreements(context, user_language(update))
    elif len(text) > MAX_QUESTION:
        results = []
    else:
        answers = runtime.ask_top(update, context, answerer_of(context), text, INLINE_RESULTS)
        results = _inline_answers(answers)
    await query.answer(results, cache_time=60)


async def error_handler(update: object, context: Context) -> None:
    """Log the error (a traceback unless Telegram was unreachable); tell the person."""
    if _is_unreachable(context.error):
        log.warning("Telegram could not be reached while handling an update: %s", context.error)
    else:
        log.error("Error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await update.effective_chat.send_message(texts.message(user_language(update), "error"))
    except TelegramError as exc:
        log.warning("Could not tell the chat about the error: %s", exc)


def _is_unreachable(error: BaseException | None) -> bool:
    """A 5xx from Telegram or a broken connection: nothing a traceback would explain."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def _agreements(context: Context) -> list[AgreementEntry]:
    # list_agreements numbers them from 1 in list order, so entry N is at position N - 1.
    return answerer_of(context).agreements


async def _send_agreement(update: Update, context: Context, number: int, lang: str) -> None:
    entries = _agreements(context)
    entry = entries[number - 1] if 1 <= number <= len(entries) else None
    if not entries:
        text = texts.message(lang, "no_agreements")
    elif entry is None:
        text = texts.message(lang, "agreement_missing", number=number, count=len(entries))
    else:
        text = render.agreement_details(entry, lang)
    await send_html(update, text)


def _replies_to_bot(message: Message, context: Context) -> bool:
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == context.bot.id)


def _addressed_question(message: Message, context: Context) -> str | None:
    """The question in a group message meant for the bot, else None."""
    if message.text is not None:
        text, mentions = message.text, message.parse_entities([MessageEntity.MENTION])
    else:
        text = message.caption or ""
        mentions = message.parse_caption_entities([MessageEntity.MENTION])
    mention = f"@{context.bot.username}".lower()
    if any(value.lower() == mention for value in mentions.values()):
        return re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE).strip()
    if _replies_to_bot(message, context):
        return text
    return None


def _inline_answers(answers: list[Answer]) -> list[InlineQueryResultArticle]:
    """One result per answering article, best first; or the refusal as the only result."""
    first = answers[0]
    if not first.answered or not first.citations:
        return [
            InlineQueryResultArticle(
                id="no-answer",
                title=texts.message(first.lang, "inline_no_answer"),
                description=first.text[:200],
                input_message_content=_html_content(render.answer_messages(first)[0]),
            )
        ]
    return [
        InlineQueryResultArticle(
            id=f"{rank}-{answer.citations[0].article_id}"[:64],
            title=answer.citations[0].title,
            description=answer.text[:200],
            input_message_content=_html_content(render.answer_messages(answer)[0]),
        )
        for rank, answer in enumerate(answers[:INLINE_RESULTS])
        if answer.citations
    ]


def _inline_agreements(context: Context, lang: str) -> list[InlineQueryResultArticle]:
    return [
        InlineQueryResultArticle(
            id=f"agreement-{entry.number}",
            title=f"{entry.number}. {', '.join(entry.parties)}",
            description=f"{entry.published} — {entry.kind}",
            input_message_content=_html_content(render.agreement_details(entry, lang)),
        )
        for entry in _agreements(context)[:_INLINE_AGREEMENTS]
    ]


def _html_content(text: str) -> InputTextMessageContent:
    return InputTextMessageContent(text, parse_mode=ParseMode.HTML)
