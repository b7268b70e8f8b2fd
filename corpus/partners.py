"""Who an agreement is with: China Post's side, the partner, its kind and a short name.

Read from general signals of a name, in English and Chinese (Simplified and Traditional):
a government says so (``Municipal Government``, 人民政府, 省政府) or is a bare province; a
ministry or national body is headed by ``Ministry``, ``Bureau``, ``Federation``, 部, 局, 总社;
a bank says ``Bank`` or 银行; another country's postal operator says ``Post``, ``Pochta`` or 邮政;
a company carries a legal form (``Co., Ltd.``, ``Group``, 公司, 集团). A name with none of
these is taken as a company: China Post's other partners are mostly businesses known by a
brand (China Railway, Ant Financial, JD Digits).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from corpus.text import HAN

__all__ = [
    "Partner",
    "PartnerKind",
    "describe_partner",
    "is_china_post",
    "partner_kind",
    "partner_of",
    "short_name",
]


class PartnerKind(StrEnum):
    """The kinds of partner, in the order a picture or a list shows them."""

    GOVERNMENT = "government"  # a provincial or city government
    MINISTRY = "ministry"  # a ministry or another national body or federation
    COMPANY = "company"
    BANK = "bank"
    POSTAL_OPERATOR = "postal operator"  # another country's (or region's) post
    OTHER = "other"  # universities, associations, international organisations, ...


@dataclass(frozen=True, slots=True)
class Partner:
    """The party China Post signed with: its name as the article gives it, kind and label."""

    name: str
    kind: PartnerKind
    short: str


_I = re.IGNORECASE
_CHINA_POST_SIDE = (
    re.compile(r"^(?:the\s+)?(?:china\s+post(?:al)?|postal\s+savings\s+bank\s+of\s+china)\b", _I),
    re.compile(r"^(?:the\s+)?(?:psbc|(?:china\s+post\s+)?ems)\b", _I),
    re.compile(r"\b(?:branch|subsidiary)\s+of\s+(?:the\s+)?china\s+post\b", _I),
    re.compile(r"^(?:中国|中國)(?:邮政|郵政)|^(?:中邮|中郵|邮储|郵儲)|^(?:邮政|郵政)(?:储蓄|儲蓄)"),
    re.compile(r"(?:邮政|郵政)(?:分公司)$"),
)

# The legal form at the end of a company's name; "Group" and 集团 count as one.
_EN_LEGAL_FORM = re.compile(
    r"(?:[\s,]+|^)(?:co\.?,?\s*ltd\.?|co\.|company|corporation|corp\.?|inc\.?|incorporated"
    r"|limited|ltd\.?|llc|plc|gmbh|ag|jsc|s\.a\.|group|holdings?)$",
    _I,
)
_ZH_LEGAL_FORM = re.compile(
    r"(?:股份有限公司|有限责任公司|有限責任公司|有限公司|总公司|總公司|公司|集团|集團|控股)$"
)
# Words that only say what line of business a company is in: dropped from its label
# while two words of its name remain ("Qiaomu Cold Chain Logistics" -> "Qiaomu Cold Chain").
_EN_TRADE_WORDS = re.compile(
    r"\s+(?:supply\s+chain|management|technology|technologies"
    r"|logistics|pharmaceuticals?|industrial|industry|international|development|investment"
    r"|trading|services|enterprises?)$",
    _I,
)

_CITY = r"(?:(?<!超)市(?![场場]))"  # 市 as in 天津市, not 超市 (supermarket) or 市场 (market)
_RULES: tuple[tuple[PartnerKind, re.Pattern[str]], ...] = (
    (PartnerKind.BANK, re.compile(r"\bbank(?:ing)?\b|银行|銀行", _I)),
    # A government, or one of its organs named with its province or city.
    (PartnerKind.GOVERNMENT, re.compile(r"\bgovernment\b|\bparty\s+committee\b", _I)),
    (
        PartnerKind.GOVERNMENT,
        re.compile(
            r"\b(?:provincial|municipal|prefectural|county)\s+"
            r"(?:department|bureau|commission|office|administration)\b",
            _I,
        ),
    ),
    (PartnerKind.GOVERNMENT, re.compile(r"^(?:the\s+)?(?:city|province|municipality) of\b", _I)),
    (PartnerKind.GOVERNMENT, re.compile(r"政府$|(?:省|市|县|縣|区|區|州)委$|[厅廳]$")),
    (
        PartnerKind.GOVERNMENT,
        re.compile(rf"(?:省|{_CITY}|县|縣).*(?:局|委|委员会|委員會|办公室|辦公室|管委会|管委會)$"),
    ),
    # A ministry or national body, by the word that heads its name.
    (PartnerKind.MINISTRY, re.compile(r"^(?:the\s+)?(?:ministry|department)\b", _I)),
    (
        PartnerKind.MINISTRY,
        re.compile(
            r"\b(?:ministry|administration|bureau|commission|federation|council|agency)"
            r"(?:\s+of\b|$)",
            _I,
        ),
    ),
    (
        PartnerKind.MINISTRY,
        re.compile(
            r"(?:部|局|委|委员会|委員會|署|总社|總社|联合会|聯合會|办公室|辦公室|总局|總局)$"
        ),
    ),
    # Other bodies that are neither business nor state.
    (
        PartnerKind.OTHER,
        re.compile(
            r"\b(?:union|united nations|university|college|association|institute|academy"
            r"|hospital|foundation|school|chamber of commerce)\b"
            r"|联盟|聯盟|大学|大學|学院|學院|协会|協會|研究院|研究所|医院|醫院|基金会|基金會|学校|學校|商会|商會",
            _I,
        ),
    ),
    (
        PartnerKind.POSTAL_OPERATOR,
        re.compile(
            r"post(?:e|a|s|al|i|en|nl|nord)?\b|po[cs]h?t[ae]|poczta|\bcorreios?\b|\bcorreos\b"
            r"|\broyal\s+mail\b|邮政|郵政|邮局|郵局",
            _I,
        ),
    ),
    (PartnerKind.COMPANY, _EN_LEGAL_FORM),
    (PartnerKind.COMPANY, re.compile(r"公司|集团|集團|企业|企業|股份|控股")),
    (
        PartnerKind.GOVERNMENT,
        re.compile(r"\b(?:province|municipality|prefecture|county|city|autonomous\s+region)$", _I),
    ),
    (PartnerKind.GOVERNMENT, re.compile(rf"(?:省|{_CITY}|县|縣|区|區|自治州|盟)$")),
)

_EN_GOVERNMENT_HEAD = re.compile(r"^(?:the\s+)?(?:people's\s+)?government\s+of\s+(?:the\s+)?", _I)
_EN_GOVERNMENT_TAIL = re.compile(
    r"\s+(?:(?:provincial|municipal|city|county|prefectural|regional|district)\s+)?"
    r"(?:people's\s+)?government$",
    _I,
)
_EN_PLACE_TAIL = re.compile(r"\s+(?:province|municipality|city|county|prefecture)$", _I)
_ZH_GOVERNMENT_TAIL = re.compile(r"(?:人民)?政府$")
_ZH_PLACE_TAIL = re.compile(
    rf"(?:[{HAN}]{{0,3}}自治[区區]|特别行政区|特別行政區|省|{_CITY}|县|縣|区|區)$"
)
_EN_MINISTRY_HEAD = re.compile(
    r"^(?:the\s+)?(?:all-china\s+|national\s+|state\s+)?"
    r"(?:ministry|federation|general\s+administration|administration|commission|council)"
    r"\s+of\s+(?:the\s+)?",
    _I,
)
_EN_LOCAL_WORD = re.compile(r"\s+(?:provincial|municipal)\s+", _I)
_ZH_STATE_PREFIX = re.compile(r"^(?:中华人民共和国|中華人民共和國|中华全国|中華全國)")
_EN_LEADING_THE = re.compile(r"^the\s+", _I)

MAX_LABEL_WIDTH = 34  # columns; a CJK character takes two


def is_china_post(name: str) -> bool:
    """Whether `name` is China Post's side of an agreement.

    China Post itself, its group company, its provincial branches and its subsidiaries:
    Postal Savings Bank of China (PSBC), China Post Life, China Postal Express & Logistics
    (EMS), in English or Chinese (中国邮政…, 中國郵政…, 邮储银行, 中邮人寿).
    """
    name = name.strip()
    return any(pattern.search(name) for pattern in _CHINA_POST_SIDE)


def partner_of(parties: Sequence[str]) -> str | None:
    """The first party that is not on China Post's side; None when every party is.

    Args:
        parties: an agreement's parties, as extracted.

    Returns:
        The partner's name as given, or None.
    """
    return next((p for p in parties if not is_china_post(p)), None)


def partner_kind(name: str) -> PartnerKind:
    """The kind of body `name` is, by the first signal found (see the module's docstring).

    Args:
        name: a party's name in English or Chinese.

    Returns:
        Its kind; `PartnerKind.COMPANY` when nothing else is signalled.
    """
    name = _EN_LEADING_THE.sub("", name.strip())
    if name.casefold() in _provinces():
        return PartnerKind.GOVERNMENT
    for kind, pattern in _RULES:
        if pattern.search(name):
            return kind
    return PartnerKind.COMPANY


def short_name(name: str) -> str:
    """A label for `name` of at most `MAX_LABEL_WIDTH` columns.

    Governments lose "Municipal Government", 省人民政府 and the like ("Dalian Municipal
    Government" -> "Dalian", 天津市人民政府 -> 天津); companies lose their legal form and,
    while two words remain, trade words ("Qiaomu Cold Chain Logistics Co., Ltd." -> "Qiaomu
    Cold Chain", 浙江吉利控股集團有限公司 -> 浙江吉利); ministries lose "Ministry of" and
    中华全国. Anything still too long is cut at a word and ends in "…".

    Args:
        name: a party's name in English or Chinese.

    Returns:
        The label; never empty for a non-empty name.
    """
    name = " ".join(_EN_LEADING_THE.sub("", name.strip()).split())
    kind = partner_kind(name)
    if kind is PartnerKind.GOVERNMENT:
        short = _government_label(name)
    elif kind is PartnerKind.MINISTRY:
        short = _ZH_STATE_PREFIX.sub("", _EN_MINISTRY_HEAD.sub("", name)) or name
    else:
        short = _without_legal_form(name)
        if kind is PartnerKind.COMPANY:
            short = _without_trade_words(short)
    return _fit(short or name, MAX_LABEL_WIDTH)


def describe_partner(parties: Sequence[str]) -> Partner | None:
    """The partner of an agreement with `parties`, its kind and label; None if it has none."""
    name = partner_of(parties)
    if name is None:
        return None
    return Partner(name=name, kind=partner_kind(name), short=short_name(name))


def _government_label(name: str) -> str:
    english = _EN_GOVERNMENT_TAIL.sub("", _EN_GOVERNMENT_HEAD.sub("", name))
    english = _EN_PLACE_TAIL.sub("", english)
    if english == name:
        english = _EN_LOCAL_WORD.sub(" ", name)
    if english != name:
        return english
    chinese = _ZH_GOVERNMENT_TAIL.sub("", name)
    province = next((p for p in _longest_first(_provinces()) if chinese.startswith(p)), None)
    if province is not None and _ZH_PLACE_TAIL.fullmatch(chinese[len(province) :]):
        return chinese[: len(province)]
    return _ZH_PLACE_TAIL.sub("", chinese) or chinese


def _without_legal_form(name: str) -> str:
    while True:
        shorter = _EN_LEGAL_FORM.sub("", name).rstrip(" ,")
        shorter = _ZH_LEGAL_FORM.sub("", shorter)
        if not shorter or shorter == name:
            return name
        name = shorter


def _without_trade_words(name: str) -> str:
    while True:
        shorter = _EN_TRADE_WORDS.sub("", name)
        if shorter == name or len(shorter.split()) < 2:
            return name
        name = shorter


def _fit(label: str, width: int) -> str:
    if _width(label) <= width:
        return label
    cut = ""
    for char in label:
        if _width(cut + char) > width - 1:
            break
        cut += char
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,-&") + "…"


def _longest_first(names: frozenset[str]) -> list[str]:
    return sorted(names, key=len, reverse=True)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@cache
def _provinces() -> frozenset[str]:
    """China's provincial-level divisions by name, English (casefolded) and Chinese."""
    text = resources.files("corpus").joinpath("data/provinces.tsv").read_text("utf-8")
    names = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            names.update(cell.strip().casefold() for cell in line.split("\t") if cell.strip())
    return frozenset(names)
