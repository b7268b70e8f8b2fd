"""Follow-up questions: the refer-back rule and the per-chat memory."""

from __future__ import annotations

import pytest

from answers.followup import ConversationMemory, FollowUpRule, Reference, refers_back
from answers.model import Answer, Citation
from corpus.model import Agreement, Article


def _article(id_: str, parties: tuple[str, ...], text: str) -> Article:
    return Article(
        id=id_,
        title=f"{' and '.join(parties)} sign cooperation agreement",
        source="China Post",
        published="2022-06-29",
        lang="en",
        paragraphs=(text,),
        origin=f"{id_}.txt",
        agreement=Agreement(parties=parties, kind="cooperation", signed_on=None, areas=()),
    )


_ALIASES = [
    ("吉林", "Jilin"),
    ("吉林省", "Jilin province"),
    ("农业农村部", "Ministry of Agriculture and Rural Affairs"),
    ("中国邮政", "China Post"),
    ("长春", "Changchun"),
    ("广东", "Guangdong"),
]


@pytest.fixture
def articles() -> list[Article]:
    return [
        _article(
            "jilin",
            ("China Post Group Corporation Limited", "Jilin provincial government"),
            "Jing Junhai and Han Jun met Liu Aili in Changchun and witnessed the signing.",
        ),
        _article(
            "mara",
            ("China Post Group Corporation Limited", "Ministry of Agriculture and Rural Affairs"),
            "The two parties will cooperate in six key areas including cold chain logistics.",
        ),
    ]


@pytest.fixture
def rule(articles: list[Article]) -> FollowUpRule:
    return FollowUpRule.from_articles(articles, aliases=_ALIASES)


@pytest.mark.parametrize(
    "question",
    [
        "Who witnessed it?",
        "when was that signed?",
        "what about the areas?",
        "Where did they meet?",
        "When was the agreement signed?",
        "and the date?",
        "它是什么时候签的？",
        "这个协议",
        "双方在哪些领域合作？",
        "领域呢？",
        "When did China Post sign it?",
        "Who witnessed it’s signing?",
        "中国邮政是什么时候和他们签的？",
        "Who did they meet in Changchun?",
        "长春那次会议谁参加了？",
        "when?",
        "Where exactly?",
        "and who?",
        "什么时候？",
        "谁",
    ],
)
def test_refers_back_true_for_questions_leaning_on_the_conversation(
    rule: FollowUpRule, question: str
) -> None:
    assert rule.refers_back(question)


@pytest.mark.parametrize(
    "question",
    [
        "When did China Post sign with Jilin?",
        "who witnessed the jilin agreement?",
        "Which areas does the MARA agreement cover?",
        "When did the Ministry of Agriculture and Rural Affairs sign it?",
        "中国邮政和吉林省什么时候签署的合作协议？",
        "它和农业农村部的协议是什么时候签的？",
        "What is the double thousand project?",
        "What is the project that aims to serve family farms?",
        "Is there an agreement on cold chain logistics?",
        "What about Hebei?",
        "When did Guangdong sign it?",
        "what about guangdong?",
        "广东呢？",
        "吉林省的那个协议是什么时候签的？",
        "比特币现在的价格是多少？",
        "其他协议有哪些？",
        "when is the next agreement?",
        "谁签的吉林协议？",
        "",
        "   ",
    ],
)
def test_refers_back_false_for_self_contained_questions(rule: FollowUpRule, question: str) -> None:
    assert not rule.refers_back(question)


def test_rule_leaves_out_names_every_agreement_shares(rule: FollowUpRule) -> None:
    assert "jilin" in rule.names
    assert "mara" in rule.names
    assert "吉林" in rule.names
    assert "china post" not in rule.names


def test_rule_names_strangers_the_corpus_never_mentions(rule: FollowUpRule) -> None:
    assert {"广东", "guangdong"} <= rule.strangers
    assert "长春" not in rule.strangers
    assert "中国邮政" not in rule.strangers | rule.names


def test_rule_reads_the_glossary_names_by_default(articles: list[Article]) -> None:
    rule = FollowUpRule.from_articles(articles)
    assert "吉林" in rule.names
    assert not rule.refers_back("吉林的协议是什么时候签的？")


def test_refers_back_without_vocabulary_ignores_capitalised_words() -> None:
    assert refers_back("What about Hebei?", names={"jilin"})
    assert not refers_back("What about Jilin?", names={"jilin"})


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_memory_recalls_the_last_article_per_chat() -> None:
    memory = ConversationMemory()
    memory.remember("chat-a", "jilin")
    memory.remember("chat-b", "mara")
    assert memory.recall("chat-a") == "jilin"
    assert memory.recall("chat-b") == "mara"
    assert memory.recall("chat-c") is None


def test_memory_forgets_after_thirty_minutes() -> None:
    clock = _Clock()
    memory = ConversationMemory(clock=clock)
    memory.remember(1, "jilin")
    clock.now += 30 * 60 - 1
    assert memory.recall(1) == "jilin"
    clock.now += 2
    assert memory.recall(1) is None
    assert len(memory) == 0


def test_memory_keeps_at_most_max_chats_dropping_the_oldest() -> None:
    memory = ConversationMemory(max_chats=2)
    memory.remember(1, "a")
    memory.remember(2, "b")
    memory.remember(1, "a2")
    memory.remember(3, "c")
    assert len(memory) == 2
    assert memory.recall(2) is None
    assert memory.recall(1) == "a2"


def _answer(answered: bool, article_id: str = "jilin") -> Answer:
    citation = Citation(article_id, "t", "s", "2022-06-29", "snippet", 1.0)
    return Answer("q", answered, "text", "en", (citation,) if answered else ())


def test_memory_note_keeps_the_last_article_through_an_abstention() -> None:
    memory = ConversationMemory()
    memory.note("c", _answer(True, "mara"))
    memory.note("c", _answer(False))
    assert memory.recall("c") == "mara"


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("Who witnessed it?", Reference.POINTING),
        ("what about the areas?", Reference.POINTING),
        ("这个协议", Reference.POINTING),
        ("When was the agreement signed?", Reference.DEFINITE),
        ("What will the two sides set up?", Reference.DEFINITE),
        ("双方在哪些领域合作？", Reference.DEFINITE),
        ("What is the double thousand project?", Reference.NONE),
        ("When was the Jilin agreement signed?", Reference.NONE),
    ],
)
def test_reference_pointing_or_definite(
    rule: FollowUpRule, question: str, reference: Reference
) -> None:
    assert rule.reference(question) is reference


def test_rule_a_party_shared_under_two_names_tells_none_apart() -> None:
    rule = FollowUpRule.from_articles(
        [
            _article("a", ("China Post Group", "Jilin provincial government"), "x"),
            _article("b", ("China Post", "Ministry of Agriculture and Rural Affairs"), "y"),
        ],
        aliases=[("邮政集团", "China Post Group")],
    )
    assert rule.names.isdisjoint({"china post group", "china post", "cpg", "邮政集团"})
    assert rule.refers_back("When did China Post Group sign it?")


def test_memory_drops_expired_chats_as_it_remembers_others() -> None:
    clock = _Clock()
    memory = ConversationMemory(clock=clock)
    memory.remember("old", "jilin")
    clock.now += 31 * 60
    memory.remember("new", "mara")
    assert len(memory) == 1
