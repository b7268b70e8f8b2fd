"""The areas an agreement covers, from the sentence that lists them.

English lists follow ``cooperate in``, ``focus on``, ``join hands in``, ``four areas:``,
``areas, including``; ``extend their cooperation to`` adds to them. Items are split at commas
and at the last ``and``; with an Oxford comma (``…, and staff training and exchanges``) or a
stated count, items keep their own ``and``. Chinese lists are ``在A、B和C等领域``, ``涵盖…等方面``,
``扩展到…`` or, under ``根据协议``, the verb phrases ``双方将携手A、B``. Sentences with hopes and
wishes (``希望``, ``hoped``) are not the agreement's areas.

The English counterpart of ``根据协议，双方将A、B``: when no list above is found, a sentence
opening ``Under the agreement, <party> will V1 O1, V2 O2 and V3 O3`` gives its objects, and the
sentences right after it that say ``<party> will also V O`` add theirs. A trailing clause
(``, contributing to …``) is cut first. An item is a verb phrase when its first word is one of
``_EN_VERBS`` or is followed by a determiner or a particle (``_EN_DETERMINERS``,
``_EN_PARTICLES``); other items share the verb before them. Each object is made a noun phrase:
the verb, its particle and adverbs (``_EN_ADVERBS``) go, a causative (``_EN_CAUSATIVES``:
``help the city develop …``) takes its own object and verb with it, a place at the end
(``in Harbin``) goes, and ``the N of its M`` becomes ``M N`` (when M holds no preposition), or
just ``M`` when N is a process or degree noun (``_EN_PROCESS_NOUNS``: ``the building of``,
``the level of``). An object that opens with a number (``10 billion yuan``) is an amount, not an
area.
"""

from __future__ import annotations

import re

from corpus.extract.dates import is_old_news
from corpus.extract.sentences import Sentence

_AREA_WORDS = r"(?:areas|fields|aspects|sectors|domains)"
_EN_LISTS = (
    re.compile(
        rf"\b{_AREA_WORDS}\s*(?::|,?\s+(?:including|such as|namely|like))\s+(?P<list>[^.;]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:cooperate|cooperation|collaborate|collaboration|work(?:ing)? together|"
        r"join(?:ing)? hands|partner(?:ing)?)\s+(?:in|on)\s+"
        rf"(?:the\s+)?(?:{_AREA_WORDS}\s+of\s+)?(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:focus(?:es|ed|ing)?|concentrat(?:e|es|ed|ing))\s+on\s+(?P<list>[^.;:]+)", re.I
    ),
    re.compile(
        r"\b(?:agreement|memorandum|mou|deal|partnership|pact|cooperation)\s+(?:will\s+)?"
        r"(?:covers?|includes?|spans?|involves?)\s+(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bpool(?:s|ed|ing)?\s+(?:their|its)\s+(?:strengths|resources|advantages)\s+in\s+"
        r"(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
)
_EN_EXTEND = re.compile(
    r"\b(?:extend|broaden|expand|widen)\w*\s+(?:their|its|the)\s+(?:cooperation|partnership)\s+"
    r"to\s+(?:cover\s+|include\s+)?(?P<list>[^.;:]+)",
    re.IGNORECASE,
)
_EN_ANCHOR = re.compile(
    r"\b(?:agreement|memorandum|mou|deal|pact|partnership|tie-up|contract)\b", re.IGNORECASE
)
_EN_WILL = re.compile(r"\bwill\b", re.IGNORECASE)
_EN_WISH = re.compile(
    r"\b(?:hopes?|hoped|hoping|wish(?:es|ed)?|would like|expects?|expected)\b", re.I
)
_EN_HEADING = re.compile(rf"^(?:the\s+)?(?:\w+\s+){{0,2}}{_AREA_WORDS}$", re.IGNORECASE)
_EN_OPEN_END = re.compile(rf",?\s+and\s+other\s+{_AREA_WORDS}\b.*$|,?\s+etc\b.*$", re.IGNORECASE)
_EN_TAIL = re.compile(
    r",?\s+(?:so as to|in order to|to|which|thus|so that|with a view to|according to|"
    r"while|as well as)\s+.*$",
    re.IGNORECASE,
)
_EN_SEPARATOR = re.compile(r",\s+")
_EN_LEADING = re.compile(r"^(?:the|a|an|their|its)\s+", re.IGNORECASE)
_EN_COUNT = re.compile(
    rf"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    rf"(?:(?:key|major|main|priority|important)\s+)?{_AREA_WORDS}\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _any(words: frozenset[str]) -> str:
    """A regex alternation of `words`."""
    return "|".join(sorted(words))


# "Under the agreement, China Post will V1 O1, V2 O2 and V3 O3": the objects are the areas.
_EN_UNDER_AGREEMENT = re.compile(
    r"^(?:under|according to|in line with|as per|per)\s+(?:the\s+terms\s+of\s+)?"
    r"(?:the|this|that|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:agreement|memorandum|mou|deal|pact|contract|arrangement)\s*,\s*"
    r"(?P<party>[^,]+?)\s+will\s+(?P<list>[^;]+)",
    re.IGNORECASE,
)
_EN_WILL_ALSO = re.compile(r"^(?P<party>[^,]+?)\s+will\s+also\s+(?P<list>[^;]+)", re.IGNORECASE)
_EN_MAX_PARTY_WORDS = 6
# Not a plan of work: "will be directed", "will not", "will have".
_EN_NOT_ACTION = re.compile(r"^(?:be|not|have|has|need)\b", re.IGNORECASE)
# ", contributing to …", ", so as to …": what the plan is for, not a part of it.
_EN_PURPOSE = re.compile(
    r",\s+(?:[a-z]+ing\s+(?:to|towards?|the|a|an|its|their|more|further|with|in|for)|"
    r"so as to|in order to|to|which|thus|so that|with a view to|while)\b.*$"
)
_EN_ADVERBS = _words("also further jointly actively gradually steadily vigorously fully together")
_EN_DETERMINERS = _words("the a an its their our his her this these those")
# Particles that show the word before them is a verb ("step up lending").
_EN_PARTICLES = _words("up out forward ahead")
# A verb's object may follow one of these: "invest in X", "tap into X".
_OBJECT_PREPOSITIONS = _words("in into on")
# Verbs that take an object and a verb of their own: "help the city (to) develop X".
_EN_CAUSATIVES = _words("help enable assist allow let encourage")
# Common verbs that open the items of a plan when no determiner or particle shows them.
_EN_VERBS = _EN_CAUSATIVES | _words(
    "build develop promote improve expand strengthen deepen explore support boost enhance "
    "upgrade establish set launch create provide offer share pool open train carry push "
    "advance accelerate increase extend invest introduce"
)
# "the building of X", "the level of X": the head says how or how much; X is the area.
_EN_PROCESS_NOUNS = _words(
    "building construction development establishment creation improvement upgrading upgrade "
    "expansion growth promotion level levels quality standard standards efficiency scale pace "
    "use application adoption"
)
_EN_VERB_HEAD = re.compile(
    rf"^(?:(?:{_any(_EN_ADVERBS)}|(?:continue|work|strive|seek) to)\s+)*"
    rf"(?P<verb>[a-z][\w-]*)(?:\s+(?:{_any(_EN_PARTICLES | _OBJECT_PREPOSITIONS)})\b)?\s*",
    re.IGNORECASE,
)
# The causative's object and verb: "small shops to sell", "the city develop".
_EN_CAUSED = re.compile(
    rf"^(?:(?:[\w'-]+\s+){{1,3}}?to\s+|(?:(?:{_any(_EN_DETERMINERS)}|local)\s+)?[\w'-]+\s+)"
    rf"(?P<verb>[a-z][\w-]*)(?:\s+(?:{_any(_EN_PARTICLES)})\b)?\s+",
    re.IGNORECASE,
)
_EN_DETERMINER = re.compile(rf"^(?:{_any(_EN_DETERMINERS)})\s+", re.IGNORECASE)
_EN_PLACE = re.compile(
    r"\s+(?:in|across|throughout|around)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*$"
)
_EN_OF = re.compile(
    rf"^(?P<head>[a-z-]+)\s+of\s+(?:(?:{_any(_EN_DETERMINERS)})\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
_EN_PREPOSITION = re.compile(r"\b(?:of|in|for|with|to|on|at|by|from)\b", re.IGNORECASE)

_ZH_LISTS = (
    re.compile(r"(?:领域|方面)[,:，：]?\s*(?:主要)?(?:包括|涵盖)(?P<list>[^。；;]+)"),
    re.compile(
        r"(?:在|围绕|就|涵盖|包括|扩展到|拓展到|延伸到|扩大到)(?P<list>[^。；;，,在]+?)等?"
        r"(?:[一二两三四五六七八九十\d]+个)?(?:重点|关键|主要)?(?:领域|方面)"
    ),
)
_ZH_UNDER_AGREEMENT = re.compile(r"^(?:根据|按照|依照|依据)(?:协议|备忘录|合同)[,，]")
_ZH_VERB_LIST = re.compile(r"将(?:携手|共同|联合)?(?P<list>[^，,。；;]+、[^，,。；;]+)")
_ZH_ANCHOR = re.compile(r"协议|备忘录|合同")
_ZH_WILL = re.compile("将")
_ZH_WISH = re.compile(r"希望|期待|期望|盼望")
_ZH_COUNT = re.compile(r"(?P<n>[二两三四五六七八九十]|\d+)个?(?:重点|关键|主要)?(?:领域|方面)")
_NUMBERS = dict(
    zip(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        range(2, 11),
        strict=True,
    )
) | {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def areas(sentences: list[Sentence], published: str, zh: bool) -> list[str]:
    """The areas of the best list sentence, plus those an ``extend … to`` sentence adds.

    Sentences with wishes, and those about a deal long past ("In 2018 they agreed to cooperate
    in …"), are not the agreement's.
    """
    best: tuple[int, int, list[str], bool] | None = None  # score, sentence, areas, by verbs
    for index, sentence in enumerate(sentences):
        text = sentence.text
        if _not_the_agreements(text, published, zh):
            continue
        found, by_verbs = (_zh_list(text), False) if zh else _en_list_or_verbs(text)
        if not found:
            continue
        anchor, will = (_ZH_ANCHOR, "将") if zh else (_EN_ANCHOR, None)
        score = bool(anchor.search(text)) + (
            ("将" in text) if will else bool(_EN_WILL.search(text))
        )
        if best is None or score > best[0]:
            best = (score, index, found, by_verbs)
    items = best[2] if best else []
    if best and best[3]:  # "China Post will also V O" right after adds its objects
        for sentence in sentences[best[1] + 1 :]:
            also = _EN_WILL_ALSO.match(sentence.text)
            if also is None or _not_the_agreements(sentence.text, published, zh):
                break
            added = _en_verb_items(also["party"], also["list"])
            items += [i for i in added if i not in items]
    if not zh and items:
        for sentence in sentences:
            extend = _EN_EXTEND.search(sentence.text)
            old = is_old_news(sentence.text, published, zh)
            if extend and not old and not _EN_WISH.search(sentence.text):
                items += [i for i in _en_items(extend["list"], None) if i not in items]
    return items


def _not_the_agreements(text: str, published: str, zh: bool) -> bool:
    """A wish, or a deal long past."""
    return bool((_ZH_WISH if zh else _EN_WISH).search(text)) or is_old_news(text, published, zh)


def _en_list_or_verbs(sentence: str) -> tuple[list[str], bool]:
    """The sentence's listed areas; else the objects of ``Under the agreement, X will …``.

    The flag tells the second.
    """
    listed = _en_list(sentence)
    if listed:
        return listed, False
    under = _EN_UNDER_AGREEMENT.match(sentence)
    if under is None:
        return [], False
    items = _en_verb_items(under["party"], under["list"])
    return items, bool(items)


def _en_verb_items(party: str, text: str) -> list[str]:
    """The objects of the verb phrases ``V1 O1, V2 O2 and V3 O3``, each as a noun phrase.

    An item that is no verb phrase is one more object of the verb before it (``pool A, B and C``).
    """
    if len(party.split()) > _EN_MAX_PARTY_WORDS:
        return []
    text = _EN_PURPOSE.sub("", text.strip().rstrip("."))
    head = _EN_VERB_HEAD.match(text)
    if head is None or _EN_NOT_ACTION.match(head["verb"]):
        return []
    segments = [re.sub(r"^and\s+", "", s.strip()) for s in _EN_SEPARATOR.split(text)]
    pieces = [p for s in segments for p in _split_at_verbs(s) if p]
    objects: list[str] = []
    for number, piece in enumerate(pieces):
        if number == 0 or _is_verb_phrase(piece):
            objects.append(_en_object(piece))
        elif number == len(pieces) - 1:  # "…, B and C": the last "and" joins two objects
            objects += [_en_noun(p) for p in re.split(r"\s+and\s+(?!.*\sand\s)", piece)]
        else:
            objects.append(_en_noun(piece))
    # "invest 10 billion yuan", "open 200 outlets": how much, not in what
    return [o for o in dict.fromkeys(objects) if o and not o[0].isdigit()]


def _split_at_verbs(segment: str) -> list[str]:
    """Split "develop A and raise B" at each "and" a verb phrase follows; keep "A and B"."""
    pieces: list[str] = []
    start = 0
    for joint in re.finditer(r"\s+and\s+", segment):
        if _is_verb_phrase(segment[joint.end() :]):
            pieces.append(segment[start : joint.start()])
            start = joint.end()
    return [*pieces, segment[start:]]


def _is_verb_phrase(text: str) -> bool:
    """Whether `text` opens with a verb: a common one, or a word a determiner or particle follows
    ("optimise the layout", "step up lending")."""
    words = text.split()
    if not words or not re.fullmatch(r"[a-z]+", words[0]):
        return False
    if words[0] in _EN_VERBS:
        return True
    return len(words) > 1 and words[1].lower() in _EN_DETERMINERS | _EN_PARTICLES


def _en_object(phrase: str) -> str:
    """The object of a verb phrase, as a noun phrase: "help the city develop X" -> X."""
    head = _EN_VERB_HEAD.match(phrase)
    if head is None:
        return _en_noun(phrase)
    rest = phrase[head.end() :]
    if head["verb"].lower() in _EN_CAUSATIVES:
        own_verb = _EN_VERB_HEAD.match(rest)
        if own_verb and own_verb["verb"] in _EN_VERBS:  # "help develop X"
            rest = rest[own_verb.end() :]
        else:  # "help the city (to) develop X"
            caused = _EN_CAUSED.match(rest)
            rest = rest[caused.end() :] if caused else rest
    return _en_noun(rest)


def _en_noun(text: str) -> str:
    """A short noun phrase: no place at the end, no determiner, "the N of its M" as "M N"."""
    text = _EN_PLACE.sub("", text.strip(" .,"))
    text = _EN_DETERMINER.sub("", text)
    of = _EN_OF.match(text)
    if of:
        if of["head"].lower() in _EN_PROCESS_NOUNS:
            text = of["rest"]
        elif not _EN_PREPOSITION.search(of["rest"]):
            text = f"{of['rest']} {of['head']}"
    return text.strip()


def _en_list(sentence: str) -> list[str]:
    expected = _stated_count(_EN_COUNT.search(sentence))
    for pattern in _EN_LISTS:
        match = pattern.search(sentence)
        if match is None:
            continue
        items = _en_items(match["list"], expected)
        if items and not _EN_HEADING.match(items[0]):
            return items
    return []


def _en_items(text: str, expected: int | None) -> list[str]:
    text = text.strip()
    open_ended = _EN_OPEN_END.search(text)
    if open_ended:
        text = text[: open_ended.start()]
    segments = [s.strip() for s in _EN_SEPARATOR.split(text) if s.strip()]
    if not segments:
        return []
    oxford = next((i for i, s in enumerate(segments) if i and s.lower().startswith("and ")), None)
    if oxford is not None:
        items = [*segments[:oxford], segments[oxford][4:]]
    elif open_ended:
        items = segments
    else:
        joined = next((i for i, s in enumerate(segments) if re.search(r"\sand\s", s)), None)
        if joined is None:
            items = segments[:1]
        elif expected is not None and joined + 1 >= expected:
            items = segments[: joined + 1]
        else:
            head, tail = re.split(r"\s+and\s+", segments[joined], maxsplit=1)
            items = [*segments[:joined], head, tail]
    items[-1] = _EN_TAIL.sub("", items[-1])
    cleaned = [_EN_LEADING.sub("", i.strip(" .")) for i in items]
    return [i for i in cleaned if i]


def _zh_list(sentence: str) -> list[str]:
    expected = _stated_count(_ZH_COUNT.search(sentence))
    for pattern in _ZH_LISTS:
        match = pattern.search(sentence)
        if match:
            items = _zh_items(match["list"].strip().removesuffix("等"), expected)
            if items:
                return items
    if _ZH_UNDER_AGREEMENT.search(sentence):
        verbs = _ZH_VERB_LIST.search(sentence)
        if verbs:
            return [i for i in verbs["list"].split("、") if i]
    return []


def _zh_items(text: str, expected: int | None) -> list[str]:
    """Split "A、B和C" into items; 和 inside an earlier item (农资和再生资源) stays."""
    items = [i.strip() for i in re.split(r"[、,，]", text) if i.strip()]
    if items and (expected is None or len(items) < expected):
        head, *tail = re.split(r"以及|及|和", items[-1], maxsplit=1)
        items[-1:] = [head.strip(), *(t.strip() for t in tail)]
    return [i for i in items if i]


def _stated_count(match: re.Match[str] | None) -> int | None:
    """The number in "six key areas" / "六个领域", if the sentence states one."""
    if match is None:
        return None
    n = match["n"].lower()
    return int(n) if n.isdigit() else _NUMBERS.get(n)
