"""Tests for corpus.agreement_filter: the filter /agreements, /timeline and the CLI take."""

from __future__ import annotations

import pytest
from agreement_records import MIXED_CORPUS

from corpus.agreement_filter import AgreementFilter, AgreementSearch, filter_agreements
from corpus.agreements import list_agreements

ENTRIES = list_agreements(MIXED_CORPUS)


def _ids(text: str) -> set[str]:
    return {e.article_id for e in filter_agreements(ENTRIES, MIXED_CORPUS, text)}


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("2019", {"dalian", "ant", "icbc"}),
        ("2019年", {"dalian", "ant", "icbc"}),
        ("2025-2026", {"geely", "jiangsu"}),
        ("江苏", {"jiangsu"}),
        ("Dalian", {"dalian"}),
        ("e-commerce", {"dalian", "veldrana"}),
        ("ECOMMERCE", {"dalian", "veldrana"}),
        ("跨境电商", {"jiangsu"}),
        ("mobile payments", {"ant"}),
        ("settlement", {"icbc"}),
        ("memorandum", {"veldrana"}),
        ("吉利", {"geely"}),
        ("江蘇", {"jiangsu"}),  # Traditional finds Simplified
        ("汽车物流", {"geely"}),  # Simplified finds Traditional
    ],
)
def test_filter_by_year_and_text(text: str, ids: set[str]) -> None:
    assert _ids(text) == ids


def test_filter_year_counts_the_signing_year_too() -> None:
    # Industrial Bank's agreement was signed in December 2018 and published in January 2019.
    assert _ids("2018") == {"icbc"}


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("bank", {"icbc", "ant"}),  # Industrial Bank by kind; PSBC's agreement by its text
        ("银行", {"icbc"}),
        ("ministry", {"farming"}),
        ("government", {"dalian", "jiangsu"}),
        ("政府", {"dalian", "jiangsu"}),
        ("postal operators", {"veldrana"}),
        ("company", {"geely", "ant"}),
        ("企业", {"geely", "ant"}),
    ],
)
def test_filter_kind_words_match_partner_kind(text: str, ids: set[str]) -> None:
    assert _ids(text) == ids


def test_filter_every_word_must_match() -> None:
    assert _ids("2019 e-commerce") == {"dalian"}
    assert _ids("cross-border e-commerce") == {"dalian"}
    assert _ids("government 2026") == {"jiangsu"}
    assert _ids("bank 2026") == set()


def test_filter_nothing_matches_gives_empty_list() -> None:
    assert _ids("Hubei") == set()


def test_filter_empty_keeps_all_in_order_with_numbers() -> None:
    kept = filter_agreements(ENTRIES, MIXED_CORPUS, "   ")
    assert kept == ENTRIES


def test_filter_keeps_list_numbers() -> None:
    kept = filter_agreements(ENTRIES, MIXED_CORPUS, "2019")
    assert [e.number for e in kept] == [
        e.number for e in ENTRIES if e.article_id in {"dalian", "ant", "icbc"}
    ]
    assert kept[-1].number == len(ENTRIES)


def test_parse_reads_years_kinds_and_words() -> None:
    chosen = AgreementFilter.parse("Cross-border  2019-2021 foreign posts")
    assert chosen.text == "Cross-border 2019-2021 foreign posts"
    assert chosen.years == {2019, 2020, 2021}
    assert [t.word for t in chosen.terms] == ["foreign posts", "crossborder"]
    assert not chosen.is_empty
    assert AgreementFilter.parse("").is_empty


def test_from_options_combines_year_and_search() -> None:
    chosen = AgreementFilter.from_options(2019, "e-commerce")
    assert chosen.years == {2019}
    assert chosen.text == "2019 e-commerce"
    assert AgreementSearch(ENTRIES, MIXED_CORPUS).select(chosen) == [
        e for e in ENTRIES if e.article_id == "dalian"
    ]
    assert AgreementFilter.from_options().is_empty
