"""`postbot agreements --year/--search` and the terminal chat's `/agreements FILTER`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from agreement_records import MIXED_CORPUS

from bot.cli import main
from bot.cli.chat import chat
from corpus.store import write_articles


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.jsonl"
    write_articles(list(MIXED_CORPUS), path)
    return path


def _json(corpus: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[dict]:
    assert main(["agreements", "--corpus", str(corpus), "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_agreements_year_option_keeps_that_year(corpus: Path, capsys) -> None:
    entries = _json(corpus, capsys, "--year", "2019")
    assert {e["article_id"] for e in entries} == {"dalian", "ant", "icbc"}
    assert [e["number"] for e in entries] == sorted(e["number"] for e in entries)


def test_agreements_search_option_searches_the_article_body(corpus: Path, capsys) -> None:
    entries = _json(corpus, capsys, "--search", "mobile payments")
    assert [e["article_id"] for e in entries] == ["ant"]


def test_agreements_year_and_search_together(corpus: Path, capsys) -> None:
    entries = _json(corpus, capsys, "--year", "2023", "--search", "e-commerce")
    assert [e["article_id"] for e in entries] == ["veldrana"]


def test_agreements_search_kind_word(corpus: Path, capsys) -> None:
    entries = _json(corpus, capsys, "--search", "银行")
    assert [e["article_id"] for e in entries] == ["icbc"]


def test_agreements_json_no_match_is_an_empty_list(corpus: Path, capsys) -> None:
    assert _json(corpus, capsys, "--search", "Hubei") == []


def test_agreements_table_no_match_says_so(corpus: Path, capsys) -> None:
    assert main(["agreements", "--corpus", str(corpus), "--year", "2011"]) == 0
    assert capsys.readouterr().out == (
        "No agreement matches “2011”: there are 7 agreements in all (postbot agreements).\n"
    )


def test_agreements_bad_year_exits_2(corpus: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["agreements", "--corpus", str(corpus), "--year", "last"])
    assert stop.value.code == 2


def test_chat_agreements_with_a_filter(tiny) -> None:
    out = io.StringIO()
    chat(tiny, io.StringIO("/agreements Jilin\n/agreements Hubei\n"), out)
    text = out.getvalue()
    table, refusal = text.split("> ")[1:3]
    assert "Jilin provincial government" in table and "Ministry" not in table
    assert refusal.startswith("No agreement matches “Hubei”: there are 3 agreements")
