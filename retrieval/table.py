"""An index's passages as flat arrays, read row by row and turned into objects on demand.

A `PassageTable` holds every passage as a few columns: its article's number, its position
and whether it is a title (numpy arrays), its text (all texts in one UTF-8 buffer, cut by
byte offsets) and its terms (term numbers into one vocabulary, cut by offsets). The arrays
may be in memory (`PassageTable.from_passages`) or memory-mapped from a cache
(`retrieval.index_files`); either way nothing per passage is built until it is asked for,
so opening an index makes no Python object per passage.
"""

from __future__ import annotations

import itertools
import mmap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

import numpy as np

from retrieval.passages import Passage

T = TypeVar("T")

# Items each of a table's memos keeps; past this many the oldest half is dropped (a
# long-running bot touches more and more passages: the limit keeps it from holding them all).
_KEPT = 200_000


@dataclass(frozen=True, slots=True)
class PassageColumns:
    """The arrays a `PassageTable` reads; each per-passage array has one entry per passage.

    `text_offsets`, `token_offsets` and `article_row_offsets` have one entry more than what
    they cut: item i spans ``offsets[i]:offsets[i + 1]``.
    """

    article_ids: list[str]  # article number -> article id
    passage_article: np.ndarray  # int32: each passage's article number
    passage_position: np.ndarray  # int32: 0 for the title, then sentences in order
    passage_is_title: np.ndarray  # bool
    text: bytes | mmap.mmap  # every passage's text, UTF-8, one after another
    text_offsets: np.ndarray  # int64: where each passage's text starts in `text`
    vocabulary: list[str]  # term number -> term
    token_ids: np.ndarray  # int32: every passage's term numbers, one after another
    token_offsets: np.ndarray  # int64: where each passage's terms start in `token_ids`
    article_rows: np.ndarray  # int32: passage rows grouped by article, in row order
    article_row_offsets: np.ndarray  # int64: where each article's rows start


class PassageTable:
    """Passages, their texts and terms, read from flat arrays one row at a time."""

    def __init__(self, columns: PassageColumns) -> None:
        self.columns = columns
        self._size = int(columns.passage_article.shape[0])
        self._article_number = {aid: i for i, aid in enumerate(columns.article_ids)}
        # What answering asks for again and again, kept once made (see `_keep`).
        self.term_sets: dict[int, frozenset[str]] = {}
        self._passages: dict[int, Passage] = {}
        self._rows: dict[str, list[int]] = {}
        self._article_terms: dict[str, frozenset[str]] = {}
        self._vocabulary: np.ndarray | None = None  # an object array, for looking up many

    @classmethod
    def from_passages(
        cls, passages: Sequence[Passage], tokens: Sequence[list[str]]
    ) -> PassageTable:
        """The table of `passages`, whose terms are `tokens` (same order, same length)."""
        article_number: dict[str, int] = {}
        numbers = [article_number.setdefault(p.article_id, len(article_number)) for p in passages]
        texts = [p.text.encode() for p in passages]
        vocabulary: dict[str, int] = {}
        ids = [vocabulary.setdefault(t, len(vocabulary)) for terms in tokens for t in terms]
        passage_article = np.asarray(numbers, dtype=np.int32)
        grouped = np.argsort(passage_article, kind="stable").astype(np.int32)
        per_article = np.bincount(passage_article, minlength=len(article_number))
        return cls(
            PassageColumns(
                article_ids=list(article_number),
                passage_article=passage_article,
                passage_position=np.asarray([p.position for p in passages], dtype=np.int32),
                passage_is_title=np.asarray([p.is_title for p in passages], dtype=np.bool_),
                text=b"".join(texts),
                text_offsets=_offsets(map(len, texts), len(texts)),
                vocabulary=list(vocabulary),
                token_ids=np.asarray(ids, dtype=np.int32),
                token_offsets=_offsets(map(len, tokens), len(tokens)),
                article_rows=grouped,
                article_row_offsets=_offsets(per_article.tolist(), len(article_number)),
            )
        )

    def __len__(self) -> int:
        return self._size

    def passage(self, row: int) -> Passage:
        """The passage at `row` (remembered once asked for)."""
        found = self._passages.get(row)
        if found is None:
            row = _checked_row(row, self._size)
            c = self.columns
            found = Passage(
                c.article_ids[int(c.passage_article[row])],
                int(c.passage_position[row]),
                self.text(row),
                bool(c.passage_is_title[row]),
            )
            _keep(self._passages, row, found)
        return found

    def text(self, row: int) -> str:
        """The text of the passage at `row`."""
        offsets = self.columns.text_offsets
        return self.columns.text[int(offsets[row]) : int(offsets[row + 1])].decode(errors="replace")

    def term_ids(self, row: int) -> np.ndarray:
        """The term numbers of the passage at `row`, in text order."""
        offsets = self.columns.token_offsets
        return self.columns.token_ids[int(offsets[row]) : int(offsets[row + 1])]

    def tokens(self, row: int) -> list[str]:
        """The terms of the passage at `row`, in text order."""
        vocabulary = self.columns.vocabulary
        return [vocabulary[i] for i in self.term_ids(row).tolist()]

    def terms(self, row: int) -> frozenset[str]:
        """The distinct terms of the passage at `row` (remembered in `term_sets`).

        The first asked for of an article's passages makes those of all of them at once:
        answering reads an article's passages together.
        """
        found = self.term_sets.get(row)
        if found is None:
            row = _checked_row(row, self._size)
            rows = self.rows(self.columns.article_ids[int(self.columns.passage_article[row])])
            for other, terms in zip(rows, self._term_sets_of(rows), strict=True):
                _keep(self.term_sets, other, terms)
            found = self.term_sets.get(row)
            if found is None:  # not among its article's rows: only a forged cache does that
                found = frozenset(self.tokens(row))
        return found

    def article_terms(self, article_id: str) -> frozenset[str]:
        """Every distinct term of the article's passages (remembered once asked for)."""
        found = self._article_terms.get(article_id)
        if found is None:
            rows = self.rows(article_id)
            if rows and rows[-1] - rows[0] == len(rows) - 1:  # adjacent: one slice
                offsets = self.columns.token_offsets
                ids = self.columns.token_ids[int(offsets[rows[0]]) : int(offsets[rows[-1] + 1])]
                found = frozenset(self._vocabulary_array()[np.unique(ids)].tolist())
            else:
                found = frozenset().union(*map(self.terms, rows))
            _keep(self._article_terms, article_id, found)
        return found

    def _term_sets_of(self, rows: list[int]) -> list[frozenset[str]]:
        """The term sets of `rows`, which are in order; in one pass when they are adjacent."""
        if not rows or rows[-1] - rows[0] != len(rows) - 1:
            return [frozenset(self.tokens(row)) for row in rows]
        bounds = self.columns.token_offsets[rows[0] : rows[-1] + 2].tolist()
        start = bounds[0]
        words = self._vocabulary_array()[self.columns.token_ids[start : bounds[-1]]].tolist()
        return [frozenset(words[a - start : b - start]) for a, b in itertools.pairwise(bounds)]

    def _vocabulary_array(self) -> np.ndarray:
        if self._vocabulary is None:
            self._vocabulary = np.array(self.columns.vocabulary, dtype=object)
        return self._vocabulary

    def rows(self, article_id: str) -> list[int]:
        """The rows of the article's passages, in row order; [] for an unknown article.

        The list is remembered and shared: do not change it.
        """
        found = self._rows.get(article_id)
        if found is None:
            number = self._article_number.get(article_id)
            if number is None:
                return []
            offsets = self.columns.article_row_offsets
            start, end = int(offsets[number]), int(offsets[number + 1])
            found = self.columns.article_rows[start:end].tolist()
            _keep(self._rows, article_id, found)
        return found

    def token_lists(self) -> list[list[str]]:
        """Every passage's terms: what an engine is built from."""
        return [self.tokens(row) for row in range(self._size)]

    def id_lists(self) -> list[list[int]]:
        """Every passage's term numbers."""
        ids, bounds = self.columns.token_ids, self.columns.token_offsets.tolist()
        return [ids[bounds[row] : bounds[row + 1]].tolist() for row in range(self._size)]


class RowList(Sequence[T]):
    """A table's rows as a read-only list: item `row` is ``read(row)``, made when it is read.

    Equal to any sequence with equal items, like a list (`Index.passages == [...]`).
    """

    def __init__(self, size: int, read: Callable[[int], T]) -> None:
        self._size = size
        self._read = read

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, row: int) -> T: ...
    @overload
    def __getitem__(self, row: slice) -> list[T]: ...
    def __getitem__(self, row: int | slice) -> T | list[T]:
        if isinstance(row, slice):
            return [self._read(r) for r in range(*row.indices(self._size))]
        return self._read(_checked_row(row, self._size))

    def __iter__(self) -> Iterator[T]:
        return map(self._read, range(self._size))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # unhashable, like a list


def _keep(memo: dict, key: object, value: object) -> None:
    if len(memo) >= _KEPT:
        for old in list(memo)[: _KEPT // 2]:
            memo.pop(old, None)  # another thread may have dropped it already
    memo[key] = value


def _checked_row(row: int, size: int) -> int:
    if row < 0:
        row += size
    if not 0 <= row < size:
        raise IndexError(f"passage {row} of {size}")
    return row


def _offsets(lengths: Sequence[int] | Iterator[int], count: int) -> np.ndarray:
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.fromiter(lengths, dtype=np.int64, count=count), out=offsets[1:])
    return offsets
