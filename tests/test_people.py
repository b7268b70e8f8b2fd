"""People and their roles read from sentences by rules, for who-questions."""

from __future__ import annotations

import pytest

from answers.people import find_people, people_lead, people_question
from answers.translate import join, to_chinese

SIGNING = (
    "On June 28, Jing Junhai, secretary of the Jilin Provincial Committee of the Communist "
    "Party of China, and Han Jun, governor of Jilin province, met with Chairman Liu Aili of "
    "China Post Group Corporation Limited (hereinafter referred to as China Post Group) and "
    "his entourage in Changchun, and they jointly witnessed the signing of the agreement."
)
# Invented: other titles, other organisations, other word orders.
VISIT = (
    "Hunan Governor Mao Weiming and Zhang Jinliang, the president of Postal Savings Bank, "
    "attended the ceremony in Changsha."
)


def _people(sentence: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in find_people(sentence)]


def test_find_people_reads_appositive_and_titled_names() -> None:
    assert _people(SIGNING) == [
        (
            "Jing Junhai",
            "secretary of the Jilin Provincial Committee of the Communist Party of China",
        ),
        ("Han Jun", "governor of Jilin province"),
        ("Liu Aili", "chairman of China Post Group"),  # the alias, not the long name
    ]


def test_find_people_reads_title_after_organisation_and_the_appositive() -> None:
    assert _people(VISIT) == [
        ("Mao Weiming", "governor of Hunan"),
        ("Zhang Jinliang", "president of Postal Savings Bank"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "China Post Group and the Ministry of Agriculture signed an agreement.",
        "On June 28, the two sides met in Changchun.",
        "Chinese Farmers' Harvest Festival, a festival of the harvest, is in autumn.",
        "The Jilin Provincial Committee, secretary of nothing, met.",
    ],
)
def test_find_people_ignores_names_without_a_title(sentence: str) -> None:
    assert find_people(sentence) == []


def test_find_people_keeps_vice_titles_whole() -> None:
    (person,) = find_people("Li Ming, vice governor of Hubei province, spoke.")
    assert (
        person.title.title == "vice governor" and person.role == "vice governor of Hubei province"
    )


@pytest.mark.parametrize(
    "question, expected",
    [
        (
            "Who witnessed the signing?",
            "Jing Junhai (secretary of the Jilin Provincial Committee of the Communist Party of "
            "China) and Han Jun (governor of Jilin province) witnessed the signing; they met with "
            "Liu Aili (chairman of China Post Group).",
        ),
        (
            "who met the delegation",
            "Jing Junhai (secretary of the Jilin Provincial Committee of the Communist Party of "
            "China) and Han Jun (governor of Jilin province) met with Liu Aili (chairman of "
            "China Post Group).",
        ),
        ("Who is the chairman?", "Liu Aili is the chairman of China Post Group."),
        ("who is the governor", "Han Jun is the governor of Jilin province."),
        ("who is liu aili", "Liu Aili is the chairman of China Post Group."),
        ("who is the governer", "Han Jun is the governor of Jilin province."),
        (
            "who met the chairman",
            "Jing Junhai (secretary of the Jilin Provincial Committee of the Communist Party of "
            "China) and Han Jun (governor of Jilin province) met with Liu Aili (chairman of "
            "China Post Group).",
        ),
    ],
)
def test_people_lead_english(question: str, expected: str) -> None:
    assert people_lead(people_question(question), SIGNING, [], "en") == expected


def test_people_lead_the_head_of_is_whoever_heads_it() -> None:
    names = [(("china", "post", "group"),)]
    lead = people_lead(people_question("who is the head of china post group"), SIGNING, names, "en")
    assert lead == "Liu Aili is the chairman of China Post Group."


def test_people_question_does_not_read_ministry_as_minister() -> None:
    assert people_question("who did the ministry sign with").roles == ()


def test_people_lead_who_heads_prefers_the_named_organisation() -> None:
    asked = people_question("who heads postal savings bank")
    names = [(("postal", "save", "bank"),)]
    lead = people_lead(asked, VISIT, names, "en")
    assert lead == "Zhang Jinliang is the president of Postal Savings Bank."


def test_people_lead_chinese_translates_roles_through_the_glossary() -> None:
    lead = people_lead(people_question("谁见证了签约？"), SIGNING, [], "zh")
    assert lead == (
        "Jing Junhai（中共吉林省委书记）和Han Jun（吉林省省长）见证了签约；"
        "他们会见了Liu Aili（中国邮政集团董事长）。"
    )


def test_people_lead_chinese_keeps_english_role_the_glossary_lacks() -> None:
    lead = people_lead(people_question("谁出席了？"), VISIT, [], "zh")
    assert (
        lead
        == "Mao Weiming（湖南省长）和Zhang Jinliang（president of Postal Savings Bank）出席了。"
    )


@pytest.mark.parametrize(
    "question", ["Who signed the agreement?", "between whom was the deal", "谁签署了协议？"]
)
def test_people_lead_leaves_party_questions_alone(question: str) -> None:
    assert people_lead(people_question(question), SIGNING, [], "en") is None


def test_to_chinese_reverse_glossary() -> None:
    assert to_chinese("the Ministry of Agriculture and Rural Affairs") == "农业农村部"
    assert to_chinese("Jilin provincial government") == "吉林省人民政府"
    assert to_chinese("no such thing") is None


@pytest.mark.parametrize(
    "items, lang, text",
    [
        (["A"], "en", "A"),
        (["A", "B", "C"], "en", "A, B and C"),
        (["甲", "乙", "丙"], "zh", "甲、乙和丙"),
    ],
)
def test_join(items: list[str], lang: str, text: str) -> None:
    assert join(items, lang) == text
