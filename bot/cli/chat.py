"""`postbot chat`: talk to the bot in the terminal."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from bot.loader import load_answerer
from bot.settings import Settings

if TYPE_CHECKING:
    from answers import Answerer

QUIT = ("/quit", "/exit")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Chat on stdin and stdout until /quit or end of input."""
    answerer = load_answerer(settings)
    return chat(answerer, sys.stdin, sys.stdout)


def chat(answerer: Answerer, stdin: TextIO, stdout: TextIO) -> int:
    """The chat loop: a question or a command per line; follow-ups use the last article."""
    from answers.questions import question_lang
    from bot.conversation import Conversations
    from bot.texts import message

    conversations = Conversations()
    conversations.prepare(answerer)
    lang = "en"  # of the person's last question: commands reply in it
    print(message(lang, "terminal_greeting"), file=stdout)
    while True:
        print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:  # end of input
            print(file=stdout)
            return 0
        text = line.strip()
        if not text:
            continue
        command = text.split()[0].lower()
        if command in QUIT:
            return 0
        if command == "/help":
            reply = message(lang, "terminal_help")
        elif command == "/agreements":
            reply = _agreements(answerer, lang, text[len(command) :].strip())
        elif command.startswith("/"):
            reply = message(lang, "terminal_unknown_command", command=command)
        else:
            lang = question_lang(text)
            asked = conversations.ask(answerer, text, chat="terminal", chat_type="terminal")
            reply = asked.answer.linked_text()
        print(reply + "\n", file=stdout, flush=True)


def _agreements(answerer: Answerer, lang: str, query: str = "") -> str:
    """/agreements [FILTER]: the compact table of the agreements kept, labels in `lang`."""
    from bot.cli.agreements import format_table, no_match
    from bot.texts import message
    from corpus.agreement_filter import filter_agreements

    if not answerer.agreements:
        return message(lang, "terminal_no_agreements")
    entries = filter_agreements(answerer.agreements, answerer.articles, query)
    if not entries:
        return no_match(query, len(answerer.agreements), "/agreements", lang)
    return format_table(entries, compact=True, lang=lang)
