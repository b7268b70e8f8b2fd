"""Text chores: the language of an article, Traditional Chinese, and searching it as Simplified."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from corpus.text import (
    HAN,
    MONTHS,
    detect_lang,
    fold_quotes,
    has_han,
    is_traditional,
    language_of,
    to_simplified,
)
from retrieval.tokenize import tokenize


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("中國郵政集團與吉利控股集團簽署戰略合作框架協議", "zh-Hant"),
        ("郵政集團公司與天津市政府簽署戰略合作協議", "zh-Hant"),
        ("中国邮政集团与吉利控股集团签署战略合作框架协议", "zh"),
        ("China Post signs agreement with Geely", "en"),
    ],
)
def test_detect_lang_tells_traditional_from_simplified(title: str, lang: str) -> None:
    assert detect_lang(title, ()) == lang


def test_simplified_text_with_a_rare_traditional_form_stays_simplified() -> None:
    text = "中国邮政与乾县人民政府在西安签署战略合作协议，双方将在农村寄递物流等领域开展合作。"
    assert not is_traditional(text)


def test_to_simplified_converts_phrases() -> None:
    assert (
        to_simplified("發佈時間：中國郵政與天津市政府簽署協議")
        == "发布时间：中国邮政与天津市政府签署协议"
    )
    assert to_simplified("China Post") == "China Post"


def test_traditional_and_simplified_text_index_the_same_terms() -> None:
    assert tokenize("中國郵政與天津市政府簽署戰略合作協議") == tokenize(
        "中国邮政与天津市政府签署战略合作协议"
    )


def test_english_text_loads_neither_opencc_nor_jieba() -> None:
    code = (
        "import sys\nfrom retrieval.tokenize import tokenize\ntokenize('China Post signs')\n"
        "print('opencc' in sys.modules, 'jieba' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("When did China Post sign with Jilin?", "en"),
        ("中国邮政和吉林省什么时候签署的合作协议？", "zh"),
        ("Jilin 吉林", "zh"),  # one Chinese character is enough for a short text
        ("2024", "en"),
        ("", "en"),
    ],
)
def test_language_of_a_short_text(text: str, lang: str) -> None:
    assert language_of(text) == lang


@pytest.mark.parametrize(
    "char",
    ["\u3400", "\u4e00", "\u9fa5", "\uf900", "\U00020000", "\U0002a6d6"],
)
def test_han_range_holds_every_block_of_chinese_characters(char: str) -> None:
    assert has_han(char) and re.fullmatch(rf"[{HAN}]", char)


@pytest.mark.parametrize("char", ["A", "1", "。", "ア", "한", "\u4dc0"])  # 4dc0: a hexagram
def test_han_range_leaves_other_characters_out(char: str) -> None:
    assert not has_han(char)


def test_fold_quotes_makes_quotes_straight_and_full_width_plain() -> None:
    folded = fold_quotes("China Post’s “Ｅ-commerce” ｀１２３ʼ")
    assert folded == "China Post's \"E-commerce\" '123'"


@pytest.mark.parametrize(
    ("name", "number"), [("january", 1), ("sept", 9), ("sep", 9), ("may", 5), ("dec", 12)]
)
def test_months_by_name_and_abbreviation(name: str, number: int) -> None:
    assert MONTHS[name] == number
