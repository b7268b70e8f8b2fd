"""The agreement filter in Telegram: one search per corpus, and pages that keep their filter.

`/agreements 2024` and `/timeline 江苏` share the search made here. A page's buttons carry the
filter in their callback data (Telegram allows 64 bytes); a longer filter is kept in
`bot_data` under a short key, and a button whose key is gone says so.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from telegram.ext import ContextTypes

from bot import render, texts
from corpus.agreement_filter import AgreementFilter, AgreementSearch
from corpus.text import language_of

if TYPE_CHECKING:
    from corpus.agreements import AgreementEntry
    from corpus.model import Article

PAGE_PATTERN = r"^agreements:\d{1,6}(?::[=#].*)?$"
_PAGE_DATA = re.compile(r"^agreements:(?P<page>\d{1,6})(?::(?P<how>[=#])(?P<value>.*))?$", re.S)
_SEARCH = "agreement_search"  # bot_data key: (answerer, its AgreementSearch)
_FILTERS = "agreement_filters"  # bot_data key: {short key: filter text}
_CALLBACK_LIMIT = 64  # bytes of callback data Telegram accepts
_KEPT_FILTERS = 512  # long filters remembered for paging buttons
SHOWN_FILTER = 80  # characters of a filter repeated in a reply, header or caption

Context = ContextTypes.DEFAULT_TYPE


class Corpus(Protocol):
    """What a filter reads of the answer layer: its agreement list and articles."""

    @property
    def agreements(self) -> Sequence[AgreementEntry]: ...

    @property
    def articles(self) -> Sequence[Article]: ...


@dataclass(frozen=True, slots=True)
class Selection:
    """The agreements a filter keeps, and all the corpus has."""

    chosen: AgreementFilter
    entries: list[AgreementEntry]
    total: int


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What a paging button asks for: page `page` (from 0) of the list `query` keeps."""

    page: int
    query: str


def shown(query: str) -> str:
    """`query` as a reply repeats it: cut to `SHOWN_FILTER` characters."""
    return query if len(query) <= SHOWN_FILTER else query[: SHOWN_FILTER - 1] + "…"


def language_for(query: str, client_lang: str) -> str:
    """The language to reply in: Chinese for a Chinese filter, else the person's client's."""
    return "zh" if language_of(query) == "zh" else client_lang


async def select(context: Context, corpus: Corpus, query: str) -> Selection:
    """The agreements of `corpus` (the bot's current one) that `query` keeps (all for "")."""
    chosen = AgreementFilter.parse(query)
    search = await _search(context, corpus)
    return Selection(chosen, search.select(chosen), len(search.entries))


def no_match_text(selection: Selection, lang: str, command: str = "/agreements") -> str | None:
    """The sentence for a filter that keeps nothing (or an empty corpus); None if some are kept.

    `command` is the command the person used, shown again without the filter.
    """
    if selection.entries:
        return None
    if not selection.total:
        return texts.message(lang, "no_agreements")
    return texts.message(
        lang,
        "agreements_no_match",
        query=render.escape(shown(selection.chosen.text)),
        count=selection.total,
        command=command,
    )


async def agreements_page(
    context: Context, corpus: Corpus, query: str, page: int, lang: str
) -> render.Page:
    """Page `page` of the agreements `query` keeps, its paging buttons carrying the filter."""
    selection = await select(context, corpus, query)
    refusal = no_match_text(selection, lang)
    if refusal is not None:
        return render.Page(refusal, None)
    suffix = _page_suffix(context, selection.chosen.text)
    return render.agreements_page(
        selection.entries, page, lang, query=shown(selection.chosen.text), data_suffix=suffix
    )


def page_request(context: Context, data: str) -> PageRequest | None:
    """The page a button's callback data asks for; None if its filter is no longer kept."""
    match = _PAGE_DATA.match(data)
    if match is None:
        return None
    page = int(match["page"])
    if match["how"] is None:
        return PageRequest(page, "")
    if match["how"] == "=":
        return PageRequest(page, match["value"])
    query = context.bot_data.get(_FILTERS, {}).get(match["value"])
    return None if query is None else PageRequest(page, query)


async def _search(context: Context, corpus: Corpus) -> AgreementSearch:
    cached = context.bot_data.get(_SEARCH)
    if cached is None or cached[0] is not corpus:
        # A reload swaps the answerer: its corpus gets a search of its own, made in a worker
        # thread (normalising every article takes time that grows with the corpus) while the
        # bot keeps answering.
        search = await asyncio.to_thread(AgreementSearch, corpus.agreements, corpus.articles)
        cached = (corpus, search)
        context.bot_data[_SEARCH] = cached
    return cached[1]


def _page_suffix(context: Context, query: str) -> str:
    """What paging buttons add to "agreements:N" so the next page keeps the filter."""
    if not query:
        return ""
    inline = f":={query}"
    longest = f"agreements:{'9' * 6}{inline}"
    if len(longest.encode()) <= _CALLBACK_LIMIT:
        return inline
    key = hashlib.sha256(query.encode()).hexdigest()[:16]
    kept: dict[str, str] = context.bot_data.setdefault(_FILTERS, {})
    kept.pop(key, None)
    kept[key] = query  # newest last, so the oldest go first
    while len(kept) > _KEPT_FILTERS:
        kept.pop(next(iter(kept)))
    return f":#{key}"
