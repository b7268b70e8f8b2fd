"""Hand-made articles with agreements of every partner kind, for the filter and timeline tests."""

from __future__ import annotations

from corpus.model import Agreement, Article


def article(
    id: str,
    title: str,
    published: str,
    parties: tuple[str, ...],
    *,
    signed_on: str | None = None,
    areas: tuple[str, ...] = (),
    body: str = "The two sides signed the agreement.",
    lang: str = "en",
) -> Article:
    """An article announcing one agreement between `parties`."""
    return Article(
        id=id,
        title=title,
        source="China Post",
        published=published,
        lang=lang,
        paragraphs=(body,),
        origin=f"{id}.txt",
        agreement=Agreement(
            parties=parties,
            kind="战略合作协议" if lang == "zh" else "strategic cooperation agreement",
            signed_on=signed_on,
            areas=areas,
        ),
    )


MIXED_CORPUS = (
    article(
        "dalian",
        "China Post signs agreement with Dalian municipal government",
        "2019-02-28",
        ("China Post Group", "Dalian Municipal Government"),
        signed_on="2019-02-26",
        areas=("postal infrastructure", "cross-border e-commerce"),
    ),
    article(
        "jiangsu",
        "中国邮政与江苏省政府签署战略合作协议",
        "2026-02-09",
        ("中国邮政集团有限公司", "江苏省政府"),
        signed_on="2026-02-04",
        areas=("农村寄递", "跨境电商"),
        body="2月4日，中国邮政集团有限公司与江苏省政府在南京签署战略合作协议。",
        lang="zh",
    ),
    article(
        "geely",
        "中國郵政與吉利簽署戰略合作框架協議",
        "2025-03-31",
        ("中國郵政集團有限公司", "浙江吉利控股集團有限公司"),
        signed_on="2025-03-28",
        body="雙方將在汽車物流等領域開展合作。",
        lang="zh",
    ),
    article(
        "ant",
        "Postal Savings Bank of China and Ant Financial sign agreement",
        "2019-11-27",
        ("Postal Savings Bank of China", "Ant Financial"),
        signed_on="2019-11-27",
        body="The partners will work together on mobile payments and online credit.",
    ),
    article(
        "icbc",
        "China Post and Industrial Bank sign agreement",
        "2019-01-05",
        ("China Post", "Industrial Bank Co., Ltd."),
        signed_on="2018-12-28",
        areas=("settlement",),
    ),
    article(
        "veldrana",
        "China Post signs MoU with Veldrana Post",
        "2023-09-14",
        ("China Post Group Corporation Limited", "Veldrana Post"),
        body="Recently, the two posts signed a memorandum on E-Commerce parcels.",
    ),
    article(
        "farming",
        "China Post Group and Ministry of Agriculture and Rural Affairs sign agreement",
        "2021-07-03",
        ("China Post Group", "Ministry of Agriculture and Rural Affairs"),
        areas=("rural logistics",),
    ),
)
