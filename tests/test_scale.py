"""Engines and the index cache as the bot uses them: forced engines, the dev set, the benchmark."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from answers import Answerer
from answers.evaluation import evaluate, read_questions
from bot.cli import main
from corpus.store import DEFAULT_CORPUS
from retrieval.cache import cache_folders

DEV_SET = Path(__file__).parent / "data" / "questions.jsonl"
REPO = Path(__file__).resolve().parent.parent


def _cached_roles(cache_dir: Path) -> set[str]:
    (folder,) = cache_folders(DEFAULT_CORPUS, cache_dir)
    return set(json.loads((folder / "manifest.json").read_text())["files"])


@pytest.mark.parametrize("engine", ["rank-bm25", "bm25s"])
def test_dev_set_passes_whichever_engine_is_forced(engine: str, tmp_path: Path) -> None:
    answerer = Answerer.load(engine=engine, cache_dir=tmp_path)
    report = evaluate(answerer, read_questions(DEV_SET))
    assert report.article_accuracy == 1.0
    assert report.text_accuracy >= 0.9
    assert report.abstention_accuracy == 1.0


@pytest.mark.parametrize(("setting", "bm25s_arrays"), [("bm25s", True), ("auto", False)])
def test_ask_honours_postbot_engine(
    setting: str, bm25s_arrays: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("POSTBOT_ENGINE", setting)
    monkeypatch.setenv("POSTBOT_CACHE_DIR", str(tmp_path))
    assert main(["ask", "When did China Post sign with Jilin?"]) == 0
    assert "2022" in capsys.readouterr().out
    assert ("bm25s_data" in _cached_roles(tmp_path)) is bm25s_arrays


def test_benchmark_smoke_run_writes_its_table_and_json(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "benchmarks.run", "--sizes", "20", "--questions", "8"]
    command += ["--repeat", "1", "--out", str(tmp_path)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "| 20 |" in done.stdout
    (result,) = json.loads((tmp_path / "results-20.json").read_text())["results"]
    assert result["articles"] == 20
    assert result["engine"] == "rank-bm25"
    assert result["answer_p50_ms"] > 0 and result["bm25s_p50_ms"] > 0
    assert result["rank_bm25_p50_ms"] > 0 and result["ask_vs_shipped"] > 0


def test_cold_ask_on_the_shipped_corpus_never_imports_scipy_or_bm25s(tmp_path: Path) -> None:
    code = (
        "import sys; from bot.cli import main; main(['ask', 'When did China Post sign?']);"
        "print('scipy' in sys.modules, 'bm25s' in sys.modules, 'telegram' in sys.modules)"
    )
    env = {
        "POSTBOT_CACHE_DIR": str(tmp_path),
        "POSTBOT_DB": str(tmp_path / "queries.sqlite3"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    for _ in ("index built and cached", "index read from the cache"):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        assert done.stdout.split()[-3:] == ["False", "False", "False"]
