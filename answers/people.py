"""People in a sentence, with their roles, for questions that ask who did something.

Names are only read where a title says who they are: "Han Jun, governor of Jilin
province", "Chairman Liu Aili of China Post Group", "Jilin Governor Han Jun". The titles
(answers/data/roles.tsv) and what people do (answers/data/people_verbs.tsv) are data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from answers.data_files import NAME_KINDS, data_rows, glossary
from answers.expand import Terms
from answers.spelling import edit_distance
from answers.templates import render
from answers.translate import join, to_chinese
from retrieval.tokenize import has_han, tokenize, words

_CAP = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_NAME = rf"{_CAP}(?: {_CAP}){{1,2}}"
# An organisation as articles name it: capitalised words joined by of/and/for/the, maybe
# ending in a common word ("Jilin province", "Jilin provincial government").
_ORG = (
    rf"(?:the )?(?:{_CAP}|[A-Z]{{2,}})(?:(?: of| and| for|'s)?(?: the)? (?:{_CAP}|[A-Z]{{2,}}))*"
    r"(?: (?:provincial government|municipal government|government|province|city|county|"
    r"municipality|region|district|branch))?"
)
_ALIAS = re.compile(
    r"\s*\((?:hereinafter\s+)?(?:referred to as|called|short for|or)\s+([^)]+)\)", re.IGNORECASE
)
_APPOSITIVE_END = re.compile(r"[,;.(]|$")
_MAX_ROLE_WORDS = 12
# Titles this long are still read when a question misspells them by one letter.
_SHORTEST_MISSPELT_TITLE = 6
# Questions that ask for people without saying what they did.
_PEOPLE_WORDS = re.compile(
    r"\b(people|persons?|officials?|leaders?|leadership|dignitar\w*|was there|were there)\b|"
    r"哪些人|什么人|哪些领导|领导|官员|人物"
)
_HEAD_WORDS = re.compile(
    r"\b(heads?|headed|leads?|led|runs?|boss|in charge)\b|负责人|一把手|掌门人", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Role:
    """A title from answers/data/roles.tsv."""

    title: str
    chinese: str | None
    heads: bool


@dataclass(frozen=True, slots=True)
class Verb:
    """Something people do in the articles, from answers/data/people_verbs.tsv."""

    asked: frozenset[str]  # how questions say it
    written: tuple[str, ...]  # how articles write it
    chinese: str


@dataclass(frozen=True, slots=True)
class Person:
    """A person a sentence names, with the role it gives them."""

    name: str
    role: str  # "chairman of China Post Group"
    title: Role
    org: str | None
    start: int  # where the sentence names them

    def describe(self, lang: str) -> str:
        """ "Han Jun (governor of Jilin province)" or "Han Jun（吉林省省长）"."""
        if lang == "zh":
            return f"{self.name}（{self.role_in(lang)}）"
        return f"{self.name} ({self.role})"

    def role_in(self, lang: str) -> str:
        """The role in `lang`: in Chinese when the glossary knows the organisation."""
        if lang != "zh" or not self.title.chinese:
            return self.role
        if self.org is None:
            return self.title.chinese
        org = to_chinese(self.org)
        return f"{org}{self.title.chinese}" if org else self.role


@dataclass(frozen=True, slots=True)
class PeopleQuestion:
    """What a who-question asks about people."""

    text: str  # the question, lowercased: it may name a person ("who is liu aili")
    roles: tuple[Role, ...] = ()  # "who is the chairman", "who heads"
    verb: Verb | None = None  # "who witnessed"
    anyone: bool = False  # "which officials", "who was there"


def find_people(sentence: str) -> list[Person]:
    """The people a sentence names with a title, in the order it names them, each once."""
    found: dict[str, Person] = {}
    for person in sorted(_appositives(sentence) + _titled(sentence), key=lambda p: p.start):
        found.setdefault(person.name, person)
    return list(found.values())


def people_question(question: str) -> PeopleQuestion:
    """What a who-question asks about people (its role, verb or person, if it says)."""
    text = question.lower()
    roles = tuple(r for r in _roles() if _says(text, r.title) or _says_zh(question, r.chinese))
    if _HEAD_WORDS.search(question):  # "who heads X", "the head of X": any title heading X
        roles += tuple(r for r in _roles() if r.heads and r not in roles)
    verb = next((v for v in _verbs() if _asks(question, v)), None)
    return PeopleQuestion(text, roles, verb, _PEOPLE_WORDS.search(text) is not None)


def people_lead(
    asked: PeopleQuestion, sentence: str, names: Sequence[Sequence[Terms]], lang: str
) -> str | None:
    """The answer's first line: who a person is, who holds a role, or who did what.

    `names` are the places and organisations the question names, each as its alternative
    term sequences; a role's holder at one of them is preferred. None when the sentence
    names no one the question asks about.
    """
    people = find_people(sentence)
    named = [p for p in people if re.search(rf"\b{re.escape(p.name.lower())}\b", asked.text)]
    if named:
        return _holders(named, lang)
    # "who met the chairman" asks who did something; "who is the chairman" who holds a role.
    if people and asked.verb is not None:
        return _doers(people, sentence, asked.verb, lang)
    holders = [p for p in people if p.title in asked.roles]
    if holders:
        return _holders(_best_fit(holders, names), lang)
    if people and asked.anyone:
        return _doers(people, sentence, None, lang)
    return None


def _holders(people: list[Person], lang: str) -> str:
    separator = "；" if lang == "zh" else "; "
    lines = [render(lang, "role_holder", person=p.name, role=p.role_in(lang)) for p in people]
    return separator.join(line.rstrip("。.") for line in lines) + ("。" if lang == "zh" else ".")


def _best_fit(people: list[Person], names: Sequence[Sequence[Terms]]) -> list[Person]:
    def fit(person: Person) -> int:
        role = set(tokenize(person.role))
        return sum(1 for alternatives in names if any(role >= set(a) for a in alternatives))

    best = max(map(fit, people))
    return [p for p in people if fit(p) == best]


def _doers(people: list[Person], sentence: str, asked: Verb | None, lang: str) -> str:
    """Who did what: "A (…) and B (…) witnessed the signing; they met with C (…)."."""
    main = _first_verb(sentence, after=people[0].start)
    if main is None:
        return render(lang, "people", people=_list(people, lang))
    verb, start, end = main
    subjects = [p for p in people if p.start < start]
    objects = [p for p in people if p.start >= end]
    if not subjects:
        return render(lang, "people", people=_list(people, lang))
    met = _verb_in(verb, sentence[start:end], lang)
    others = _list(objects, lang)
    if others and lang != "zh":
        others = " " + others
    said = _phrase(sentence, asked) if asked is not None and asked != verb else None
    if asked is None or said is None:
        return render(lang, "did", people=_list(subjects, lang), did=met, others=others)
    did = _verb_in(asked, said, lang)
    if not objects:
        return render(lang, "did", people=_list(subjects, lang), did=did, others="")
    return render(
        lang, "did_and_met", people=_list(subjects, lang), did=did, met=met, others=others
    )


def _list(people: list[Person], lang: str) -> str:
    return join([p.describe(lang) for p in people], lang)


def _verb_in(verb: Verb, written: str, lang: str) -> str:
    """The verb phrase as the article wrote it, or in Chinese with its object translated."""
    if lang != "zh":
        return written
    form = next((w for w in verb.written if written.lower().startswith(w)), "")
    rest = written[len(form) :].strip()
    if not rest:
        return verb.chinese
    return verb.chinese + (to_chinese(rest) or rest)


def _first_verb(sentence: str, after: int) -> tuple[Verb, int, int] | None:
    best: tuple[Verb, int, int] | None = None
    for verb in _verbs():
        for form in verb.written:
            match = re.compile(rf"\b{re.escape(form)}\b", re.IGNORECASE).search(sentence, after)
            if match and (best is None or match.start() < best[1]):
                best = (verb, match.start(), match.end())
    return best


def _phrase(sentence: str, verb: Verb) -> str | None:
    """The verb as the sentence writes it with its object: "witnessed the signing"."""
    for form in verb.written:
        match = re.search(
            rf"\b{re.escape(form)}\b((?: (?!of\b|between\b|in\b|on\b|at\b|with\b|and\b)"
            r"[\w'-]+){0,3})",
            sentence,
            re.IGNORECASE,
        )
        if match:
            return match.group(0)
    return None


def _appositives(sentence: str) -> list[Person]:
    """ "Han Jun, governor of Jilin province," and "Han Jun, the governor of …"."""
    people = []
    for match in re.finditer(rf"\b({_NAME}), (?:the )?", sentence):
        name = _clean_name(match.group(1))
        title = _title_at(sentence, match.end())
        if name is None or title is None:
            continue
        end = _APPOSITIVE_END.search(sentence, match.end()).start()
        role = sentence[match.end() : end].strip()
        if len(role.split()) > _MAX_ROLE_WORDS:
            continue
        org = re.match(rf"\s*of ({_ORG})", role[len(title.title) :])
        people.append(Person(name, role, title, org.group(1) if org else None, match.start()))
    return people


def _titled(sentence: str) -> list[Person]:
    """ "Chairman Liu Aili of China Post Group" and "Jilin Governor Han Jun"."""
    people = []
    for role in _roles():
        pattern = rf"\b(?i:{re.escape(role.title)}) ({_NAME})(?: of ({_ORG}))?"
        for match in re.finditer(pattern, sentence):
            name = _clean_name(match.group(1))
            if name is None:
                continue
            org = match.group(2)
            if org:
                alias = _ALIAS.match(sentence, match.end())
                org = alias.group(1).strip() if alias else org
            else:
                before = re.search(rf"({_ORG})(?:'s)? $", sentence[: match.start()])
                org = before.group(1) if before and _clean_org(before.group(1)) else None
            role_text = role.title + (f" of {org}" if org else "")
            people.append(Person(name, role_text, role, org, match.start()))
    return people


def _clean_name(name: str) -> str | None:
    """The name without title or place words; None if that leaves fewer than two words."""
    kept = [w for w in name.split() if w.lower() not in _not_names()]
    if len(kept) < 2 or kept != name.split()[-len(kept) :]:
        return None
    return " ".join(kept)


def _clean_org(org: str) -> bool:
    return org.split()[0].lower() not in {"on", "in", "at", "by", "the", "and"}


def _title_at(text: str, position: int) -> Role | None:
    for role in _roles():  # longest first
        if re.match(rf"{re.escape(role.title)}\b", text[position:], re.IGNORECASE):
            return role
    return None


def _says(text: str, title: str) -> bool:
    """Whether the question says the title, maybe misspelt by a letter ("governer")."""
    if re.search(rf"\b{re.escape(title.lower())}\b", text):
        return True
    if " " in title or len(title) < _SHORTEST_MISSPELT_TITLE:
        return False
    return any(
        edit_distance(word, title.lower(), 1) <= 1
        for word in re.findall(r"[a-z]+", text)
        if word not in _not_names()  # "ministry" is not a misspelt "minister"
    )


def _says_zh(question: str, chinese: str | None) -> bool:
    return chinese is not None and has_han(question) and chinese in question


def _asks(question: str, verb: Verb) -> bool:
    lowered = {w.lower() for w in words(question)}
    return bool(lowered & verb.asked) or any(a in question for a in verb.asked if has_han(a))


@cache
def _not_names() -> frozenset[str]:
    """Words of titles, places and organisations: never read as part of a name."""
    from_glossary = {
        w.lower()
        for entry in glossary()
        if entry.kind in NAME_KINDS
        for english in entry.english
        for w in words(english)
    }
    titles = {w.lower() for role in _roles() for w in role.title.split()}
    listed = {w for line in data_rows("not_names.txt") for w in line[0].split()}
    return frozenset(listed | from_glossary | titles)


@cache
def _roles() -> tuple[Role, ...]:
    roles = []
    for fields in data_rows("roles.tsv"):
        chinese = fields[1] if len(fields) > 1 and fields[1] != "-" else None
        heads = len(fields) > 2 and fields[2] == "head"
        roles.append(Role(fields[0], chinese, heads))
    return tuple(sorted(roles, key=lambda r: len(r.title), reverse=True))


@cache
def _verbs() -> tuple[Verb, ...]:
    return tuple(
        Verb(
            frozenset(f[0].lower().split()),
            tuple(w.strip().lower() for w in f[1].split(" / ")),
            f[2],
        )
        for f in data_rows("people_verbs.tsv")
    )
