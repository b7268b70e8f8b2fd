"""Where something happened or is: a place."""

from __future__ import annotations

import re

from answers.kinds.base import QuestionKind, cue_words
from answers.lexicon import in_dictionary, is_function_word, is_name, segment
from answers.templates import render
from corpus.text import HAN, MONTH_NAMES

_MONTHS = "|".join(names[0].capitalize() for names in MONTH_NAMES)
# "in Changchun", "at Bangchui Garden Hotel", "based in Chengdu, Sichuan", "headquartered in".
_PLACE = re.compile(
    rf"\b(?:in|at|based in|headquartered in)\s+(?:the\s+)?(?!(?:{_MONTHS})\b)"
    r"((?:[A-Z][\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|of|de))*)"
)
_PLACE_ZH = re.compile(
    r"(?:在|于|於|位于|位於|总部在|總部在|总部位于)"
    rf"([{HAN}]{{2,8}}?)(?P<verb>签署|签订|簽署|簽訂|举行|舉行|会见|會見|召开|出席)?"
    r"(?(verb)|(?:与|與|同|，|。|、))"
)
_LONGEST_UNLISTED_PLACE = 4
_NOT_PLACES = frozenset({"Recently", "China Post", "The", "This"})


def place(text: str) -> str | None:
    """The first place a passage names, or None. A Chinese one must hold a name the
    dictionary knows (在南京 is a place, 在物流体系能级提升 is not), or be a short word it
    lacks right before the event's verb (在澜川签署)."""
    for found in _PLACE.finditer(text):
        if found.group(1) not in _NOT_PLACES:
            return found.group(1)
    for found in _PLACE_ZH.finditer(text):
        words = segment(found.group(1))
        if any(is_name(word) for word in words) or (
            # Right before the verb, a short word the dictionary lacks is a place's name.
            found["verb"]
            and len(found.group(1)) <= _LONGEST_UNLISTED_PLACE
            and not in_dictionary(found.group(1))
            and not any(is_function_word(word) for word in words)
        ):
            return found.group(1)
    return None


KIND = QuestionKind(
    name="where",
    cues=cue_words(
        "where city place venue location located headquartered headquarters "
        "based 地点 城市 总部 哪里 在哪 位于 地方"
    ),
    asks={
        "en": re.compile(
            # "where" asks at the start or before a verb, not in "the ceremony where they …"
            r"^\W*where\b|\bwhere (is|are|was|were|did|do|does|will|would|has|have|exactly)\b"
            r"|\b(what|which) (city|place|province|venue|location|country)\b"
            r"|\bheadquarter|\bbased\b|\b(city|venue|location)\b"
        ),
        "zh": re.compile(
            r"哪里|在哪(?!些|个|种|家|份)|何地|哪儿|什么地方|哪个城市|哪座城市|地点|城市|总部|何处"
        ),
    },
    holds=lambda text, asked: place(text) is not None,
    lead=lambda asked, article, text: (
        render(asked.lang, "where", place=found) if (found := place(text)) else None
    ),
    fact={"en": "the place", "zh": "地点"},
)
