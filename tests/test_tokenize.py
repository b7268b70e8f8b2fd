"""The tokenizer: English stemming and stopwords, numbers, quotes, Chinese, lazy jieba."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.tokenize import TOKENIZER_VERSION, is_stopword, tokenize


def test_tokenize_english_is_lowercased_and_stemmed() -> None:
    assert tokenize("Signing Agreements") == ["sign", "agreement"]


def test_tokenize_drops_stopwords() -> None:
    assert tokenize("the agreement of the two sides") == ["agreement", "two", "side"]


@pytest.mark.parametrize("text, number", [("1000 family farms", "1000"), ("in 2022", "2022")])
def test_tokenize_keeps_numbers(text: str, number: str) -> None:
    assert number in tokenize(text)


@pytest.mark.parametrize(
    "text", ["China Post’s farmers’", "China Post's farmers'", "China Post`s farmers"]
)
def test_tokenize_normalises_quotes_and_possessives(text: str) -> None:
    assert tokenize(text) == ["china", "post", "farmer"]


def test_tokenize_curly_double_quotes_are_dropped() -> None:
    assert tokenize("“double thousand project”") == tokenize('"double thousand project"')


def test_tokenize_hyphenated_one_letter_prefix_joins() -> None:
    assert tokenize("e-commerce") == tokenize("ecommerce")


def test_tokenize_hyphenated_words_split() -> None:
    assert tokenize("long-term") == ["long", "term"]


def test_tokenize_full_width_forms_fold() -> None:
    assert tokenize("２０２２") == ["2022"]


def test_tokenize_chinese_words_without_punctuation() -> None:
    terms = tokenize("中国邮政签署合作协议，推动乡村振兴。")
    assert {"签署", "协议", "乡村"} <= set(terms)
    assert not {"，", "。", " "} & set(terms)


def test_tokenize_mixed_text_uses_each_script_rules() -> None:
    terms = tokenize("EMS快递 Signing 签署")
    assert "快递" in terms and "sign" in terms and "签署" in terms


def test_tokenize_chinese_stopwords_dropped() -> None:
    assert "的" not in tokenize("中国邮政的协议")


def test_tokenize_empty_and_punctuation_only() -> None:
    assert tokenize("") == []
    assert tokenize(" ?!，。 ") == []


def test_stopwords_are_read_from_data() -> None:
    assert is_stopword("The") and not is_stopword("agreement")


# Texts covering every rule of the tokenizer, and the terms each gave under one version.
PINNED = Path(__file__).parent / "data" / "tokenizer_pinned.json"
SAMPLES = (
    "China Post Group and Ministry of Agriculture and Rural Affairs sign strategic cooperation"
    " agreement",
    "Recently, China Post Group Corporation Limited has signed a strategic cooperation agreement,"
    " which will focus on cooperation in six key areas.",
    "On June 28, Jing Junhai, secretary of the Jilin Provincial Committee, met with Liu Aili.",
    "The province's e-commerce and cross-border logistics serve 1,000 family farms.",
    "\u201cPostal\u201d services\u2019 reach: rock\u2019n\u2019roll, Mr. Liu, U.S. Post, 3.5%",
    "\uff23\uff48\uff49\uff4e\uff41 \uff30\uff4f\uff53\uff54\uff11\uff12\uff13",
    "3月14日，中国邮政与青岚市人民政府在青岚签署战略合作框架协议。",
    "根据协议，双方将在普惠金融、农村电商和寄递物流、便民服务等领域开展合作，共同推动乡村振兴。",
    "中国邮政和农业农村部签了什么协议？",
    "中國郵政與天津市人民政府簽署戰略合作協議",
    "China Post与吉林省政府signed 2022年合作协议",
    "When did China Post sign with Jilin?",
    "",
)


def test_tokenizer_output_is_the_one_pinned_for_its_version() -> None:
    """A rule change must bump TOKENIZER_VERSION (cached indexes are keyed on it)."""
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    changed = [text for text, terms in pinned["terms"].items() if tokenize(text) != terms]
    assert not changed, (
        "tokenize() gives other terms than those pinned for TOKENIZER_VERSION "
        f"{pinned['version']}: bump the version, then re-record with "
        "`python tests/test_tokenize.py`"
    )
    assert pinned["version"] == TOKENIZER_VERSION, "re-record: `python tests/test_tokenize.py`"
    assert list(pinned["terms"]) == list(SAMPLES)


def _record_pins() -> None:
    def line(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    rows = ",\n".join(f"  {line(text)}: {line(tokenize(text))}" for text in SAMPLES)
    text = f'{{\n "version": {line(TOKENIZER_VERSION)},\n "terms": {{\n{rows}\n }}\n}}\n'
    PINNED.write_text(text, encoding="utf-8")


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_english_text_never_imports_jieba() -> None:
    loaded = _modules_after(
        "import retrieval\nfrom retrieval.tokenize import tokenize\n"
        "tokenize('When did China Post sign with Jilin? 1000 farms')"
    )
    assert "retrieval.tokenize" in loaded
    assert "jieba" not in loaded


def test_chinese_text_imports_jieba() -> None:
    loaded = _modules_after("from retrieval.tokenize import tokenize\ntokenize('中国邮政')")
    assert "jieba" in loaded


if __name__ == "__main__":
    _record_pins()
