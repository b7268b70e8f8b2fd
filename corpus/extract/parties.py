"""Organisation names out of the words around a signing, China Post's side first.

English subjects carry datelines, tickers, parentheses, appositives (``X, a logistics company
based in Ningbo,``) and people with titles (``China Post Vice President Zhang Ronglin``,
``Chairman Lu Qingfeng of Beiyuan Airlines``, ``Jack Ma, Alibaba's founder``): each is reduced to
the organisation. Names a page defines with an alias (``Jinlanhe Pharmaceutical Group Co., Ltd.
(hereinafter referred to as Jinlanhe)``, ``上海汽车集团股份有限公司（简称上汽集团）``) are given in
full. Chinese subjects lose their dates, places (``在上海``) and parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.text import HAN

# China Post itself or one of its companies: the party listed first.
_CHINA_POST = re.compile(r"\bChina Post|\bPostal Savings Bank|\bPSBC\b|邮政|郵政|邮储|郵儲|^中邮")

_TITLE = (
    r"(?i:(?:(?:vice|deputy|executive|assistant|acting|honorary)[\s-]+)*"
    r"(?:president|chairman|chairwoman|chairperson|chair|general[\s-]manager|"
    r"director[\s-]general|director|ceo|chief\s+executive(?:\s+officer)?|"
    r"chief\s+financial\s+officer|founder|party\s+secretary|secretary|mayor|governor|"
    r"minister|manager|head|leader|representative))"
)
_TITLES = rf"{_TITLE}(?:\s+and\s+{_TITLE})*"
# "China Post Vice President Zhang Ronglin": the organisation, a title, a person.
_ORG_TITLE_PERSON = re.compile(rf"^(?P<org>.+?)\s+{_TITLES}\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")
# "Vice President He Jingwen of China Post": a title, a person, then "of" the organisation.
_TITLE_PERSON_OF = re.compile(
    rf"^{_TITLES}\s+(?:[A-Z][\w.'-]*\s+)+of\s+(?:the\s+)?(?P<org>[A-Z].*)$"
)
# "President Yan Lihua": a title and a person, no organisation.
_TITLE_PERSON = re.compile(rf"^{_TITLES}\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")
# Appositives that say who a person is: "general manager of China Post", "Alibaba's founder".
_ROLE_OF = re.compile(rf"^(?:the\s+)?(?:[\w-]+\s+)*?{_TITLES}\s+of\s+(?:the\s+)?(?P<org>[A-Z].*)$")
_ROLE_POSSESSIVE = re.compile(
    rf"^(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s\s+(?:[\w-]+\s+)*?{_TITLES}$"
)

_PARENTHESES = re.compile(r"\s*[(（][^()（）]*[)）]")
_TICKER = re.compile(r"\s+\b(?:\d{3,6}|[A-Z]{1,5})\.[A-Z]{1,2}\b")
_DATELINE = re.compile(r"^.*\s[-–—]{1,2}\s+")
_SEGMENT_SEPARATOR = re.compile(r",\s+(?!(?:Ltd|Inc|Limited|LLC|L\.L\.C|Co)\b)")
_ADVERBIAL = frozenset(
    [
        "on",
        "in",
        "at",
        "recently",
        "today",
        "yesterday",
        "earlier",
        "meanwhile",
        "last",
        "this",
        "during",
        "after",
        "before",
        "under",
        "according",
        "also",
        "later",
        "then",
        "separately",
        "besides",
        "moreover",
        "however",
        "as",
        "with",
        "following",
        "together",
        "since",
        "over",
    ]
)
_EN_TAIL = re.compile(
    r"(?:\s+(?:to|will|would|have|has|had|jointly|formally|officially|also|both|recently|"
    r"today|yesterday|then|successfully|finally))+$",
    re.IGNORECASE,
)
_EN_AND = re.compile(r"\s+and\s+")
# The verb of a clause before "and signed": "held talks", "met", "reached a consensus".
_EARLIER_VERB = re.compile(
    r"\s+(?:(?:also|jointly|first)\s+)?(?:[a-z]+ed|held|met|had|made|took|saw|gave|began|"
    r"went|came|spoke|set)\b"
)
# "Bank of China on Tuesday", "China Post in Beijing": when and where are not the name.
_WHEN_OR_WHERE = re.compile(r"\s+(?:on|in|at)\s+[A-Z0-9].*$|\s+(?:today|yesterday|recently)$")
_OF_NAME_END = re.compile(r"\bof(?:\s+[A-Z][\w-]*)+$")
_LEADING = re.compile(
    r"^(?:the|a|an|and|both)\s+|^[\w-]+-based\s+|^(?:senior\s+)?(?:leaders|representatives|"
    r"officials|heads|executives|delegations?|members)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"^(?:the\s+)?(?:two|both|all|three)\s+(?:sides|parties|companies|groups|partners|"
    r"operators|banks|posts)$|^(?:they|it|we|he|she|both)$",
    re.IGNORECASE,
)
_BOTH_SIDES = re.compile(
    r"(?:^|,\s+|\b(?:and|when)\s+)(?:the\s+)?(?:two|both)\s+(?:sides|parties|companies|groups|"
    r"partners|operators|banks|posts)$|(?:^|\s)(?:they|both)$",
    re.IGNORECASE,
)
_NAME_START = re.compile(rf"^[A-Z0-9{HAN}]")
# The organisation words that may follow a short name where the page first names it in full.
_ORG_SUFFIX = re.compile(
    r"(?:\s+(?:Group|Corporation|Company|Holdings|Limited|Inc\.?|Corp\.?|Co\.,?\s+Ltd\.?))+"
)

# An alias definition: "Full Name (hereinafter referred to as Alias)", "全称（简称X）".
_EN_ALIAS = re.compile(
    r"\((?:hereinafter(?:\s+referred\s+to\s+as)?|hereafter|below|or)?\s*[\"“]?"
    r"(?P<alias>[A-Z][\w&' .-]*?)[\"”]?(?:,[^)]*)?\)"
)
# The capitalised name that ends just before an alias's parenthesis.
_EN_ALIASED_NAME = re.compile(
    r"(?P<name>[A-Z][\w&'.-]*(?:,?\s+(?:[A-Z][\w&'.-]*|of|and|for|&|de))*)\s*$"
)
_NAME_REACH = 160  # characters looked back for the name; names are far shorter
_ZH_ALIAS = re.compile(
    rf"(?P<name>[{HAN}]{{2,30}}?)[(（](?:以下)?(?:简称|下称|以下称)[「“\"]?(?P<alias>[^」”\")）]+)[」”\"]?[)）]"
)

_ZH_DATE = re.compile(
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:上午|下午|晚上|晚间|早上|中午)?|近日|日前|近期|同日|当日|当天|今天|今日"
)
_ZH_PLACE = re.compile(r"(?:在|于)[^与和同及、]{1,12}$")
_ZH_TAIL = re.compile(r"(?:共同|正式|正式地|双方|将|已|今天|还)+$")
_ZH_HEAD = re.compile(r"^(?:并|同时|此外|其中|随后|会上|会后|期间)")
_ZH_SIGNATORIES = re.compile(r"代表|由|见证|出席|会见")
_ZH_PEOPLE = re.compile(r"书记|省长|市长|董事长|总经理|主任|部长|行长|总裁")


def china_post_first(parties: Iterable[str]) -> tuple[str, ...]:
    """The parties with China Post's side (China Post, PSBC, China Post Life, ...) first."""
    names = list(parties)
    ours = [n for n in names if _CHINA_POST.search(n)]
    return tuple(ours[:1] + [n for n in names if n not in ours[:1]])


def says_both_sides(text: str) -> bool:
    """Whether a subject is only "the two sides", "both parties", "they"."""
    return bool(_BOTH_SIDES.search(" ".join(text.split())))


def is_china_post(name: str) -> bool:
    return bool(_CHINA_POST.search(name))


def en_aliases(text: str) -> dict[str, str]:
    """Aliases the text defines, each to the full name it stands for, in order of definition."""
    aliases: dict[str, str] = {}
    for match in _EN_ALIAS.finditer(text):
        before = _EN_ALIASED_NAME.search(text, max(0, match.start() - _NAME_REACH), match.start())
        name = en_organisation(before["name"]) if before else None
        alias = match["alias"].strip()
        if name and alias and name != alias and " " in name and alias not in aliases:
            aliases[alias] = name
    return aliases


def zh_aliases(text: str) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for match in _ZH_ALIAS.finditer(text):
        name = zh_party(_ZH_PARTY_START.split(match["name"])[-1])
        if name:
            aliases.setdefault(match["alias"].strip(), name)
    return aliases


_ZH_PARTY_START = re.compile(r"[，,。：:；;、与和同及]")


def en_subject(text: str) -> list[str]:
    """The organisations a signing sentence's subject names: "A and B", "A, a ..., and B"."""
    text = _PARENTHESES.sub("", _DATELINE.sub("", text))
    text = _EN_TAIL.sub("", _TICKER.sub("", text).strip(" ,"))
    if text.endswith(" and"):  # "X and Y held talks in Beijing and (signed …)"
        text = _EARLIER_VERB.split(text, maxsplit=1)[0]
    names: list[str] = []
    in_apposition = False
    for segment in _SEGMENT_SEPARATOR.split(text):
        segment = segment.strip()
        role = _ROLE_OF.match(segment) or _ROLE_POSSESSIVE.match(segment)
        if role and names:
            names[-1] = role["org"]  # "Li Guohua, general manager of China Post"
            in_apposition = True
            continue
        if segment.lower().startswith("and "):
            names.append(segment[4:])
            in_apposition = False
        elif not names and segment.split(" ", 1)[0].lower() in _ADVERBIAL:
            continue  # "On November 25 in Beijing,"
        elif not names:
            names.append(segment)  # "the Dalian Municipal Government and China Post Group"
        elif not segment[:1].isupper() or segment.split(" ", 1)[0] in ("The", "A", "An", "One"):
            in_apposition = True  # "a refrigerated warehousing company based in Chengdu"
        elif not in_apposition:
            names.append(segment)
    parties = [_no_full_stop(p) for name in names for p in split_names(name)]
    return [o for o in map(en_organisation, parties) if o]


def en_object(text: str) -> str | None:
    """The organisation named by "with X ..." up to where the name ends."""
    text = _PARENTHESES.sub("", text)
    text = re.split(
        r"\s+(?:on|in|at|to|for|during|under|which|that|as|after|before|from|via|through|"
        r"covering|focusing|aimed|aiming)\s+|\s*[;:(]|,\s+(?!(?:Ltd|Inc|Limited|LLC|Co)\b)",
        text.strip(),
        maxsplit=1,
    )[0]
    return en_organisation(_no_full_stop(text))


def _no_full_stop(name: str) -> str:
    """The name without the sentence's full stop; "Co., Ltd." keeps its own."""
    name = name.strip()
    return name if re.search(r"\b(?:Ltd|Inc|Co|Corp)\.$", name) else name.rstrip(".")


def split_names(text: str) -> list[str]:
    """Split "A, B and C" into names, keeping "Ministry of Agriculture and Rural Affairs" whole."""
    names = [n.strip() for n in _SEGMENT_SEPARATOR.split(text) if n.strip()]
    if not names:
        return []
    last = names.pop()
    if names and last.lower().startswith("and "):
        names.append(last[4:].strip())
    else:
        names += _split_at_and(last)
    return names


def _split_at_and(text: str) -> list[str]:
    """Split "X and Y" at the first "and" that does not end an "of Name" phrase on its left."""
    cuts = list(_EN_AND.finditer(text))
    if not cuts or _TITLE_PERSON.match(text) or _ORG_TITLE_PERSON.match(text):
        return [text]
    chosen = next((m for m in cuts if not _OF_NAME_END.search(text[: m.start()])), cuts[0])
    return [text[: chosen.start()].strip(), text[chosen.end() :].strip()]


def en_organisation(name: str) -> str | None:
    """The organisation a name refers to; None for a person without one, or a pronoun."""
    name = _WHEN_OR_WHERE.sub("", " ".join(name.split()).strip(" ,"))
    name = _LEADING.sub("", name)
    name = _LEADING.sub("", name)
    if _GENERIC.match(name) or not _NAME_START.match(name):
        return None
    person_of = _TITLE_PERSON_OF.match(name)
    if person_of:
        return en_organisation(person_of["org"])
    if _TITLE_PERSON.match(name):
        return None
    org_person = _ORG_TITLE_PERSON.match(name)
    if org_person:
        return en_organisation(org_person["org"])
    return name


def first_naming(name: str, text: str) -> str:
    """The name as `text` first writes it in full: "Alibaba" -> "Alibaba Group"."""
    match = re.search(rf"\b{re.escape(name)}\b", text)
    if match is None:
        return name
    suffix = _ORG_SUFFIX.match(text, match.end())
    return name + suffix.group(0) if suffix else name


def zh_subject(text: str) -> list[str]:
    """The parties of a Chinese signing subject: "A与B", "A和B在北京", "A（简称X）和B"."""
    text = _ZH_DATE.sub("", _PARENTHESES.sub("", text)).strip()
    text = _ZH_HEAD.sub("", text)
    if not text or _ZH_SIGNATORIES.search(text):
        return []
    pieces = re.split(r"[与與、]", text) if re.search("[与與]", text) else _split_zh_and(text)
    parties = [zh_party(p) for p in pieces]
    return [p for p in parties if p]


def _split_zh_and(text: str) -> list[str]:
    """Split "A和B" at the 和/同/及 that leaves China Post whole on one side."""
    head, _, last = text.rpartition("、")
    listed = [p for p in head.split("、") if p] if head else []
    cuts = [m.start() for m in re.finditer(r"[和同及]", last)]
    if not cuts:
        return [*listed, last]
    for cut in cuts:
        left, right = last[:cut], last[cut + 1 :]
        if re.fullmatch(r"中国邮政\S*?(?:公司|集团)?", left) or re.match(r"中国邮政", right):
            return [*listed, left, right]
    return [*listed, last[: cuts[0]], last[cuts[0] + 1 :]]


def zh_party(name: str) -> str | None:
    name = _ZH_TAIL.sub("", _ZH_PLACE.sub("", name.strip(" ，,"))).strip()
    name = name.rpartition("的")[2]  # "位于成都的X公司": the description is not the name
    if len(name) < 2 or name in ("双方", "两家", "三方") or _ZH_PEOPLE.search(name):
        return None
    return name
