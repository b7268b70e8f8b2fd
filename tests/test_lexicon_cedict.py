"""CC-CEDICT through answers.lexicon: glosses, names, the reverse direction, segmentation."""

from __future__ import annotations

import re

import pytest

from answers.lexicon import cedict
from answers.lexicon.cedict import (
    en_to_zh,
    in_dictionary,
    is_name,
    longest_match,
    segment,
    simplified,
    zh_to_en,
)
from answers.lexicon.table import LexiconError, SortedTable, read_table

_HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(
    ("word", "gloss"),
    [("农业", "agriculture"), ("签署", "sign"), ("协议", "agreement"), ("邮政", "postal service")],
)
def test_zh_to_en_gives_the_common_gloss(word: str, gloss: str) -> None:
    assert gloss in zh_to_en(word)


@pytest.mark.parametrize(("traditional", "simplified"), [("簽署", "签署"), ("農業", "农业")])
def test_zh_to_en_reads_traditional_headwords(traditional: str, simplified: str) -> None:
    assert zh_to_en(traditional) == zh_to_en(simplified) != ()


def test_zh_to_en_of_an_unknown_word_is_empty() -> None:
    assert zh_to_en("刘爱力") == ()
    assert not in_dictionary("刘爱力")


@pytest.mark.parametrize("word", ["合作", "协议", "签", "里", "要", "部", "集团", "吉林", "湖北"])
def test_zh_to_en_glosses_are_clean_short_phrases(word: str) -> None:
    glosses = zh_to_en(word)
    assert glosses
    for gloss in glosses:
        assert gloss == gloss.lower().strip()
        assert not re.search(r"[()\[\]|/:]", gloss)
        assert not _HAN.search(gloss)
        assert not gloss.startswith(("to ", "cl", "variant of", "see ", "abbr", "lit."))
        assert "surname" not in gloss
        assert len(gloss.split()) <= 4


def test_zh_to_en_drops_the_surname_of_a_common_word() -> None:
    assert "liu" not in zh_to_en("刘")  # also "to kill"
    assert "kill" in zh_to_en("刘")


def test_zh_to_en_keeps_the_surname_of_a_mere_name() -> None:
    assert "han" in zh_to_en("韩")


def test_zh_to_en_of_a_place_gives_its_bare_name() -> None:
    assert "hubei" in zh_to_en("湖北")
    assert "jilin" in zh_to_en("吉林")


@pytest.mark.parametrize(("word", "expected"), [("北京", True), ("吉林", True), ("中国", True)])
def test_is_name_for_places(word: str, expected: bool) -> None:
    assert is_name(word) is expected


@pytest.mark.parametrize("word", ["合作", "农业", "里", "刘爱力", ""])
def test_is_name_false_for_words_and_unknowns(word: str) -> None:
    assert is_name(word) is False


def test_en_to_zh_finds_the_word_first() -> None:
    assert en_to_zh("agriculture")[0] == "农业"


@pytest.mark.parametrize(
    ("phrase", "word"),
    [
        ("Agriculture", "农业"),
        ("to sign", "签署"),
        ("  express   delivery ", "快递"),
        ("the bank", "银行"),
    ],
)
def test_en_to_zh_normalises_the_phrase(phrase: str, word: str) -> None:
    assert word in en_to_zh(phrase)


def test_en_to_zh_reads_an_irregular_form_as_its_lemma() -> None:
    assert en_to_zh("met") == en_to_zh("meet") != ()


@pytest.mark.parametrize(
    ("word", "expected"), [("簽署", "签署"), ("签署", "签署"), ("刘爱力", "刘爱力")]
)
def test_simplified(word: str, expected: str) -> None:
    assert simplified(word) == expected


def test_en_to_zh_of_an_unknown_phrase_is_empty() -> None:
    assert en_to_zh("qwertyuiop") == ()


def _forget_what_was_loaded() -> None:
    for loaded in (cedict._zh, cedict._en, cedict._traditional, cedict._entry):
        loaded.cache_clear()


def test_en_to_zh_loads_only_the_english_side() -> None:
    _forget_what_was_loaded()
    en_to_zh("agriculture")
    assert cedict._zh.cache_info().currsize == 0
    zh_to_en("农业")
    assert cedict._zh.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("text", "start", "length"),
    [
        ("中国邮政和农业", 0, 4),
        ("中国邮政和农业", 5, 2),
        ("中国邮政和农业", 4, 1),
        ("签署", 2, 0),
        ("签署", -1, 0),
    ],
)
def test_longest_match(text: str, start: int, length: int) -> None:
    assert longest_match(text, start) == length


def test_segment_prefers_the_longest_headword() -> None:
    assert segment("中国邮政和农业农村部签了什么协议？") == [
        "中国邮政", "和", "农业", "农村", "部", "签", "了", "什么", "协议", "？",
    ]  # fmt: skip


def test_segment_keeps_traditional_and_latin_runs() -> None:
    assert segment("中國郵政 EMS 2021年") == ["中國郵政", "EMS 2021", "年"]


@pytest.mark.parametrize(
    ("key", "value"),
    [("a", "1"), ("ab", "2"), ("b", "3"), ("农业", "4"), ("aa", None), ("c", None), ("", None)],
)
def test_sorted_table_finds_each_key(key: str, value: str | None) -> None:
    table = SortedTable("a\t1\nab\t2\nb\t3\n农业\t4\n".encode())
    assert table.get(key) == value


def test_sorted_table_empty() -> None:
    assert SortedTable(b"").get("a") is None


@pytest.mark.parametrize("data", [b"a\t1\nb\t2", b"a\t1\nb2\nc\t3\n"])
def test_sorted_table_rejects_a_broken_file(data: bytes) -> None:
    with pytest.raises(LexiconError, match=r"cedict_zh\.tsv"):
        SortedTable(data, "cedict_zh.tsv").get("b")


@pytest.mark.parametrize(
    "name",
    [
        "cedict_zh.tsv",
        "cedict_en.tsv",
        "cedict_traditional.tsv",
        "surnames.tsv",
        "wordnet_synonyms.tsv",
        "lemma_exceptions.tsv",
    ],
)
def test_shipped_tables_are_sorted_and_unique(name: str) -> None:
    keys = [key for key, _ in read_table(name).items()]
    assert keys and all(keys) and keys == sorted(set(keys))


def test_simplified_lookups_leave_the_traditional_table_unloaded() -> None:
    _forget_what_was_loaded()
    zh_to_en("农业")
    segment("中国邮政和刘爱力签了什么协议")
    assert cedict._traditional.cache_info().currsize == 0
    zh_to_en("農業")
    assert cedict._traditional.cache_info().currsize == 1


def test_no_headword_is_longer_than_longest_match_looks() -> None:
    assert max(len(key) for key, _ in cedict._zh().items()) <= cedict.LONGEST_HEADWORD


@pytest.mark.parametrize(
    ("key", "found"),
    [
        ("a", ("a", "1")),
        ("aa", ("ab", "2")),
        ("ac", ("b", "3")),
        ("c", ("农业", "4")),
        ("农", ("农业", "4")),
        ("龙", None),
    ],
)
def test_sorted_table_ceiling(key: str, found: tuple[str, str] | None) -> None:
    table = SortedTable("a\t1\nab\t2\nb\t3\n农业\t4\n".encode())
    assert table.ceiling(key) == found


def test_longest_match_agrees_on_simplified_and_traditional() -> None:
    simplified, traditional = (
        "中国邮政与吉林省政府签署战略合作协议",
        "中國郵政與吉林省政府簽署戰略合作協議",
    )
    assert [longest_match(simplified, i) for i in range(len(simplified))] == [
        longest_match(traditional, i) for i in range(len(traditional))
    ]


def test_sorted_table_lists_keys_with_a_prefix() -> None:
    table = SortedTable(b"a\t1\nab\t2\nabc\t3\nb\t4\n")
    assert table.starting_with("a", 10) == [("a", "1"), ("ab", "2"), ("abc", "3")]
    assert table.starting_with("ab", 1) == [("ab", "2")]
    assert table.starting_with("c", 10) == []
    assert table.starting_with("", 10) == []


def test_headwords_starting_a_short_form_include_the_name() -> None:
    from answers.lexicon import headwords_starting

    assert ("阿里巴巴", ("ali baba", "alibaba")) in headwords_starting("阿里")
    assert all(word != "阿里" for word, _ in headwords_starting("阿里"))
