"""The `postbot` command line: parses arguments and hands off to one command module.

Each subcommand is a module of this package named after it (`build-corpus` is
`bot/cli/build_corpus.py`) with a `run(args, settings)` returning the exit code. Command
modules are imported only when their command runs, so `postbot ask` never pays for
importing Telegram.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.errors import UsageError
from bot.settings import Settings, SettingsError

__all__ = ["EXIT_USAGE", "UsageError", "main"]

EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    # --corpus is accepted before or after the command. Each parser gets its own option:
    # argparse shares a parent's actions, and the subcommand's default must not overwrite
    # a value given before the command, hence SUPPRESS there.
    common = argparse.ArgumentParser(add_help=False)
    _add_corpus_option(common, default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="postbot",
        description="Answers questions about China Post's cooperation agreements.",
    )
    _add_corpus_option(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build-corpus", parents=[common], help="clean raw pages into the corpus")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a raw page or a folder")
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="output (default: the --corpus file, else the shipped corpus)",
    )
    p.add_argument("--skip-invalid", action="store_true", help="skip pages that cannot be parsed")

    p = sub.add_parser("add", parents=[common], help="add pages (URLs or files) to the corpus")
    p.add_argument("pages", nargs="+", metavar="URL|FILE", help="an http(s) URL or a page file")

    p = sub.add_parser("agreements", parents=[common], help="list the agreements, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_filter_options(p)

    p = sub.add_parser("ask", parents=[common], help="answer one question (or stdin lines)")
    p.add_argument("question", nargs="?", metavar="QUESTION", help="omit to read stdin")
    p.add_argument("--json", action="store_true", help="print one JSON object per question")

    sub.add_parser("chat", parents=[common], help="chat in the terminal")

    p = sub.add_parser("eval", parents=[common], help="score the bot on question sets")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help="questions, JSON lines")
    p.add_argument("--json", action="store_true", help="print JSON")

    sub.add_parser("run", parents=[common], help="run the Telegram bot")

    p = sub.add_parser("timeline", parents=[common], help="draw the agreements as a PNG picture")
    p.add_argument(
        "--out", type=Path, metavar="FILE.png", help="where to write it (default: timeline.png)"
    )
    _add_filter_options(p)
    p.add_argument(
        "--lang", choices=("en", "zh"), help="language of the titles (default: of the filter)"
    )

    p = sub.add_parser("stats", parents=[common], help="report on the query log")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--db", type=Path, metavar="FILE", help="query log (default: $POSTBOT_DB)")
    return parser


def _add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year", type=int, metavar="YEAR", help="only agreements signed or published in YEAR"
    )
    parser.add_argument(
        "--search",
        metavar="TEXT",
        help="only agreements whose parties, kind, areas, title or article hold every word "
        "of TEXT (a kind of partner such as 'bank' or 'ministry' matches that kind too)",
    )


def _add_corpus_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="FILE",
        default=default,
        help="corpus file to use (default: $POSTBOT_CORPUS, else the shipped corpus)",
    )


def _module_for(command: str | None, settings: Settings) -> str:
    if command is None:
        return "run" if settings.telegram_token else "chat"
    return command.replace("-", "_")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `postbot` console script; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"postbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.corpus is not None:
        settings = _with_corpus(settings, args.corpus)
    if args.command is None and not settings.telegram_token:
        print(
            "postbot: no TELEGRAM_BOT_TOKEN set, so chatting here; "
            "set it to connect the bot to Telegram.",
            file=sys.stderr,
        )
    module = importlib.import_module(f"bot.cli.{_module_for(args.command, settings)}")
    from corpus.errors import CorpusError

    try:
        return int(module.run(args, settings))
    except UsageError as exc:
        print(f"postbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CorpusError as exc:  # a corpus file or page it cannot use: bad input too
        print(f"postbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`postbot agreements | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _with_corpus(settings: Settings, path: Path) -> Settings:
    from dataclasses import replace

    return replace(settings, corpus_path=path)
