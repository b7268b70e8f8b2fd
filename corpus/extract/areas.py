"""The areas an agreement covers, from the sentence that lists them.

English lists follow ``cooperate in``, ``focus on``, ``join hands in``, ``four areas:``,
``areas, including``; ``extend their cooperation to`` adds to them. Items are split at commas
and at the last ``and``; with an Oxford comma (``…, and staff training and exchanges``) or a
stated count, items keep their own ``and``. Chinese lists are ``在A、B和C等领域``, ``涵盖…等方面``,
``扩展到…`` or, under ``根据协议``, the verb phrases ``双方将携手A、B``. Sentences with hopes and
wishes (``希望``, ``hoped``) are not the agreement's areas.
"""

from __future__ import annotations

import re

from corpus.extract.dates import is_old_news
from corpus.extract.sentences import Sentence

_AREA_WORDS = r"(?:areas|fields|aspects|sectors|domains)"
_EN_LISTS = (
    re.compile(
        rf"\b{_AREA_WORDS}\s*(?::|,?\s+(?:including|such as|namely|like))\s+(?P<list>[^.;]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:cooperate|cooperation|collaborate|collaboration|work(?:ing)? together|"
        r"join(?:ing)? hands|partner(?:ing)?)\s+(?:in|on)\s+"
        rf"(?:the\s+)?(?:{_AREA_WORDS}\s+of\s+)?(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:focus(?:es|ed|ing)?|concentrat(?:e|es|ed|ing))\s+on\s+(?P<list>[^.;:]+)", re.I
    ),
    re.compile(
        r"\b(?:agreement|memorandum|mou|deal|partnership|pact|cooperation)\s+(?:will\s+)?"
        r"(?:covers?|includes?|spans?|involves?)\s+(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bpool(?:s|ed|ing)?\s+(?:their|its)\s+(?:strengths|resources|advantages)\s+in\s+"
        r"(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
)
_EN_EXTEND = re.compile(
    r"\b(?:extend|broaden|expand|widen)\w*\s+(?:their|its|the)\s+(?:cooperation|partnership)\s+"
    r"to\s+(?:cover\s+|include\s+)?(?P<list>[^.;:]+)",
    re.IGNORECASE,
)
_EN_ANCHOR = re.compile(
    r"\b(?:agreement|memorandum|mou|deal|pact|partnership|tie-up|contract)\b", re.IGNORECASE
)
_EN_WILL = re.compile(r"\bwill\b", re.IGNORECASE)
_EN_WISH = re.compile(
    r"\b(?:hopes?|hoped|hoping|wish(?:es|ed)?|would like|expects?|expected)\b", re.I
)
_EN_HEADING = re.compile(rf"^(?:the\s+)?(?:\w+\s+){{0,2}}{_AREA_WORDS}$", re.IGNORECASE)
_EN_OPEN_END = re.compile(rf",?\s+and\s+other\s+{_AREA_WORDS}\b.*$|,?\s+etc\b.*$", re.IGNORECASE)
_EN_TAIL = re.compile(
    r",?\s+(?:so as to|in order to|to|which|thus|so that|with a view to|according to|"
    r"while|as well as)\s+.*$",
    re.IGNORECASE,
)
_EN_SEPARATOR = re.compile(r",\s+")
_EN_LEADING = re.compile(r"^(?:the|a|an|their|its)\s+", re.IGNORECASE)
_EN_COUNT = re.compile(
    rf"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    rf"(?:(?:key|major|main|priority|important)\s+)?{_AREA_WORDS}\b",
    re.IGNORECASE,
)

_ZH_LISTS = (
    re.compile(r"(?:领域|方面)[,:，：]?\s*(?:主要)?(?:包括|涵盖)(?P<list>[^。；;]+)"),
    re.compile(
        r"(?:在|围绕|就|涵盖|包括|扩展到|拓展到|延伸到|扩大到)(?P<list>[^。；;，,在]+?)等?"
        r"(?:[一二两三四五六七八九十\d]+个)?(?:重点|关键|主要)?(?:领域|方面)"
    ),
)
_ZH_UNDER_AGREEMENT = re.compile(r"^(?:根据|按照|依照|依据)(?:协议|备忘录|合同)[,，]")
_ZH_VERB_LIST = re.compile(r"将(?:携手|共同|联合)?(?P<list>[^，,。；;]+、[^，,。；;]+)")
_ZH_ANCHOR = re.compile(r"协议|备忘录|合同")
_ZH_WILL = re.compile("将")
_ZH_WISH = re.compile(r"希望|期待|期望|盼望")
_ZH_COUNT = re.compile(r"(?P<n>[二两三四五六七八九十]|\d+)个?(?:重点|关键|主要)?(?:领域|方面)")
_NUMBERS = dict(
    zip(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        range(2, 11),
        strict=True,
    )
) | {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def areas(sentences: list[Sentence], published: str, zh: bool) -> list[str]:
    """The areas of the best list sentence, plus those an ``extend … to`` sentence adds.

    Sentences with wishes, and those about a deal long past ("In 2018 they agreed to cooperate
    in …"), are not the agreement's.
    """
    best: tuple[int, list[str]] | None = None
    for sentence in sentences:
        text = sentence.text
        if (_ZH_WISH if zh else _EN_WISH).search(text) or is_old_news(text, published, zh):
            continue
        found = _zh_list(text) if zh else _en_list(text)
        if not found:
            continue
        anchor, will = (_ZH_ANCHOR, "将") if zh else (_EN_ANCHOR, None)
        score = bool(anchor.search(text)) + (
            ("将" in text) if will else bool(_EN_WILL.search(text))
        )
        if best is None or score > best[0]:
            best = (score, found)
    items = best[1] if best else []
    if not zh and items:
        for sentence in sentences:
            extend = _EN_EXTEND.search(sentence.text)
            old = is_old_news(sentence.text, published, zh)
            if extend and not old and not _EN_WISH.search(sentence.text):
                items += [i for i in _en_items(extend["list"], None) if i not in items]
    return items


def _en_list(sentence: str) -> list[str]:
    expected = _stated_count(_EN_COUNT.search(sentence))
    for pattern in _EN_LISTS:
        match = pattern.search(sentence)
        if match is None:
            continue
        items = _en_items(match["list"], expected)
        if items and not _EN_HEADING.match(items[0]):
            return items
    return []


def _en_items(text: str, expected: int | None) -> list[str]:
    text = text.strip()
    open_ended = _EN_OPEN_END.search(text)
    if open_ended:
        text = text[: open_ended.start()]
    segments = [s.strip() for s in _EN_SEPARATOR.split(text) if s.strip()]
    if not segments:
        return []
    oxford = next((i for i, s in enumerate(segments) if i and s.lower().startswith("and ")), None)
    if oxford is not None:
        items = [*segments[:oxford], segments[oxford][4:]]
    elif open_ended:
        items = segments
    else:
        joined = next((i for i, s in enumerate(segments) if re.search(r"\sand\s", s)), None)
        if joined is None:
            items = segments[:1]
        elif expected is not None and joined + 1 >= expected:
            items = segments[: joined + 1]
        else:
            head, tail = re.split(r"\s+and\s+", segments[joined], maxsplit=1)
            items = [*segments[:joined], head, tail]
    items[-1] = _EN_TAIL.sub("", items[-1])
    cleaned = [_EN_LEADING.sub("", i.strip(" .")) for i in items]
    return [i for i in cleaned if i]


def _zh_list(sentence: str) -> list[str]:
    expected = _stated_count(_ZH_COUNT.search(sentence))
    for pattern in _ZH_LISTS:
        match = pattern.search(sentence)
        if match:
            items = _zh_items(match["list"].strip().removesuffix("等"), expected)
            if items:
                return items
    if _ZH_UNDER_AGREEMENT.search(sentence):
        verbs = _ZH_VERB_LIST.search(sentence)
        if verbs:
            return [i for i in verbs["list"].split("、") if i]
    return []


def _zh_items(text: str, expected: int | None) -> list[str]:
    """Split "A、B和C" into items; 和 inside an earlier item (农资和再生资源) stays."""
    items = [i.strip() for i in re.split(r"[、,，]", text) if i.strip()]
    if items and (expected is None or len(items) < expected):
        head, *tail = re.split(r"以及|及|和", items[-1], maxsplit=1)
        items[-1:] = [head.strip(), *(t.strip() for t in tail)]
    return [i for i in items if i]


def _stated_count(match: re.Match[str] | None) -> int | None:
    """The number in "six key areas" / "六个领域", if the sentence states one."""
    if match is None:
        return None
    n = match["n"].lower()
    return int(n) if n.isdigit() else _NUMBERS.get(n)
