"""`postbot timeline`: the picture written to a file, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from agreement_records import MIXED_CORPUS

from bot.cli import EXIT_USAGE, main
from corpus.store import write_articles


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.jsonl"
    write_articles(list(MIXED_CORPUS), path)
    return path


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_timeline_writes_a_png(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "pic.png"
    assert main(["timeline", "--corpus", str(corpus), "--out", str(out)]) == 0
    width, height = _png_size(out.read_bytes())
    assert width == 1280
    said = capsys.readouterr().out
    assert said.startswith(f"Wrote {out} (1280×{height} px). 7 agreements, from 2018-12-28")


def test_timeline_with_filters(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "pic.png"
    args = ["timeline", "--corpus", str(corpus), "--out", str(out), "--year", "2019"]
    assert main([*args, "--search", "bank"]) == 0
    assert "2 agreements matching “2019 bank”" in capsys.readouterr().out
    assert out.exists()


def test_timeline_chinese_filter_draws_in_chinese(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "pic.png"
    assert main(["timeline", "--corpus", str(corpus), "--out", str(out), "--search", "江苏"]) == 0
    assert "与“江苏”相符的协议共 1 项" in capsys.readouterr().out


def test_timeline_no_match_writes_nothing(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "pic.png"
    args = ["timeline", "--corpus", str(corpus), "--out", str(out), "--year", "2011"]
    assert main(args) == EXIT_USAGE
    assert capsys.readouterr().err == (
        "postbot: no agreement matches “2011” (there are 7 in all); nothing written\n"
    )
    assert not out.exists()


def test_timeline_out_must_be_png(corpus: Path, tmp_path: Path, capsys) -> None:
    args = ["timeline", "--corpus", str(corpus), "--out", str(tmp_path / "pic.svg")]
    assert main(args) == EXIT_USAGE
    assert "--out must name a .png file" in capsys.readouterr().err


def test_timeline_unwritable_out(corpus: Path, tmp_path: Path, capsys) -> None:
    args = ["timeline", "--corpus", str(corpus), "--out", str(tmp_path / "no" / "pic.png")]
    assert main(args) == EXIT_USAGE
    assert "cannot write" in capsys.readouterr().err
