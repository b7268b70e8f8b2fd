"""corpus/records.py: records as JSON values."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from corpus.model import Agreement, Article
from corpus.records import as_json


@dataclass(frozen=True)
class _Inner:
    name: str
    scores: tuple[float, ...]


@dataclass(frozen=True)
class _Outer:
    number: int
    inner: _Inner | None
    items: tuple[_Inner, ...]
    extra: dict[str, tuple[int, ...]]


def test_as_json_keeps_field_order_and_turns_nested_records_and_tuples_into_json() -> None:
    record = _Outer(1, _Inner("a", (0.5,)), (_Inner("b", ()),), {"k": (1, 2)})
    assert as_json(record) == {
        "number": 1,
        "inner": {"name": "a", "scores": [0.5]},
        "items": [{"name": "b", "scores": []}],
        "extra": {"k": [1, 2]},
    }
    assert list(as_json(record)) == ["number", "inner", "items", "extra"]


def test_as_json_keeps_none() -> None:
    assert as_json(_Outer(2, None, (), {}))["inner"] is None


@pytest.mark.parametrize("value", [_Inner, {"a": 1}, ("a",)])
def test_as_json_refuses_what_is_not_a_record(value: object) -> None:
    with pytest.raises(TypeError):
        as_json(value)


def test_article_round_trips_through_json() -> None:
    article = Article(
        id="x1",
        title="China Post signs",
        source="China Post",
        published="2024-01-02",
        lang="en",
        paragraphs=("One.", "Two."),
        origin="x.txt",
        agreement=Agreement(("China Post", "Jilin"), "strategic", None, ("logistics",)),
    )
    assert Article.from_json(json.loads(json.dumps(article.to_json()))) == article
