"""answers.lexicon: Chinese function words, pinyin names, WordNet, and translate_word."""

from __future__ import annotations

import pytest

from answers.lexicon import (
    is_function_word,
    lemma,
    pinyin_spellings,
    surname_of,
    synonyms,
    translate_word,
)


@pytest.mark.parametrize(
    "word", ["里", "要", "说", "指", "具体", "的", "了", "和", "在", "关于", "裡", "關於"]
)
def test_is_function_word_for_function_words(word: str) -> None:
    assert is_function_word(word)


@pytest.mark.parametrize("word", ["合作", "协议", "农业", "签署", "安全", "移动", "中国", "邮政"])
def test_is_function_word_false_for_content_words(word: str) -> None:
    assert not is_function_word(word)


@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        ("刘爱力", ("liu aili", "liuaili")),
        ("韩俊", ("han jun", "hanjun")),
        ("欧阳修", ("ouyang xiu", "ouyangxiu")),  # a two-character surname
        ("单雄信", ("shan xiongxin", "shanxiongxin")),  # 单 reads shan as a surname
    ],
)
def test_pinyin_spellings_of_people(name: str, spellings: tuple[str, ...]) -> None:
    assert pinyin_spellings(name) == spellings


def test_pinyin_spellings_without_a_surname_spaces_syllables() -> None:
    assert pinyin_spellings("雄安") == ("xiong an", "xiongan")


@pytest.mark.parametrize("text", ["刘", "abc", "刘A", "刘爱力刘爱力", ""])
def test_pinyin_spellings_of_what_is_not_a_name(text: str) -> None:
    assert pinyin_spellings(text) == ()


@pytest.mark.parametrize(
    ("word", "synonym"),
    [("pact", "treaty"), ("deal", "trade"), ("bargain", "deal"), ("chairman", "chair")],
)
def test_synonyms_from_wordnet(word: str, synonym: str) -> None:
    assert synonym in synonyms(word)


def test_synonyms_keep_multi_word_lemmas_and_ignore_case() -> None:
    assert "business deal" in synonyms("Deal")


def test_synonyms_leave_out_rare_senses() -> None:
    # "deal" as a large amount ("a great deal") and as softwood are rare noun senses.
    assert "batch" not in synonyms("deal")
    assert "softwood" not in synonyms("deal")
    assert "deal" not in synonyms("deal")


def test_synonyms_of_an_unknown_word_are_empty() -> None:
    assert synonyms("qwertyuiop") == ()


@pytest.mark.parametrize(
    ("form", "base"),
    [("met", "meet"), ("went", "go"), ("Children", "child"), ("signed", "signed"), ("x", "x")],
)
def test_lemma_of_irregular_forms_only(form: str, base: str) -> None:
    assert lemma(form) == base


def test_translate_word_drops_a_function_word() -> None:
    found = translate_word("里")
    assert found.function_word and found.english == ()


def test_translate_word_translates_a_dictionary_word() -> None:
    found = translate_word("农业")
    assert "agriculture" in found.english and not found.is_name


def test_translate_word_keeps_a_name_a_name() -> None:
    found = translate_word("北京")
    assert found.is_name and "beijing" in found.english


def test_translate_word_spells_an_unknown_person() -> None:
    found = translate_word("刘爱力")
    assert found.person and found.spellings == ("liu aili", "liuaili")
    assert found.english == () and not found.is_name


@pytest.mark.parametrize("word", ["签约", "共建", "那份"])
def test_translate_word_does_not_take_words_for_people(word: str) -> None:
    # 签约 and 共建 are words jieba knows; 那份 holds a function word.
    found = translate_word(word)
    assert not found.person
    assert len(found.parts) == 2


def test_translate_word_cuts_an_unknown_compound() -> None:
    found = translate_word("农业农村部")
    assert [part.word for part in found.parts] == ["农业", "农村", "部"]
    assert "agriculture" in found.parts[0].english
    assert found.english == () and not found.is_name and not found.person


@pytest.mark.parametrize(
    ("name", "surname"), [("刘爱力", "刘"), ("欧阳修", "欧阳"), ("雄安", None)]
)
def test_surname_of(name: str, surname: str | None) -> None:
    assert surname_of(name) == surname
