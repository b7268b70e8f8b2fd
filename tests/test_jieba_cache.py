"""jieba's dictionary cache goes to the user's cache folder or beside the index cache, not /tmp."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHINESE = "中国邮政和农业农村部签了什么协议？"
POSTBOT = [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())"]


def ask_chinese(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`postbot ask` a Chinese question with its own empty TMPDIR; the environment `env`."""
    (tmp_path / "tmp").mkdir()
    full = {k: v for k, v in os.environ.items() if k != "POSTBOT_CACHE_DIR"}
    full.update(TMPDIR=str(tmp_path / "tmp"), XDG_CACHE_HOME=str(tmp_path / "xdg"), **env)
    return subprocess.run(
        [*POSTBOT, "ask", CHINESE], env=full, capture_output=True, text=True, timeout=120
    )


def test_jieba_cache_goes_beside_the_index_cache_when_one_is_set(tmp_path: Path) -> None:
    result = ask_chinese(tmp_path, POSTBOT_CACHE_DIR=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cache" / "jieba.cache").is_file()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_jieba_cache_goes_to_the_users_cache_folder_by_default(tmp_path: Path) -> None:
    result = ask_chinese(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "xdg" / "postbot" / "jieba" / "jieba.cache").is_file()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_jieba_cache_folder_that_cannot_be_made_is_one_warning(tmp_path: Path) -> None:
    (tmp_path / "xdg").write_text("a file where the cache folder should be", encoding="utf-8")
    result = ask_chinese(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Cannot keep jieba's cache" in result.stderr
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []  # the private folder is gone at exit
