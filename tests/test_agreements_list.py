"""list_agreements: one entry per agreement, citing every article that reports it."""

from __future__ import annotations

from bot import render
from bot.cli.agreements import format_table
from corpus.agreements import list_agreements
from corpus.model import Agreement, Article


def _article(id_: str, published: str, parties: tuple[str, ...], signed_on: str | None) -> Article:
    return Article(
        id=id_,
        title=f"Title of {id_}",
        source=f"Source of {id_}",
        published=published,
        lang="en",
        paragraphs=("Body.",),
        origin=f"{id_}.txt",
        agreement=Agreement(parties, "cooperation agreement", signed_on, ("finance",)),
    )


WIRE = _article(
    "wire", "2019-11-27", ("Postal Savings Bank of China", "Ant Financial"), "2019-11-27"
)
DAILY = _article(
    "daily", "2019-11-28", ("Postal Savings Bank of China", "ant  financial"), "2019-11-27"
)
OTHER = _article("other", "2020-01-01", ("China Post", "Huaxi"), "2019-12-30")


def test_two_articles_on_one_agreement_are_one_entry_citing_both() -> None:
    entries = list_agreements([WIRE, OTHER, DAILY])
    assert [e.article_id for e in entries] == ["other", "daily"]
    assert [e.number for e in entries] == [1, 2]
    assert [r.article_id for r in entries[1].reports()] == ["daily", "wire"]
    assert entries[1].to_json()["articles"][1] == {
        "article_id": "wire",
        "title": "Title of wire",
        "source": "Source of wire",
        "published": "2019-11-27",
    }


def test_china_posts_side_may_be_named_differently() -> None:
    short = _article("short", "2020-01-02", ("China Post Group Co., Ltd.", "Huaxi"), "2019-12-30")
    assert len(list_agreements([OTHER, short])) == 1
    partner = _article("partner", "2020-01-02", ("China Post", "Huaxi Bank"), "2019-12-30")
    assert len(list_agreements([OTHER, partner])) == 2


def test_agreements_without_a_full_date_are_never_merged() -> None:
    first = _article("a", "2023-01-01", ("China Post", "Huaxi"), None)
    second = _article("b", "2024-01-01", ("China Post", "Huaxi"), None)
    month = _article("c", "2024-02-01", ("China Post", "Huaxi"), "2023-12")
    again = _article("d", "2024-02-02", ("China Post", "Huaxi"), "2023-12")
    assert len(list_agreements([first, second, month, again])) == 4


def test_the_same_parties_on_another_day_are_another_agreement() -> None:
    later = _article("later", "2021-11-27", WIRE.agreement.parties, "2021-11-27")  # type: ignore[union-attr]
    assert len(list_agreements([WIRE, later])) == 2


def test_details_and_table_name_every_reporting_article() -> None:
    (entry,) = list_agreements([WIRE, DAILY])
    details = render.agreement_details(entry, "en")
    assert "<i>Title of daily</i> (Source of daily, 2019-11-28)" in details
    assert "<i>Title of wire</i> (Source of wire, 2019-11-27)" in details
    assert "articles: daily, wire" in format_table([entry])


def test_a_single_article_keeps_the_single_article_line() -> None:
    (entry,) = list_agreements([OTHER])
    assert "Article: <i>Title of other</i>" in render.agreement_details(entry, "en")
    assert "article: other" in format_table([entry])
