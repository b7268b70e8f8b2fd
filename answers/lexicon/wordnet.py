"""English synonyms and irregular lemmas from Princeton WordNet 3.0.

data/wordnet_synonyms.tsv and data/lemma_exceptions.tsv are derived from Debian's
wordnet-base database by scripts/derive_wordnet_synonyms.py (WordNet licence:
data/LICENSE-WordNet.txt) and loaded once, on first use.
"""

from __future__ import annotations

from functools import cache

from answers.lexicon.table import SortedTable, read_table

_SEPARATOR = "|"


@cache
def _synonyms() -> SortedTable:
    return read_table("wordnet_synonyms.tsv")


@cache
def _exceptions() -> SortedTable:
    return read_table("lemma_exceptions.tsv")


def _key(word: str) -> str:
    return " ".join(word.lower().replace("_", " ").split())


def synonyms(word: str) -> tuple[str, ...]:
    """WordNet synonyms of a word or phrase in its common senses, commonest first; () if none.

    Lowercase; multi-word synonyms spaced ("business deal"). Only the first sense of each part
    of speech, and the second when nearly as common, so rare readings stay out.
    """
    value = _synonyms().get(_key(word))
    return tuple(value.split(_SEPARATOR)) if value else ()


def lemma(word: str) -> str:
    """The lemma of an irregular English form ("met" -> "meet", "children" -> "child").

    Only WordNet's exception lists: a regular form ("signed") or an unknown word comes back
    as it is, lowercased. A form listed for several parts of speech takes the verb's lemma.
    """
    key = _key(word)
    return _exceptions().get(key) or key
