"""Questions over all the agreements: by year, partner kind, partner name, topic; newest, oldest,
how many. They are answered from the agreements table, citing every article used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from answers.data_files import data_rows
from answers.expand import Concept, Query
from answers.templates import format_date, render
from answers.translate import join
from corpus.agreements import AgreementEntry
from corpus.partners import PartnerKind, partner_kind, partner_of
from retrieval.tokenize import has_han, tokenize

MAX_LISTED = 5

# A question over several agreements: plural agreement words with which/list/how many, or
# a superlative ("the latest agreement"), in English or Chinese.
_PLURAL_EN = re.compile(
    r"\b(agreements|deals|mous|memorand(?:a|ums)|pacts|contracts|accords|partners|"
    r"partnerships|companies|banks|governments|ministries|provinces|cities|operators)\b"
)
_ASKS_EN = re.compile(r"\b(which|what|list|how many|show|all|any|who)\b")
_SUPERLATIVE_EN = {
    "newest": re.compile(r"\b(most recent(ly)?|latest|newest|last|newer|more recent|later)\b"),
    "oldest": re.compile(r"\b(oldest|earliest|first|older|earlier)\b"),
}
_AGREEMENT_EN = re.compile(
    r"\b(agreements?|deals?|mous?|memorand\w*|pacts?|contracts?|accords?|sign\w*)\b"
)
# Chinese asks over agreements with 哪些 before a partner or agreement noun, a count of
# documents (几份), or "with whom" (都跟谁).
_ASKS_ZH = re.compile(
    r"哪(?:些|几)\w{0,4}?(?:协议|協議|备忘录|備忘錄|伙伴|夥伴|公司|企业|银行|銀行|政府|部委|机构|單位|单位)"
    r"|几份|幾份|多少份|多少项|都(?:跟|和|与|同)谁|跟谁签|和谁签|与谁签|列出|所有(?:的)?协议"
)
_AGREEMENT_ZH = re.compile(r"协议|協議|备忘录|備忘錄|签|簽|合作")
_SUPERLATIVE_ZH = {
    "newest": re.compile(r"最新|最近一次|最近签|最晚|更新|较新|更近|更晚|较晚"),
    "oldest": re.compile(r"最早|第一份|最先|更早|较早|更久"),
}
_EITHER = re.compile(r"\bor\b|还是|[和与跟同].+哪(?:个|份|一个|一份)")
_HOW_MANY = re.compile(r"\bhow many\b|几份|几项|几个|多少")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})(?=年)|\b((?:19|20)\d{2})\b")
_MOU = re.compile(r"\b(mous?|memorand\w*)\b|备忘录|備忘錄")


@dataclass(frozen=True, slots=True)
class AggregateQuestion:
    """What a question over the agreements asks for."""

    year: int | None = None
    partner_kinds: tuple[str, ...] = ()
    memorandum: bool = False
    order: str | None = None  # "newest" or "oldest": one agreement
    count: bool = False  # "how many"
    # "Which is newer, A or B?": an agreement need only match one of the things named.
    either: bool = False


def aggregate_question(
    question: str, lang: str, names: Sequence[str] = ()
) -> AggregateQuestion | None:
    """What the question asks over all agreements, or None if it asks about one.

    `names` are the organisations the question names: "银行" in "邮储银行" is no partner kind.
    """
    text = question.lower()
    unnamed = text
    phrases = {phrase for phrase, _ in _partner_phrases(lang)}
    for name in names:
        if name.lower() not in phrases:
            unnamed = unnamed.replace(name.lower(), " ")
    zh = lang == "zh"
    superlatives = _SUPERLATIVE_ZH if zh else _SUPERLATIVE_EN
    order = next((name for name, p in superlatives.items() if p.search(text)), None)
    agreement_word = (_AGREEMENT_ZH if zh else _AGREEMENT_EN).search(text)
    if zh:
        asks = _ASKS_ZH.search(text) is not None and agreement_word is not None
    else:
        asks = _PLURAL_EN.search(text) is not None and _ASKS_EN.search(text) is not None
    if not asks and (order is None or agreement_word is None):
        return None
    return AggregateQuestion(
        year=_year(text),
        partner_kinds=partner_kinds_asked(unnamed, lang),
        memorandum=_MOU.search(text) is not None,
        order=order,
        count=_HOW_MANY.search(text) is not None,
        either=order is not None and _EITHER.search(text) is not None,
    )


def _year(text: str) -> int | None:
    found = _YEAR.search(text)
    if found is None:
        return None
    digits = found.group(1) or found.group(2)
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def partner_kinds_asked(text: str, lang: str) -> tuple[str, ...]:
    """The partner kinds a question names ("banks", "市政府"), most specific first."""
    found: list[str] = []
    rest = text.lower()
    for phrase, kind in _partner_phrases(lang):
        pattern = phrase if lang == "zh" else rf"\b{re.escape(phrase)}\b"
        if re.search(pattern, rest):
            found.append(kind)
            rest = re.sub(pattern, " ", rest)
    return tuple(dict.fromkeys(found))


@cache
def _partner_phrases(lang: str) -> tuple[tuple[str, str], ...]:
    column = 2 if lang == "zh" else 1
    pairs = [
        (phrase.strip().lower(), row[0])
        for row in data_rows("partner_kinds.tsv")
        for phrase in row[column].split(",")
        if phrase.strip()
    ]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@dataclass(frozen=True, slots=True)
class Selection:
    """The agreements an aggregate question selects, newest first."""

    asked: AggregateQuestion
    entries: tuple[AgreementEntry, ...]


def select(
    asked: AggregateQuestion,
    entries: Sequence[AgreementEntry],
    mentions: Callable[[AgreementEntry], bool],
    partner_kinds: Callable[[AgreementEntry], frozenset[str]],
) -> Selection:
    """The entries that pass every filter of the question.

    `mentions` says whether an entry matches the question's names and topic (its parties,
    areas or article text); `partner_kinds` gives the kinds of an entry's partner.
    """

    def of_kind(entry: AgreementEntry) -> bool:
        return bool(partner_kinds(entry) & set(asked.partner_kinds))

    def wanted(entry: AgreementEntry) -> bool:
        if asked.either:  # "the Jilin one or the ministry's": either will do
            return mentions(entry) or (bool(asked.partner_kinds) and of_kind(entry))
        return (not asked.partner_kinds or of_kind(entry)) and mentions(entry)

    chosen = [
        e
        for e in entries
        if (asked.year is None or _year_of(e) == asked.year)
        and (not asked.memorandum or _MOU.search(e.kind.lower()))
        and wanted(e)
    ]
    chosen.sort(key=lambda e: (e.signed_on or e.published, e.published), reverse=True)
    if asked.order == "oldest" and chosen:
        chosen = [chosen[-1]]
    elif asked.order == "newest" and chosen:
        chosen = chosen[:1]
    return Selection(asked, tuple(chosen))


def partner_kinds_of(entry: AgreementEntry) -> frozenset[str]:
    """The kinds of the entry's partner: corpus.partners' kind, and "city" or "province"
    for a government by what its name says."""
    partner = partner_of(entry.parties)
    if partner is None:
        return frozenset()
    kind = partner_kind(partner)
    if kind is not PartnerKind.GOVERNMENT:
        return frozenset({kind.value})
    local = {name for name, pattern in _LOCAL_GOVERNMENT.items() if pattern.search(partner)}
    return frozenset({kind.value, *local})


_LOCAL_GOVERNMENT = {
    "city": re.compile(r"\b(?:municipal|city|municipality)\b|市", re.IGNORECASE),
    "province": re.compile(r"\b(?:provincial|province)\b|省", re.IGNORECASE),
}


def _year_of(entry: AgreementEntry) -> int:
    return int((entry.signed_on or entry.published)[:4])


def describe(selection: Selection, lang: str, name: Callable[[str], str]) -> str:
    """The answer's text: how many agreements match, and a line for each of the first five.

    `name` gives a party's name in the answer's language.
    """
    entries = selection.entries
    lines = []
    if selection.asked.count:
        lines.append(render(lang, "aggregate_count", count=len(entries)))
    elif len(entries) == 1:
        lines.append(render(lang, "aggregate_one"))
    else:
        lines.append(render(lang, "aggregate_many", count=len(entries)))
    for entry in entries[:MAX_LISTED]:
        signed = entry.signed_on or entry.published
        date = format_date(signed, lang)
        parties = join([name(p) for p in entry.parties], lang)
        lines.append(render(lang, "aggregate_line", date=date, parties=parties, kind=entry.kind))
    if len(entries) > MAX_LISTED:
        lines.append(render(lang, "aggregate_more", count=len(entries) - MAX_LISTED))
    return "\n".join(lines)


def topic_concepts(query: Query, asked_kinds: Sequence[str], lang: str) -> list[Concept]:
    """The concepts a selected agreement must mention: the question's hard concepts, less
    those that only say what is asked (agreement words, partner kinds, years)."""
    phrases = [phrase for phrase, kind in _partner_phrases(lang) if kind in asked_kinds]
    kind_words = {word for phrase in phrases for word in re.findall(r"\w+", phrase)}
    ignored = _agreement_words()

    def names_kind(concept: Concept) -> bool:
        text = concept.text.lower()
        if has_han(text):
            return any(text in phrase for phrase in phrases)
        return text in kind_words

    return [
        c
        for c in query.hard
        if not (
            c.text.lower() in ignored
            or names_kind(c)
            or _YEAR_WORD.fullmatch(c.text)
            or c.terms <= ignored
        )
    ]


_YEAR_WORD = re.compile(r"(?:19|20)?\d{2}年?")


@cache
def _agreement_words() -> frozenset[str]:
    # Chinese words stay whole (as jieba cuts them): an English question never loads jieba.
    words = {w for row in data_rows("agreement_words.txt") for w in " ".join(row).split()}
    return frozenset(words | {t for w in words if not has_han(w) for t in tokenize(w)})
