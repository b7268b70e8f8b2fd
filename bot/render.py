"""Telegram HTML for answers and agreements, split into messages Telegram accepts.

Everything that comes from the corpus or from a person is escaped here; nothing else in
the bot builds HTML from such text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from answers.model import Answer, Citation
from bot import texts

MESSAGE_LIMIT = 4096  # Telegram's limit, counted in UTF-16 code units
PAGE_SIZE = 10
_BUTTONS_PER_ROW = 5
# One tag, one entity, a run of whitespace, or a run of at most 64 other characters: a
# message may be cut between these tokens, never inside one.
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|\s+|[^\s<&]{1,64}|[<&]")
_TAG_NAME = re.compile(r"</?([a-zA-Z-]+)")


class AgreementLike(Protocol):
    """What the renderer reads from one entry of the answerer's agreement list."""

    number: int
    article_id: str
    title: str
    source: str
    published: str
    parties: Sequence[str]
    kind: str
    signed_on: str | None
    areas: Sequence[str]

    def reports(self) -> Sequence[ReportLike]:
        """Every article that reports the agreement, the entry's own first."""
        ...


class ReportLike(Protocol):
    """One article that reports an agreement."""

    title: str
    source: str
    published: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the agreement list: its HTML and its buttons."""

    text: str
    buttons: InlineKeyboardMarkup | None


def escape(text: str) -> str:
    """`text` made safe for Telegram's HTML parse mode."""
    return html.escape(text, quote=False)


def telegram_length(text: str) -> int:
    """The length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


_ADJACENT_BOLD = re.compile(r"</b>([ \t]*)<b>")


def highlighted(text: str, highlights: Iterable[str]) -> str:
    """`text` escaped, with every occurrence of a highlighted word in bold."""
    words = sorted({w for w in highlights if w.strip()}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile("|".join(_word_pattern(w) for w in words), re.IGNORECASE)
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<b>{escape(match.group())}</b>")
        position = match.end()
    parts.append(escape(text[position:]))
    # Neighbouring matches read as one phrase: "<b>China Post</b>", not "<b>China</b> <b>Post</b>".
    return _ADJACENT_BOLD.sub(r"\1", "".join(parts))


def _word_pattern(word: str) -> str:
    # Latin words match whole words only ("post" must not light up "postal"); Chinese has
    # no word boundaries to respect.
    pattern = re.escape(word)
    if word[0].isascii() and word[0].isalnum():
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if word[-1].isascii() and word[-1].isalnum():
        pattern += r"(?![A-Za-z0-9])"
    return pattern


def citation_line(citation: Citation, lang: str) -> str:
    """The citation's title (a link to the article when it has a URL), source and date."""
    title = escape(citation.title)
    if citation.url and citation.url.startswith(("http://", "https://")):
        title = f'<a href="{html.escape(citation.url, quote=True)}">{title}</a>'
    return texts.message(
        lang,
        "citation" if citation.source else "citation_unnamed",
        title=title,
        source=escape(citation.source),
        published=escape(citation.published),
    )


def answer_blocks(answer: Answer) -> list[str]:
    """The answer as HTML paragraphs: its text with matched words bold, and its citations.

    The answer layer puts a plain citation line in its text; that line is formatted in place
    (never bolded). An answer whose text shows no citation line gets its citations at the
    end; one that shows some (a list of agreements shows its first five's sources, and says
    how many more) keeps to those.
    """
    shown: set[Citation] = set()

    def line_html(line: str) -> str:
        cited = _cited_in(line, answer.citations) if answer.answered else None
        if cited is None:
            return highlighted(line, answer.highlights)
        shown.add(cited)
        return citation_line(cited, answer.lang)

    blocks = [
        "\n".join(line_html(line) for line in paragraph.splitlines())
        for paragraph in re.split(r"\n\s*\n", answer.text.strip())
        if paragraph.strip()
    ]
    missing = [c for c in answer.citations if not shown] if answer.answered else []
    if missing:
        blocks.append("\n".join(citation_line(c, answer.lang) for c in missing))
    return blocks


def _cited_in(line: str, citations: Sequence[Citation]) -> Citation | None:
    """The citation `line` is the plain citation line of, if any."""
    for citation in citations:
        if citation.title in line and citation.published in line and citation.source in line:
            return citation
    return None


def answer_messages(answer: Answer) -> list[str]:
    """The answer as one or more Telegram messages."""
    return split_messages(answer_blocks(answer))


def split_messages(blocks: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join HTML paragraphs into messages of at most `limit`, cutting between paragraphs.

    Each paragraph's tags must close within each of its lines. A paragraph longer than
    `limit` is cut between lines, and a line longer than `limit` between words (or tags, or
    entities), closing the tags open at the cut and reopening them in the next message.
    """
    return _pack(
        (piece for block in blocks for piece in _pack(_split_lines(block, limit), "\n", limit)),
        "\n\n",
        limit,
    )


def _pack(pieces: Iterable[str], separator: str, limit: int) -> list[str]:
    """Join `pieces` with `separator` greedily into strings of at most `limit`."""
    packed: list[str] = []
    current = ""
    for piece in pieces:
        joined = f"{current}{separator}{piece}" if current else piece
        if telegram_length(joined) <= limit:
            current = joined
        else:
            if current:
                packed.append(current)
            current = piece
    if current:
        packed.append(current)
    return packed


def _split_lines(block: str, limit: int) -> list[str]:
    if telegram_length(block) <= limit:
        return [block]
    return [piece for line in block.split("\n") for piece in _split_line(line, limit)]


def _split_line(line: str, limit: int) -> list[str]:
    if telegram_length(line) <= limit:
        return [line] if line.strip() else []
    pieces: list[str] = []
    current = ""
    open_tags: list[tuple[str, str]] = []  # (name, opening tag) of the tags open in `current`
    for token in _TOKEN.findall(line):
        opened = _opened_tag(token)
        if not token.startswith("</"):
            # Room for the token, for closing its own tag, and for closing all open tags.
            closing = "".join(f"</{name}>" for name, _ in reversed(open_tags))
            needed = current + token + (f"</{opened}>" if opened else "") + closing
            if current and telegram_length(needed) > limit:
                pieces.append(current + closing)
                current = "".join(tag for _, tag in open_tags)
                if token.isspace():
                    continue
        current += token
        if token.startswith("</"):
            if open_tags:
                open_tags.pop()
        elif opened:
            open_tags.append((opened, token))
    if current.strip():
        pieces.append(current)
    return pieces


def _opened_tag(token: str) -> str | None:
    if not token.startswith("<") or token.startswith("</") or token.endswith("/>"):
        return None
    name = _TAG_NAME.match(token)
    return name.group(1).lower() if name else None


def agreement_line(entry: AgreementLike) -> str:
    """One line of the agreement list: number, published date, parties, kind."""
    return (
        f"{entry.number}. {escape(entry.published)} — "
        f"{escape(', '.join(entry.parties))} — {escape(entry.kind)}"
    )


def agreements_page(
    entries: Sequence[AgreementLike],
    page: int,
    lang: str,
    *,
    query: str = "",
    data_suffix: str = "",
) -> Page:
    """Page `page` (from 0) of the agreement list with a button per agreement and paging.

    `query` is the filter that chose `entries` (named in the header); `data_suffix` is added
    to the paging buttons' callback data so the next page keeps it.
    """
    if not entries:
        return Page(texts.message(lang, "no_agreements"), None)
    pages = (len(entries) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    shown = entries[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    header = texts.message(
        lang,
        "agreements_header_filtered" if query else "agreements_header",
        first=page * PAGE_SIZE + 1,
        last=page * PAGE_SIZE + len(shown),
        count=len(entries),
        query=escape(query),
    )
    lines = [header, *(agreement_line(e) for e in shown)]
    rows = [
        [
            InlineKeyboardButton(str(e.number), callback_data=f"agreement:{e.number}")
            for e in shown[i : i + _BUTTONS_PER_ROW]
        ]
        for i in range(0, len(shown), _BUTTONS_PER_ROW)
    ]
    paging = []
    if page > 0:
        paging.append(
            InlineKeyboardButton(
                texts.message(lang, "previous"),
                callback_data=f"agreements:{page - 1}{data_suffix}",
            )
        )
    if page < pages - 1:
        paging.append(
            InlineKeyboardButton(
                texts.message(lang, "next"), callback_data=f"agreements:{page + 1}{data_suffix}"
            )
        )
    if paging:
        rows.append(paging)
    return Page("\n".join(lines), InlineKeyboardMarkup(rows))


def agreement_details(entry: AgreementLike, lang: str) -> str:
    """Everything known about one agreement, and the titles of the articles it comes from."""
    unknown = texts.message(lang, "unknown")
    separator = texts.message(lang, "separator")

    def field(key: str, value: str | None) -> str:
        label = texts.message(lang, key)
        return f"{label}{separator}{escape(value) if value else unknown}"

    return "\n".join(
        [
            texts.message(lang, "agreement_title", number=entry.number),
            field("parties", ", ".join(entry.parties)),
            field("kind", entry.kind),
            field("signed_on", entry.signed_on),
            field("published", entry.published),
            field("source", entry.source),
            field("areas", ", ".join(entry.areas)),
            *_reports(entry, lang),
        ]
    )


def _reports(entry: AgreementLike, lang: str) -> list[str]:
    """The article the agreement comes from; each one, with source and date, if several."""
    separator = texts.message(lang, "separator")
    reports = entry.reports()
    if len(reports) <= 1:
        return [f"{texts.message(lang, 'article')}{separator}<i>{escape(entry.title)}</i>"]
    return [
        f"{texts.message(lang, 'articles')}{separator}",
        *(
            f"• <i>{escape(r.title)}</i> ({escape(r.source)}, {escape(r.published)})"
            for r in reports
        ),
    ]
