"""Coverage, and when to answer: how much of a question's informative weight a passage or an
article matches.

Raw BM25 scores are not comparable across questions, so the rule uses shares instead. A
concept weighs the IDF of its best-known wording; a wording no passage uses weighs as much
as the rarest term could, so an unknown name ("Hubei") counts heavily against, while an
ordinary word no article uses counts lightly. Soft concepts (question words) only count when
they match. The thresholds sit between what answerable and unanswerable questions of the
question sets score; the sets in CI check them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from answers.expand import Concept, Query

# The best passage, read with its title, must match this share of the question's weight.
MIN_PASSAGE_COVERAGE = 0.62
# The best article must match this share (it may spread the answer over sentences).
MIN_ARTICLE_COVERAGE = 0.7
# Below this article coverage the best article must also beat the runner-up by MIN_MARGIN.
CONFIDENT_COVERAGE = 0.9
MIN_MARGIN = 0.1
# Articles this close answer equally well (the same parties sign again, say): the answer
# cites the one whose title fits best, then the most recent, and says how many tie.
TIE_MARGIN = 0.02
# A follow-up question about a known article needs only this much.
MIN_FOLLOWUP_COVERAGE = 0.3
# A synonym's match counts this much of a match of the question's own word (or translation).
RELATED_WEIGHT = 0.5
# An ordinary word no article uses ("headquartered", "promise") weighs this share of what
# an unknown word weighs: the kind's fact check, not the missing word, guards such answers.
# An unknown name still weighs in full (and makes the bot decline).
COMMON_UNKNOWN_SHARE = 0.3
# Weights a Weigher remembers; a long-running bot forgets them past this many.
_MAX_REMEMBERED_TERMS = 100_000


@dataclass(frozen=True, slots=True)
class Evidence:
    """How well one article answers a question."""

    article_id: str
    passage_coverage: float  # its best passage's share of the question's weight
    article_coverage: float  # the whole article's share

    @property
    def strength(self) -> float:
        """One number to rank articles by."""
        return self.passage_coverage + self.article_coverage


class Weigher:
    """Weighs concepts and their matches with an index's IDF."""

    def __init__(self, idf: Callable[[str], float], unseen_idf: float) -> None:
        self._idf = idf
        self._unseen = unseen_idf
        # Ranking weighs the same few terms hundreds of times per question; the index is fixed.
        self._weights: dict[str, float] = {}
        self._concept_weights: dict[Concept, float] = {}

    def term(self, term: str) -> float:
        """A term's IDF, or the most a term can weigh if no passage has it."""
        weight = self._weights.get(term)
        if weight is None:
            if len(self._weights) > _MAX_REMEMBERED_TERMS:
                self._weights.clear()
            weight = self._weights[term] = self._idf(term) or self._unseen
        return weight

    def known(self, concept: Concept) -> bool:
        """Whether some passage has every term of one of the concept's wordings."""
        return any(all(self._idf(t) > 0 for t in alt) for alt in concept.alternatives)

    def weight(self, concept: Concept) -> float:
        """The concept's weight: the mean IDF of its best-known wording."""
        weight = self._concept_weights.get(concept)
        if weight is None:
            if len(self._concept_weights) > _MAX_REMEMBERED_TERMS:
                self._concept_weights.clear()
            weight = min(sum(map(self.term, alt)) / len(alt) for alt in concept.alternatives)
            if concept.common and not concept.is_name and not self.known(concept):
                weight *= COMMON_UNKNOWN_SHARE
            self._concept_weights[concept] = weight
        return weight

    def match(self, concept: Concept, terms: frozenset[str]) -> float:
        """The weighted share, 0 to 1, of the concept's best wording found in `terms`."""
        best = max(self._share(alt, terms) for alt in concept.alternatives)
        if best < RELATED_WEIGHT and concept.related:
            related = max(self._share(alt, terms) for alt in concept.related)
            best = max(best, RELATED_WEIGHT * related)
        return best

    def _share(self, alternative: tuple[str, ...], terms: frozenset[str]) -> float:
        weights = [self.term(t) for t in alternative]
        found = sum(w for t, w in zip(alternative, weights, strict=True) if t in terms)
        return found / sum(weights)

    def coverage(self, query: Query, terms: frozenset[str]) -> float:
        """The share, 0 to 1, of the question's weight that `terms` match."""
        matched = total = 0.0
        for concept in query.concepts:
            weight = self.weight(concept)
            share = self.match(concept, terms)
            matched += weight * share
            if not concept.soft:
                total += weight
            elif share > 0:
                total += weight * share
        return matched / total if total else 0.0


class QueryCoverage:
    """One question's coverage of term sets, remembered by the question terms each matches.

    Coverage only looks at the question's own terms, so every set that matches the same
    ones covers the question equally: ranking weighs each distinct match once.
    """

    def __init__(self, weigher: Weigher, query: Query) -> None:
        self._weigher = weigher
        self.query = query
        self.terms = frozenset(query.terms)
        self._known: dict[frozenset[str], float] = {}

    def __call__(self, terms: frozenset[str]) -> float:
        """The share, 0 to 1, of the question's weight that `terms` match."""
        matched = self.terms & terms
        coverage = self._known.get(matched)
        if coverage is None:
            coverage = self._known[matched] = self._weigher.coverage(self.query, matched)
        return coverage


def unknown_names(query: Query, weigher: Weigher) -> list[Concept]:
    """The places, organisations and capitalised words of the question no article has."""
    return [c for c in query.concepts if c.is_name and not c.soft and not weigher.known(c)]


def is_answerable(best: Evidence, runner_up: Evidence | None, *, followup: bool = False) -> bool:
    """Whether the best article answers the question well enough to cite it."""
    if followup:
        return best.passage_coverage >= MIN_FOLLOWUP_COVERAGE
    if best.passage_coverage < MIN_PASSAGE_COVERAGE:
        return False
    if best.article_coverage < MIN_ARTICLE_COVERAGE:
        return False
    if runner_up is None:
        return True
    if best.article_coverage >= CONFIDENT_COVERAGE:
        return True
    return best.strength - runner_up.strength >= MIN_MARGIN


def ties(ranked: list[Evidence]) -> int:
    """How many articles answer as well as the best one (1 when it stands alone)."""
    return sum(1 for e in ranked if ranked[0].strength - e.strength < TIE_MARGIN)
