"""Agreement extraction rules, on the shipped pages and on titles and sentences written here."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from corpus.build import build_corpus
from corpus.extract import extract_agreement
from corpus.model import Article

_RAW = Path(__file__).parents[1] / "corpus" / "raw"


def _en(title: str, *paragraphs: str, published: str = "2023-05-10"):
    return extract_agreement(title, paragraphs, published, "en")


def _zh(title: str, *paragraphs: str, published: str = "2023-05-10"):
    return extract_agreement(title, paragraphs, published, "zh")


@cache
def _shipped() -> tuple[Article, ...]:
    return build_corpus([_RAW], progress=False).articles


def test_shipped_jilin_agreement_matches_the_issue() -> None:
    jilin = next(a for a in _shipped() if "Jilin" in a.title)
    assert jilin.agreement is not None
    # The page first names China Post in full, with the alias "China Post Group" after it.
    assert jilin.agreement.parties == (
        "China Post Group Corporation Limited",
        "Jilin provincial government",
    )
    assert jilin.agreement.kind == "cooperation framework agreement"
    assert jilin.agreement.signed_on == "2022-06-28"
    assert jilin.agreement.areas == (
        "financial services",
        "e-commerce and express",
        "accessible public services",
        "cultural industry construction",
    )


def test_shipped_ministry_agreement_matches_the_issue() -> None:
    mara = next(a for a in _shipped() if "Ministry" in a.title)
    assert mara.agreement is not None
    assert mara.agreement.parties == (
        "China Post Group Corporation Limited",
        "Ministry of Agriculture and Rural Affairs",
    )
    assert mara.agreement.kind == "strategic cooperation agreement"
    assert mara.agreement.signed_on is None
    assert mara.agreement.areas == (
        "agricultural products circulation",
        "rural consumption",
        "rural public services supply",
        "smart agriculture construction",
        "growth of new types of agribusiness entities",
        "construction of rural financial services system",
    )


@pytest.mark.parametrize(
    ("title", "parties", "kind"),
    [
        (
            "China Post and Hainan provincial government sign strategic cooperation agreement",
            ("China Post", "Hainan provincial government"),
            "strategic cooperation agreement",
        ),
        (
            "China Post Group and Ministry of Culture and Tourism ink comprehensive agreement",
            ("China Post Group", "Ministry of Culture and Tourism"),
            "comprehensive agreement",
        ),
        (
            "Ministry of Industry and Information Technology and China Post sign agreement "
            "on strategic cooperation",
            ("China Post", "Ministry of Industry and Information Technology"),
            "strategic cooperation agreement",
        ),
        (
            "China Post signs memorandum of understanding with Bank of Dalian in Beijing",
            ("China Post", "Bank of Dalian"),
            "memorandum of understanding",
        ),
        (
            "China Post, Yunnan provincial government and Bank of Kunming sign a tripartite "
            "cooperation agreement",
            ("China Post", "Yunnan provincial government", "Bank of Kunming"),
            "tripartite cooperation agreement",
        ),
        (
            "Bank of Ningxia and Ministry of Housing and Urban-Rural Development "
            "Sign Cooperation Framework Agreement",
            ("Bank of Ningxia", "Ministry of Housing and Urban-Rural Development"),
            "cooperation framework agreement",
        ),
        (
            "China Post and Shaanxi provincial government to sign logistics agreement",
            ("China Post", "Shaanxi provincial government"),
            "logistics agreement",
        ),
        (
            "China Post and Fujian Tourism Group sign MoU",
            ("China Post", "Fujian Tourism Group"),
            "memorandum of understanding",
        ),
    ],
)
def test_extract_agreement_english_title_patterns(
    title: str, parties: tuple[str, ...], kind: str
) -> None:
    agreement = _en(title, "The two sides will work together.")
    assert agreement is not None
    assert (agreement.parties, agreement.kind) == (parties, kind)


@pytest.mark.parametrize(
    ("title", "parties", "kind"),
    [
        (
            "中国邮政与青岚市人民政府签署战略合作协议",
            ("中国邮政", "青岚市人民政府"),
            "战略合作协议",
        ),
        (
            "中国邮政集团有限公司和工业和信息化部签订合作备忘录",
            ("中国邮政集团有限公司", "工业和信息化部"),
            "合作备忘录",
        ),
        (
            "甲公司、乙公司与中国邮政签署三方合作框架协议",
            ("中国邮政", "甲公司", "乙公司"),
            "三方合作框架协议",
        ),
        ("中国邮政与某省农业厅签署协议", ("中国邮政", "某省农业厅"), "协议"),
    ],
)
def test_extract_agreement_chinese_title_patterns(
    title: str, parties: tuple[str, ...], kind: str
) -> None:
    agreement = _zh(title, "双方将加强合作。")
    assert agreement is not None
    assert (agreement.parties, agreement.kind) == (parties, kind)


def test_extract_agreement_falls_back_to_the_body_signing_sentence() -> None:
    agreement = _en(
        "China Post deepens cooperation with Hubei",
        "On March 3, China Post and the Hubei provincial government signed a strategic "
        "cooperation agreement in Wuhan.",
    )
    assert agreement is not None
    assert agreement.parties == ("China Post", "Hubei provincial government")
    assert agreement.kind == "strategic cooperation agreement"
    assert agreement.signed_on == "2023-03-03"


def test_extract_agreement_body_signing_of_agreement_between() -> None:
    agreement = _en(
        "Leaders meet in Lanzhou",
        "They witnessed the signing of the logistics cooperation agreement between the Gansu "
        "provincial government and China Post Group in Lanzhou, which opens a new chapter.",
    )
    assert agreement is not None
    assert agreement.parties == ("China Post Group", "Gansu provincial government")
    assert agreement.kind == "logistics cooperation agreement"


def test_extract_agreement_chinese_body_fallback() -> None:
    agreement = _zh("双方深化合作", "近日,中国邮政与某市人民政府签署合作框架协议。")
    assert agreement is not None
    assert agreement.parties == ("中国邮政", "某市人民政府")
    assert agreement.signed_on is None


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("China Post issues new stamps for the Year of the Rabbit", "The stamps go on sale."),
        (
            "China Post reviews progress of cooperation",
            "The agreement signed in 2019 has borne fruit, the two sides said.",
        ),
        ("Two sides sign agreement", "The two sides signed an agreement."),
        (
            "China Post reviews a busy year",
            "In 2023, China Post and local governments signed more than 100 agreements.",
        ),
    ],
)
def test_extract_agreement_none_without_a_signing_by_named_parties(title: str, body: str) -> None:
    assert _en(title, body) is None


def test_extract_agreement_none_for_chinese_page_without_signing() -> None:
    assert _zh("中国邮政发行新年邮票", "新邮票于今日发售。") is None


_TITLE = "China Post and Qinghai provincial government sign cooperation agreement"


@pytest.mark.parametrize(
    ("sentence", "published", "signed_on"),
    [
        ("On June 28, the two sides signed the agreement in Xining.", "2022-06-29", "2022-06-28"),
        ("On 12 May 2021, the agreement was signed.", "2021-06-01", "2021-05-12"),
        ("The agreement was signed on Sept. 3 in Xining.", "2020-09-05", "2020-09-03"),
        ("On December 30, the two sides signed the agreement.", "2023-01-04", "2022-12-30"),
        ("Recently, the two sides signed the agreement on June 2.", "2022-06-29", None),
        ("The two sides signed the agreement in Xining.", "2022-06-29", None),
        ("On February 30, the two sides signed the agreement.", "2022-06-29", None),
    ],
)
def test_extract_agreement_signed_on_from_the_signing_sentence(
    sentence: str, published: str, signed_on: str | None
) -> None:
    agreement = _en(_TITLE, f"Officials met. {sentence} More news followed.", published=published)
    assert agreement is not None
    assert agreement.signed_on == signed_on


def test_extract_agreement_signed_on_ignores_dates_outside_signing_sentences() -> None:
    agreement = _en(_TITLE, "On May 1, officials toured a farm. The agreement was signed later.")
    assert agreement is not None
    assert agreement.signed_on is None


@pytest.mark.parametrize(
    ("sentence", "published", "signed_on"),
    [
        ("6月28日,中国邮政与某省人民政府签署合作协议。", "2022-06-29", "2022-06-28"),
        ("2021年12月30日,双方签署合作协议。", "2022-01-04", "2021-12-30"),
        ("12月30日,双方签署合作协议。", "2022-01-04", "2021-12-30"),
        ("近日,双方签署合作协议。", "2022-06-29", None),
    ],
)
def test_extract_agreement_chinese_signed_on(
    sentence: str, published: str, signed_on: str | None
) -> None:
    agreement = _zh("中国邮政与某省人民政府签署合作协议", sentence, published=published)
    assert agreement is not None
    assert agreement.signed_on == signed_on


@pytest.mark.parametrize(
    ("sentence", "areas"),
    [
        (
            "Under the agreement, the two sides will cooperate in postal savings, rural "
            "logistics and warehousing and other fields.",
            ("postal savings", "rural logistics and warehousing"),
        ),
        (
            "The agreement will focus on cooperation in three key areas, including cold chain "
            "logistics, stamp culture and rural finance.",
            ("cold chain logistics", "stamp culture", "rural finance"),
        ),
        (
            "The two sides will cooperate in the fields of tourism, e-commerce, and finance to "
            "promote local growth.",
            ("tourism", "e-commerce", "finance"),
        ),
        (
            "The agreement covers parcel delivery, insurance and rural e-commerce.",
            ("parcel delivery", "insurance", "rural e-commerce"),
        ),
        (
            "The agreement covers four areas such as parcel delivery, insurance, rural "
            "e-commerce and cross-border trade.",
            ("parcel delivery", "insurance", "rural e-commerce", "cross-border trade"),
        ),
    ],
)
def test_extract_agreement_english_areas(sentence: str, areas: tuple[str, ...]) -> None:
    agreement = _en(_TITLE, sentence)
    assert agreement is not None
    assert agreement.areas == areas


def test_extract_agreement_areas_prefers_the_agreement_sentence() -> None:
    agreement = _en(
        _TITLE,
        "The leaders discussed cooperation in tea, tourism and other aspects.",
        "According to the agreement, the two sides will cooperate in finance, logistics and "
        "other aspects.",
    )
    assert agreement is not None
    assert agreement.areas == ("finance", "logistics")


@pytest.mark.parametrize(
    ("sentence", "areas"),
    [
        (
            "根据协议,双方将在普惠金融、农村电商和寄递物流等领域开展合作。",
            ("普惠金融", "农村电商", "寄递物流"),
        ),
        (
            "根据协议,双方将在普惠金融、电商和快递、便民服务等领域开展合作。",
            ("普惠金融", "电商和快递", "便民服务"),
        ),
        ("双方将在金融、物流和文化领域加强合作。", ("金融", "物流", "文化")),
        (
            "协议聚焦三个重点领域,包括乡村物流、农村金融和数字农业。",
            ("乡村物流", "农村金融", "数字农业"),
        ),
    ],
)
def test_extract_agreement_chinese_areas(sentence: str, areas: tuple[str, ...]) -> None:
    agreement = _zh("中国邮政与某省人民政府签署合作协议", sentence)
    assert agreement is not None
    assert agreement.areas == areas


def test_extract_agreement_without_area_sentence_has_no_areas() -> None:
    agreement = _en(_TITLE, "The two sides signed the agreement in Xining.")
    assert agreement is not None
    assert agreement.areas == ()


@pytest.mark.parametrize(
    ("published", "lang", "message"),
    [("2023-5-1x", "en", "YYYY-MM-DD"), ("2023-05-01", "fr", "'en' or 'zh'")],
)
def test_extract_agreement_rejects_bad_arguments(published: str, lang: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        extract_agreement(_TITLE, ["Body."], published, lang)
