"""Composing an answer: the templated lead for each question type, snippets, highlights."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from answers.definitions import definition
from answers.expand import Query
from answers.people import find_people, people_lead, people_question
from answers.questions import Kind, asks_for_areas
from answers.templates import format_date, render
from answers.translate import chinese_or_english, join, to_chinese
from retrieval.tokenize import has_han, tokenize, words

if TYPE_CHECKING:
    from corpus.model import Article

SNIPPET_CHARS = 240

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日"
)
_PLACE = re.compile(rf"\bin (?!{_MONTH}\b)((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)*)")
_COUNT = re.compile(
    r"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"((?:\s+[\w-]+){1,3})",
    re.IGNORECASE,
)
_PLACE_ZH = re.compile(r"在([\u4e00-\u9fff]{2,4}?)(?:签署|签订|举行|会见|召开|出席)")
_AGREEMENT = re.compile(r"\bagreements?\b|协议", re.IGNORECASE)
# Parties written with "the" in a sentence: "the Ministry of …", "the Jilin provincial government".
_THE_PARTY = re.compile(
    r"^(Ministry|Department|Bureau|Office|Commission|Administration|State|People's)\b|"
    r"\b[a-z]+$"
)
# A "who" question about the agreement itself is answered with its parties first.
_PARTY_WORDS = re.compile(
    r"\b(sign\w*|agreements?|deal|parties|partners?|between|whom)\b|签|协议|双方", re.I
)


def fits(kind: Kind, text: str, question: str = "", lang: str = "en") -> bool:
    """Whether a sentence holds the kind of fact the question type asks for.

    A default question fits a sentence that defines what it asks about ("what is X").
    """
    if kind is Kind.WHEN:
        return _DATE.search(text) is not None
    if kind is Kind.WHERE:
        return _PLACE.search(text) is not None or _PLACE_ZH.search(text) is not None
    if kind is Kind.HOW_MANY:
        return _COUNT.search(text) is not None or re.search(r"\d", text) is not None
    if kind is Kind.WHO:
        return bool(find_people(text))
    if kind is Kind.LIST:
        return text.count(",") + text.count("、") >= 2
    if kind is Kind.AGREEMENT:
        return _AGREEMENT.search(text) is not None
    return definition(question, text, lang) is not None


def lead(
    kind: Kind, lang: str, question: str, article: Article, sentence: str, query: Query
) -> str | None:
    """The templated first line for the question type, when the article gives the fact."""
    agreement = article.agreement
    if kind is Kind.WHEN:
        if agreement and agreement.signed_on:
            return render(lang, "when_signed", date=format_date(agreement.signed_on, lang))
        found = _DATE.search(sentence)
        if found:
            return render(lang, "when_dated", date=found.group())
        return render(lang, "when_unknown", published=article.published)
    if kind is Kind.WHO:
        return _who(lang, question, article, sentence, query)
    if kind is Kind.WHERE:
        place = _PLACE.search(sentence) or _PLACE_ZH.search(sentence)
        return render(lang, "where", place=place.group(1)) if place else None
    if kind is Kind.HOW_MANY:
        wanted = set(query.terms)
        for match in _COUNT.finditer(sentence):
            following = match.group(2).split()
            asked = [i for i, w in enumerate(following) if wanted & set(tokenize(w))]
            if asked:
                count = " ".join([match.group(1), *following[: asked[-1] + 1]])
                return render(lang, "how_many", count=count)
        return None
    if kind is Kind.LIST and agreement and agreement.areas and asks_for_areas(question, lang):
        separator = "、" if lang == "zh" else ", "
        return render(lang, "list", areas=separator.join(_in(lang, agreement.areas)))
    if kind is Kind.AGREEMENT and agreement and agreement.parties:
        return _signed(lang, article)
    if kind is Kind.DEFAULT:
        return definition(question, sentence, lang)
    return None


def _signed(lang: str, article: Article) -> str:
    """What agreement the parties signed, and when: "A and B signed a … agreement."."""
    agreement = article.agreement
    assert agreement is not None
    parties = _parties(lang, agreement.parties, zh_separator="与")
    if lang == "zh":
        chinese = to_chinese(agreement.kind)
        kind = (
            f"{chinese}（{agreement.kind}）"
            if chinese and chinese != agreement.kind
            else (agreement.kind)
        )
    else:
        kind = ("an " if agreement.kind[:1].lower() in "aeiou" else "a ") + agreement.kind
    if agreement.signed_on:
        date = format_date(agreement.signed_on, lang)
        return render(lang, "agreement_signed", parties=parties, kind=kind, date=date)
    return render(lang, "agreement", parties=parties, kind=kind, published=article.published)


def party_name(name: str, lang: str) -> str:
    """An organisation's name in the answer's language, where the glossary knows it."""
    return chinese_or_english(name) if lang == "zh" else name


def _in(lang: str, phrases: tuple[str, ...]) -> list[str]:
    """The phrases in the answer's language: Chinese through the glossary where it can."""
    return [chinese_or_english(p) if lang == "zh" else p for p in phrases]


def _parties(lang: str, parties: tuple[str, ...], zh_separator: str) -> str:
    """The parties as one phrase: in Chinese joined by `zh_separator`, in English by "and"."""
    if lang == "zh":
        return zh_separator.join(_in(lang, parties))
    return join([_with_the(p) for p in parties], lang)


def _with_the(party: str) -> str:
    return f"the {party}" if _THE_PARTY.search(party) else party


def _who(lang: str, question: str, article: Article, sentence: str, query: Query) -> str | None:
    """The people the question asks about, with their roles; or the agreement's parties."""
    names = [c.alternatives for c in query.concepts if c.is_name and not c.soft]
    found = people_lead(people_question(question), sentence, names, lang)
    if found:
        return found
    agreement = article.agreement
    if agreement and agreement.parties and _PARTY_WORDS.search(question):
        return render(lang, "who", parties=_parties(lang, agreement.parties, zh_separator="、"))
    return None


def shorten(sentence: str) -> str:
    """The sentence cut at a word to fit a citation snippet."""
    if len(sentence) <= SNIPPET_CHARS:
        return sentence
    return sentence[: SNIPPET_CHARS - 1].rsplit(" ", 1)[0] + "…"


def highlights(text: str, query: Query) -> tuple[str, ...]:
    """The words of `text` whose terms the question asked for, each once, in text order."""
    wanted = set(query.terms)
    found: dict[str, None] = {}
    for word in words(text):
        if not has_han(word) and wanted & set(tokenize(word)):
            found[word] = None
    if has_han(text):
        for term in tokenize("".join(ch for ch in text if has_han(ch))):
            if term in wanted and term in text:
                found[term] = None
    return tuple(found)
