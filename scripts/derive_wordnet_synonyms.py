"""Derive answers/lexicon/data/'s WordNet files from the Princeton WordNet 3.0 database.

Debian's `wordnet-base` package has the database (`apt-get install wordnet-base`; files in
/usr/share/wordnet). No PyPI package ships it, and `nltk`/`wn` download it at run time,
which locked-down servers refuse. This script reads the database files directly and writes:

- wordnet_synonyms.tsv: lemma -> "synonym|synonym", sorted as answers/lexicon/table.py
  searches it. Only common senses count: for each part of speech, a lemma's first sense when
  SemCor tagged it at least once (cntlist.rev) and its second when tagged at least a third
  as often as the first. Lemmas never tagged are left out: rare words, rare readings.
- lemma_exceptions.tsv: irregular inflection -> lemma (verb.exc, noun.exc, adj.exc, adv.exc;
  "met\tmeet"), verbs first when a form is listed twice.

Both are shipped with WordNet's licence (data/LICENSE-WordNet.txt).

Usage: python scripts/derive_wordnet_synonyms.py [WORDNET_DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derive_cedict import write_table

OUT = Path(__file__).resolve().parents[1] / "answers" / "lexicon" / "data"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# cntlist.rev's ss_type digit -> part of speech (5, adjective satellite, is an adjective).
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
SENSES = 2
SECOND_SENSE_SHARE = 1 / 3
MAX_SYNONYMS = 12
_ADJECTIVE_MARKER = re.compile(r"\((?:a|p|ip)\)$")


def tag_counts(wordnet: Path) -> dict[tuple[str, str, int], int]:
    """How often SemCor tagged each (lemma, part of speech, sense number)."""
    counts: dict[tuple[str, str, int], int] = defaultdict(int)
    for line in (wordnet / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        sense_key, number, count = line.split()
        lemma, rest = sense_key.split("%", 1)
        counts[(lemma, SS_TYPE[rest[0]], int(number))] += int(count)
    return counts


def synset_words(data: bytes, offset: int) -> list[str]:
    """The lemmas of the synset at a byte offset of a data.* file, as written (lowercased)."""
    end = data.index(b"\n", offset)
    fields = data[offset:end].decode("utf-8").split(" ")
    count = int(fields[3], 16)
    words = fields[4 : 4 + 2 * count : 2]
    return [_ADJECTIVE_MARKER.sub("", w).replace("_", " ").lower() for w in words]


def common_senses(offsets: list[str], counts: list[int]) -> list[str]:
    """The offsets of the senses common enough to give synonyms."""
    chosen: list[str] = []
    if not offsets or counts[0] < 1:
        return chosen
    chosen.append(offsets[0])
    for offset, count in zip(offsets[1:SENSES], counts[1:SENSES], strict=False):
        if count >= 1 and count >= counts[0] * SECOND_SENSE_SHARE:
            chosen.append(offset)
    return chosen


def synonyms(wordnet: Path) -> dict[str, str]:
    """lemma -> "synonym|synonym" over the common senses of every part of speech."""
    counts = tag_counts(wordnet)
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for name, pos in POS.items():
        data = (wordnet / f"data.{name}").read_bytes()
        for line in (wordnet / f"index.{name}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            lemma, synset_count = fields[0], int(fields[2])
            offsets = fields[-synset_count:]
            sense_counts = [counts.get((lemma, pos, n + 1), 0) for n in range(len(offsets))]
            word = lemma.replace("_", " ")
            for offset in common_senses(offsets, sense_counts):
                for synonym in synset_words(data, int(offset)):
                    if synonym != word and "|" not in synonym:
                        found[word][synonym] = None
    return {w: "|".join(list(s)[:MAX_SYNONYMS]) for w, s in found.items() if s}


def exceptions(wordnet: Path) -> dict[str, str]:
    """Irregular inflected form -> its lemma, verbs first."""
    table: dict[str, str] = {}
    for name in ("verb", "noun", "adj", "adv"):
        for line in (wordnet / f"{name}.exc").read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) >= 2 and fields[0] != fields[1]:
                table.setdefault(fields[0].replace("_", " "), fields[1].replace("_", " "))
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", nargs="?", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    if not (args.wordnet / "index.noun").is_file():
        sys.exit(f"{args.wordnet}: no WordNet database (apt-get install wordnet-base)")
    table = synonyms(args.wordnet)
    write_table(OUT / "wordnet_synonyms.tsv", table)
    irregular = exceptions(args.wordnet)
    write_table(OUT / "lemma_exceptions.tsv", irregular)
    print(f"{len(table)} lemmas with synonyms, {len(irregular)} irregular forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
