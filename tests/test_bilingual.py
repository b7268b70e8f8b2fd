"""Questions across languages: Chinese read through CC-CEDICT, English read in Chinese when the
corpus has Chinese articles, names spelt in pinyin, names typed in lowercase."""

from __future__ import annotations

import pytest

from answers import Answerer
from answers.bilingual import (
    ChineseNames,
    chinese_of,
    english_forms,
    han_word_reading,
    han_words,
    near_synonyms,
    organisation_head,
)
from answers.expand import expand
from corpus.model import Agreement, Article
from retrieval.index import Index
from retrieval.tokenize import tokenize

NANXIA_ZH = Article(
    id="nanxia",
    title="中国邮政与南霞市政府签署战略合作协议",
    source="南方财讯",
    published="2024-08-21",
    lang="zh",
    paragraphs=(
        "近日，中国邮政集团有限公司与南霞市人民政府在南霞签署战略合作协议。",
        "南霞市副市长何文斌、中国邮政集团有限公司副总经理梁正分别代表双方签约。",
        "双方将在智慧物流园区建设、农村电商、邮政普惠金融等领域开展合作。",
    ),
    origin="nanxia.txt",
    agreement=Agreement(
        ("中国邮政集团有限公司", "南霞市人民政府"), "战略合作协议", None, ("智慧物流园区建设",)
    ),
)
DALIAN_EN = Article(
    id="dalian",
    title="China Post Group and Dalian sign strategic cooperation agreement",
    source="China Post",
    published="2019-02-28",
    lang="en",
    paragraphs=(
        "China Post Group and the Dalian Municipal Government signed a strategic cooperation "
        "agreement in Dalian on February 26.",
        "Present at the ceremony were Tan Chengxu, mayor of Dalian, and Liu Aili, chairman of "
        "China Post Group.",
    ),
    origin="dalian.txt",
    agreement=Agreement(
        ("China Post Group", "Dalian Municipal Government"),
        "strategic cooperation agreement",
        "2019-02-26",
        ("logistics",),
    ),
)


@pytest.fixture(scope="module")
def mixed() -> Answerer:
    articles = [NANXIA_ZH, DALIAN_EN]
    return Answerer(articles, Index.build(articles, engine="rank-bm25"))


def test_english_forms_try_regular_endings_and_american_spelling() -> None:
    assert "establish" in english_forms("established")
    assert "center" in english_forms("centres")


def test_chinese_of_reads_an_inflected_word_as_its_base() -> None:
    assert ("成立",) in chinese_of("established")


def test_chinese_word_gets_its_english() -> None:
    [(_, alternatives, is_name, function)] = list(han_word_reading("签署"))
    assert ("sign",) in alternatives and not is_name and not function


def test_unknown_word_with_a_particle_is_read_without_it() -> None:
    assert [text for text, *_ in han_word_reading("签了")] == ["签"]


def test_chinese_names_are_found_by_their_pinyin() -> None:
    names = ChineseNames(["南霞市人民政府", "中国邮政与云岫港务集团签署合作备忘录"])
    assert names.find("Nanxia") == (tuple(tokenize("南霞")),)
    # A name jieba cuts apart is found all the same, in the index's words.
    assert names.find("Yunxiu") == (tuple(tokenize("云岫")),)
    assert names.find("Beijing") == ()


def test_english_question_finds_a_chinese_article(mixed: Answerer) -> None:
    answer = mixed.answer("Who signed the Nanxia agreement on behalf of the city?")
    assert answer.answered and [c.article_id for c in answer.citations] == ["nanxia"]
    assert "何文斌" in answer.text


def test_chinese_question_finds_an_english_article(mixed: Answerer) -> None:
    answer = mixed.answer("大连那份协议是哪天签的？")
    assert [c.article_id for c in answer.citations] == ["dalian"]
    assert "2019年2月26日" in answer.text


def test_lowercase_word_the_articles_capitalise_is_a_name(mixed: Answerer) -> None:
    query = mixed._expand("who attended the dalian signing ceremony?")
    assert [c.text for c in query.concepts if c.is_name] == ["dalian"]
    answer = mixed.answer("who attended the dalian signing ceremony?")
    assert answer.answered and "Tan Chengxu" in answer.text


def test_english_question_over_english_corpus_does_not_load_the_dictionary() -> None:
    from answers.lexicon import cedict

    cedict._en.cache_clear()
    expand("When did China Post sign with the provinces?")
    assert cedict._en.cache_info().currsize == 0
    expand("When did China Post sign with the provinces?", bilingual=True)
    assert cedict._en.cache_info().currsize == 1


def test_unknown_english_name_still_declines(mixed: Answerer) -> None:
    assert not mixed.answer("When did China Post sign with Kazakhstan Post?").answered


@pytest.mark.parametrize(
    ("run", "word"),
    [
        ("刘爱力和他们见面", "刘爱力"),  # a surname and the given name jieba cut from it
        ("谁签的字", "签字"),  # a separable verb split by a particle
        ("他们见了面", "见面"),
        ("邮储银行和蚂蚁金服合作", "蚂蚁金服"),  # the longest dictionary word
        ("供销合作总社那边是谁", "供销合作总社"),  # an organisation's name, whole
    ],
)
def test_han_words_join_what_the_lexicon_reads_as_one_word(run: str, word: str) -> None:
    assert word in han_words(run)


@pytest.mark.parametrize("run", ["哪些公司签了协议", "我的快递到哪里了", "刘"])
def test_han_words_leave_ordinary_words_apart(run: str) -> None:
    assert "".join(han_words(run)) == run
    assert all(organisation_head(w) is None for w in han_words(run))


def test_organisation_head_is_the_name_before_its_designator() -> None:
    assert organisation_head("上汽集团") == "上汽"
    assert organisation_head("供销合作总社") == "供销合作"
    assert organisation_head("集团") is None
    assert organisation_head("银行") is None


def test_near_synonyms_share_a_gloss_and_a_character() -> None:
    assert ("签署",) in near_synonyms("签")
    assert ("签署",) in near_synonyms("签字")
    assert all(set(alt[0]) & set("签") for alt in near_synonyms("签"))


def test_organisation_name_is_one_name_not_its_words() -> None:
    [concept] = [c for c in expand("供销合作总社那边是谁签的字？").concepts if c.is_name]
    assert concept.text == "供销合作总社"
    # Its words' English ("supply", "cooperation") never stand for it.
    assert ("cooper",) not in concept.alternatives


def test_acronym_finds_its_spelt_out_words(mixed: Answerer) -> None:
    ceo = next(c for c in expand("Who is the CEO?").concepts if c.text == "CEO")
    assert ("chief", "execut", "offic") in ceo.alternatives


def test_hyphenated_word_the_dictionary_has_whole_is_one_concept() -> None:
    [concept] = [c for c in expand("county-level centres", bilingual=True).concepts][:1]
    assert concept.text == "county-level" and ("县级",) in concept.alternatives


def test_hyphenated_word_is_otherwise_read_part_by_part() -> None:
    texts = [c.text for c in expand("hand-made", bilingual=True).concepts]
    assert texts == ["hand", "made"]


def test_a_word_the_dictionary_lacks_is_read_through_its_synonyms() -> None:
    mou = next(c for c in expand("the MoU", bilingual=True).concepts if c.text == "MoU")
    assert ("备忘录",) in mou.alternatives


def test_a_chinese_word_is_also_read_as_the_synonyms_of_its_english() -> None:
    [memo] = [c for c in expand("备忘录涉及铁路吗").concepts if c.text == "备忘录"]
    assert ("mou",) in memo.related


def test_definition_question_frame_words_never_count_against() -> None:
    from answers.kinds import kind_of

    query = expand("供销合作社指的是哪个机构？")
    kind = kind_of(query.corrected, "zh")
    softened = kind.soften(query)
    assert [c.text for c in softened.hard] == ["供销合作社"]


def test_hyphenated_word_the_dictionary_lists_with_its_hyphen() -> None:
    [concept] = expand("cross-border", bilingual=True).concepts
    assert ("跨境",) in concept.alternatives
