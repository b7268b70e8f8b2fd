"""English areas from the verb phrases of ``Under the agreement, X will V1 O1, V2 O2 and V3 O3``
(the counterpart of ``根据协议，双方将A、B``), on sentences written here."""

from __future__ import annotations

import pytest

from corpus.extract import extract_agreement

_SIGNED = "China Post and Huaxi Bank signed a strategic cooperation agreement on May 8."


def _areas(*paragraphs: str, published: str = "2023-05-10") -> tuple[str, ...]:
    agreement = extract_agreement(
        "China Post and Huaxi Bank sign agreement", [_SIGNED, *paragraphs], published, "en"
    )
    assert agreement is not None
    return agreement.areas


def test_the_objects_of_the_verbs_are_the_areas() -> None:
    assert _areas(
        "Under the agreement, Huaxi Bank will speed up the construction of parcel lockers in "
        "Xining, improve the quality of its rural delivery, help the county develop rural tourism "
        "and carry out staff training, bringing more jobs to the county."
    ) == ("parcel lockers", "rural delivery", "rural tourism", "staff training")


@pytest.mark.parametrize(
    ("sentence", "areas"),
    [
        # a verb known by the determiner after it; "the N of their M" is "M N"
        (
            "Under the memorandum, the two companies will adjust the structure of their delivery "
            "fleet and scale up cold storage in Harbin.",
            ("delivery fleet structure", "cold storage"),
        ),
        # a causative takes its own object and verb with it, with or without "to"
        (
            "Under the deal, China Post will enable small shops to sell farm produce online and "
            "help develop village e-commerce.",
            ("farm produce online", "village e-commerce"),
        ),
        # adverbs before the verb, a process noun dropped, "and" inside an object kept
        (
            "According to the agreement, the partners will jointly accelerate the development of "
            "cold chain and bonded warehousing, and invest in drone delivery.",
            ("cold chain and bonded warehousing", "drone delivery"),
        ),
        # an amount is not an area; "the use of X" is X
        (
            "Under the agreement, the bank will invest 10 billion yuan in Gansu, promote the use "
            "of mobile payments and open 300 outlets.",
            ("mobile payments",),
        ),
        # nouns after the first verb phrase are more objects of its verb
        (
            "Under the agreement, the two firms will share their trucks, sorting lines and depots.",
            ("trucks", "sorting lines", "depots"),
        ),
    ],
)
def test_verb_phrases_become_noun_phrases(sentence: str, areas: tuple[str, ...]) -> None:
    assert _areas(sentence) == areas


def test_a_following_will_also_sentence_adds_its_objects() -> None:
    assert _areas(
        "Under the agreement, Huaxi Bank will upgrade its sorting centres.",
        "Huaxi Bank will also step up lending to small firms in Gansu.",
        "The bank will also open a branch in Lanzhou.",
        "The chairman spoke at the ceremony.",
        "It will also train couriers.",
    ) == ("sorting centres", "lending to small firms", "branch")


def test_a_will_also_sentence_adds_nothing_to_a_listed_sentence() -> None:
    assert _areas(
        "Under the agreement, the two sides will cooperate in finance and logistics.",
        "They will also build a warehouse.",
    ) == ("finance", "logistics")


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a wish is not the agreement
        ("Under the agreement, the city hopes China Post will build more outlets.",),
        # nor a deal long past
        ("Under their agreement of 2015, China Post will build parcel lockers in Xining.",),
        # nor a passive, or a subject too long to be a party
        ("Under the arrangement, customers will be directed to the nearest post office.",),
        (
            "Under the arrangement, people who buy goods online from the shops will send them "
            "back at post offices.",
        ),
        # a "will also" sentence adds nothing without a verb list before it
        ("China Post will also build parcel lockers in Xining.",),
    ],
)
def test_no_areas_from_wishes_old_deals_or_no_plan(paragraphs: tuple[str, ...]) -> None:
    assert _areas(*paragraphs) == ()


def test_a_hoped_for_will_also_sentence_adds_nothing() -> None:
    assert _areas(
        "Under the agreement, Huaxi Bank will raise the level of its mobile banking.",
        "Huaxi Bank will also open rural branches, the governor hoped.",
    ) == ("mobile banking",)
