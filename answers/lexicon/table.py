"""The lexicon's data files: sorted "key<TAB>value" lines, searched in place.

Parsing 100,000 lines into a dict costs more than the 0.1 s a Chinese question may spend on
its dictionary, so a table is read as bytes and searched by bisection over its lines (UTF-8
bytes sort as the strings do): loading costs one file read, a lookup some 20 comparisons.
scripts/derive_*.py write the tables.
"""

from __future__ import annotations

from importlib import resources

PACKAGE = "answers.lexicon"


class LexiconError(Exception):
    """A shipped lexicon file is missing or malformed: the package was built wrongly."""


class SortedTable:
    """A file of "key<TAB>value" lines sorted by key, looked up without parsing it."""

    def __init__(self, data: bytes, name: str = "table") -> None:
        if data and not data.endswith(b"\n"):
            raise LexiconError(f"{name}: the last line has no newline")
        self._data = data
        self.name = name

    def get(self, key: str) -> str | None:
        """The value of key, or None."""
        found = self.ceiling(key)
        return found[1] if found is not None and found[0] == key else None

    def ceiling(self, key: str) -> tuple[str, str] | None:
        """The first (key, value) whose key sorts at or after key; None past the end.

        Its key starts with the given one whenever any key does, which tells a caller
        whether a longer key can still match.
        """
        wanted = key.encode("utf-8")
        data = self._data
        low, high = 0, len(data)
        best: tuple[int, int, int] | None = None  # start, tab, end of the best line so far
        while low < high:
            middle = (low + high) // 2
            start = data.rfind(b"\n", 0, middle) + 1
            end = data.find(b"\n", start)
            tab = data.find(b"\t", start, end)
            if tab < 0:
                raise LexiconError(f"{self.name}: a line without a tab at byte {start}")
            found = data[start:tab]
            if found == wanted:
                best = (start, tab, end)
                break
            if found < wanted:
                low = end + 1
            else:
                best = (start, tab, end)
                high = start
        if best is None:
            return None
        start, tab, end = best
        return data[start:tab].decode("utf-8"), data[tab + 1 : end].decode("utf-8")

    def starting_with(self, prefix: str, limit: int) -> list[tuple[str, str]]:
        """Up to `limit` (key, value) pairs whose key starts with `prefix`, in order."""
        found: list[tuple[str, str]] = []
        if not prefix:
            return found
        wanted = prefix.encode("utf-8")
        pair = self.ceiling(prefix)
        if pair is None or not pair[0].startswith(prefix):
            return found
        data = self._data
        start = data.find(b"\n" + pair[0].encode("utf-8") + b"\t")
        start = 0 if data.startswith(pair[0].encode("utf-8") + b"\t") else start + 1
        while start < len(data) and len(found) < limit:
            end = data.find(b"\n", start)
            tab = data.find(b"\t", start, end)
            key = data[start:tab]
            if not key.startswith(wanted):
                break
            found.append((key.decode("utf-8"), data[tab + 1 : end].decode("utf-8")))
            start = end + 1
        return found

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def items(self) -> list[tuple[str, str]]:
        """Every (key, value) pair, in order (for checks, not for lookups)."""
        lines = self._data.decode("utf-8").splitlines()
        return [(key, value) for key, _, value in (line.partition("\t") for line in lines)]


def read_table(name: str) -> SortedTable:
    """The sorted table shipped as answers/lexicon/data/<name>."""
    return SortedTable(resources.files(PACKAGE).joinpath(f"data/{name}").read_bytes(), name)


def read_lines(name: str) -> list[str]:
    """The non-empty lines of answers/lexicon/data/<name>, without "#" comments."""
    text = resources.files(PACKAGE).joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]
