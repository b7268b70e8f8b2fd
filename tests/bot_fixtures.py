"""Helpers for the bot's tests: a stand-in answerer, a Telegram HTML check, a running bot."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from telegram.ext import Application

from answers.model import Answer, Citation
from corpus.agreements import AgreementEntry

TELEGRAM_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre"}
    | {"tg-spoiler", "span", "blockquote", "tg-emoji"}
)
_ENTITY = re.compile(r"&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")


def make_agreements(count: int) -> list[AgreementEntry]:
    """`count` agreements, numbered from 1, newest first."""
    return [
        AgreementEntry(
            number=n,
            article_id=f"a{n:03d}",
            title=f"China Post and Partner {n} sign <framework> agreement",
            source="China Post",
            published=f"20{24 - n // 12:02d}-{12 - n % 12:02d}-01",
            parties=("China Post", f"Partner {n} & Co"),
            kind="cooperation framework agreement",
            signed_on=None if n % 2 else f"20{24 - n // 12:02d}-{12 - n % 12:02d}-01",
            areas=("logistics", "finance"),
        )
        for n in range(1, count + 1)
    ]


JILIN = Citation(
    article_id="a001",
    title="China Post and Jilin provincial government sign cooperation framework agreement",
    source="China Post",
    published="2022-06-29",
    snippet="On June 28, Jing Junhai ... witnessed the signing",
    score=7.5,
)


@dataclass
class StandInAnswerer:
    """The answer layer's interface with canned answers; records the questions it gets."""

    agreements: list[AgreementEntry] = field(default_factory=lambda: make_agreements(3))
    articles: list[object] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    fail_on: str | None = None  # a word that makes `answer` raise
    long_answer: bool = False

    def answer(self, question: str, *, about: str | None = None) -> Answer:
        self.questions.append(question)
        if self.fail_on and self.fail_on in question:
            raise RuntimeError("the answerer broke")
        zh = bool(re.search(r"[\u4e00-\u9fff]", question))
        if "Jilin" in question or "吉林" in question:
            text = (
                "吉林省与中国邮政于6月28日签署协议。"
                if zh
                else "It was signed on June 28 <in> Changchun & Jilin."
            )
            if self.long_answer:
                text = "\n\n".join(f"Paragraph {i}: June 28 " + "word " * 120 for i in range(40))
            return Answer(
                question=question,
                answered=True,
                text=text,
                lang="zh" if zh else "en",
                citations=(JILIN,),
                highlights=("6月28日",) if zh else ("June 28", "Changchun"),
            )
        return Answer(
            question=question,
            answered=False,
            text="抱歉，我的资料里没有答案。"
            if zh
            else "Sorry, I can't find that in the articles.",
            lang="zh" if zh else "en",
        )

    def warm_up(self) -> None:
        """Nothing to load."""

    def summary(self, lang: str) -> str:
        if lang == "zh":
            return f"我知道 {len(self.agreements)} 项协议。"
        return f"I know {len(self.agreements)} agreements <from> 2021 to 2024."


class _TelegramHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.problems.append(f"tag <{tag}> not allowed")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def html_problems(text: str) -> list[str]:
    """What Telegram would reject in `text` sent with parse_mode HTML (empty: nothing)."""
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    problems = list(parser.problems)
    if parser.open:
        problems.append(f"unclosed {parser.open}")
    bare = re.sub(r"</?[a-z-]+(?:\s[^<>]*)?>", "", text)  # tags, with attributes (<a href>)
    if "<" in bare or ">" in bare:
        problems.append("unescaped < or >")
    if _ENTITY.search(text):
        problems.append("unescaped &")
    plain = re.sub(r"&(lt|gt|amp|quot);", "x", bare)
    if len(plain.encode("utf-16-le")) // 2 > 4096:
        problems.append("longer than 4096")
    return problems


@contextlib.asynccontextmanager
async def running(application: Application) -> AsyncIterator[Application]:
    """Run `application` as `run_polling` does, in the test's event loop."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.updater.start_polling(poll_interval=0, timeout=5)
    await application.start()
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


class RecordingAnswerer:
    """Wraps a real answerer and records the questions it is asked."""

    def __init__(self, answerer: object) -> None:
        self._answerer = answerer
        self.questions: list[str] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self._answerer, name)

    def answer(self, question: str, *, about: str | None = None) -> Answer:
        self.questions.append(question)
        return self._answerer.answer(question, about=about)
