"""Who signed, witnessed or attended, who holds a role, what a person's role is: people."""

from __future__ import annotations

import re

from answers.compose import parties_phrase
from answers.kinds.base import Asked, QuestionKind, cue_words
from answers.people import Role, find_people, people_lead, people_question
from answers.templates import render
from corpus.model import Article
from corpus.text import HAN, to_simplified

# A "who" question about the agreement itself is answered with its parties first.
_PARTY_WORDS = re.compile(
    r"\b(sign\w*|agreements?|deal|parties|partners?|between|whom|which compan\w+)\b"
    r"|签|簽|协议|協議|双方|雙方",
    re.IGNORECASE,
)


def _lead(asked: Asked, article: Article, text: str) -> str | None:
    names = [c.alternatives for c in asked.query.concepts if c.is_name and not c.soft]
    found = people_lead(people_question(asked.text), text, names, asked.lang)
    if found:
        return found
    agreement = article.agreement
    if agreement and agreement.parties and _PARTY_WORDS.search(asked.text):
        parties = parties_phrase(asked.lang, agreement.parties, zh_separator="、")
        return render(asked.lang, "who", parties=parties)
    return None


def _holds(text: str, asked: Asked) -> bool:
    roles = people_question(asked.text).roles
    if roles:
        return _holder_of(roles, text)
    return bool(find_people(text)) or _names_a_person(text)


def _holder_of(roles: tuple[Role, ...], text: str) -> bool:
    """Whether `text` names someone with one of `roles` (a mayor, not a vice mayor)."""
    if any(person.title in roles for person in find_people(text)):
        return True
    return any(
        re.search(rf"(?<!副){re.escape(role.chinese)}[{HAN}]{{2,3}}", text)
        for role in roles
        if role.chinese and not role.chinese.startswith("副")
    )


def _asks_a_role(asked: Asked) -> bool:
    return bool(people_question(asked.text).roles)


# A name as Chinese articles give it: a title then two or three characters (董事长刘爱力),
# or "A、B" lists of signatories.
_ZH_PERSON = re.compile(
    r"(?:董事长|总经理|副总经理|总裁|副总裁|书记|省长|市长|副市长|副省长|主任|部长|理事长|"
    rf"主席|局长|行长|董事|代表)[{HAN}]{{2,3}}"
)
_EN_PERSON = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:[- ][A-Z]?[a-z]+)?\b")


def _names_a_person(text: str) -> bool:
    return _ZH_PERSON.search(to_simplified(text)) is not None


KIND = QuestionKind(
    name="who",
    cues=cue_words(
        "who whom whose people person official officials leader leaders "
        "executive executives name lead leads led leading "
        "谁 名字 哪位 领导 高管 带队 率领 带领"
    ),
    asks={
        "en": re.compile(
            r"\bwho(m|se)?\b|\bwhich (people|person|officials?|leaders?|executives?|"
            r"compan\w+|organi[sz]ations?)\b|\b(role|position|title|job)\b|"
            r"\bwhat (is|was) the name\b"
        ),
        "zh": re.compile(r"谁|哪些人|何人|哪位|哪些领导|哪些高管|叫什么|职务|职位|什么职|名字"),
    },
    holds=_holds,
    lead=_lead,
    fact={"en": "who it was", "zh": "是谁"},
    required=_asks_a_role,
)
