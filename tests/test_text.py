"""Text chores: the language of an article, Traditional Chinese, and searching it as Simplified."""

from __future__ import annotations

import subprocess
import sys

import pytest

from corpus.text import detect_lang, is_traditional, to_simplified
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
