"""The answer layer: question types, templates, citations, abstention, synonyms, glossary."""

from __future__ import annotations

import re

import pytest
from answers_fixtures import TINY_CORPUS

from answers import Answerer
from answers.coverage import Evidence, Weigher, is_answerable
from answers.expand import expand
from answers.kinds import Asked, kind_of
from answers.questions import question_lang
from answers.spelling import Speller
from answers.templates import format_date
from corpus.model import Agreement, Article
from retrieval.index import Index


@pytest.mark.parametrize(
    "question, kind",
    [
        ("When did China Post sign with Jilin?", "when"),
        ("what date was the deal", "when"),
        ("Who witnessed the signing?", "who"),
        ("What is Liu Aili's position?", "who"),
        ("Where did they meet?", "where"),
        ("which city was it signed in", "where"),
        ("How many tasks are there?", "how_many"),
        ("How much money will China Post invest?", "money"),
        ("How long does the agreement run?", "duration"),
        ("At what time was it signed?", "time_of_day"),
        ("Is ticketing part of the deal?", "yesno"),
        ("Why did they sign?", "aim"),
        ("Which areas will they cooperate in?", "areas"),
        ("jilin areas", "areas"),
        ("What is the double thousand project?", "definition"),
        ("中国邮政和吉林省什么时候签署的合作协议？", "when"),
        ("谁见证了签约？", "who"),
        ("在哪里签署的？", "where"),
        ("有多少项任务？", "how_many"),
        ("注册资本多少？", "money"),
        ("几点签的？", "time_of_day"),
        ("合作包括车辆运营吗？", "yesno"),
        ("合作包括哪些领域？", "areas"),
    ],
)
def test_question_kind(question: str, kind: str) -> None:
    assert kind_of(question, question_lang(question)).name == kind


def test_answer_when_uses_signed_date_and_cites(tiny: Answerer) -> None:
    answer = tiny.answer("When did China Post sign with Jilin?")
    assert answer.answered and answer.lang == "en"
    assert answer.text.startswith("It was signed on June 28, 2022.")
    (citation,) = answer.citations
    assert (citation.article_id, citation.published, citation.source) == (
        "jilin",
        "2022-06-29",
        "China Post",
    )
    assert citation.title in answer.text and "2022-06-29" in answer.text


def test_answer_when_without_signed_date_gives_published(tiny: Answerer) -> None:
    answer = tiny.answer("When did the Ministry of Agriculture sign the agreement?")
    assert answer.answered
    assert "does not give the signing date" in answer.text and "2021-07-03" in answer.text


def test_answer_where_names_the_place(tiny: Answerer) -> None:
    assert tiny.answer("Where did the Jilin governor meet Liu Aili?").text.startswith(
        "In Changchun."
    )


def test_answer_how_many_gives_the_count(tiny: Answerer) -> None:
    assert tiny.answer("how many specific tasks").text.startswith("9 specific tasks.")


def test_answer_list_gives_agreement_areas(tiny: Answerer) -> None:
    text = tiny.answer("Which areas will Jilin and China Post cooperate in?").text
    assert text.startswith("The agreement covers financial services, e-commerce and express.")


def test_answer_default_quotes_best_sentence(tiny: Answerer) -> None:
    answer = tiny.answer("cold chain logistics")
    assert "“They will build cold chain logistics facilities" in answer.text
    assert answer.citations[0].snippet.startswith("They will build cold chain")


def test_answer_highlights_are_words_of_the_text_that_match(tiny: Answerer) -> None:
    answer = tiny.answer("cold chain logistics")
    assert {"cold", "chain", "logistics"} <= set(answer.highlights)
    for word in answer.highlights:
        assert re.search(rf"\b{re.escape(word)}\b", answer.text)


def test_answer_synonyms_match_article_words(tiny: Answerer) -> None:
    # "goal" is not in the article; "aims" is.
    answer = tiny.answer("what is the goal for family farms")
    assert answer.answered and "aims to serve 1000 family farms" in answer.text


def test_answer_repairs_typos(tiny: Answerer) -> None:
    answer = tiny.answer("who witnesed the signing with jilin")
    assert answer.answered and "Han Jun" in answer.text


def test_answer_misspelt_question_word_keeps_the_kind(tiny: Answerer) -> None:
    assert tiny.answer("wen did china post sign with jilin").text.startswith("It was signed")


def test_answer_chinese_question_gets_chinese_template(tiny: Answerer) -> None:
    answer = tiny.answer("中国邮政和吉林省什么时候签署的合作协议？")
    assert answer.lang == "zh" and answer.answered
    assert answer.text.startswith("签署日期：2022年6月28日。")
    assert answer.citations[0].article_id == "jilin"


def test_answer_chinese_question_matches_chinese_article(tiny: Answerer) -> None:
    answer = tiny.answer("中国邮政和湖南省在哪里签署的协议？")
    assert answer.citations[0].article_id == "hunan"
    assert answer.text.startswith("地点：长沙。")


def test_answer_glossary_acronym(tiny: Answerer) -> None:
    assert tiny.answer("MARA cold chain").citations[0].article_id == "farming"


@pytest.mark.parametrize(
    "question",
    [
        "When did China Post sign with Hubei?",
        "china post hubei agreement",
        "中国邮政和湖北省什么时候签约？",
        "What will the weather be in Beijing tomorrow?",
        "qwzx plorf vrrk",
        "hello",
        "when did china post sign with alibaba",
    ],
)
def test_answer_abstains(tiny: Answerer, question: str) -> None:
    answer = tiny.answer(question)
    assert not answer.answered
    assert answer.citations == () and answer.highlights == ()


def test_abstain_text_says_what_the_bot_knows(tiny: Answerer) -> None:
    text = tiny.answer("Who won the World Cup?").text
    assert "3 cooperation agreements" in text
    assert "2021-07-03" in text and "2023-05-11" in text and "/agreements" in text


def test_abstain_in_chinese(tiny: Answerer) -> None:
    answer = tiny.answer("比特币现在的价格是多少？")
    assert answer.lang == "zh" and "3 项合作协议" in answer.text


def test_answer_empty_question_is_not_answered(tiny: Answerer) -> None:
    answer = tiny.answer("   ")
    assert not answer.answered and "ask a question" in answer.text


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "I know 3 cooperation agreements of China Post, from articles published "
            "between 2021-07-03 and 2023-05-11.",
        ),
        ("zh", "我知道中国邮政的 3 项合作协议，文章发布于 2021-07-03 至 2023-05-11。"),
    ],
)
def test_summary(tiny: Answerer, lang: str, expected: str) -> None:
    assert tiny.summary(lang) == expected


def test_summary_of_an_empty_corpus() -> None:
    answerer = Answerer([], Index.build(TINY_CORPUS[:1]))
    assert answerer.summary("en") == "I know no cooperation agreements yet."


def test_followup_searches_only_that_article(tiny: Answerer) -> None:
    answer = tiny.answer("Who witnessed it?", about="jilin")
    assert answer.answered and answer.citations[0].article_id == "jilin"


def test_followup_when_answers_from_the_article(tiny: Answerer) -> None:
    answer = tiny.answer("它是什么时候签的？", about="hunan")
    assert answer.text.startswith("签署日期：2023年5月10日。")


def test_followup_never_cites_another_article(tiny: Answerer) -> None:
    answer = tiny.answer("cold chain logistics", about="jilin")
    assert not answer.answered or answer.citations[0].article_id == "jilin"


def test_followup_still_refuses_unknown_names(tiny: Answerer) -> None:
    assert not tiny.answer("Who won the World Cup?", about="jilin").answered


def test_followup_about_unknown_article_is_a_plain_question(tiny: Answerer) -> None:
    answer = tiny.answer("cold chain logistics", about="no-such-article")
    assert answer.citations[0].article_id == "farming"


def test_shipped_corpus_hubei_is_not_answered_with_jilin(shipped: Answerer) -> None:
    assert not shipped.answer("When did China Post sign with Hubei?").answered


def test_expand_glossary_maps_chinese_to_english() -> None:
    concepts = expand("吉林省冷链").concepts
    assert ("jilin", "provinc") in concepts[0].alternatives
    assert ("cold", "chain") in concepts[1].alternatives


def test_expand_question_words_are_soft() -> None:
    query = expand("When and where was it signed?")
    assert [c.text for c in query.hard] == ["signed"]


def test_weigher_unknown_word_counts_against(tiny: Answerer) -> None:
    weigher = Weigher(tiny.index.idf, tiny.index.unseen_idf())
    terms = frozenset(tiny.index.tokens[0])  # the Jilin title
    assert weigher.coverage(expand("Jilin agreement"), terms) == 1.0
    # An unknown name counts in full; an ordinary word no article uses counts lightly.
    named = weigher.coverage(expand("Jilin agreement Hubei"), terms)
    common = weigher.coverage(expand("Jilin agreement weather"), terms)
    assert named < 0.6 < common < 1.0


def test_is_answerable_needs_a_margin_over_the_runner_up() -> None:
    best = Evidence("a", 0.8, 0.8)
    assert is_answerable(best, None)
    assert not is_answerable(best, Evidence("b", 0.8, 0.75))
    assert not is_answerable(Evidence("a", 0.3, 0.9), None)


def test_speller_corrects_one_edit() -> None:
    speller = Speller.from_texts(["They witnessed the signing"], question_words=["when"])
    assert speller.correct("witnesed") == "witnessed"
    assert speller.correct("wen") == "when"
    assert speller.correct("zzzzzz") is None


@pytest.mark.parametrize(
    "iso, lang, text",
    [("2022-06-28", "en", "June 28, 2022"), ("2022-06-28", "zh", "2022年6月28日")],
)
def test_format_date(iso: str, lang: str, text: str) -> None:
    assert format_date(iso, lang) == text


def test_answer_equal_articles_cites_the_most_recent_and_says_so(tiny: Answerer) -> None:
    answer = tiny.answer("When did China Post sign the agreement?")
    assert answer.citations[0].article_id == "hunan"  # 2023, over 2022 and 2021
    assert "3 articles fit this question equally well" in answer.text


def test_answer_english_question_finds_chinese_article(tiny: Answerer) -> None:
    answer = tiny.answer("hunan e-commerce")
    assert answer.answered and answer.citations[0].article_id == "hunan"
    assert "电子商务" in answer.text


def test_answer_who_signed_names_the_parties(tiny: Answerer) -> None:
    answer = tiny.answer("Who signed the agreement in Jilin?")
    assert answer.text.startswith(
        "The agreement is between China Post and the Jilin provincial government."
    )


def test_answer_who_witnessed_names_the_people_with_roles(tiny: Answerer) -> None:
    answer = tiny.answer("Who witnessed the signing in Jilin?")
    assert answer.text.startswith(
        "Han Jun (governor of Jilin province) witnessed the signing; "
        "they met with Liu Aili (chairman of China Post Group)."
    )


def test_answer_who_holds_a_role(tiny: Answerer) -> None:
    answer = tiny.answer("who is the chairman of china post group")
    assert answer.text.startswith("Liu Aili is the chairman of China Post Group.")


def test_answer_chinese_who_holds_a_role(tiny: Answerer) -> None:
    answer = tiny.answer("中国邮政集团的董事长是谁？")
    assert answer.text.startswith("中国邮政集团董事长是 Liu Aili。")


def test_speller_leaves_short_real_words_alone() -> None:
    speller = Speller.from_texts(["smart letterboxes"], question_words=["when"])
    assert speller.correct("start") is None


@pytest.mark.parametrize(
    "question",
    [
        "中国邮政和农业农村部签了什么协议？",
        "吉林和中国邮政签署了什么",
        "what agreement did China Post sign with Jilin",
        "what kind of deal did they make",
        "what did china post sign with jilin",
    ],
)
def test_question_kind_what_agreement(question: str) -> None:
    assert kind_of(question, question_lang(question)).name == "agreement"


def test_question_kind_what_the_agreement_says_is_not_what_agreement() -> None:
    kind = kind_of("What does the agreement say about smart letterboxes?", "en")
    assert kind.name == "definition"


def test_answer_what_agreement_in_english(tiny: Answerer) -> None:
    answer = tiny.answer("what agreement did china post sign with the ministry of agriculture")
    assert answer.text.startswith(
        "China Post Group and the Ministry of Agriculture and Rural Affairs signed "
        "a strategic cooperation agreement.\n"
    )


def test_answer_what_agreement_in_chinese_translates_through_the_glossary(tiny: Answerer) -> None:
    answer = tiny.answer("吉林和中国邮政签署了什么")
    assert answer.text.startswith(
        "中国邮政与吉林省人民政府于2022年6月28日签署了合作框架协议"
        "（cooperation framework agreement）。"
    )


def test_answer_what_agreement_of_a_chinese_article(tiny: Answerer) -> None:
    answer = tiny.answer("中国邮政和湖南签了什么协议？")
    assert answer.text.startswith("中国邮政与湖南省人民政府于2023年5月10日签署了战略合作协议。")


def test_answer_what_agreement_with_an_unknown_party_abstains(tiny: Answerer) -> None:
    assert not tiny.answer("what agreement did china post sign with hubei").answered


def test_answer_chinese_areas_are_translated(tiny: Answerer) -> None:
    assert tiny.answer("吉林 合作 领域").text.startswith("合作领域：金融服务、电商和快递。")


def test_lead_what_agreement_keeps_english_the_glossary_lacks() -> None:
    article = Article(
        id="acme",
        title="China Post and Acme Freight sign memorandum",
        source="China Post",
        published="2024-01-02",
        lang="en",
        paragraphs=("China Post and Acme Freight signed a memorandum.",),
        origin="acme.txt",
        agreement=Agreement(
            ("China Post", "Acme Freight"), "memorandum of understanding", None, ()
        ),
    )
    query = expand("中国邮政和Acme签了什么协议")
    kind = kind_of(query.question, "zh")
    text = kind.lead(Asked(query.question, "zh", query), article, article.paragraphs[0])
    assert text == "中国邮政与Acme Freight签署了memorandum of understanding，发布于2024-01-02。"


def test_answer_what_is_leads_with_the_definition(shipped: Answerer) -> None:
    answer = shipped.answer("What is the double thousand project?")
    assert answer.text.startswith(
        'The "double thousand project": China Post aims to reach out to serve 1000 family '
        "farms and 1000 agricultural cooperatives.\n“"
    )
    assert answer.text.splitlines()[-1].startswith("Source: China Post and Jilin")


def test_answer_what_is_without_a_definition_quotes_the_sentence(tiny: Answerer) -> None:
    assert tiny.answer("what is the goal for family farms").text.startswith("“")


def test_answerer_warm_up_loads_jieba_in_a_fresh_process() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from answers import Answerer\n"
        "a = Answerer.load()\n"
        "assert 'jieba' not in sys.modules\n"
        "a.warm_up()\n"
        "assert 'jieba' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
