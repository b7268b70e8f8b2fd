"""Text chores every layer shares: normalising, the script, month names, Traditional → Simplified.

The bottom of the layers: retrieval, answers and the front ends import these rather than write
their own. OpenCC (the maintained converter with its own phrase dictionaries) turns Traditional
Chinese Simplified; it is loaded only when Chinese text is met, so English pages never pay for it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

LANGS = ("en", "zh", "zh-Hant")

# Chinese characters, as the body of a regex character class (`rf"[{HAN}]"`): the CJK Unified
# Ideographs with Extension A, the compatibility ideographs, and the supplementary planes'
# extensions (B onwards) with their compatibility supplement.
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"

# English month names and their abbreviations, January first.
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
# Each month's name or abbreviation (lowercase) -> its number, 1 to 12.
MONTHS = {name: number for number, names in enumerate(MONTH_NAMES, 1) for name in names}

# Curly quotes and apostrophe look-alikes, made straight by `fold_quotes`.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
_HAN = re.compile(rf"[{HAN}]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# A page is Traditional when at least this share of its Han characters change under t2s;
# Simplified text changes in almost none (a stray 乾 or 後 in a name).
_TRADITIONAL_SHARE = 0.05


def normalize(text: str) -> str:
    """Return `text` in Unicode NFKC with invisible characters dropped and whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def fold_quotes(text: str) -> str:
    """`text` in NFKC (full-width forms folded) with curly quotes made straight: as searched."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def has_han(text: str) -> bool:
    """Whether `text` holds any Chinese character."""
    return _HAN.search(text) is not None


def language_of(text: str) -> str:
    """A short text's language (a question, a filter): "zh" if it holds a Chinese character.

    Else "en". A whole article's language is `detect_lang`'s.
    """
    return "zh" if has_han(text) else "en"


def detect_lang(title: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    """Return "zh-Hant", "zh" or "en": Chinese when the title (or the body) is mostly Han.

    Args:
        title: the article's title.
        paragraphs: its body; the first three paragraphs are read when the title is not enough.

    Returns:
        "zh-Hant" for Traditional Chinese, "zh" for Simplified, else "en".
    """
    for text in (title, " ".join(paragraphs[:3])):
        han = len(_HAN.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        if han or latin:
            if han < latin / 2:
                return "en"
            sample = title + " ".join(paragraphs[:3])
            return "zh-Hant" if is_traditional(sample) else "zh"
    return "en"


def is_traditional(text: str) -> bool:
    """Whether `text` is written in Traditional Chinese characters."""
    han = _HAN.findall(text)
    if not han:
        return False
    simplified = to_simplified("".join(han))
    changed = sum(1 for a, b in zip(han, simplified, strict=False) if a != b)
    return changed / len(han) >= _TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    """`text` with Traditional Chinese characters and phrases turned Simplified (OpenCC t2s)."""
    if not has_han(text):
        return text
    return _converter().convert(text)


@cache
def _converter() -> opencc.OpenCC:
    import opencc

    return opencc.OpenCC("t2s")
