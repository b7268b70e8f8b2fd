"""Derive answers/lexicon/data/pinyin_chars.tsv: each Han character's commonest pinyin.

From pypinyin (`pip install pypinyin`; MIT, its readings from the pinyin-data project, MIT):
the first, commonest reading of every character in the CJK Unified Ideographs blocks, without
tones, ü as u ("吕\tlu"), as English writes names. Reading pypinyin at run time instead costs
0.3 s of imports (its 400,000-phrase dictionary) for each new process that spells a name;
this table is searched in place (answers/lexicon/table.py).

Usage: python scripts/derive_pinyin.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derive_cedict import write_table

OUT = Path(__file__).resolve().parents[1] / "answers" / "lexicon" / "data"
BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))  # Extension A and the basic block


def main() -> int:
    table: dict[str, str] = {}
    for code in sorted(pinyin_dict):
        if not any(low <= code <= high for low, high in BLOCKS):
            continue
        char = chr(code)
        reading = lazy_pinyin(char, style=Style.NORMAL, v_to_u=True)[0].replace("ü", "u")
        if reading.isascii() and reading.isalpha():
            table[char] = reading
    write_table(OUT / "pinyin_chars.tsv", table)
    print(f"{len(table)} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
