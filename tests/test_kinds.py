"""Question kinds: each asks for a fact, checks the quoted passage holds it, and says when the
article that is clearly the subject does not give it."""

from __future__ import annotations

import pytest

from answers import Answerer
from answers.expand import expand
from answers.kinds import KINDS, Asked, kind_of
from corpus.model import Agreement, Article
from retrieval.index import Index

NANXIA = Article(
    id="nanxia",
    title="China Post and Nanxia city sign strategic cooperation agreement",
    source="Test Wire",
    published="2024-08-21",
    lang="en",
    paragraphs=(
        "Recently, China Post and the Nanxia Municipal Government signed a strategic "
        "cooperation agreement in Nanxia. Vice Mayor He Wenbin signed for the city.",
        "The two sides will cooperate in smart logistics parks, rural e-commerce and "
        "inclusive finance. China Post will build 12 county-level delivery centres within "
        "three years.",
        "Ticketing services are not part of the plan.",
    ),
    origin="nanxia.txt",
    agreement=Agreement(
        ("China Post", "Nanxia Municipal Government"),
        "strategic cooperation agreement",
        None,
        ("smart logistics parks", "rural e-commerce", "inclusive finance"),
    ),
)
MEETING = Article(
    id="meeting",
    title="China Post chairman meets Belpochta delegation",
    source="Test Wire",
    published="2023-08-01",
    lang="en",
    paragraphs=(
        "On July 28, China Post met a delegation of Belpochta in Beijing. The two sides "
        "agreed to set up a working group on cross-border parcels.",
    ),
    origin="meeting.txt",
    agreement=None,
)


@pytest.fixture(scope="module")
def small() -> Answerer:
    articles = [NANXIA, MEETING]
    return Answerer(articles, Index.build(articles, engine="rank-bm25"))


def test_every_kind_has_a_name_and_patterns_in_both_languages() -> None:
    for kind in KINDS:
        assert kind.name and set(kind.asks) == {"en", "zh"}


def test_money_the_article_lacks_is_said_plainly(small: Answerer) -> None:
    answer = small.answer("How much money will China Post invest in Nanxia's logistics parks?")
    assert not answer.answered and not answer.citations
    assert "does not give how much money" in answer.text
    assert NANXIA.title in answer.text


def test_duration_quotes_the_sentence_that_holds_it(small: Answerer) -> None:
    answer = small.answer("How long will it take to build the Nanxia delivery centres?")
    assert answer.answered and answer.text.startswith("three years.")


def test_time_of_day_the_article_lacks(small: Answerer) -> None:
    answer = small.answer("At what time was the Nanxia agreement signed?")
    assert not answer.answered and "time of day" in answer.text


def test_yes_no_answers_yes_with_the_sentence(small: Answerer) -> None:
    answer = small.answer("Is rural e-commerce part of the Nanxia deal?")
    assert answer.answered and answer.text.startswith("Yes.")


def test_yes_no_on_a_meeting_says_no_agreement(small: Answerer) -> None:
    answer = small.answer("Did China Post sign an agreement with Belpochta?")
    assert answer.answered and "No agreement" in answer.text
    assert [c.article_id for c in answer.citations] == ["meeting"]


def test_role_question_needs_the_holder_not_a_deputy(small: Answerer) -> None:
    assert not small.answer("Who is the mayor of Nanxia?").answered
    answer = small.answer("Who is the vice mayor of Nanxia?")
    assert answer.answered and "He Wenbin" in answer.text


def test_how_many_names_the_count_and_what_is_counted(small: Answerer) -> None:
    answer = small.answer("How many delivery centres will China Post build in Nanxia?")
    assert answer.text.startswith("12 county-level delivery centres.")


def test_kind_reads_the_corrected_question() -> None:
    query = expand("How much money will they invest?")
    kind = kind_of(query.corrected, "en")
    assert kind.name == "money"
    assert kind.needs_fact(Asked(query.corrected, "en", query))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("镇海 12个共配中心 几年建成", "duration"),
        ("中国邮政集团有限公司注册资本多少？", "money"),
        ("邮政和上汽的合作包括车辆运营吗？", "yesno"),
        ("Jinlanhe 医药那份是什么类型的协议？", "agreement"),
        ("江苏协议 签约地点", "where"),
    ],
)
def test_chinese_questions_get_their_kind(question: str, kind: str) -> None:
    assert kind_of(question, "zh").name == kind


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("中国邮政与某省人民政府在澜川签署战略合作框架协议。", "澜川"),  # a name no dictionary has
        ("省长在南京与到访的中国邮政一行会面。", "南京"),
        ("双方在现场签署协议。", None),  # an ordinary word is no place
        ("双方在物流体系能级提升方面加强合作。", None),
        ("The two sides signed the agreement in Nanjing on Monday.", "Nanjing"),
    ],
)
def test_place_is_a_name_or_an_unlisted_word_before_the_verb(text: str, found: str | None) -> None:
    from answers.kinds.where import place

    assert place(text) == found


MEETING_THEN_SIGNING = Article(
    id="jiangsu",
    title="中国邮政集团与江苏省政府签署战略合作协议",
    source="中国邮政报",
    published="2026-02-09",
    lang="zh",
    paragraphs=(
        "2月4日，江苏省委书记信长星在南京与到访的中国邮政集团有限公司董事长刘爱力一行会面。",
        "同日，中国邮政集团有限公司与江苏省人民政府签署战略合作协议。",
        "信长星说，江苏省两会正在举行，会议确定了今后五年的发展任务。",
    ),
    origin="jiangsu.txt",
    agreement=Agreement(
        ("中国邮政集团有限公司", "江苏省人民政府"), "战略合作协议", "2026-02-04", ()
    ),
)


OTHER = Article(
    id="other",
    title="中国邮政与某航空公司续签合作协议",
    source="中国邮政报",
    published="2025-09-18",
    lang="zh",
    paragraphs=("9月16日，双方续签战略合作协议，将在国际邮件运输方面深化合作。",),
    origin="other.txt",
    agreement=Agreement(("中国邮政集团有限公司", "某航空公司"), "战略合作协议", "2025-09-16", ()),
)


def test_the_fact_may_sit_in_the_sentence_beside_the_match() -> None:
    articles = [MEETING_THEN_SIGNING, OTHER, NANXIA, MEETING]
    answerer = Answerer(articles, Index.build(articles, engine="rank-bm25"))
    answer = answerer.answer("江苏协议 签署地点")
    assert answer.answered and "南京" in answer.text


def test_a_person_in_traditional_chinese_is_a_person() -> None:
    from answers.kinds.who import _names_a_person

    assert _names_a_person("中國郵政集團黨組成員、副總經理溫少祺代表雙方簽約。")
    assert not _names_a_person("雙方將在金融、快遞物流等領域開展合作。")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("coops federation deal - are recycled resources included?", "yesno"),
        ("SAIC deal: is leasing part of it?", "yesno"),
        ("What is the deal - and who signed it?", "who"),
    ],
)
def test_a_yes_no_question_may_follow_a_dash(question: str, kind: str) -> None:
    assert kind_of(question, "en").name == kind


LAB = Article(
    id="lab",
    title="Norbank inks fintech partnership with Quill Pay",
    source="Reuters",
    published="2019-11-27",
    lang="en",
    paragraphs=(
        "Norbank and Quill Pay signed a strategic cooperation agreement on Wednesday.",
        "The two sides will also set up a joint lab for fintech innovation.",
        "Rural finance is a core business for Norbank, and Quill Pay runs a payment app.",
    ),
    origin="lab.txt",
    agreement=Agreement(("Norbank", "Quill Pay"), "strategic cooperation agreement", None, ()),
)


def test_the_quote_is_the_sentence_with_the_topic_not_the_names() -> None:
    articles = [LAB, NANXIA, MEETING, MEETING_THEN_SIGNING]
    answerer = Answerer(articles, Index.build(articles, engine="rank-bm25"))
    answer = answerer.answer("What will Norbank and Quill Pay set up together?")
    assert answer.answered and "joint lab" in answer.text


def test_words_that_only_frame_a_question_never_count_against(shipped: Answerer) -> None:
    # "mention" (提到) asks where a topic appears; "led" asks who was in charge.
    answer = shipped.answer("哪个协议提到了智慧农业？")
    assert [c.article_id for c in answer.citations] == ["2021-07-03-china-post-group-and-ministry"]
    answer = shipped.answer("who led the China Post delegation to Jilin")
    assert answer.answered and "Liu Aili" in answer.text


def test_an_irregular_form_is_also_read_as_its_lemma() -> None:
    [led] = [c for c in expand("who led it").concepts if c.text == "led"]
    assert ("lead",) in led.alternatives
