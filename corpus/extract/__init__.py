"""Find the cooperation agreement an article announces, by general rules over its text.

The body's first signing sentence that names two organisations and is not old news (a year
or month long past) gives the parties and kind; the headline (``X and Y sign K``) is the
fallback. ``the two sides`` are the organisations the page introduced with aliases. The
signing date comes from that sentence, else from an earlier date in its paragraph (``met …
on September 16. At the meeting, … witnessed the signing``), else from a later signing
sentence; ``Recently``/``近日`` means unknown. Chinese (Traditional or Simplified) is read through a
Simplified copy and every name is given back as the page writes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from corpus.extract import dates, parties, signing
from corpus.extract.areas import areas
from corpus.extract.hant import Simplified
from corpus.extract.sentences import Sentence, split_sentences
from corpus.model import Agreement
from corpus.text import LANGS


@dataclass(frozen=True, slots=True)
class _Found:
    parties: tuple[str, ...]
    kind: str
    sentence: int | None  # index of the signing sentence; None for the headline


def extract_agreement(
    title: str, paragraphs: Sequence[str], published: str, lang: str
) -> Agreement | None:
    """Return the agreement an article announces, or None when it announces none.

    Args:
        title: the article's cleaned title.
        paragraphs: its cleaned body paragraphs.
        published: its publication date, YYYY-MM-DD; resolves ``On June 28``, ``on Monday``.
        lang: "en", "zh" (Simplified) or "zh-Hant" (Traditional Chinese).

    Returns:
        The parties (organisations, China Post's side first), kind (lowercased in English),
        signing date (YYYY-MM-DD, YYYY-MM for a month alone, None when not given) and areas;
        None when the article reports no new signing.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be 'en' or 'zh' (or 'zh-Hant'), not {lang!r}")
    try:
        date.fromisoformat(published)
    except ValueError:
        raise ValueError(f"published must be a date as YYYY-MM-DD, not {published!r}") from None
    if lang == "en":
        return _extract(title, paragraphs, published, zh=False)
    # Chinese of either script is read through a Simplified copy and quoted as written.
    simplified = Simplified(title, paragraphs)
    found = _extract(simplified.title, simplified.paragraphs, published, zh=True)
    return None if found is None else simplified.restore(found)


def _extract(title: str, paragraphs: Sequence[str], published: str, zh: bool) -> Agreement | None:
    sentences = split_sentences(paragraphs, zh)
    found = (
        _zh_parties(title, sentences, published) if zh else _en_parties(title, sentences, published)
    )
    if found is None:
        return None
    return Agreement(
        parties=found.parties,
        kind=found.kind,
        signed_on=_signed_on(sentences, found.sentence, published, zh),
        areas=tuple(areas(sentences, published, zh)),
    )


def _en_parties(title: str, sentences: list[Sentence], published: str) -> _Found | None:
    body = " ".join(s.text for s in sentences)
    aliases = parties.en_aliases(body)
    for index, sentence in enumerate(sentences):
        found = signing.en_signing(sentence.text)
        if found is None or dates.is_old_news(sentence.text, published, zh=False):
            continue
        names = parties.en_subject(found.subject)
        if found.other:
            other = parties.en_object(found.other)
            names += [other] if other else []
        two_sides = parties.says_both_sides(found.subject)
        if (len(names) < 2 and found.passive) or two_sides:
            names = _introduced(sentences[: index + 1]) or names
        names = _full_names(names, aliases, body)
        kind = _better_kind(found.kind, title, body)
        if len(set(names)) >= 2:
            return _Found(parties.china_post_first(dict.fromkeys(names)), kind, index)
        headline = _en_headline(title) if two_sides else None
        if headline:  # "the two sides signed the agreement": the parties the headline names
            return _Found(headline.parties, _better_kind(found.kind, title, body), index)
    return _en_headline(title)


def _en_headline(title: str) -> _Found | None:
    headline = signing.en_title_signing(title)
    if headline is None:
        return None
    names = parties.en_subject(headline.subject)
    if headline.other:
        other = parties.en_object(headline.other)
        names += [other] if other else []
    if len(set(names)) < 2:
        return None
    return _Found(parties.china_post_first(dict.fromkeys(names)), headline.kind, None)


def _introduced(sentences: list[Sentence]) -> list[str]:
    """The organisations the text so far introduced with an alias, in order."""
    text = " ".join(s.text for s in sentences)
    names = list(dict.fromkeys(parties.en_aliases(text).values()))
    return names if len(names) >= 2 else []


def _full_names(names: list[str], aliases: dict[str, str], body: str) -> list[str]:
    """Each name as the page first gives it: an alias's full name, "Alibaba" -> "Alibaba Group"."""
    full = []
    for name in names:
        name = aliases.get(name, name)
        full.append(parties.first_naming(name, body) if " " not in name else name)
    return full


def _better_kind(kind: str, title: str, body: str) -> str:
    """A bare "deal"/"agreement" named better elsewhere ("the framework deal")."""
    if not signing.is_bare(kind):
        return kind
    headline = signing.en_title_signing(title)
    if headline and kind in headline.kind.split() and headline.kind != kind:
        return headline.kind
    return signing.named_kind(body, kind) or kind


def _zh_parties(title: str, sentences: list[Sentence], published: str) -> _Found | None:
    body = "".join(s.text for s in sentences)
    aliases = parties.zh_aliases(body)
    for index, sentence in enumerate(sentences):
        found = signing.zh_signing(sentence.text)
        if found is None or dates.is_old_news(sentence.text, published, zh=True):
            continue
        names = [aliases.get(n, n) for n in parties.zh_subject(found.subject)]
        if len(set(names)) >= 2:
            return _Found(parties.china_post_first(dict.fromkeys(names)), found.kind, index)
        if names:
            continue
        headline = _zh_headline(title, aliases)
        if headline:  # "双方签署…": the parties the headline names
            return _Found(headline.parties, found.kind, index)
    return _zh_headline(title, aliases)


def _zh_headline(title: str, aliases: dict[str, str]) -> _Found | None:
    found = signing.zh_signing(title)
    if found is None:
        return None
    names = [aliases.get(n, n) for n in parties.zh_subject(found.subject)]
    if len(set(names)) < 2:
        return None
    return _Found(parties.china_post_first(dict.fromkeys(names)), found.kind, None)


def _signed_on(
    sentences: list[Sentence], index: int | None, published: str, zh: bool
) -> str | None:
    """The signing date: in the signing sentence, earlier in its paragraph, or a later one."""
    undated = dates.UNDATED_ZH if zh else dates.UNDATED_EN
    if index is not None:
        sentence = sentences[index]
        if undated.search(sentence.text):
            return None
        day = _signing_day(sentence.text, published, zh)
        if day:
            return day
        earlier = [
            m
            for s in sentences[:index]
            if s.paragraph == sentence.paragraph
            for m in _current(s.text, published, zh)
        ]
        if earlier:  # "met … on September 16. At the meeting, …"; "同日"
            return earlier[-1].value
        later = sentences[index + 1 :]
    else:
        later = sentences
    for sentence in later:
        if not _SIGNS[zh].search(sentence.text):
            continue
        if undated.search(sentence.text):
            return None
        day = _signing_day(sentence.text, published, zh)
        if day:
            return day
    return None


_SIGNS = {
    False: re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|renew(?:s|ed|al)?)\b", re.IGNORECASE),
    True: re.compile(signing.ZH_SIGN),
}


def _signing_day(sentence: str, published: str, zh: bool) -> str | None:
    """The date nearest the verb: after it in English ("signed … on May 8", not the dateline
    before), before it in Chinese ("5月8日…签署")."""
    mentions = _current(sentence, published, zh)
    if not mentions:
        return None
    verb = _SIGNS[zh].search(sentence)
    at = verb.start() if verb else 0
    before = [m for m in mentions if m.start < at]
    after = [m for m in mentions if m.start >= at]
    if zh:
        return (before[-1] if before else after[0]).value
    return (after[0] if after else before[-1]).value


def _current(text: str, published: str, zh: bool) -> list[dates.DateMention]:
    """The dates in `text` that can be this signing's: not a bare year, not long past."""
    return [
        m
        for m in dates.find_dates(text, published, zh)
        if m.precision != "year" and not dates.is_historical(m, published)
    ]
