"""Publication dates in every format the fixture pages print, and datelines."""

from __future__ import annotations

import pytest

from corpus.dates import find_date, find_dateline


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("|China Post|2022-06-29", "2022-06-29"),
        (
            "China Post and Qiaomu Cold Chain Sign Strategic Cooperation Agreement2017-03-14",
            "2017-03-14",
        ),
        ("记者 张宁2024-05-10来源:中国邮政报", "2024-05-10"),
        ("发布时间:2023-06-08  作者:   浏览量:27", "2023-06-08"),
        ("2024-11-18 10:42:07", "2024-11-18"),
        ("發佈時間:2025-03-31 11:20 來源:港財網", "2025-03-31"),
        ("南方财讯 2024-08-21 09:47:32", "2024-08-21"),
        ("November 27, 2019 / 1:39 PM / Updated", "2019-11-27"),
        ("Wed, Nov 27, 2019 - 4:05 PM", "2019-11-27"),
        ("Updated: 2014-06-12 17:40", "2014-06-12"),
        ("19 October 2020 | Staff Reporter", "2020-10-19"),
        ("Posted on March 3, 2021 by Staff Writer", "2021-03-03"),
        ("Bishkek, 28.04.22. /KG News/.", "2022-04-28"),
        ("2024年3月7日", "2024-03-07"),
        ("|China Post|2021/7/3", "2021-07-03"),
        ("Sept. 9th, 2023", "2023-09-09"),
    ],
)
def test_find_date_reads_each_format(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize(
    "line", ["On June 28, Jing Junhai met", "• 84.75", "2023-2025 Action Plan", '"bm25s>=0.2.10"']
)
def test_find_date_needs_a_day_a_month_and_a_year(line: str) -> None:
    assert find_date(line) is None


def test_find_date_reports_an_impossible_day() -> None:
    found = find_date("|China Post|2024-02-30")
    assert found is not None and found.iso is None and found.text == "2024-02-30"


def test_find_date_keeps_the_time_with_the_date() -> None:
    line = "南方财讯 2024-08-21 09:47:32"
    found = find_date(line)
    assert found is not None and line[found.end :] == ""


@pytest.mark.parametrize(
    ("paragraph", "source", "iso", "rest"),
    [
        ("BEIJING, Nov 27 (Reuters) - Postal Savings Bank", "Reuters", None, "Postal Savings Bank"),
        (
            "Bishkek, 28.04.22. /KG News/. Kyrgyz Pochtasy",
            "KG News",
            "2022-04-28",
            "Kyrgyz Pochtasy",
        ),
        ("SHANGHAI, March 3 - China Post said", "", None, "China Post said"),
    ],
)
def test_find_dateline(paragraph: str, source: str, iso: str | None, rest: str) -> None:
    dateline = find_dateline(paragraph)
    assert dateline is not None and dateline.source == source
    assert (dateline.date.iso if dateline.date else None) == iso
    assert paragraph[dateline.end :] == rest


@pytest.mark.parametrize(
    "paragraph", ["Recently, China Post Group signed", "BEIJING - China Post and Alibaba"]
)
def test_find_dateline_none_in_plain_sentences(paragraph: str) -> None:
    assert find_dateline(paragraph) is None
