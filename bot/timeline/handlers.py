"""`/timeline [FILTER]` and `/时间线 [FILTER]` in Telegram: the agreements as a picture.

Telegram commands are Latin letters only, so `/时间线` arrives as a plain text message; a
message filter (`CHINESE_COMMAND`) routes it here before it can be taken for a question.
"""

from __future__ import annotations

import re

from telegram import InputFile, ReplyParameters, Update
from telegram.constants import ChatType
from telegram.ext import filters

from bot import agreement_filters, runtime
from bot.handlers import Context, answerer_of, send_html, user_language
from bot.timeline.pictures import PictureCache, cached_picture

CHINESE_COMMAND = re.compile(r"^/时间线(?:@(?P<bot>\w+))?(?:\s+(?P<query>.*))?$", re.DOTALL)
CHINESE_COMMAND_FILTER = filters.Regex(CHINESE_COMMAND)
_PICTURES = "timeline_pictures"  # bot_data key of the PictureCache


async def timeline(update: Update, context: Context) -> None:
    """/timeline [FILTER]: a picture of the agreements the filter keeps, by date and partner."""
    query = " ".join(context.args or ())
    lang = agreement_filters.language_for(query, user_language(update))
    await send_timeline(update, context, query, lang, "/timeline")


async def timeline_text(update: Update, context: Context) -> None:
    """/时间线 [FILTER], typed as text: the same picture, in Chinese."""
    match = CHINESE_COMMAND.match(update.effective_message.text or "")
    if match is None:
        return
    if match["bot"] and match["bot"].lower() != (context.bot.username or "").lower():
        return  # /时间线@another_bot is meant for another bot
    query = " ".join((match["query"] or "").split())
    await send_timeline(update, context, query, "zh", "/时间线")


async def send_timeline(
    update: Update, context: Context, query: str, lang: str, command: str
) -> None:
    """Send the timeline of the agreements `query` keeps, or a sentence if it keeps none."""
    chat = update.effective_chat
    if chat is None or not await runtime.admit(update, context, lang):
        return
    selection = await agreement_filters.select(context, answerer_of(context), query)
    refusal = agreement_filters.no_match_text(selection, lang, command)
    if refusal is not None:
        await send_html(update, refusal)
        return
    cache: PictureCache = context.bot_data.setdefault(_PICTURES, PictureCache())
    shown = agreement_filters.shown(selection.chosen.text)
    picture = await cached_picture(cache, selection.entries, lang, shown)
    message = update.message
    reply_to = None
    if message is not None and chat.type != ChatType.PRIVATE:
        reply_to = ReplyParameters(message.message_id, allow_sending_without_reply=True)
    await chat.send_photo(
        InputFile(picture.png, filename="timeline.png"),
        caption=picture.caption,
        reply_parameters=reply_to,
    )
