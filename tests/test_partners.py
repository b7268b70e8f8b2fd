"""Tests for corpus.partners: China Post's side, the partner, its kind and its label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import load_articles
from corpus.partners import (
    MAX_LABEL_WIDTH,
    PartnerKind,
    describe_partner,
    is_china_post,
    partner_kind,
    partner_of,
    short_name,
)

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"

# What a careful reader calls each fixture agreement's partner (by page file).
FIXTURE_KINDS = {
    "fx01_china-railway-2017.txt": PartnerKind.COMPANY,
    "fx03_qiaomu-cold-chain-2017.txt": PartnerKind.COMPANY,
    "fx04_dalian-2019.txt": PartnerKind.GOVERNMENT,
    "fx05_tianjin-2023.txt": PartnerKind.GOVERNMENT,
    "fx06_tianjin-2015-trad.txt": PartnerKind.GOVERNMENT,
    "fx07_jiangsu-2026.txt": PartnerKind.GOVERNMENT,
    "fx08_saic-2019.txt": PartnerKind.COMPANY,
    "fx09_supply-marketing-coops-2024.txt": PartnerKind.MINISTRY,
    "fx10_geely-2025-trad.txt": PartnerKind.COMPANY,
    "fx11_psbc-ant-financial-reuters.txt": PartnerKind.COMPANY,
    "fx12_psbc-ant-financial-daily.txt": PartnerKind.COMPANY,
    "fx13_psbc-jd-digits-2020.txt": PartnerKind.COMPANY,
    "fx14_cainiao-guoguo-2020.txt": PartnerKind.COMPANY,
    "fx15_alibaba-2014.txt": PartnerKind.COMPANY,
    "fx16_kyrgyz-post-2022.txt": PartnerKind.POSTAL_OPERATOR,
    "fx17_zhenhai-province-2024.txt": PartnerKind.GOVERNMENT,
    "fx18_lanfeng-logistics-2024.txt": PartnerKind.COMPANY,
    "fx19_beiyuan-airlines-renewal-2025.txt": PartnerKind.COMPANY,
    "fx20_jinlanhe-pharma-2025.txt": PartnerKind.COMPANY,
    "fx21_veldrana-post-2023.txt": PartnerKind.POSTAL_OPERATOR,
    "fx22_nanxia-city-2024.txt": PartnerKind.GOVERNMENT,
    "fx23_yunxiu-port-mou-2024.txt": PartnerKind.COMPANY,
    "fx30_anlan-health-2021.txt": PartnerKind.COMPANY,
}


def _fixture_agreements() -> list[tuple[str, list[str]]]:
    lines = (FIXTURES / "agreements.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [(r["file"], r["agreement"]["parties"]) for r in rows if r["agreement"]]


def test_fixture_table_covers_every_fixture_agreement() -> None:
    assert {file for file, _ in _fixture_agreements()} == FIXTURE_KINDS.keys()


@pytest.mark.parametrize(("file", "parties"), _fixture_agreements())
def test_partner_of_fixture_is_the_party_after_china_post(file: str, parties: list[str]) -> None:
    # The fixture truth lists China Post's side first.
    assert is_china_post(parties[0])
    assert partner_of(parties) == parties[1]
    assert partner_of(list(reversed(parties))) == parties[1]


@pytest.mark.parametrize(("file", "parties"), _fixture_agreements())
def test_partner_kind_of_fixture_partner(file: str, parties: list[str]) -> None:
    partner = describe_partner(parties)
    assert partner is not None
    assert partner.kind is FIXTURE_KINDS[file]
    assert 0 < len(partner.short) <= len(partner.name)


def test_partners_of_the_shipped_articles() -> None:
    kinds = {}
    for article in load_articles():
        assert article.agreement is not None
        partner = describe_partner(article.agreement.parties)
        assert partner is not None
        kinds[partner.short] = partner.kind
    assert kinds == {
        "Agriculture and Rural Affairs": PartnerKind.MINISTRY,
        "Jilin": PartnerKind.GOVERNMENT,
    }


@pytest.mark.parametrize(
    "name",
    [
        "China Post",
        "China Post Group Corporation Limited",
        "the China Post Group",
        "Postal Savings Bank of China",
        "PSBC",
        "China Post Life Insurance Co., Ltd.",
        "China Postal Express & Logistics Co., Ltd.",
        "Jilin Branch of China Post",
        "中国邮政集团有限公司",
        "中國郵政集團公司",
        "中国邮政储蓄银行",
        "邮储银行",
        "中邮人寿保险股份有限公司",
        "吉林省邮政分公司",
    ],
)
def test_is_china_post_true_for_china_posts_side(name: str) -> None:
    assert is_china_post(name)


@pytest.mark.parametrize(
    "name",
    ["China Railway", "Kyrgyz Pochtasy", "Bank of China", "天津市人民政府", "中国物流与采购联合会"],
)
def test_is_china_post_false_for_partners(name: str) -> None:
    assert not is_china_post(name)


def test_partner_of_none_when_every_party_is_china_posts() -> None:
    assert partner_of(["China Post Group", "Postal Savings Bank of China"]) is None
    assert describe_partner(["中国邮政"]) is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Jilin provincial government", PartnerKind.GOVERNMENT),
        ("People's Government of Yunnan Province", PartnerKind.GOVERNMENT),
        ("Jilin Province", PartnerKind.GOVERNMENT),
        ("Hubei", PartnerKind.GOVERNMENT),
        ("吉林省", PartnerKind.GOVERNMENT),
        ("廣西壯族自治區人民政府", PartnerKind.GOVERNMENT),
        ("吉林省商务厅", PartnerKind.GOVERNMENT),
        ("上海市商务委员会", PartnerKind.GOVERNMENT),
        ("Jilin Provincial Department of Commerce", PartnerKind.GOVERNMENT),
        ("Ministry of Commerce", PartnerKind.MINISTRY),
        ("商务部", PartnerKind.MINISTRY),
        ("State Post Bureau", PartnerKind.MINISTRY),
        ("国家邮政局", PartnerKind.MINISTRY),
        ("General Administration of Customs", PartnerKind.MINISTRY),
        ("海关总署", PartnerKind.MINISTRY),
        ("国家市场监督管理总局", PartnerKind.MINISTRY),
        ("All-China Federation of Supply and Marketing Cooperatives", PartnerKind.MINISTRY),
        ("中華全國供銷合作總社", PartnerKind.MINISTRY),
        ("Agricultural Bank of China", PartnerKind.BANK),
        ("Bank of Communications Co., Ltd.", PartnerKind.BANK),
        ("中国农业银行股份有限公司", PartnerKind.BANK),
        ("香港上海滙豐銀行", PartnerKind.BANK),
        ("Australia Post", PartnerKind.POSTAL_OPERATOR),
        ("Belpochta", PartnerKind.POSTAL_OPERATOR),
        ("Ukrposhta", PartnerKind.POSTAL_OPERATOR),
        ("Japan Post Co., Ltd.", PartnerKind.POSTAL_OPERATOR),
        ("Kazpost JSC", PartnerKind.POSTAL_OPERATOR),
        ("俄罗斯邮政", PartnerKind.POSTAL_OPERATOR),
        ("China Railway Construction Bureau Group Co., Ltd.", PartnerKind.COMPANY),
        ("Shanghai Automotive Industry Corporation", PartnerKind.COMPANY),
        ("吉林省交通投资集团有限公司", PartnerKind.COMPANY),
        ("JD Logistics", PartnerKind.COMPANY),
        ("永辉超市", PartnerKind.COMPANY),
        ("Universal Postal Union", PartnerKind.OTHER),
        ("Tsinghua University", PartnerKind.OTHER),
        ("中国快递协会", PartnerKind.OTHER),
    ],
)
def test_partner_kind_by_signal(name: str, kind: PartnerKind) -> None:
    assert partner_kind(name) is kind


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Dalian Municipal Government", "Dalian"),
        ("Jilin provincial government", "Jilin"),
        ("Shanghai Municipal People's Government", "Shanghai"),
        ("People's Government of Jilin Province", "Jilin"),
        ("天津市人民政府", "天津"),
        ("江苏省政府", "江苏"),
        ("廣西壯族自治區人民政府", "廣西"),
        ("镇海省人民政府", "镇海"),
        ("Qiaomu Cold Chain Logistics Co., Ltd.", "Qiaomu Cold Chain"),
        ("Zhejiang Cainiao Supply Chain Management Co., Ltd.", "Zhejiang Cainiao"),
        ("Lanfeng Supply Chain Management Co., Ltd.", "Lanfeng Supply Chain"),
        ("Alibaba Group", "Alibaba"),
        ("JD Logistics", "JD Logistics"),
        ("浙江吉利控股集團有限公司", "浙江吉利"),
        ("上海汽车集团股份有限公司", "上海汽车"),
        ("Bank of Communications Co., Ltd.", "Bank of Communications"),
        ("Ministry of Agriculture and Rural Affairs", "Agriculture and Rural Affairs"),
        ("中华全国供销合作总社", "供销合作总社"),
        ("Kyrgyz Pochtasy", "Kyrgyz Pochtasy"),
    ],
)
def test_short_name(name: str, short: str) -> None:
    assert short_name(name) == short


def test_short_name_cuts_a_long_name_at_a_word() -> None:
    name = "Greater Northwestern Regional Cold Storage and Refrigerated Freight Forwarding"
    short = short_name(name)
    assert short.endswith("…")
    assert len(short) <= MAX_LABEL_WIDTH
    assert name.startswith(short[:-1])


def test_short_name_counts_cjk_characters_double() -> None:
    short = short_name("北方寒带冷链仓储与冷藏货运代理及多式联运物流服务集团有限公司")
    assert short.endswith("…")
    assert len(short) <= MAX_LABEL_WIDTH // 2
