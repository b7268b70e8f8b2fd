"""The bot's texts: one table per language, and the command menu and /help from one table."""

from __future__ import annotations

import re

import pytest

from bot import texts

# Texts Telegram shows without reading HTML: button labels, toasts, inline titles, plain sends.
PLAIN = (
    "previous",
    "next",
    "expired",
    "inline_agreements",
    "inline_no_answer",
    "slow_down",
    "thanks",
    "thanks_toast",
    "button_expired",
)


def test_messages_have_the_same_keys_in_every_language() -> None:
    keys = [set(texts.MESSAGES[lang]) for lang in texts.LANGS]
    assert all(k == keys[0] for k in keys)


@pytest.mark.parametrize("lang", texts.LANGS)
@pytest.mark.parametrize("key", PLAIN)
def test_plain_texts_hold_no_markup(lang: str, key: str) -> None:
    assert not re.search(r"[<>&]", texts.MESSAGES[lang][key])


@pytest.mark.parametrize("lang", texts.LANGS)
def test_menu_lists_every_command_in_table_order(lang: str) -> None:
    menu = texts.menu(lang)
    assert [name for name, _ in menu] == [command.name for command in texts.COMMANDS]
    # Telegram's limits: lowercase Latin names up to 32 characters, descriptions 1 to 256.
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", name) for name, _ in menu)
    assert all(1 <= len(description) <= 256 for _, description in menu)


@pytest.mark.parametrize("lang", texts.LANGS)
def test_help_has_one_line_per_listed_command_in_order(lang: str) -> None:
    help_text = texts.help_text(lang, "postbot_test_bot")
    by_name = {command.name: command for command in texts.COMMANDS}
    lines = [f"{by_name[n].usage[lang]} — {by_name[n].does[lang]}" for n in texts.HELP_ORDER]
    positions = [help_text.index(line + "\n") for line in lines]
    assert positions == sorted(positions)
    assert "@postbot_test_bot" in help_text


def test_help_order_names_only_known_commands_once() -> None:
    names = {command.name for command in texts.COMMANDS}
    assert set(texts.HELP_ORDER) <= names
    assert len(set(texts.HELP_ORDER)) == len(texts.HELP_ORDER)


def test_help_in_an_unknown_language_is_english() -> None:
    assert texts.help_text("fr", "x") == texts.help_text("en", "x")
