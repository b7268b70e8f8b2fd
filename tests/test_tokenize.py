"""The tokenizer: English stemming and stopwords, numbers, quotes, Chinese, lazy jieba."""

from __future__ import annotations

import subprocess
import sys

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


def test_tokenizer_version_is_a_string() -> None:
    assert isinstance(TOKENIZER_VERSION, str) and TOKENIZER_VERSION


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
