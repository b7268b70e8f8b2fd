"""scripts/derive_cedict.py: how CC-CEDICT's lines become the shipped tables."""

from __future__ import annotations

import pytest

from answers.lexicon.table import SortedTable
from scripts.derive_cedict import clean_glosses, derive, name_glosses, write_table

SAMPLE = """\
# CC-CEDICT sample
簽署 签署 [qian1 shu3] /to sign (an agreement)/
農業 农业 [nong2 ye4] /agriculture/farming/
農 农 [Nong2] /surname Nong/
農 农 [nong2] /agriculture/
劉 刘 [Liu2] /surname Liu/
劉 刘 [liu2] /(classical) a type of battle-ax/to kill/
韓 韩 [Han2] /Korea/surname Han/
湖北 湖北 [Hu2 bei3] /Hubei Province (Hupeh) in central China, abbr. 鄂[E4]/
裡 里 [li3] /lining/interior/
個 个 [ge4] /individual/this/variant of 箇|个[ge4]/
""".splitlines()


@pytest.mark.parametrize(
    ("gloss", "phrases"),
    [
        ("to sign (an agreement)", ["sign"]),
        ("CL:個|个[ge4]", []),
        ("variant of 裏|里[li3]", []),
        ("lit. big mouth", []),
        ("abbr. for 中國郵政|中国邮政", []),
        ("to meet sb", ["meet"]),
        ("to sign one's name", ["sign name", "sign"]),
        ("to take sth into account", ["take into account"]),
        ("li, ancient measure of length", ["li"]),
        ("beautiful; fine", ["beautiful", "fine"]),
        ("a word of far more than four words here", []),
    ],
)
def test_clean_glosses(gloss: str, phrases: list[str]) -> None:
    assert clean_glosses(gloss) == phrases


def test_name_glosses_add_the_bare_place_name() -> None:
    glosses = name_glosses("Hubei Province (Hupeh) in central China, abbr. 鄂[E4]")
    assert glosses[-2:] == ["hubei province", "hubei"]


def test_derive_marks_names_and_merges_entries() -> None:
    derived = derive(SAMPLE, {"农业": 100, "农": 10})
    assert derived.zh["签署"] == "sign"
    assert derived.zh["湖北"].startswith("*")  # a name
    assert derived.zh["韩"] == "*korea/han"  # only a name: its surname is a translation
    assert derived.zh["刘"] == "type of battle-ax/kill"  # also a word: no surname
    assert derived.zh["农"] == "agriculture"  # the surname of a word is dropped
    assert derived.zh["个"] == "individual/this"


def test_derive_points_traditional_headwords_at_simplified_ones() -> None:
    derived = derive(SAMPLE, {})
    assert derived.traditional["簽署"] == "签署"
    assert "里" not in derived.traditional
    assert "裡" in derived.traditional_chars and "农" not in derived.traditional_chars


def test_derive_english_puts_the_commoner_word_first() -> None:
    derived = derive(SAMPLE, {"农业": 100, "农": 10})
    assert derived.english["agriculture"] == "农业/农"
    assert derived.surnames == {"农": "nong", "刘": "liu", "韩": "han"}


def test_write_table_is_searchable(tmp_path) -> None:
    path = tmp_path / "table.tsv"
    write_table(path, {"农业": "agriculture", "a": "1", "签署": "sign"})
    table = SortedTable(path.read_bytes())
    assert [table.get(k) for k in ("a", "农业", "签署", "x")] == ["1", "agriculture", "sign", None]


@pytest.mark.parametrize("table", [{"a\tb": "1"}, {"a": "1\n2"}, {"": "1"}])
def test_write_table_refuses_what_it_cannot_store(tmp_path, table: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        write_table(tmp_path / "table.tsv", table)
