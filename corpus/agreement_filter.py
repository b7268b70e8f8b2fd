"""Choosing agreements by year and by words: the filter `/agreements` and `/timeline` take.

A filter is what a person types after the command: ``2024`` (signed or published that
year), ``2019-2021``, ``e-commerce``, ``江苏``, ``bank``. Every word must be found in the
agreement's parties, kind, areas, title or the body of an article reporting it (case, width,
hyphens and Traditional or Simplified characters aside); a word that names a kind of
partner ("bank", "ministry", "银行", "政府") is also met by a partner of that kind. Several
years are alternatives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from corpus.agreements import AgreementEntry
from corpus.model import Article
from corpus.partners import PartnerKind, describe_partner
from corpus.text import to_simplified

__all__ = ["KIND_WORDS", "AgreementFilter", "AgreementSearch", "filter_agreements"]

# Words (and phrases) that name a kind of partner.
KIND_WORDS: dict[str, PartnerKind] = {
    **dict.fromkeys(
        (
            "government",
            "governments",
            "local government",
            "local governments",
            "province",
            "provinces",
            "provincial",
            "city",
            "cities",
            "municipal",
            "政府",
            "地方政府",
            "省政府",
            "市政府",
            "省",
            "市",
        ),
        PartnerKind.GOVERNMENT,
    ),
    **dict.fromkeys(
        ("ministry", "ministries", "national body", "national bodies", "部委", "部"),
        PartnerKind.MINISTRY,
    ),
    **dict.fromkeys(
        (
            "company",
            "companies",
            "business",
            "businesses",
            "enterprise",
            "enterprises",
            "公司",
            "企业",
            "企業",
        ),
        PartnerKind.COMPANY,
    ),
    **dict.fromkeys(("bank", "banks", "银行", "銀行"), PartnerKind.BANK),
    **dict.fromkeys(
        (
            "postal operator",
            "postal operators",
            "foreign post",
            "foreign posts",
            "foreign postal operator",
            "foreign postal operators",
            "外国邮政",
            "外國郵政",
            "境外邮政",
            "邮政运营商",
        ),
        PartnerKind.POSTAL_OPERATOR,
    ),
}

# "2024", "2024年", "2019-2021", "2019年至2021年", also inside Chinese text ("2024年江苏").
_YEARS = re.compile(
    r"(?<![0-9a-z])(?P<first>(?:19|20)\d\d)\s*年?"
    r"(?:\s*[-–~至到]\s*(?P<last>(?:19|20)\d\d)\s*年?)?(?![0-9a-z])"
)
_SEPARATORS = re.compile(r"[\s,，、;；]+")
_HYPHENS = re.compile(r"[-‐‑‒–—]")
_PHRASES = sorted((w for w in KIND_WORDS if " " in w), key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class _Term:
    word: str  # normalised, as searched for in an agreement's text
    kind: PartnerKind | None  # the kind of partner the word names, if it names one


@dataclass(frozen=True, slots=True)
class AgreementFilter:
    """Which agreements to show: `years` (any of them) and `terms` (all of them)."""

    text: str = ""  # the filter as the person gave it, spaces collapsed
    years: frozenset[int] = frozenset()
    terms: tuple[_Term, ...] = field(default=())

    @classmethod
    def parse(cls, text: str) -> AgreementFilter:
        """The filter a person typed: years, kind words and other words, in any order.

        Args:
            text: e.g. "2024", "e-commerce bank", "江苏 2026", "2019-2021"; "" keeps all.

        Returns:
            The filter; its `text` is `text` with its spaces collapsed.
        """
        text = " ".join(text.split())
        # Hyphens are dropped word by word, after years ("2019-2021") are read.
        rest = unicodedata.normalize("NFKC", text).casefold()
        terms = []
        for phrase in _PHRASES:
            pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
            if re.search(pattern, rest):
                rest = re.sub(pattern, " ", rest)
                terms.append(_Term(phrase, KIND_WORDS[phrase]))
        years: set[int] = set()
        for span in _YEARS.finditer(rest):
            first = int(span["first"])
            last = int(span["last"] or first)
            years.update(range(min(first, last), max(first, last) + 1))
        for word in _SEPARATORS.split(_YEARS.sub(" ", rest)):
            if _normalised(word):
                normalised = _normalised(word)
                terms.append(_Term(normalised, KIND_WORDS.get(normalised)))
        return cls(text=text, years=frozenset(years), terms=tuple(terms))

    @classmethod
    def from_options(cls, year: int | None = None, search: str | None = None) -> AgreementFilter:
        """The filter of the command line's `--year` and `--search` options."""
        text = " ".join(part for part in (str(year) if year else "", search or "") if part)
        chosen = cls.parse(search or "")
        if year is None:
            return chosen
        return cls(text=" ".join(text.split()), years=frozenset({year}), terms=chosen.terms)

    @property
    def is_empty(self) -> bool:
        """Whether the filter keeps every agreement."""
        return not self.years and not self.terms

    def matches(self, entry: AgreementEntry, text: str, kind: PartnerKind | None) -> bool:
        """Whether `entry` passes, given its normalised searchable text and its partner's kind."""
        if self.years and not self.years & _years_of(entry):
            return False
        return all(term.word in text or (term.kind and term.kind is kind) for term in self.terms)


class AgreementSearch:
    """A corpus's agreements with the text each is searched by, made once and reused."""

    def __init__(self, entries: Sequence[AgreementEntry], articles: Iterable[Article]) -> None:
        self.entries = list(entries)
        bodies = {a.id: a.paragraphs for a in articles}
        self._texts = [
            _searchable(e, [p for r in e.reports() for p in bodies.get(r.article_id, ())])
            for e in self.entries
        ]
        self._kinds = [_kind_of(e) for e in self.entries]

    def select(self, chosen: AgreementFilter) -> list[AgreementEntry]:
        """The entries `chosen` keeps, in their list order (newest first), numbers unchanged."""
        if chosen.is_empty:
            return list(self.entries)
        return [
            entry
            for entry, text, kind in zip(self.entries, self._texts, self._kinds, strict=True)
            if chosen.matches(entry, text, kind)
        ]


def filter_agreements(
    entries: Sequence[AgreementEntry], articles: Iterable[Article], text: str
) -> list[AgreementEntry]:
    """The entries that the filter `text` keeps (see the module's docstring).

    Args:
        entries: the agreement list, as `list_agreements` makes it.
        articles: the corpus's articles, whose bodies are searched too.
        text: the filter as a person typed it; "" keeps every entry.

    Returns:
        The kept entries in list order, with their numbers unchanged.
    """
    return AgreementSearch(entries, articles).select(AgreementFilter.parse(text))


def _years_of(entry: AgreementEntry) -> set[int]:
    years = {int(entry.published[:4])}
    if entry.signed_on:
        years.add(int(entry.signed_on[:4]))
    return years


def _kind_of(entry: AgreementEntry) -> PartnerKind | None:
    partner = describe_partner(entry.parties)
    return partner.kind if partner else None


def _searchable(entry: AgreementEntry, paragraphs: Sequence[str]) -> str:
    parts = [*entry.parties, entry.kind, *entry.areas, entry.title, *paragraphs]
    return "\n".join(_normalised(part) for part in parts)


def _normalised(text: str) -> str:
    """Casefolded NFKC without hyphens, Chinese Simplified: "E-Commerce" -> "ecommerce"."""
    return to_simplified(_HYPHENS.sub("", unicodedata.normalize("NFKC", text).casefold()))
