"""Cleaning raw pages: what survives (title, source, date, body) and what does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.clean import article_id, clean_page, detect_lang, normalize
from corpus.errors import PageError

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"
JILIN = "000_807b3b7716974255.txt"
MARA = "004_3ea0df55ee686d76.txt"
ZH_PAGE = Path(__file__).resolve().parent / "data" / "raw_zh" / "001_qinglan_fictional.txt"
BOILERPLATE = (
    "Postal Business",
    "Postal Savings",
    "China Post Life:",
    "Postman Story",
    "Stamps",
    "Register number",
    "Powered by",
    "ICP",
    "•",
    "邮政业务",
    "版权所有",
)

PAGE = """\
  • Postman Story
  • 2024 Stamps
Postal Business: 8610 11185
China Post Life: 8610 4008909999
China Post and Lanshan city government sign logistics agreement
China Post and Lanshan city government sign logistics agreement
|China Post|2024-02-20

On February 19, China Post and the fictional Lanshan city government signed a logistics agreement.

The two sides will cooperate in cold chain, parcel lockers and other aspects.

Register number: 京ICP备15035540号
Powered by CHINA POST | About Us | Sitemap | Contact Us |"""


def _raw(name: str) -> str:
    return (RAW / name).read_text(encoding="utf-8")


def test_clean_page_jilin_seed() -> None:
    article = clean_page(_raw(JILIN), JILIN)
    assert article.title == (
        "China Post and Jilin provincial government sign cooperation framework agreement"
    )
    assert (article.source, article.published, article.lang) == ("China Post", "2022-06-29", "en")
    assert article.origin == JILIN
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("On June 28, Jing Junhai")
    assert article.paragraphs[-1].endswith("speed up the implementation of cooperation.")


def test_clean_page_ministry_seed() -> None:
    article = clean_page(_raw(MARA), MARA)
    assert article.title.startswith("China Post Group and Ministry of Agriculture")
    assert (article.source, article.published) == ("China Post News", "2021-07-03")
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("Recently, China Post Group Corporation Limited and")


@pytest.mark.parametrize("name", [JILIN, MARA])
def test_clean_page_seed_keeps_no_boilerplate(name: str) -> None:
    article = clean_page(_raw(name), name)
    for paragraph in article.paragraphs:
        assert paragraph != article.title
        for marker in BOILERPLATE:
            assert marker not in paragraph
    assert "\u00a0" not in " ".join(article.paragraphs)


def test_clean_page_crlf_gives_the_same_article() -> None:
    assert clean_page(PAGE.replace("\n", "\r\n"), "p.txt") == clean_page(PAGE, "p.txt")


def test_clean_page_seed_with_crlf_gives_the_same_article() -> None:
    text = _raw(JILIN)
    assert clean_page(text.replace("\n", "\r\n"), JILIN) == clean_page(text, JILIN)


def test_clean_page_title_printed_once() -> None:
    lines = PAGE.splitlines()
    title = lines[4]
    del lines[4]
    article = clean_page("\n".join(lines), "p.txt")
    assert article.title == title
    assert article == clean_page(PAGE, "p.txt")


@pytest.mark.parametrize(
    ("line", "source", "published"),
    [
        ("|China Post|2022-06-29", "China Post", "2022-06-29"),
        ("| China Post News |2021-07-03", "China Post News", "2021-07-03"),
        ("|  China Post   News|  2021-07-03  ", "China Post News", "2021-07-03"),
        ("|China Post|2021/7/3", "China Post", "2021-07-03"),
        ("｜中国邮政｜2023-03-15", "中国邮政", "2023-03-15"),
        ("|中国邮政|2023年3月15日", "中国邮政", "2023-03-15"),
        ("China Post|2022-06-29", "China Post", "2022-06-29"),
        ("|China Post|2022-06-29 10:30|", "China Post", "2022-06-29"),
        ("||2022-06-29", "", "2022-06-29"),  # names no source: none, and no refusal
        ("来源:中国邮政 | 2023-03-15", "中国邮政", "2023-03-15"),
    ],
)
def test_clean_page_source_date_line_variants(line: str, source: str, published: str) -> None:
    article = clean_page(PAGE.replace("|China Post|2024-02-20", line), "p.txt")
    assert (article.source, article.published) == (source, published)


def test_clean_page_missing_date_names_the_line() -> None:
    with pytest.raises(PageError, match="missing date") as raised:
        clean_page(PAGE.replace("|China Post|2024-02-20", ""), "p.txt")
    assert raised.value.origin == "p.txt"


def test_clean_page_impossible_date_is_an_error() -> None:
    with pytest.raises(PageError, match="invalid date"):
        clean_page(PAGE.replace("2024-02-20", "2024-02-30"), "p.txt")


def test_clean_page_missing_title() -> None:
    text = PAGE.replace("China Post and Lanshan city government sign logistics agreement\n", "")
    with pytest.raises(PageError, match="missing title"):
        clean_page(text, "p.txt")


def test_clean_page_missing_body() -> None:
    text = PAGE.split("|China Post|2024-02-20")[0] + "|China Post|2024-02-20\n\nRegister number: x"
    with pytest.raises(PageError, match="missing body"):
        clean_page(text, "p.txt")


def test_clean_page_normalises_width_and_spaces() -> None:
    text = PAGE.replace(
        "The two sides will", "Ｔhe  two\u00a0sides\u200b \t will"
    )  # fullwidth T, double space, no-break space, zero-width space
    article = clean_page(text, "p.txt")
    assert article.paragraphs[1].startswith("The two sides will cooperate")


def test_clean_page_keeps_long_bulleted_body_lines() -> None:
    bullet = "• The two sides will build one thousand parcel lockers in Lanshan by 2025."
    article = clean_page(PAGE.replace("Register number", f"{bullet}\n\nRegister number"), "p.txt")
    assert article.paragraphs[-1] == bullet


@pytest.mark.parametrize(
    "line", ["【打印】", "关闭窗口", "责任编辑:李明", "Editor: Li Ming", "Print"]
)
def test_clean_page_drops_page_tools_and_bylines(line: str) -> None:
    article = clean_page(PAGE.replace("Register number", f"{line}\nRegister number"), "p.txt")
    assert article.paragraphs[-1].startswith("The two sides will cooperate")


def test_clean_page_stops_at_copyright_footer() -> None:
    text = PAGE.replace("Register number", "Copyright © 2024 China Post\nRegister number")
    assert "Copyright" not in " ".join(clean_page(text, "p.txt").paragraphs)


def test_clean_page_extracts_the_agreement() -> None:
    agreement = clean_page(PAGE, "p.txt").agreement
    assert agreement is not None
    assert agreement.parties == ("China Post", "Lanshan city government")
    assert agreement.signed_on == "2024-02-19"
    assert agreement.areas == ("cold chain", "parcel lockers")


def test_clean_page_chinese_fixture() -> None:
    article = clean_page(ZH_PAGE.read_text(encoding="utf-8"), ZH_PAGE.name)
    assert article.title == "中国邮政与青岚市人民政府签署战略合作框架协议"
    assert (article.source, article.published, article.lang) == ("中国邮政", "2023-03-15", "zh")
    assert article.id == article_id("2023-03-15", article.title)
    assert len(article.paragraphs) == 3
    for paragraph in article.paragraphs:
        for marker in (
            "邮政业务",
            "邮政储蓄",
            "中邮人寿",
            "ICP备",
            "版权所有",
            "邮票",
            article.title,
        ):
            assert marker not in paragraph
    assert article.agreement is not None
    assert article.agreement.parties == ("中国邮政", "青岚市人民政府")
    assert article.agreement.kind == "战略合作框架协议"
    assert article.agreement.signed_on == "2023-03-14"
    assert article.agreement.areas == ("普惠金融", "农村电商和寄递物流", "便民服务")


@pytest.mark.parametrize(
    ("title", "paragraphs", "lang"),
    [
        ("China Post signs agreement", (), "en"),
        ("中国邮政签署合作协议", (), "zh"),
        ("中国邮政与EMS签署协议", (), "zh"),
        ("China Post 中国邮政 signs cooperation agreement with Jilin", (), "en"),
        ("2023", ("双方将在金融领域开展合作。",), "zh"),
    ],
)
def test_detect_lang(title: str, paragraphs: tuple[str, ...], lang: str) -> None:
    assert detect_lang(title, paragraphs) == lang


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "China Post and Jilin provincial government sign cooperation framework agreement",
            "2022-06-29-china-post-and-jilin-provincial-government",
        ),
        (
            "China Post Group and Ministry of Agriculture sign agreement",
            "2022-06-29-china-post-group-and-ministry",
        ),
        ("China Post's 5G parcels!", "2022-06-29-china-post-s-5g-parcels"),
    ],
)
def test_article_id_slug(title: str, expected: str) -> None:
    assert article_id("2022-06-29", title) == expected


def test_article_id_chinese_title_uses_a_stable_hash() -> None:
    first = article_id("2023-03-15", "中国邮政与青岚市人民政府签署协议")
    assert first == article_id("2023-03-15", "中国邮政与青岚市人民政府签署协议")
    assert first.startswith("2023-03-15-zh-") and len(first) == len("2023-03-15-zh-") + 8
    assert first != article_id("2023-03-15", "中国邮政与青岚市人民政府签署备忘录")


def test_normalize_collapses_whitespace_and_applies_nfkc() -> None:
    assert normalize("  Ｃhina\u3000Post\t\u00a0 ２０２２ ") == "China Post 2022"


BODY = (
    "China Post and the fictional Lanshan city government signed a logistics agreement on "
    "Tuesday.\n\nThe two sides will cooperate in cold chain delivery and parcel lockers.\n"
)


@pytest.mark.parametrize(
    ("header", "title", "published", "source"),
    [
        # A wire layout: the source and an editor share the date line; a "--" dateline.
        (
            "Xinhuanet\nChina Post, Lanshan sign logistics pact\n"
            "Source: Xinhua | 2023-05-06 10:12:33 | Editor: huaxia\n\n"
            "LANSHAN, May 6 (Xinhua) -- ",
            "China Post, Lanshan sign logistics pact",
            "2023-05-06",
            "Xinhua",
        ),
        # A byline, the site and the date, separated by bars.
        (
            "China Post and Lanshan sign logistics agreement\n"
            "By Wang Lei | chinadaily.com.cn | Updated: 2024-03-07 09:12\n\n",
            "China Post and Lanshan sign logistics agreement",
            "2024-03-07",
            "chinadaily.com.cn",
        ),
        # A Chinese portal: the source after the date and time.
        (
            "中国邮政与澜山市政府签署物流合作协议\n2024年03月07日 10:12 新华网\n\n",
            "中国邮政与澜山市政府签署物流合作协议",
            "2024-03-07",
            "新华网",
        ),
        # A blog: the date under the title, no source anywhere.
        (
            "China Post and Lanshan sign a logistics agreement\nMarch 7, 2024\n\n",
            "China Post and Lanshan sign a logistics agreement",
            "2024-03-07",
            "",
        ),
    ],
)
def test_clean_page_layouts_beyond_the_fixtures(
    header: str, title: str, published: str, source: str
) -> None:
    article = clean_page(header + BODY, "p.txt")
    assert (article.title, article.published, article.source) == (title, published, source)
    assert article.paragraphs[0].startswith("China Post and the fictional Lanshan")
    assert len(article.paragraphs) == 2
