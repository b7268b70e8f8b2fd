"""Where a page reports a signing: the sentence, the parties' words and the kind of agreement.

English: ``X (has) signed/inked/entered into/renewed a K (with Y)``, ``a K signed ... by X and
Y``, ``the K between X and Y was signed``, ``witnessed the signing/renewal of the K between X``
(``the two sides`` is left for the caller to resolve), and titles ``X and Y sign K``.
Chinese: ``A与B签署K``, ``A和B…签订K``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EN_NOUN = (
    r"(?:agreements?|memorand(?:um|a)(?:\s+of\s+(?:understanding|cooperation|collaboration|"
    r"intent))?|mous?|contracts?|accords?|deals?|pacts?)"
)
_EN_KIND_WORD = (
    r"(?!(?:a|an|the|under|with|of|in|on|at|to|for|by|and|or|its|their|his|her|across|from|"
    r"into|that|which|was|were|is|are|has|have|had|signed|sign)\b)[\w-]+"
)
_EN_KIND = rf"(?P<kind>(?:{_EN_KIND_WORD}\s+){{0,5}}?{EN_NOUN})\b"
_EN_ARTICLE = r"(?:(?:an?|the|their|its|new|further)\s+)*"
_EN_SIGN = r"(?:sign|signs|signed|ink|inks|inked)"
ZH_NOUN = r"(?:协议|备忘录|合同|协定|意向书)"
ZH_SIGN = r"(?:签署|签订|签约)"

_EN_WITNESSED = re.compile(
    rf"\b(?:signing|renewal|inking)\s+of\s+{_EN_ARTICLE}{_EN_KIND}\s+between\s+(?P<between>.+)",
    re.IGNORECASE,
)
_EN_PASSIVE = re.compile(
    rf"{_EN_ARTICLE}{_EN_KIND}\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?"
    r"(?:signed|inked)\b(?P<middle>[^.;]*?)\bby\s+(?P<by>.+)",
    re.IGNORECASE,
)
_EN_BETWEEN_SIGNED = re.compile(
    rf"{_EN_ARTICLE}{_EN_KIND}\s+between\s+(?P<between>.+?)\s+"
    r"(?:was|were|has\s+been|had\s+been|is|are)\s+(?:formally\s+|officially\s+)?(?:signed|inked)\b",
    re.IGNORECASE,
)
_EN_ACTIVE = re.compile(
    r"^(?P<subject>.*?)\s+(?:(?:have|has|had|will|would|to)\s+)?"
    r"(?:(?:jointly|formally|officially|also|recently|successfully)\s+)?"
    rf"(?P<verb>signed|inked|entered\s+into|renewed|sign|signs|inks)\s+{_EN_ARTICLE}{_EN_KIND}"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_EN_TITLE = re.compile(
    rf"^(?P<subject>.+?)\s+(?:to\s+)?{_EN_SIGN}\s+{_EN_ARTICLE}{_EN_KIND}(?P<rest>.*)$",
    re.IGNORECASE,
)
_EN_KIND_TOPIC = re.compile(r"^\s+on\s+(?P<topic>(?:[a-z-]+\s+){0,3}cooperation)\b", re.I)
_EN_WITH = re.compile(r"^[^,]*?\bwith\s+(?P<other>.+)$", re.IGNORECASE)
_EN_BETWEEN_END = re.compile(
    r"\s+(?:in|on|at|to|for|during|which|that|after|before)\s+|\s*[.;(]|,\s+(?!(?:Ltd|Inc)\b)"
)
# "signed more than 100 agreements", "signed agreements with A, B and C": a tally or a
# roundup of several deals, not one agreement.
_EN_TALLY = re.compile(
    r"\d|\b(?:more|over|several|many|multiple|dozens|hundreds|series)\b|"
    r"(?:agreements|memoranda|mous|contracts|accords|deals|pacts)$",
    re.IGNORECASE,
)
# "签署了多项协议", "两份协议": several; "一份协议" is one, its count no part of the kind.
_ZH_TALLY = re.compile(r"(?:\d+|[二两三四五六七八九十几多数]+)[项份个批]|系列")
_ZH_ONE = re.compile(r"^[一1][项份个]")

# "exchange the signed memorandum": "signed" describes the document, nobody signs here.
_EN_ADJECTIVE = re.compile(r"\b(?:the|a|an|this|that|their|its)$", re.IGNORECASE)
_ZH_SIGNING = re.compile(rf"{ZH_SIGN}了?(?P<kind>[^，。,;；、]{{0,14}}?{ZH_NOUN})")
_ZH_CLAUSE_START = re.compile(r".*[，。,;；:：]", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Signing:
    """A reported signing: the words naming its parties and the kind as written.

    `subject` is the words before the verb (or after ``between``/``by``); `other` the words
    after ``with``; `passive` is True when the parties come from ``between``/``by``.
    """

    subject: str
    other: str | None
    kind: str
    passive: bool = False


def en_signing(sentence: str) -> Signing | None:
    """The signing an English sentence reports, if any."""
    witnessed = _EN_WITNESSED.search(sentence)
    if witnessed:
        between = _EN_BETWEEN_END.split(witnessed["between"], maxsplit=1)[0]
        return Signing(between, None, _kind(witnessed["kind"], ""), passive=True)
    between = _EN_BETWEEN_SIGNED.search(sentence)
    if between:
        return Signing(between["between"], None, _kind(between["kind"], ""), passive=True)
    passive = _EN_PASSIVE.search(sentence)
    if passive and not _EN_TALLY.search(passive["kind"]):
        by = re.split(r"\s+(?:on|in|at|during|to|for)\s+|;", passive["by"], maxsplit=1)[0]
        return Signing(by, None, _kind(passive["kind"], ""), passive=True)
    active = _EN_ACTIVE.search(sentence)
    if (
        active
        and not _EN_TALLY.search(active["kind"])
        and not _EN_ADJECTIVE.search(active["subject"])
    ):
        rest = re.sub(r"\s*\([^)]*\)", "", active["rest"])
        with_other = _EN_WITH.match(rest)
        other = with_other["other"] if with_other else None
        return Signing(active["subject"], other, _kind(active["kind"], rest))
    return None


def en_title_signing(title: str) -> Signing | None:
    """The signing an English headline announces: "X and Y sign K (with Z)"."""
    match = _EN_TITLE.search(title)
    if match is None or _EN_TALLY.search(match["kind"]):
        return None
    with_other = _EN_WITH.match(match["rest"])
    other = with_other["other"] if with_other else None
    return Signing(match["subject"], other, _kind(match["kind"], match["rest"]))


def zh_signing(sentence: str) -> Signing | None:
    """The signing a (Simplified) Chinese sentence or title reports, if any."""
    match = _ZH_SIGNING.search(sentence)
    if match is None:
        return None
    if _ZH_TALLY.search(match["kind"]):
        return None
    before = sentence[: match.start()]
    clause = _ZH_CLAUSE_START.match(before)  # the subject starts after the last comma
    subject = before[clause.end() :] if clause else before
    return Signing(subject, None, _ZH_ONE.sub("", match["kind"].strip()))


def _kind(kind: str, rest: str) -> str:
    kind = " ".join(kind.lower().split())
    if kind in ("mou", "mous"):
        return "memorandum of understanding"
    topic = _EN_KIND_TOPIC.match(rest)
    if kind.endswith("agreement") and topic:  # "framework agreement on cooperation"
        return f"{' '.join(topic['topic'].lower().split())} {kind}"
    return kind


def is_bare(kind: str) -> bool:
    """A kind that is just the noun ("agreement", "deal"), which the page may name better."""
    return re.fullmatch(EN_NOUN, kind, re.IGNORECASE) is not None and " " not in kind


def named_kind(text: str, noun: str) -> str | None:
    """The fullest "the <modifiers> <noun>" the text gives ("Under the framework deal")."""
    best: str | None = None
    for match in re.finditer(rf"\b(?:the|a|an|this)\s+((?:[a-z][a-z-]*\s+){{1,4}}){noun}\b", text):
        words = match.group(1).split()
        if any(w in _NOT_KIND_WORDS for w in words):
            continue
        kind = " ".join([*words, noun])
        if best is None or len(kind) > len(best):
            best = kind
    return best


_NOT_KIND_WORDS = frozenset(
    [
        "new",
        "same",
        "previous",
        "first",
        "renewed",
        "signed",
        "this",
        "that",
        "latest",
        "earlier",
        "above",
        "two",
        "three",
        "whole",
        "entire",
        "original",
        "existing",
    ]
)
