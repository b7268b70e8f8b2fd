"""The agreement rules issue 9 added, on sentences written here (the fixture pages are scored
in test_fixture_agreements.py)."""

from __future__ import annotations

import pytest

from corpus.extract import extract_agreement


def _en(title: str, *paragraphs: str, published: str = "2023-05-10"):
    return extract_agreement(title, paragraphs, published, "en")


def _zh(title: str, *paragraphs: str, published: str = "2023-05-10", lang: str = "zh"):
    return extract_agreement(title, paragraphs, published, lang)


def test_several_chinese_deals_are_no_one_agreement() -> None:
    assert _zh("回顾", "中国邮政与多家企业签署了多项合作协议。") is None
    one = _zh("合作", "近日，中国邮政与某公司签署了一份合作协议。")
    assert one is not None
    assert one.kind == "合作协议"


def test_china_posts_companies_go_first_in_chinese_too() -> None:
    agreement = _zh(
        "合作",
        "7月1日，某健康科技有限公司与中邮人寿保险股份有限公司在京签署合作协议。",
        published="2023-07-03",
    )
    assert agreement is not None
    assert agreement.parties == ("中邮人寿保险股份有限公司", "某健康科技有限公司")
    bank = _zh("合作", "近日，某科技公司与邮储银行签署全面战略合作协议。")
    assert bank is not None
    assert bank.parties == ("邮储银行", "某科技公司")


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        (
            "On May 8 in Hefei, China Post Vice President Wang Lin signed a cooperation "
            "agreement with Anhui Energy Deputy General-Manager Zhao Qi.",
            ("China Post", "Anhui Energy"),
        ),
        (
            "Deputy General-Manager Wang Lin of China Post Group and Chairman Zhao Qi of Huaxi "
            "Foods signed the agreement on behalf of the two sides on May 8.",
            ("China Post Group", "Huaxi Foods"),
        ),
        (
            "Huaxi Foods Co., Ltd., a snack maker based in Chengdu, Sichuan province, and China "
            "Post Group signed a cooperation agreement on May 8.",
            ("China Post Group", "Huaxi Foods Co., Ltd."),
        ),
        (
            "Bank of Huaxi (BHX) 1234.HK, the largest lender in the west, signed a cooperation "
            "agreement with Postal Savings Bank of China on Monday, the bank said.",
            ("Postal Savings Bank of China", "Bank of Huaxi"),
        ),
        (
            "On May 8, China Post and Huaxi Foods held talks in Chengdu and signed a cooperation "
            "agreement.",
            ("China Post", "Huaxi Foods"),
        ),
        (
            "The agreement was signed by Wang Lin, Chairman of China Post, and Zhao Qi, Director "
            "General of the Huaxi Foods Group, on May 8.",
            ("China Post", "Huaxi Foods Group"),
        ),
        (
            "Parcels will go further under a cooperation agreement signed on May 8 by China "
            "Postal Express & Logistics Co., Ltd. and Huaxi Foods Co., Ltd.",
            ("China Postal Express & Logistics Co., Ltd.", "Huaxi Foods Co., Ltd."),
        ),
    ],
)
def test_parties_are_organisations_not_people(sentence: str, parties: tuple[str, ...]) -> None:
    agreement = _en("Partners meet", sentence)
    assert agreement is not None
    assert agreement.parties == parties


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The agreement was signed by China Post and Huaxi Foods on May 8.", "agreement"),
        (
            "China Post and Huaxi Foods have signed a framework agreement on cooperation.",
            "cooperation framework agreement",
        ),
        ("China Post and Huaxi Foods inked a pact on May 8.", "pact"),
        (
            "China Post and Huaxi Foods (HXF) on Tuesday signed a cooperation agreement.",
            "cooperation agreement",
        ),
        (
            "The supply agreement between China Post and Huaxi Foods was signed on May 8.",
            "supply agreement",
        ),
    ],
)
def test_other_signing_wordings(sentence: str, kind: str) -> None:
    agreement = _en("Partners meet", sentence)
    assert agreement is not None
    assert (agreement.parties, agreement.kind) == (("China Post", "Huaxi Foods"), kind)


def test_the_two_sides_are_the_organisations_the_page_introduced() -> None:
    agreement = _en(
        "Partners meet in Hefei",
        "Leaders of Huaxi Foods Co., Ltd. (hereinafter referred to as Huaxi) and China Post "
        "Group Corporation Limited (hereinafter referred to as China Post) met on May 8. At "
        "the meeting, they witnessed the signing of a cooperation agreement between the two "
        "parties.",
    )
    assert agreement is not None
    assert agreement.parties == ("China Post Group Corporation Limited", "Huaxi Foods Co., Ltd.")
    assert agreement.signed_on == "2023-05-08"  # the meeting's date, earlier in the paragraph


def test_a_bare_deal_is_named_as_the_page_names_it_later() -> None:
    agreement = _en(
        "Partners team up",
        "Wang Lin, general manager of China Post, and Zhao Qi, Huaxi's founder, signed a deal "
        "on Thursday. Under the framework deal, the two sides will share warehouses.",
        published="2023-05-12",  # a Friday
    )
    assert agreement is not None
    assert agreement.parties == ("China Post", "Huaxi")
    assert agreement.kind == "framework deal"
    assert agreement.signed_on == "2023-05-11"


@pytest.mark.parametrize(
    ("sentence", "published", "signed_on"),
    [
        ("China Post and Huaxi signed an agreement on Monday.", "2021-03-03", "2021-03-01"),
        ("China Post and Huaxi signed an agreement today.", "2022-04-28", "2022-04-28"),
        ("China Post and Huaxi signed an agreement last December.", "2025-01-10", "2024-12"),
        ("China Post and Huaxi signed an agreement on December 28.", "2024-01-05", "2023-12-28"),
        (
            "China Post and Huaxi signed an agreement on December 28 last year.",
            "2024-01-05",
            "2023-12-28",
        ),
        (
            "BEIJING, Nov 27 (Reuters) - China Post signed an agreement with Huaxi on Monday.",
            "2019-11-27",
            "2019-11-25",
        ),
        (
            "On June 28, Han Jun, governor of Huaxi, witnessed the signing of an agreement "
            "between China Post and Huaxi.",
            "2022-06-29",
            "2022-06-28",
        ),
    ],
)
def test_relative_and_partial_signing_dates(sentence: str, published: str, signed_on: str) -> None:
    agreement = _en("Partners", sentence, published=published)
    assert agreement is not None
    assert agreement.signed_on == signed_on


@pytest.mark.parametrize(
    "body",
    [
        "The two groups first signed a strategic cooperation agreement in 2009, when Huaxi listed.",
        "China Post and the Huaxi government signed a cooperation agreement in February 2019. "
        "Huaxi Foods and China Post signed a further agreement in June 2022.",
        "China Post and Huaxi Foods signed a cooperation agreement five years ago.",
        "China Post has signed cooperation agreements with Huaxi Foods, Lanshan Bank and Qiao "
        "Logistics.",
    ],
)
def test_deals_from_years_ago_are_no_new_agreement(body: str) -> None:
    assert _en("China Post and Huaxi discuss cooperation", body, published="2024-07-16") is None


def test_english_areas_keep_and_inside_items_after_an_oxford_comma() -> None:
    agreement = _en(
        "China Post and Huaxi sign agreement",
        "Under the agreement, the two sides will join hands in cold chain delivery, storage and "
        "handling of medicines, and staff training and exchanges.",
        "They will also extend their cooperation to rural finance.",
    )
    assert agreement is not None
    assert agreement.areas == (
        "cold chain delivery",
        "storage and handling of medicines",
        "staff training and exchanges",
        "rural finance",
    )


def test_areas_of_a_deal_long_past_are_not_the_new_ones() -> None:
    agreement = _en(
        "China Post and Huaxi renew agreement",
        "Under their agreement of 2018, the two sides will cooperate in parcel lockers, tea and "
        "tourism.",
        "China Post and Huaxi signed a new agreement on May 8.",
        "They will cooperate in rural finance, cold chain and e-commerce.",
    )
    assert agreement is not None
    assert agreement.areas == ("rural finance", "cold chain", "e-commerce")


def test_hoped_for_areas_are_not_the_agreements() -> None:
    agreement = _zh(
        "中国邮政与某市人民政府签署战略合作协议",
        "6月6日，某市人民政府和中国邮政集团有限公司签订战略合作协议。",
        "市长希望双方在港口物流、文化旅游等领域拓展合作。",
        published="2023-06-08",
    )
    assert agreement is not None
    assert agreement.parties == ("中国邮政集团有限公司", "某市人民政府")
    assert agreement.areas == ()


def test_chinese_subject_loses_dates_places_and_aliases() -> None:
    agreement = _zh(
        "中国邮政与某汽车集团签署框架协议",
        "某汽车集团股份有限公司（简称某汽车）和中国邮政集团公司12月9日下午在上海签署战略合作框架协议。",
        "按照协议，双方将携手推进整车采购、提升快递服务能力，并共同开拓市场。",
        published="2020-01-06",
    )
    assert agreement is not None
    assert agreement.parties == ("中国邮政集团公司", "某汽车集团股份有限公司")
    assert agreement.kind == "战略合作框架协议"
    assert agreement.signed_on == "2019-12-09"
    assert agreement.areas == ("推进整车采购", "提升快递服务能力")


def test_same_day_takes_the_date_before_it() -> None:
    agreement = _zh(
        "会见",
        "2月4日，某省领导会见中国邮政一行。同日，中国邮政集团有限公司与某省政府签署战略合作协议。",
        published="2026-02-09",
    )
    assert agreement is not None
    assert agreement.signed_on == "2026-02-04"


def test_traditional_chinese_is_quoted_as_written() -> None:
    agreement = _zh(
        "郵政集團與某市政府簽署協議",
        "3月28日，中國郵政集團有限公司與某市人民政府簽署戰略合作框架協議。根據協議，雙方將在金融、快遞物流等領域開展合作。",
        published="2025-03-31",
        lang="zh-Hant",
    )
    assert agreement is not None
    assert agreement.parties == ("中國郵政集團有限公司", "某市人民政府")
    assert agreement.kind == "戰略合作框架協議"
    assert agreement.areas == ("金融", "快遞物流")
    assert agreement.signed_on == "2025-03-28"
