"""The answer layer's data files (answers/data/): tab-separated rows, and the glossary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

# Names of places and organisations are the kinds a question can name.
NAME_KINDS = ("place", "org")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A term a question may use, its English alternatives in the articles, and its kind."""

    term: str
    english: tuple[str, ...]
    kind: str
    chinese: str | None = None  # for an English name: its Chinese, matched as one term


@cache
def glossary() -> tuple[GlossaryEntry, ...]:
    """Every glossary entry, in file order."""
    return tuple(
        GlossaryEntry(f[0], tuple(e.strip() for e in f[1].split(" / ")), f[2])
        for f in data_rows("glossary.tsv")
    )


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated fields of answers/data/`name`, stripped; blank and # lines skipped."""
    text = resources.files("answers").joinpath(f"data/{name}").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([field.strip() for field in line.split("\t")])
    return rows
