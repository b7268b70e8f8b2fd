"""Follow-up questions: spotting a question that refers back, and remembering what each chat saw.

A question such as "Who witnessed it?" or "它是什么时候签的？" names no agreement of its own;
the front end answers it from the article it last cited in that chat, if that was recent.
"""

from __future__ import annotations

import enum
import re
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache

from answers.data_files import NAME_KINDS, glossary
from answers.model import Answer
from corpus.model import Article
from corpus.text import has_han

__all__ = [
    "ConversationMemory",
    "FollowUpRule",
    "Reference",
    "read_glossary_names",
    "reference_of",
    "refers_back",
]


class Reference(enum.Enum):
    """How a question leans on the conversation before it."""

    NONE = "none"  # a question of its own
    DEFINITE = "definite"  # "the agreement", "双方": the one just discussed, unless it is found
    POINTING = "pointing"  # "it", "that", "这个", "what about ...": the one just discussed


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that point back at something said before. "that" is handled apart: it is also a
# relative pronoun ("the project that aims ..."), which points at nothing.
_EN_BACK_WORDS = _words(
    "it its itself this these those they them their theirs there he him his she her such"
)
# Phrases that continue the last question.
_EN_BACK_PHRASES = ("the same", "what about", "how about", "what else", "anything else")
_EN_CONTINUATIONS = ("and ", "also ", "so ")
# Definite phrases: in a chat "the agreement" is likely the one just discussed, but "What
# does the agreement say about smart letterboxes?" may well be about another.
_EN_DEFINITE = (
    "the agreement",
    "the deal",
    "the contract",
    "the partnership",
    "the signing",
    "the ceremony",
    "the meeting",
    "the two sides",
    "the two parties",
    "both sides",
    "both parties",
)
# "that" refers back after these words ("was that signed", "about that") or before these
# nouns ("that agreement"); elsewhere it is read as a relative pronoun.
_THAT_AFTER = _words(
    "is was are were did does do has had about of on in for with from to by sign "
    "signed explain mean means"
)
_THAT_BEFORE = _words("agreement deal contract signing ceremony meeting document partnership one")
# "Is there an agreement on ...?" asks whether one exists; it points back at nothing.
_EN_EXISTENTIAL = re.compile(r"\b(?:is|are|was|were)\s+there\b|\bthere\s+(?:is|are|was|were)\b")

# Chinese pronouns and demonstratives, minus the words that merely contain them
# (那么 "then", 应该 "should", 其他 "other", 因此 "therefore", 彼此 "each other", ...).
_ZH_BACK = re.compile(r"它|这|那(?!么)|(?<!应)该|(?<![因彼如])此|其(?![他它实])|上述|他们|她们")
_ZH_DEFINITE = re.compile(r"双方|两方")
# Elliptical questions: a few characters and a closing 呢 ("领域呢？" what about the areas?),
# or a question word alone ("when?", "谁？").
_ZH_ELLIPSIS = re.compile(
    r"^(?:[\w\s]{1,8}呢|什么时候|何时|哪天|在哪里?|哪里|谁|为什么|多少|几个|哪些)[？?]?$"
)
_EN_ELLIPSIS = re.compile(
    r"^(?:and |so )?(?:when|where|who|whom|why|how|what|which)"
    r"(?: (?:exactly|else|then|much|many|ones?))?\W*$"
)

# Words a party's name carries that say what kind of body it is, not which one.
_GENERIC_NAME_WORDS = _words(
    "the group corporation corp limited ltd co company provincial province municipal "
    "city county government people's committee"
)
_ACRONYM_SKIP = _words("of and the for")

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")


def _word_key(word: str) -> str:
    return _POSSESSIVE.sub("", word.lower())


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("’", "'").replace("‘", "'").strip()


def _contains_name(lowered: str, name: str) -> bool:
    if has_han(name):
        return name in lowered
    return _name_pattern(name).search(lowered) is not None


@cache
def _name_pattern(name: str) -> re.Pattern[str]:
    # Kept here, not in re's own cache of 512: a large corpus has thousands of names, and
    # every question is checked against all of them.
    return re.compile(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])")


def _that_refers_back(words: list[str]) -> bool:
    for i, word in enumerate(words):
        if word != "that":
            continue
        before = words[i - 1] if i > 0 else None
        after = words[i + 1] if i + 1 < len(words) else None
        if before is None or after is None or before in _THAT_AFTER or after in _THAT_BEFORE:
            return True
    return False


def _back_reference(question: str) -> Reference:
    if (
        _ZH_BACK.search(question)
        or _ZH_ELLIPSIS.match(question)
        or _EN_ELLIPSIS.match(question.lower())
    ):
        return Reference.POINTING
    words = re.findall(r"[a-z]+", _EN_EXISTENTIAL.sub(" ", question.lower()))
    spaced = " ".join(words)
    if (
        _EN_BACK_WORDS.intersection(words)
        or _that_refers_back(words)
        or spaced.startswith(_EN_CONTINUATIONS)
        or any(_contains_name(spaced, phrase) for phrase in _EN_BACK_PHRASES)
    ):
        return Reference.POINTING
    if _ZH_DEFINITE.search(question) or any(_contains_name(spaced, p) for p in _EN_DEFINITE):
        return Reference.DEFINITE
    return Reference.NONE


def _names_stranger(question: str, vocabulary: Collection[str]) -> bool:
    """True when a capitalised word past the first is unknown to the corpus: "What about Hebei?"."""
    words = _LATIN_WORD.findall(question)
    for word in words[1:]:
        if word[0].isupper() and word != "I" and _word_key(word) not in vocabulary:
            return True
    return False


def reference_of(
    question: str, names: Collection[str], vocabulary: Collection[str] | None = None
) -> Reference:
    """How `question` leans on the conversation; NONE when it names a known party.

    `names` are the lower-cased party names that pick out one agreement (see
    `FollowUpRule.from_articles`); `vocabulary`, when given, holds the lower-cased words the
    corpus uses, so that a capitalised word outside it ("What about Hebei?") counts as naming
    some other party.
    """
    question = _normalise(question)
    if not question:
        return Reference.NONE
    lowered = question.lower()
    if any(_contains_name(lowered, name) for name in names):
        return Reference.NONE
    if vocabulary is not None and _names_stranger(question, vocabulary):
        return Reference.NONE
    return _back_reference(question)


def refers_back(
    question: str, names: Collection[str], vocabulary: Collection[str] | None = None
) -> bool:
    """True when `question` names no known party and leans on the conversation."""
    return reference_of(question, names, vocabulary) is not Reference.NONE


def _name_forms(party: str) -> set[str]:
    """The ways a question may name `party`: in full, without generic words, as an acronym."""
    forms = {party.lower()}
    words = party.split()
    core = [w for w in words if w.lower() not in _GENERIC_NAME_WORDS]
    if core:
        forms.add(" ".join(core).lower())
    capitals = [w for w in words if w[:1].isupper() and w.lower() not in _ACRONYM_SKIP]
    if len(capitals) >= 3:
        forms.add("".join(w[0] for w in capitals).lower())
    return {form for form in forms if form}


def read_glossary_names() -> list[tuple[str, str]]:
    """The (term, English name) pairs of the glossary's names, its "place" and "org" rows."""
    return [
        (entry.term, name)
        for entry in glossary()
        if entry.kind in NAME_KINDS
        for name in entry.english
    ]


@dataclass(frozen=True, slots=True)
class FollowUpRule:
    """What a question must avoid naming to count as a follow-up, learnt from one corpus."""

    names: frozenset[str]  # names that pick out one of the corpus's agreements
    strangers: frozenset[str]  # names of parties the corpus never mentions
    vocabulary: frozenset[str]  # every word of the corpus, lower-cased

    @classmethod
    def from_articles(
        cls, articles: Iterable[Article], aliases: Iterable[tuple[str, str]] | None = None
    ) -> FollowUpRule:
        """Collect the party names that tell agreements apart, strangers' names, and words.

        A name every agreement shares ("China Post") tells none apart and is left out.
        `aliases` are (term, English name) pairs, by default the glossary's names: a term
        counts as its English name does ("吉林" as "Jilin"); a name neither a party nor
        mentioned anywhere in the corpus ("广东", "Guangdong") is a stranger's.
        """
        articles = list(articles)
        vocabulary: set[str] = set()
        for article in articles:
            for text in (article.title, article.source, *article.paragraphs):
                vocabulary.update(_word_key(w) for w in _LATIN_WORD.findall(text))
        parties = [[_name_forms(p) for p in a.agreement.parties] for a in articles if a.agreement]
        per_agreement = [set().union(*forms) for forms in parties]
        every = set().union(*per_agreement)
        shared = set.intersection(*per_agreement) if len(per_agreement) > 1 else set()
        # A party named in every agreement, in any of its forms ("China Post Group" beside
        # "China Post"), tells none apart.
        names = {
            form for forms in parties for party in forms if not party & shared for form in party
        }
        strangers: set[str] = set()
        for term, target in read_glossary_names() if aliases is None else aliases:
            term, forms = term.strip().lower(), _name_forms(target.strip())
            if not term or not forms:
                continue
            if forms & names:
                names.add(term)
            elif forms & every or _mentioned(target, vocabulary):
                continue  # a shared name, or a place the articles mention: neither tells
            else:
                strangers.update({term, *forms})
        return cls(
            names=frozenset(names),
            strangers=frozenset(strangers - names),
            vocabulary=frozenset(vocabulary),
        )

    def reference(self, question: str) -> Reference:
        """How `question` leans on the conversation; NONE when it names any party."""
        lowered = _normalise(question).lower()
        if any(_contains_name(lowered, name) for name in self.strangers):
            return Reference.NONE
        return reference_of(question, self.names, self.vocabulary)

    def refers_back(self, question: str) -> bool:
        """True when `question` names no party and leans on the conversation."""
        return self.reference(question) is not Reference.NONE


def _mentioned(name: str, vocabulary: Collection[str]) -> bool:
    words = [_word_key(w) for w in _LATIN_WORD.findall(name)]
    return bool(words) and all(w in vocabulary for w in words)


class ConversationMemory:
    """Per chat, the article last cited, forgotten after `ttl` seconds; at most `max_chats` kept."""

    def __init__(
        self,
        ttl: float = 30 * 60,
        max_chats: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl <= 0 or max_chats <= 0:
            raise ValueError("ttl and max_chats must be positive")
        self._ttl = ttl
        self._max_chats = max_chats
        self._clock = clock
        self._last: OrderedDict[object, tuple[str, float]] = OrderedDict()

    def remember(self, chat: object, article_id: str) -> None:
        """Note that `chat` was last answered from `article_id`."""
        now = self._clock()
        self._last[chat] = (article_id, now)
        self._last.move_to_end(chat)
        # Oldest first: drop what has expired, then whatever is over the size.
        while self._last:
            _, (_, at) = next(iter(self._last.items()))
            if now - at <= self._ttl and len(self._last) <= self._max_chats:
                break
            self._last.popitem(last=False)

    def recall(self, chat: object) -> str | None:
        """The article `chat` was last answered from, if within the time to live."""
        entry = self._last.get(chat)
        if entry is None:
            return None
        article_id, at = entry
        if self._clock() - at > self._ttl:
            del self._last[chat]
            return None
        return article_id

    def note(self, chat: object, answer: Answer) -> None:
        """Remember the top citation of an answered question; an abstention changes nothing."""
        if answer.answered and answer.citations:
            self.remember(chat, answer.citations[0].article_id)

    def __len__(self) -> int:
        return len(self._last)
