"""`postbot ask` and `postbot chat` from the command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from answers_fixtures import TINY_CORPUS

from answers import Answerer
from bot.cli import main
from bot.cli.agreements import format_table
from bot.cli.chat import chat
from corpus.store import write_articles

JILIN_WHEN = "When did China Post sign with Jilin?"


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    write_articles(TINY_CORPUS, path)
    return path


def test_ask_prints_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", JILIN_WHEN]) == 0
    out = capsys.readouterr().out
    assert out.startswith("It was signed on June 28, 2022.")
    assert "2022-06-29" in out


def test_ask_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", JILIN_WHEN]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"question", "answered", "answer", "citations"}
    assert data["question"] == JILIN_WHEN and data["answered"] is True
    (citation,) = data["citations"]
    assert set(citation) == {
        "article_id",
        "title",
        "source",
        "published",
        "snippet",
        "score",
        "url",
    }
    assert citation["published"] == "2022-06-29"
    assert citation["url"] is None  # the shipped articles were read from files


def test_ask_json_unanswered_has_no_citations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "Who won the 2022 World Cup?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answered"] is False and data["citations"] == []
    assert "/agreements" in data["answer"]


@pytest.mark.parametrize("question", ["", "   "])
def test_ask_empty_question_exits_2(question: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", question]) == 2
    captured = capsys.readouterr()
    assert "question is empty" in captured.err and captured.out == ""


def test_ask_reads_stdin_one_question_a_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{JILIN_WHEN}\n\nqwzx plorf\n"))
    assert main(["ask", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["answered"] for line in lines] == [True, False]


def test_ask_with_corpus_option(tiny_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["ask", "--corpus", str(tiny_corpus), "--json", "中国邮政和湖南省什么时候签署的协议？"]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["citations"][0]["article_id"] == "hunan"


def test_ask_missing_corpus_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--corpus", str(tmp_path / "none.jsonl"), JILIN_WHEN]) == 2
    assert "not found" in capsys.readouterr().err


def test_ask_imports_nothing_it_does_not_need() -> None:
    script = (
        "import sys\nfrom bot.cli import main\n"
        f"assert main(['ask', {JILIN_WHEN!r}]) == 0\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "answers.answerer" in loaded
    assert not {"telegram", "jieba", "bm25s", "scipy"} & loaded


def test_postbot_script_answers() -> None:
    postbot = Path(sys.executable).with_name("postbot")
    if not postbot.exists():
        pytest.skip("the postbot script is not installed next to this Python")
    done = subprocess.run([str(postbot), "ask", JILIN_WHEN], capture_output=True, text=True)
    assert done.returncode == 0 and "June 28" in done.stdout


def _chat(answerer: Answerer, typed: str) -> tuple[int, str]:
    out = io.StringIO()
    return chat(answerer, io.StringIO(typed), out), out.getvalue()


def test_chat_answers_questions(tiny: Answerer) -> None:
    code, out = _chat(tiny, f"{JILIN_WHEN}\n/quit\n")
    assert code == 0 and "It was signed on June 28, 2022." in out


def test_chat_follow_up_uses_the_last_article(tiny: Answerer) -> None:
    _, out = _chat(tiny, "cold chain logistics\nwhen was it signed?\n")
    assert "it was published on 2021-07-03" in out


def test_chat_agreements_command_shows_the_compact_table(tiny: Answerer) -> None:
    _, out = _chat(tiny, "/agreements\n")
    table = format_table(tiny.agreements, compact=True)
    assert table in out
    for expected in ("Signed on", "2022-06-28", "unknown", "cooperation framework agreement"):
        assert expected in table
    assert "China Post / Jilin provincial government" in table
    assert "areas: financial services; e-commerce and express" in table
    assert "article:" not in table


def test_chat_agreements_in_chinese_after_a_chinese_question(tiny: Answerer) -> None:
    _, out = _chat(tiny, "中国邮政和吉林省什么时候签署的合作协议？\n/agreements\n")
    assert format_table(tiny.agreements, compact=True, lang="zh") in out
    assert "签署日期" in out and "未注明" in out and "合作领域：" in out


def test_chat_agreements_of_an_empty_corpus(tiny: Answerer) -> None:
    empty = Answerer([], tiny.index)
    _, out = _chat(empty, "/agreements\n")
    assert "No agreements yet." in out


def test_format_table_full_keeps_article_ids(tiny: Answerer) -> None:
    assert "article: jilin" in format_table(tiny.agreements)
    assert "article: jilin" not in format_table(tiny.agreements, compact=True)


def test_chat_help_command(tiny: Answerer) -> None:
    _, out = _chat(tiny, "/help\n")
    assert "/agreements" in out and "/quit" in out


def test_chat_unknown_command(tiny: Answerer) -> None:
    _, out = _chat(tiny, "/weather\n")
    assert "Unknown command /weather" in out


def test_chat_end_of_input_ends_cleanly(tiny: Answerer) -> None:
    code, out = _chat(tiny, "")
    assert code == 0 and out.endswith("> \n")


def test_chat_quit_stops_reading(tiny: Answerer) -> None:
    _, out = _chat(tiny, f"/quit\n{JILIN_WHEN}\n")
    assert "June 28" not in out


def test_chat_command_runs_on_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{JILIN_WHEN}\n"))
    assert main(["chat"]) == 0
    assert "June 28" in capsys.readouterr().out


def test_ask_empty_corpus_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["ask", "--corpus", str(empty), JILIN_WHEN]) == 2
    assert "holds no articles" in capsys.readouterr().err
