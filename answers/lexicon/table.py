"""Read the lexicon's key-value tables, which load in one split instead of a parse per line.

A table file is UTF-8 text: a line with the count N, then N sorted keys one a line, then
the N values in the same order (scripts/derive_cedict.py writes them). Building a dict from
two slices of one split is about twice as fast as json.loads of the same pairs.
"""

from __future__ import annotations

from importlib import resources

PACKAGE = "answers.lexicon"


class LexiconError(Exception):
    """A shipped lexicon file is missing or malformed: the package was built wrongly."""


def read_table(name: str) -> dict[str, str]:
    """The key -> value table shipped as answers/lexicon/data/<name>."""
    text = resources.files(PACKAGE).joinpath(f"data/{name}").read_text(encoding="utf-8")
    return parse_table(text, name)


def parse_table(text: str, name: str = "table") -> dict[str, str]:
    """A table's text as a dict; LexiconError names the file when it is malformed."""
    lines = text.split("\n")
    try:
        count = int(lines[0])
    except ValueError as exc:
        raise LexiconError(f"{name}: the first line is not a count") from exc
    if len(lines) < 2 * count + 1:
        raise LexiconError(f"{name}: {count} entries announced, fewer present")
    return dict(zip(lines[1 : count + 1], lines[count + 1 : 2 * count + 1], strict=True))


def read_lines(name: str) -> list[str]:
    """The non-empty lines of answers/lexicon/data/<name>, without "#" comments."""
    text = resources.files(PACKAGE).joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]
