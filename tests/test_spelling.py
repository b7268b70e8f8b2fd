"""Typo repair: the candidate filter never changes which word the speller picks."""

from __future__ import annotations

import random

import pytest

from answers.questions import SOFT_WORDS
from answers.spelling import SHORTEST_CLIPPED, SHORTEST_REPAIRED, Speller, edit_distance
from corpus.store import load_articles
from retrieval.passages import split_passages
from retrieval.tokenize import words


def _brute_force(speller: Speller, word: str) -> str | None:
    """The speller's rule, checked against every known word (its first version)."""
    written, word = word, word.lower()
    if not word.isalpha() or word in speller._counts or len(word) < 3:
        return None
    limit = 1 if len(word) <= 6 else 2
    best: tuple[int, int, str] | None = None
    for known, count in speller._counts.items():
        if abs(len(known) - len(word)) > limit or len(known) < 3:
            continue
        if len(word) <= SHORTEST_REPAIRED and known not in speller._question_words:
            continue
        distance = edit_distance(word, known, limit)
        if distance <= limit and (best is None or (distance, -count) < best[:2]):
            best = (distance, -count, known)
    if best is None and written.islower() and len(word) >= SHORTEST_CLIPPED:
        longer = [
            (-count, known)
            for known, count in speller._counts.items()
            if known.startswith(word)
            and len(known) >= len(word) + 2
            and known not in speller._question_words
        ]
        # The most frequent, then the first seen (dicts keep that order; max keeps the first).
        return min(longer, key=lambda pair: pair[0])[1] if longer else None
    return best[2] if best else None


def _misspell(rng: random.Random, word: str) -> str:
    letters = list(word)
    for _ in range(rng.choice((1, 1, 2, 3))):
        i = rng.randrange(len(letters))
        edit = rng.choice(("swap", "drop", "add", "change"))
        if edit == "swap" and i + 1 < len(letters):
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
        elif edit == "drop" and len(letters) > 1:
            del letters[i]
        elif edit == "add":
            letters.insert(i, rng.choice("abcdefghijklmnopqrstuvwxyz"))
        else:
            letters[i] = rng.choice("abcdefghijklmnopqrstuvwxyzé")
    return "".join(letters)


@pytest.fixture(scope="module")
def shipped_speller() -> Speller:
    texts = [p.text for a in load_articles() for p in split_passages(a)]
    return Speller.from_texts(texts, question_words=SOFT_WORDS)


def test_speller_picks_what_checking_every_word_picks(shipped_speller: Speller) -> None:
    rng = random.Random(3)
    known = sorted(w for w in shipped_speller._counts if len(w) >= 3)
    typos = [_misspell(rng, rng.choice(known)) for _ in range(400)]
    repaired = [shipped_speller.correct(t) for t in typos]
    assert repaired == [_brute_force(shipped_speller, t) for t in typos]
    assert sum(r is not None for r in repaired) > 100  # the comparison is not all Nones


def test_speller_ties_go_to_the_word_seen_first() -> None:
    # "carxers" is one edit from each, and each is seen once.
    assert Speller.from_texts(["carters carvers"]).correct("carxers") == "carters"
    assert Speller.from_texts(["carvers carters"]).correct("carxers") == "carvers"


def test_speller_reads_short_words_only_as_question_words() -> None:
    speller = Speller.from_texts(["carts"], question_words=["when"])
    assert speller.correct("carxs") is None
    assert speller.correct("whem") == "when"


def test_speller_counts_every_spelling_of_a_word() -> None:
    speller = Speller.from_texts(["Signing signing SIGNING singing"])
    assert speller.correct("signin") == "signing"  # three to one, though both are one edit


def test_speller_knows_words_split_across_texts_apart() -> None:
    assert words("alpha\nbeta") == ["alpha", "beta"]
    speller = Speller.from_texts(["alpha", "beta"])
    assert speller.correct("alphabeta") is None


def test_speller_reads_a_clipped_word_as_the_word_it_starts() -> None:
    speller = Speller.from_texts(["Jinlanhe Pharmaceutical signed with China Post."])
    assert speller.correct("pharma") == "pharmaceutical"
    assert speller.correct("Pharma") is None  # a capitalised word is a name
    assert speller.correct("phar") is None  # too short to tell
