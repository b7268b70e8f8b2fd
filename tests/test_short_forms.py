"""Chinese short forms and slips of pinyin input: a question's 供销社 or 阿里 read as the full
names the articles use, 协意 as the 协议 it was typed for."""

from __future__ import annotations

import pytest

from answers import Answerer
from answers.abbreviations import Reading, ShortForms, is_short_form
from corpus.model import Agreement, Article
from retrieval.index import Index
from retrieval.tokenize import tokenize


@pytest.mark.parametrize(
    ("short", "full"),
    [("供销社", "供销合作社"), ("供销社", "中华全国供销合作总社"), ("上汽", "上海汽车集团")],
)
def test_a_short_form_keeps_characters_in_order(short: str, full: str) -> None:
    assert is_short_form(short, full)


@pytest.mark.parametrize(
    ("short", "full"),
    [("社供", "供销合作社"), ("供销社", "供销社"), ("上汽", "上海市人民政府办公厅汽车服务中心")],
)
def test_other_words_are_no_short_forms(short: str, full: str) -> None:
    assert not is_short_form(short, full)


def _forms(vocabulary: list[str]) -> ShortForms:
    return ShortForms(lambda: vocabulary, lambda term: term in vocabulary)


def test_full_names_come_from_the_articles_terms() -> None:
    found = _forms(["中华全国供销合作总社", "物流"]).reading("供销社")
    assert found == Reading((("中华全国供销合作总社",),), is_name=True)


def test_a_dictionary_name_is_found_by_its_english_the_articles_have() -> None:
    found = _forms(["alibaba"]).reading("阿里")
    assert found is not None and ("alibaba",) in found.forms and found.is_name
    assert _forms(["logist"]).reading("阿里") is None


def test_a_word_the_articles_have_is_no_short_form() -> None:
    assert _forms(["供销社", "供销合作社"]).reading("供销社") is None


def test_a_slip_of_pinyin_input_reads_as_the_word_meant() -> None:
    found = _forms(["协议", "agreement"]).reading("协意")
    assert found is not None and found.typed_for == "协议" and not found.is_name
    assert ("agreement",) in found.forms
    # Only a word the articles have is meant: an unknown name stays unknown.
    assert _forms(["logist"]).reading("协意") is None


COOPS = Article(
    id="coops",
    title="中国邮政与供销合作总社签署战略合作协议",
    source="中国邮政报",
    published="2024-11-18",
    lang="zh",
    paragraphs=(
        "11月15日，中华全国供销合作总社和中国邮政集团有限公司在北京签订战略合作协议。",
        "双方将共建县级物流配送中心和冷链物流设施。",
    ),
    origin="coops.txt",
    agreement=Agreement(
        ("中华全国供销合作总社", "中国邮政集团有限公司"), "战略合作协议", "2024-11-15", ()
    ),
)
ALIBABA = Article(
    id="alibaba",
    title="Alibaba and China Post team up on logistics",
    source="China Daily",
    published="2014-06-12",
    lang="en",
    paragraphs=(
        "Alibaba Group and China Post signed a deal in Beijing on Thursday.",
        "The two sides will share warehouses, processing centres and delivery resources.",
    ),
    origin="alibaba.txt",
    agreement=Agreement(("Alibaba Group", "China Post"), "deal", "2014-06-12", ()),
)


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    articles = [COOPS, ALIBABA]
    return Answerer(articles, Index.build(articles, engine="rank-bm25"))


def test_short_form_finds_the_article_with_the_full_name(answerer: Answerer) -> None:
    answer = answerer.answer("供销社和邮政要共建哪些物流设施？")
    assert [c.article_id for c in answer.citations] == ["coops"]


def test_short_form_of_a_dictionary_name_finds_its_english_article(answerer: Answerer) -> None:
    answer = answerer.answer("阿里和邮政的合作要共享哪些资源？")
    assert [c.article_id for c in answer.citations] == ["alibaba"]


def test_unknown_short_name_still_declines(answerer: Answerer) -> None:
    assert not answerer.answer("蓝海社和邮政要共建哪些物流设施？").answered


def test_an_english_phrase_that_is_part_of_a_chinese_partys_name_names_it(
    answerer: Answerer,
) -> None:
    query = answerer._expand("What did the supply and marketing cooperatives sign?")
    assert [c.text for c in query.concepts if c.is_name] == ["supply and marketing"]
    # A single common word is never a name for it ("cooperation" is in the name too).
    query = answerer._expand("What cooperation was signed?")
    assert not any(c.is_name for c in query.concepts)


def test_a_known_name_is_also_read_as_the_glossary_name_it_is_short_for() -> None:
    found = _forms(["邮储"]).reading("邮储")  # the glossary has 邮储银行, Postal Savings Bank
    assert found is not None and found.keeps_own
    assert ("postal", "save", "bank") in found.forms


def test_a_run_of_text_is_a_full_name_only_when_it_does_not_hold_the_word_whole() -> None:
    forms = ShortForms(lambda: ["京东数字科技集团", "刘爱力一行会面"], lambda term: False)
    found = forms.reading("数科")
    assert found is not None and found.forms[0] == tuple(tokenize("京东数字科技集团"))
    assert forms.reading("刘爱力") is None


QIAOMU = Article(
    id="qiaomu",
    title="China Post and Qiaomu Cold Chain sign strategic cooperation agreement",
    source="China Post",
    published="2017-03-14",
    lang="en",
    paragraphs=(
        "China Post Group and Qiaomu Cold Chain Logistics Co., Ltd. signed a strategic "
        "cooperation agreement in Beijing on March 10.",
        "Under the agreement, the two companies will cooperate in refrigerated warehousing "
        "and cold chain trunk transport.",
    ),
    origin="qiaomu.txt",
    agreement=Agreement(
        ("China Post Group", "Qiaomu Cold Chain Logistics Co., Ltd."),
        "strategic cooperation agreement",
        "2017-03-10",
        ("refrigerated warehousing", "cold chain trunk transport"),
    ),
)


def test_chinese_words_spelling_an_english_articles_name_read_as_that_name() -> None:
    articles = [QIAOMU, COOPS, ALIBABA]
    answerer = Answerer(articles, Index.build(articles, engine="rank-bm25"))
    [name] = [c for c in answerer._expand("乔木冷链和邮政在哪些方面合作？").concepts if c.is_name]
    assert name.text == "乔木" and ("qiaomu",) in name.alternatives
    answer = answerer.answer("乔木冷链和邮政在哪些方面合作？")
    assert [c.article_id for c in answer.citations] == ["qiaomu"]
    # A word no article has after the name is part of it; a name no article spells is not.
    assert answerer._expand("乔木药业签了什么").concepts[0].text == "乔木药业"
    assert not answerer.answer("桦木冷链和邮政在哪些方面合作？").answered
