"""Turn a question into concepts: what it asks about, each with the words articles may use.

People rarely use the article's words, so every content word of a question becomes a
concept with alternatives: itself, its synonyms (answers/data/synonyms.tsv) and, for
Chinese terms and acronyms, their English from the glossary (answers/data/glossary.tsv).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from answers.data_files import NAME_KINDS, GlossaryEntry, data_rows, glossary
from answers.questions import SOFT_WORDS
from retrieval.tokenize import has_han, normalize, script_runs, tokenize, words

if TYPE_CHECKING:
    from answers.abbreviations import Reading

Terms = tuple[str, ...]
# What a Chinese word no article has stands for (answers.abbreviations), if anything.
FullNames = Callable[[str], "Reading | None"]
_PLACE_SUFFIXES = ("省", "市")


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing a question asks about, and the term sequences that express it."""

    text: str  # as the person wrote it
    alternatives: tuple[Terms, ...]  # the first is the person's own words
    soft: bool = False  # only says what kind of question it is: never counts against
    is_name: bool = False  # names a place or an organisation
    fixed: str | None = None  # the known word read in place of a misspelt one
    related: tuple[Terms, ...] = ()  # synonyms: a match counts less, a miss never counts
    common: bool = False  # an ordinary word of the language (not a name) the lexicon knows

    @property
    def terms(self) -> frozenset[str]:
        """Every term of every alternative, related words included."""
        return frozenset(t for alt in (*self.alternatives, *self.related) for t in alt)


@dataclass(frozen=True, slots=True)
class Query:
    """A question as concepts."""

    question: str
    concepts: tuple[Concept, ...]

    @property
    def terms(self) -> list[str]:
        """The distinct terms of all concepts, in question order: what BM25 searches for."""
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for alt in (*concept.alternatives, *concept.related):
                seen.update(dict.fromkeys(alt))
        return list(seen)

    @property
    def corrected(self) -> str:
        """The question with its misspelt words replaced by the words read for them."""
        text = self.question
        for concept in self.concepts:
            if concept.fixed and has_han(concept.text):
                text = text.replace(concept.text, concept.fixed)
            elif concept.fixed:
                text = re.sub(rf"\b{re.escape(concept.text)}\b", concept.fixed, text)
        return text

    @property
    def hard(self) -> tuple[Concept, ...]:
        """The concepts a passage must match to answer the question."""
        return tuple(c for c in self.concepts if not c.soft)


def expand(
    question: str,
    correct: Callable[[str], str | None] | None = None,
    *,
    bilingual: bool = False,
    full_names: FullNames | None = None,
) -> Query:
    """The concepts of `question`.

    `correct` is asked for a known word close to each word whose terms the corpus lacks
    (a typo); it returns None when it knows none. Chinese words are always read with their
    English too (CC-CEDICT); English words get their Chinese only when `bilingual` (the
    corpus has Chinese articles), so an English question over English articles never loads
    the dictionary's English side. `full_names` reads a Chinese word no article has: the
    names it may be a short form of, or the word it was typed for.
    """
    text = normalize(question).strip()
    concepts: list[Concept] = []
    for is_han, run in script_runs(text):
        if is_han:
            concepts.extend(_han_concepts(run, full_names))
        else:
            concepts.extend(_latin_concepts(run, correct, first=not concepts, bilingual=bilingual))
    return Query(question, tuple(_merge(concepts)))


def _han_concepts(run: str, full_names: FullNames | None = None) -> Iterator[Concept]:
    """A Chinese run as concepts: jieba's words, the glossary's terms (one or several words,
    longest first) read by the glossary, every other word through the lexicon."""
    from answers.bilingual import han_words

    words = han_words(run)
    glossary = _han_glossary()
    i = 0
    while i < len(words):
        for size in range(len(words) - i, 0, -1):
            written = "".join(words[i : i + size])
            entry = _glossary_entry(written, glossary)
            if entry is not None:
                yield _glossary_concept(entry, written)
                i += size
                break
        else:
            named_beside = _named(words, i, glossary)
            yield from _plain_han(words[i], named_beside, full_names)
            i += 1


def _glossary_entry(written: str, glossary: dict[str, GlossaryEntry]) -> GlossaryEntry | None:
    """The glossary's entry for a word; 湖南省 and 武汉市 are its places 湖南 and 武汉."""
    entry = glossary.get(written)
    if entry is None and written[-1:] in _PLACE_SUFFIXES:
        place = glossary.get(written[:-1])
        if place is not None and place.kind == "place":
            return place
    return entry


def _named(words: list[str], i: int, glossary: dict[str, GlossaryEntry]) -> bool:
    """Whether a neighbour of word i is a name (京东 beside 数科, 中国 beside 石油)."""
    from answers.lexicon import translate_word

    beside = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
    return any(
        (e.kind in NAME_KINDS) if (e := glossary.get(w)) is not None else translate_word(w).is_name
        for w in beside
    )


def _plain_han(
    word: str, named_beside: bool = False, full_names: FullNames | None = None
) -> Iterator[Concept]:
    """One word the glossary lacks, through the lexicon. Beside a name, a word is read as
    part of that name: one the dictionary lacks (数科 in 京东数科) never counts against; an
    ordinary word (石油 in 中国石油) counts in full even where no article has it."""
    from answers.bilingual import han_word_reading, near_synonyms, organisation_head, own_terms
    from answers.lexicon import in_dictionary

    if word in SOFT_WORDS:
        yield Concept(word, ((word,),), soft=True)
        return
    head = organisation_head(word)
    if head is not None:
        # An organisation's name is one name, as the articles write it (or, where its
        # first words are a name the lexicon reads, by those): never its words one by one.
        named = [a for _, alts, is_name, _ in han_word_reading(head) if is_name for a in alts]
        yield Concept(word, tuple(dict.fromkeys((own_terms(word), (word,), *named))), is_name=True)
        return
    readings = list(han_word_reading(word))
    a_name = len(readings) == 1 and readings[0][2]
    found = full_names(word) if full_names and (a_name or not in_dictionary(word)) else None
    if found is not None and found.keeps_own and a_name:
        # A name the articles have that is also short for the glossary's (邮储): both.
        _, alternatives, _, _ = readings[0]
        yield Concept(word, tuple(dict.fromkeys((*alternatives, *found.forms))), is_name=True)
        return
    if found is not None and not found.keeps_own:
        # A short form no article has (邮储, 供销社, 阿里) is read as the names it stands for;
        # a slip of pinyin input (协意) as the word it was typed for.
        named = found.is_name or (a_name and found.typed_for is None)
        alternatives = tuple(dict.fromkeys((own_terms(word), (word,), *found.forms)))
        yield Concept(word, alternatives, is_name=named, common=not named, fixed=found.typed_for)
        return
    synonyms = _synonyms()
    for written, alternatives, is_name, function in readings:
        name_part = named_beside and is_name and len(alternatives) <= 4
        related: tuple[Terms, ...] = ()
        if not (is_name or function):
            # Its near synonyms, and the synonyms of its English ("memorandum" is an MoU).
            english = (s for a in alternatives if not has_han(a[0]) for s in synonyms.get(a, ()))
            related = near_synonyms(written) + tuple(e for e in english if not has_han(e[0]))
        yield Concept(
            written,
            alternatives,
            soft=function or written in SOFT_WORDS,
            is_name=is_name and not name_part,
            common=name_part or (not is_name and not named_beside and len(alternatives) > 2),
            related=tuple(dict.fromkeys(r for r in related if r not in alternatives)),
        )


def _glossary_concept(entry: GlossaryEntry, written: str | None = None) -> Concept:
    alternatives = [tuple(tokenize(english)) for english in entry.english]
    if has_han(entry.term):
        alternatives.append(tuple(tokenize(written or entry.term)))
    # A Chinese name as one term, as jieba cuts it from Chinese articles (no jieba needed).
    alternatives.extend((name,) for name in {entry.chinese, written} if name and has_han(name))
    alternatives = list(dict.fromkeys(alternatives))
    related: tuple[Terms, ...] = ()
    if has_han(entry.term) and entry.kind not in NAME_KINDS:
        from answers.bilingual import near_synonyms

        related = near_synonyms(written or entry.term)
    return Concept(
        written or entry.term,
        tuple(a for a in alternatives if a),
        soft=entry.term in SOFT_WORDS or all(a in _soft_terms() for a in alternatives if a),
        is_name=entry.kind in NAME_KINDS,
        related=tuple(r for r in related if r not in alternatives),
    )


def _latin_concepts(
    run: str, correct: Callable[[str], str | None] | None, first: bool, bilingual: bool
) -> Iterator[Concept]:
    names = _latin_glossary()
    longest = max((len(k) for k in names), default=0)
    found = words(run)
    i = 0
    while i < len(found):
        for size in range(min(longest, len(found) - i), 0, -1):
            entry = names.get(tuple(w.lower() for w in found[i : i + size]))
            if entry is not None:
                concept = _glossary_concept(entry)
                if bilingual and entry.chinese:
                    # The name in the dictionary's words, as jieba also cuts them from
                    # Chinese articles (the dictionary, not jieba: English questions never
                    # wait for jieba's start-up).
                    from answers.lexicon import segment

                    cut = tuple(w for w in segment(entry.chinese) if len(w) > 1)
                    if cut:
                        concept = replace(concept, alternatives=(*concept.alternatives, cut))
                yield concept
                i += size
                break
        else:
            phrase = _phrase_concept(found, i) if bilingual else None
            if phrase is not None:
                yield phrase[0]
                i += phrase[1]
                continue
            yield from _word_concepts(
                found[i], correct, capitalised=not (first and i == 0), bilingual=bilingual
            )
            i += 1


_LONGEST_PHRASE = 3


def _phrase_concept(found: list[str], i: int) -> tuple[Concept, int] | None:
    """A phrase of two or three words that the dictionary translates as one ("on behalf
    of" is 代表), and how many words it takes; None if none starts at word i."""
    from answers.bilingual import chinese_of

    for size in range(min(_LONGEST_PHRASE, len(found) - i), 1, -1):
        written = " ".join(found[i : i + size])
        terms = tuple(tokenize(written))
        if not terms or any(
            w[:1].isupper() or w.lower() in SOFT_WORDS for w in found[i : i + size]
        ):
            continue
        content = [w for w in found[i : i + size] if tokenize(w)]
        if len(content) == 1 and chinese_of(content[0]):
            continue  # "the goal" is just "goal", read as a word with its synonyms
        chinese = chinese_of(written)
        if chinese:
            return Concept(written, (terms, *chinese), common=True), size
    return None


def _word_concepts(
    word: str, correct: Callable[[str], str | None] | None, capitalised: bool, bilingual: bool
) -> Iterator[Concept]:
    from answers.bilingual import chinese_of, related_words

    synonyms = _synonyms()
    terms = tokenize(word)
    if bilingual and len(terms) > 1 and not word[:1].isupper():
        # A hyphenated word the dictionary has whole ("county-level" is 县级).
        whole = chinese_of(word) or chinese_of(word.replace("-", " "))
        if whole:
            yield Concept(word, (tuple(terms), *whole), common=True)
            return
    # Otherwise its parts are read one by one ("county-level": county, level).
    parts = word.split("-") if len(terms) > 1 else [word]
    for position, term in enumerate(terms):
        part = parts[position] if len(parts) == len(terms) else word
        alternatives: list[Terms] = [(term,)]
        alternatives.extend(synonyms.get((term,), ()))
        soft = term in _soft_terms() or (len(term) == 1 and term.isalpha())  # "w/"
        if not soft and (base := _irregular_lemma(part)) is not None:
            alternatives.append(base)  # "led" is also "lead", "met" "meet"
        fixed = correct(part) if correct is not None and not soft else None
        named = (capitalised and word[:1].isupper()) or (len(word) > 1 and word.isupper())
        if fixed is not None:
            fixed_terms = tuple(tokenize(fixed))
            if (not fixed_terms or fixed.lower() in SOFT_WORDS) and named:
                # A name is never read as a question word ("SAIC" is not "said").
                fixed = None
            elif not fixed_terms or fixed.lower() in SOFT_WORDS:
                # A misspelt question word ("wen" for "when") only says what is asked.
                yield Concept(part, ((term,),), soft=True, fixed=fixed)
                continue
            else:
                alternatives.append(fixed_terms)
                alternatives.extend(synonyms.get(fixed_terms, ()))
        read = fixed or part
        related: tuple[Terms, ...] = ()
        chinese: tuple[Terms, ...] = ()
        if not soft and not term.isdigit():
            if bilingual:
                # The Chinese of the word, and the glossary's for its synonyms ("deal" is
                # an agreement, 协议).
                chinese = chinese_of(read) + tuple(
                    alt
                    for synonym in alternatives[1:]
                    for alt in synonyms.get(synonym, ())
                    if has_han(alt[0])
                )
                if not chinese:
                    # A word the dictionary lacks ("MoU") through its one-word synonyms.
                    chinese = tuple(
                        alt
                        for synonym in alternatives[1:]
                        if len(synonym) == 1
                        for alt in chinese_of(synonym[0])
                    )
            related = () if named else related_words(read)
        alternatives.extend(chinese)
        yield Concept(
            part,
            tuple(dict.fromkeys(a for a in alternatives if a)),
            soft=soft,
            is_name=named,
            fixed=fixed,
            related=tuple(r for r in related if r not in alternatives),
            common=not named and bool(related or chinese),
        )


def _merge(concepts: list[Concept]) -> Iterator[Concept]:
    """Join neighbours that form a synonym phrase ("post office", "set up")."""
    synonyms = _synonyms()
    longest = max((len(k) for k in synonyms), default=1)
    i = 0
    while i < len(concepts):
        for size in range(min(longest, len(concepts) - i), 1, -1):
            group = concepts[i : i + size]
            key = tuple(c.alternatives[0] for c in group if len(c.alternatives[0]) == 1)
            key = tuple(t for (t,) in key)
            if len(key) == size and key in synonyms:
                yield Concept(
                    " ".join(c.text for c in group),
                    (key, *synonyms[key]),
                    is_name=any(c.is_name for c in group),
                    related=tuple(r for c in group for r in c.related),
                    common=all(c.common for c in group),
                )
                i += size
                break
        else:
            yield concepts[i]
            i += 1


@lru_cache(maxsize=4096)
def _irregular_lemma(word: str) -> Terms | None:
    """The terms of an irregular form's lemma (WordNet's exceptions: "led" -> "lead"), or
    None when the word is its own lemma or a regular form the stemmer already handles."""
    from answers.lexicon import lemma

    base = lemma(word.lower())
    if base == word.lower():
        return None
    terms = tuple(tokenize(base))
    return terms if terms and terms != tuple(tokenize(word)) else None


@cache
def _soft_terms() -> frozenset[str]:
    # Chinese question words stay as written: cutting them would load jieba for English.
    terms = {t for word in SOFT_WORDS if not has_han(word) for t in tokenize(word)}
    return frozenset(terms | SOFT_WORDS)


@cache
def _synonyms() -> dict[Terms, tuple[Terms, ...]]:
    """Question words → article words; the glossary read backwards lets English questions
    find Chinese articles (its Chinese terms kept whole, as jieba cuts them, so an English
    question never loads jieba)."""
    pairs: list[tuple[Terms, Terms]] = []
    for fields in data_rows("synonyms.tsv"):
        key = tuple(tokenize(fields[0]))
        pairs.extend((key, tuple(tokenize(a))) for a in fields[1].split(","))
    for entry in glossary():
        if has_han(entry.term) and entry.kind not in NAME_KINDS:
            pairs.extend((tuple(tokenize(e)), (entry.term,)) for e in entry.english)
    # What people do: how questions say it, and how articles write it ("attended" is
    # "were present at"), from answers/data/people_verbs.tsv.
    for fields in data_rows("people_verbs.tsv"):
        written = [tuple(tokenize(w)) for w in fields[1].split(" / ")]
        for asked in fields[0].split():
            if not has_han(asked):
                pairs.extend((tuple(tokenize(asked)), w) for w in written)
    table: dict[Terms, tuple[Terms, ...]] = {}
    for key, alternative in pairs:
        if key and alternative and alternative != key:
            table[key] = tuple(dict.fromkeys((*table.get(key, ()), alternative)))
    return table


@cache
def _han_glossary() -> dict[str, GlossaryEntry]:
    return {e.term: e for e in glossary() if has_han(e.term)}


@cache
def _latin_glossary() -> dict[tuple[str, ...], GlossaryEntry]:
    """Acronyms, and the English names of places and organisations, as lowercase words."""
    table: dict[tuple[str, ...], GlossaryEntry] = {}
    for entry in glossary():
        if not has_han(entry.term):
            table[tuple(w.lower() for w in words(entry.term))] = entry
        elif entry.kind in NAME_KINDS:
            for english in entry.english:
                key = tuple(w.lower() for w in words(english))
                table.setdefault(key, GlossaryEntry(english, (english,), entry.kind, entry.term))
    return table
