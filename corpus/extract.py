"""Find the cooperation agreement an article announces, by rules over its title and body.

Nothing here is specific to one article: the parties and kind come from title patterns
(``X and Y sign Z agreement``, ``X与Y签署Z协议``) or, failing that, from the body's signing
sentence; the signing date from that sentence (``On June 28``, ``6月28日``; ``Recently`` means
unknown); the areas from a list sentence (``cooperate in A, B and other aspects``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import chain

from corpus.model import Agreement

_EN_NOUN = r"(?:agreements?|memorand(?:um|a) of understanding|memorandum|mou|contracts?|accord)"
_ZH_NOUN = r"(?:协议|备忘录|合同|协定)"
_EN_SIGN = r"(?:sign|signs|signed|ink|inks|inked)"
_ZH_SIGN = r"(?:签署|签订|签约)"

# `X and Y sign (a) Z agreement (with W)`; the kind is at most six words.
_EN_TITLE = re.compile(
    rf"^(?P<parties>.+?)\s+{_EN_SIGN}\s+(?:(?:an?|the|new)\s+)*"
    rf"(?P<kind>(?:[\w-]+\s+){{0,5}}?{_EN_NOUN})\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_EN_BODY_SIGNED = re.compile(
    rf"(?:^|,\s+)(?P<parties>[A-Z][^,;]*?)\s+(?:(?:have|has|had)\s+)?(?:signed|inked)\s+"
    rf"(?:(?:an?|the|new)\s+)*(?P<kind>(?:[\w-]+\s+){{0,5}}?{_EN_NOUN})\b(?P<rest>[^.;]*)",
    re.IGNORECASE,
)
_EN_BODY_SIGNING = re.compile(
    rf"\bsigning\s+(?:of\s+)?(?:(?:an?|the|new)\s+)*(?P<kind>(?:[\w-]+\s+){{0,5}}?{_EN_NOUN})"
    r"\s+between\s+(?P<parties>[^.;,(]+?)"
    r"(?=\s+(?:in|on|at|to|for|during|which|that)\s+|\s*[.;,(]|$)",
    re.IGNORECASE,
)
_ZH_TITLE = re.compile(
    rf"^(?P<parties>[^，。,;；]+?){_ZH_SIGN}了?(?P<kind>[^，。,;；]{{0,12}}?{_ZH_NOUN})"
)
_ZH_BODY = re.compile(
    rf"(?:^|[，,:：])(?P<parties>[^，。,;；:：]+?){_ZH_SIGN}了?(?P<kind>[^，。,;；]{{0,12}}?{_ZH_NOUN})"
)
_EN_KIND_TOPIC = re.compile(r"^\s+on\s+(?P<topic>(?:[a-z-]+\s+){0,3}cooperation)\b", re.IGNORECASE)
_EN_WITH = re.compile(r"^\s+with\s+(?:the\s+)?(?P<other>.+)$", re.IGNORECASE)
_EN_PARTY_END = re.compile(r"\s+(?:in|on|at|to|for|during)\s+|\s*[,;:(]")
# "X and Y to sign", "X and Y have jointly signed": words between the parties and the verb.
_EN_PARTIES_TAIL = re.compile(
    r"(?:\s+(?:to|will|would|have|has|had|jointly|formally|officially|also))+$", re.IGNORECASE
)
# "signed more than 100 agreements" reports a tally, not one agreement.
_EN_TALLY = re.compile(r"\d|\b(?:more|over|several|many|multiple|dozens|hundreds)\b", re.IGNORECASE)
_NOT_PARTIES = frozenset({"the two sides", "two sides", "both sides", "the two parties", "双方"})

_CHINA_POST_EN = r"China Post(?: Group)?(?: Corporation Limited| Co\.,? Ltd\.?)?"
_EN_CP_FIRST = re.compile(rf"^(?P<cp>{_CHINA_POST_EN})(?P<sep>,|\s+and)\s+(?P<rest>.+)$")
_EN_CP_LAST = re.compile(rf"^(?P<rest>.+?),?\s+and\s+(?P<cp>{_CHINA_POST_EN})$")
_EN_NAME_SEPARATOR = re.compile(r",\s+(?!Ltd)")
_EN_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_EN_AND = re.compile(r"\s+and\s+")
_OF_NAME_END = re.compile(r"\bof(?:\s+[A-Z][\w-]*)+$")
_ZH_CP_FIRST = re.compile(r"^(?P<cp>中国邮政(?:集团有限公司|集团公司|集团)?)[和同及](?P<rest>.+)$")

_SIGNING_EN = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?)\b", re.IGNORECASE)
_SIGNING_ZH = re.compile(_ZH_SIGN)
_UNDATED_EN = re.compile(r"\b(?:recently|lately|not long ago)\b", re.IGNORECASE)
_UNDATED_ZH = re.compile(r"近日|日前|近期|不久前")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"\b(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_ZH_DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)

_AREA_WORDS = r"(?:areas|fields|aspects|sectors|domains)"
_EN_AREAS_INCLUDING = re.compile(
    rf"\b{_AREA_WORDS},?\s+(?:including|such as|namely|like)\s+(?P<list>[^.;:]+)", re.IGNORECASE
)
_EN_AREAS_IN = re.compile(
    r"\b(?:cooperate|cooperation|collaborate|collaboration|work together)\s+(?:in|on)\s+"
    rf"(?:the\s+)?(?:{_AREA_WORDS}\s+of\s+)?(?P<list>[^.;:]+)",
    re.IGNORECASE,
)
# "two key areas, including ..." is the list's heading, not an area.
_EN_AREAS_HEADING = re.compile(rf"^(?:the\s+)?(?:\w+\s+){{0,2}}{_AREA_WORDS}$", re.IGNORECASE)
_EN_WILL = re.compile(r"\bwill\b")
_EN_OPEN_END = re.compile(rf",?\s+and\s+other\s+{_AREA_WORDS}\b.*$|,?\s+etc\b.*$", re.IGNORECASE)
_EN_LIST_TAIL = re.compile(
    r",?\s+(?:so as to|in order to|to|which|that|thus|so that|with a view to|by)\s+.*$",
    re.IGNORECASE,
)
_EN_COUNT = re.compile(
    rf"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    rf"(?:(?:key|major|main|priority|important)\s+)?{_AREA_WORDS}\b",
    re.IGNORECASE,
)
_ZH_AREAS_INCLUDING = re.compile(
    r"(?:领域|方面)[,:，：]?\s*(?:主要)?(?:包括|涵盖)(?P<list>[^。；;]+)"
)
_ZH_AREAS_IN = re.compile(
    r"(?:在|围绕|就)(?P<list>[^。；;，,在]+?)等?"
    r"(?:[一二两三四五六七八九十\d]+个)?(?:重点|关键|主要)?(?:领域|方面)"
)
_ZH_COUNT = re.compile(r"(?P<n>[二两三四五六七八九十]|\d+)个?(?:重点|关键|主要)?(?:领域|方面)")
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_EN_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_ZH_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


def extract_agreement(
    title: str, paragraphs: Sequence[str], published: str, lang: str
) -> Agreement | None:
    """Return the agreement an article announces, or None when it announces none.

    Args:
        title: the article's cleaned title.
        paragraphs: its cleaned body paragraphs.
        published: its publication date, YYYY-MM-DD; gives the year of ``On June 28``.
        lang: "en" or "zh".

    Returns:
        The parties, kind (lowercased), signing date (None when the article gives only
        ``Recently`` or no date) and areas of cooperation; None when no signing is announced.
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    try:
        date.fromisoformat(published)
    except ValueError:
        raise ValueError(f"published must be a date as YYYY-MM-DD, not {published!r}") from None
    zh = lang == "zh"
    sentences = _sentences(paragraphs, zh)
    found = _parties_and_kind(title, sentences, zh)
    if found is None:
        return None
    parties, kind = found
    return Agreement(
        parties=tuple(parties),
        kind=kind,
        signed_on=_signed_on(sentences, published, zh),
        areas=tuple(_areas(sentences, zh)),
    )


def _sentences(paragraphs: Sequence[str], zh: bool) -> list[str]:
    splitter = _ZH_SENTENCE_END if zh else _EN_SENTENCE_END
    return [s.strip() for p in paragraphs for s in splitter.split(p) if s.strip()]


def _parties_and_kind(title: str, sentences: list[str], zh: bool) -> tuple[list[str], str] | None:
    if zh:
        body = (_ZH_BODY.search(s) for s in sentences)
        for match in chain([_ZH_TITLE.search(title)], body):
            if match is not None:
                parties = _split_parties_zh(match["parties"])
                if len(parties) >= 2:
                    return parties, match["kind"].strip()
        return None
    body = (p.search(s) for s in sentences for p in (_EN_BODY_SIGNED, _EN_BODY_SIGNING))
    for match in chain([_EN_TITLE.search(title)], body):
        if match is None:
            continue
        rest = match.groupdict().get("rest") or ""
        parties = _split_parties_en(match["parties"])
        with_other = _EN_WITH.match(rest)
        if len(parties) == 1 and with_other:
            parties.append(_EN_PARTY_END.split(with_other["other"], maxsplit=1)[0].strip())
        if len(parties) >= 2 and not _EN_TALLY.search(match["kind"]):
            return parties, _kind_en(match["kind"], rest)
    return None


def _kind_en(kind: str, rest: str) -> str:
    kind = " ".join(kind.lower().split())
    if kind == "mou":
        return "memorandum of understanding"
    topic = _EN_KIND_TOPIC.match(rest)
    if kind == "agreement" and topic:
        return f"{' '.join(topic['topic'].lower().split())} agreement"
    return kind


def _split_parties_en(text: str) -> list[str]:
    text = _EN_PARTIES_TAIL.sub("", _strip_the(text.strip(" ,")))
    if text.lower() in _NOT_PARTIES:
        return []
    first = _EN_CP_FIRST.match(text)
    if first:
        rest = first["rest"]
        listed = first["sep"] == "," or "," in rest
        return [first["cp"], *(_split_names(rest) if listed else [_strip_the(rest)])]
    last = _EN_CP_LAST.match(text)
    if last:
        rest = last["rest"]
        return [*(_split_names(rest) if "," in rest else [_strip_the(rest)]), last["cp"]]
    return _split_names(text)


def _split_names(text: str) -> list[str]:
    """Split "A, B and C" into names, keeping "Ministry of Agriculture and Rural Affairs" whole."""
    names = [n.strip() for n in _EN_NAME_SEPARATOR.split(text) if n.strip()]
    if not names:
        return []
    last = names.pop()
    if len(names) and last.lower().startswith("and "):
        names.append(last[4:].strip())
    else:
        names += _split_at_and(last)
    return [_strip_the(n) for n in names if n]


def _strip_the(name: str) -> str:
    return _EN_LEADING_THE.sub("", name.strip())


def _split_at_and(text: str) -> list[str]:
    """Split "X and Y" at the first "and" that does not end an "of Name" phrase on its left."""
    cuts = list(_EN_AND.finditer(text))
    if not cuts:
        return [text]
    chosen = next((m for m in cuts if not _OF_NAME_END.search(text[: m.start()])), cuts[0])
    return [text[: chosen.start()].strip(), text[chosen.end() :].strip()]


def _split_parties_zh(text: str) -> list[str]:
    text = text.strip()
    if text in _NOT_PARTIES:
        return []
    if "与" in text:
        return [p for p in re.split(r"[与、]", text) if p]
    first = _ZH_CP_FIRST.match(text)
    if first:
        return [first["cp"], *[p for p in re.split(r"、", first["rest"]) if p]]
    return [p for p in re.split(r"[、和同]", text, maxsplit=1) if p]


def _signed_on(sentences: list[str], published: str, zh: bool) -> str | None:
    """The date of the first sentence that reports the signing, or None if it gives none."""
    signing, undated, dated = (
        (_SIGNING_ZH, _UNDATED_ZH, _ZH_DATE) if zh else (_SIGNING_EN, _UNDATED_EN, _EN_DATE)
    )
    for sentence in sentences:
        if not signing.search(sentence):
            continue
        if undated.search(sentence):
            return None
        for match in dated.finditer(sentence):
            day = _date_of(match, published, zh)
            if day is not None:
                return day
    return None


def _date_of(match: re.Match[str], published: str, zh: bool) -> str | None:
    if zh:
        month, day = int(match["month"]), int(match["day"])
    else:
        month = _MONTHS[(match["month"] or match["month2"]).lower()]
        day = int(match["day"] or match["day2"])
    pub = date.fromisoformat(published)
    year = int(match["year"]) if match["year"] else pub.year
    try:
        signed = date(year, month, day)
        if not match["year"] and signed > pub:
            # "On December 30" in a January article means last year.
            signed = date(year - 1, month, day)
    except ValueError:
        return None
    return signed.isoformat()


def _areas(sentences: list[str], zh: bool) -> list[str]:
    """The areas of the best list sentence: one that mentions the agreement and the future."""
    best: tuple[int, list[str]] | None = None
    for sentence in sentences:
        areas = _areas_zh(sentence) if zh else _areas_en(sentence)
        if not areas:
            continue
        if zh:
            score = ("协议" in sentence) + ("将" in sentence)
        else:
            lowered = sentence.lower()
            score = ("agreement" in lowered) + bool(_EN_WILL.search(lowered))
        if best is None or score > best[0]:
            best = (score, areas)
    return best[1] if best else []


def _areas_en(sentence: str) -> list[str]:
    for pattern in (_EN_AREAS_INCLUDING, _EN_AREAS_IN):
        match = pattern.search(sentence)
        if match is None:
            continue
        text = match["list"].strip()
        open_ended = _EN_OPEN_END.search(text)
        text = text[: open_ended.start()] if open_ended else _EN_LIST_TAIL.sub("", text)
        expected = _stated_count(_EN_COUNT.search(sentence))
        items = _split_items(text, r",\s*", r"\s*\band\s+", bool(open_ended), expected)
        if items and not _EN_AREAS_HEADING.match(items[0]):
            return items
    return []


def _areas_zh(sentence: str) -> list[str]:
    for pattern in (_ZH_AREAS_INCLUDING, _ZH_AREAS_IN):
        match = pattern.search(sentence)
        if match is None:
            continue
        text = match["list"].strip()
        text = text.removesuffix("等").strip()
        expected = _stated_count(_ZH_COUNT.search(sentence))
        # Unlike "A, B and other aspects", "A、B和C等领域" joins its last two items with 和.
        items = _split_items(text, r"[、,，]", r"以及|及|和|与", False, expected)
        if items:
            return items
    return []


def _stated_count(match: re.Match[str] | None) -> int | None:
    """The number in "six key areas" / "六个领域", if the sentence states one."""
    if match is None:
        return None
    n = match["n"].lower()
    return int(n) if n.isdigit() else _NUMBERS.get(n)


def _split_items(
    text: str, separator: str, conjunction: str, open_ended: bool, expected: int | None
) -> list[str]:
    """Split "A, B and C" into items; "A, B and other aspects" keeps "B" whole."""
    items = [i.strip(" .") for i in re.split(separator, text) if i.strip(" .")]
    if not items:
        return []
    oxford = re.match(rf"^(?:{conjunction})\s*", items[-1])
    if oxford:
        items[-1] = items[-1][oxford.end() :]
    elif not open_ended and (expected is None or len(items) < expected):
        head, *tail = re.split(conjunction, items[-1], maxsplit=1)
        items[-1:] = [head.strip(), *(t.strip() for t in tail)]
    return [i for i in items if i]
