"""Definitions: what a sentence says a thing is, for "what is X" questions.

Articles define a name where they first use it: in a parenthesis ('"double thousand
project" (in which China Post aims to …)'), an appositive ("ULE, an e-commerce platform,")
or a relative clause ("Yinong agencies, which provide …").
"""

from __future__ import annotations

import re

from answers.data_files import glossary
from retrieval.tokenize import has_han, normalize, words

_ARTICLE = r"(?:(?:an?|the)\s+)?"
_SUBJECT = {
    "en": (
        # "goal of the double thousand project?": what it aims at is what defines it.
        re.compile(
            rf"^\W*(?:what(?:'s|s|\s+is|\s+are)\s+)?(?:the\s+)?(?:goals?|aims?|purpose)\s+of\s+"
            rf"(?P<the>{_ARTICLE})(?P<subject>.+?)\W*$",
            re.IGNORECASE,
        ),
        re.compile(
            rf"^\W*what(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s+(?P<the>{_ARTICLE})(?P<subject>.+?)"
            r"(?:\s+(?:used for|for|about|exactly))?\W*$",
            re.IGNORECASE,
        ),
        re.compile(
            rf"^\W*what\s+(?:does|do)\s+(?P<the>{_ARTICLE})(?P<subject>.+?)\s+"
            r"(?:mean|stand for|refer to)\W*$",
            re.IGNORECASE,
        ),
        re.compile(
            rf"^\W*(?:define|explain|meaning of)\s+(?P<the>{_ARTICLE})(?P<subject>.+?)\W*$",
            re.IGNORECASE,
        ),
    ),
    "zh": (
        re.compile(
            r"^(?P<the>)(?P<subject>.+?)(?:是|指的是|是指)"
            r"(?:什么|啥|哪个|哪家|哪一个)(?:意思|机构|组织|单位|公司|部门)?\W*$"
        ),
        re.compile(r"^(?P<the>)什么(?:是|叫)(?P<subject>.+?)\W*$"),
    ),
}
# What may follow the subject in the sentence and define it.
_PARENTHESIS = re.compile(r"^\s*[(（]([^)）]{8,})[)）]")
_APPOSITIVE = re.compile(r"^\s*,\s*((?:which|that|who|an?|the)\s[^,;.]+)", re.IGNORECASE)
_COPULA = re.compile(r"^\s+(?:is|are|refers to|refer to|means)\s+([^,;.]+)", re.IGNORECASE)
# How a definition may open, and what is kept of it.
_CLAUSE = re.compile(r"^(?:in which|under which|whereby|where)\s+", re.IGNORECASE)
_RESTATED = re.compile(
    r"^(?:(?:which|that|who)\s+(?:is|are|means|refers to)|i\.e\.,?|namely|also known as|"
    r"known as|short for)\s+",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"^(?:which|that|who)\s+", re.IGNORECASE)
_MIN_WORDS = 3


def definition_subject(question: str, lang: str) -> tuple[str, bool] | None:
    """What a "what is X" question asks about, and whether it said "the X"; else None."""
    text = normalize(question).strip()
    for number, pattern in enumerate(_SUBJECT.get(lang, ())):
        match = pattern.match(text)
        if match:
            subject = match.group("subject").strip(" \"'")
            head, of, _ = subject.partition(" of ")
            if number and of and head == head.lower():
                # "the main thrust of the deal" asks about the deal, not what a thrust is
                # (but "the Ministry of Commerce" is a name to define).
                return None
            return subject, bool(match.group("the").strip())
    return None


def definition(question: str, sentence: str, lang: str) -> str | None:
    """The answer's first line, "X: what the sentence says X is.", or None if it says not."""
    asked = definition_subject(question, lang)
    if asked is None:
        return None
    subject, said_the = asked
    for wording in _wordings(subject):
        found = _find(wording, sentence)
        if found is None:
            continue
        defined = _defined(sentence[found.end() :], plural=wording.endswith("s"))
        if defined is None:
            continue
        written = sentence[found.start() : found.end()]
        if lang == "zh":
            bare = written.strip('"“”')
            shown = bare if bare == subject else f"{subject}（{bare}）"
            return f"{shown}：{defined}。"
        return f"{'The ' if said_the else ''}{written}: {defined}."
    return None


def _wordings(subject: str) -> list[str]:
    """The subject as written, and for a Chinese one its English from the glossary."""
    if not has_han(subject):
        return [subject]
    english = [e for entry in glossary() if entry.term == subject for e in entry.english]
    return [subject, *english]


def _find(wording: str, sentence: str) -> re.Match[str] | None:
    if has_han(wording):
        return re.search(re.escape(wording) + r"[”\"]?", sentence)
    parts = [re.escape(w) + r"s?" for w in words(wording)]
    if not parts:
        return None
    pattern = r"[“\"]?\b" + r"[\s-]+".join(parts) + r"\b[”\"]?"
    return re.search(pattern, sentence, re.IGNORECASE)


def _defined(after: str, plural: bool) -> str | None:
    """What the words after the subject say it is, as a clause of its own."""
    for pattern in (_PARENTHESIS, _APPOSITIVE, _COPULA):
        match = pattern.match(after)
        if match:
            break
    else:
        return None
    text = match.group(1).strip()
    text = _CLAUSE.sub("", text)
    text = _RESTATED.sub("", text)
    if _RELATIVE.match(text):
        text = ("They " if plural else "It ") + _RELATIVE.sub("", text)
    text = text.rstrip(" .;,")
    if len(text.split()) < _MIN_WORDS and not has_han(text):
        return None
    return text[:1].upper() + text[1:]
