"""Rendering answers and agreements as Telegram HTML, and splitting long messages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bot_fixtures import JILIN, html_problems, make_agreements

from answers.model import Answer
from bot import render


def jilin_answer(text: str, highlights: tuple[str, ...] = (), lang: str = "en") -> Answer:
    return Answer("q", True, text, lang, citations=(JILIN,), highlights=highlights)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("\"quoted\" 'single'", "\"quoted\" 'single'"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_escape_makes_text_safe(text, expected):
    assert render.escape(text) == expected


def test_highlighted_bolds_matched_words_case_insensitively():
    assert render.highlighted("Jilin and jilin", ["Jilin"]) == "<b>Jilin</b> and <b>jilin</b>"


def test_highlighted_bolds_whole_latin_words_only():
    assert render.highlighted("postal post", ["post"]) == "postal <b>post</b>"


def test_highlighted_bolds_chinese_inside_a_sentence():
    assert render.highlighted("双方签署协议", ["签署"]) == "双方<b>签署</b>协议"


def test_highlighted_prefers_the_longest_highlight():
    assert render.highlighted("June 28 2022", ["June", "June 28"]) == "<b>June 28</b> 2022"


def test_highlighted_joins_neighbouring_words_into_one_bold_phrase():
    assert (
        render.highlighted("China Post Group and 农业农村部", ["China", "Post", "农业", "农村部"])
        == "<b>China Post</b> Group and <b>农业农村部</b>"
    )


def test_highlighted_escapes_inside_and_outside_bold():
    assert render.highlighted("R&D <x>", ["R&D"]) == "<b>R&amp;D</b> &lt;x&gt;"


def test_answer_puts_citation_on_its_own_last_line():
    text = render.answer_messages(jilin_answer("It was signed on June 28.", ("June 28",)))[0]
    assert text.splitlines()[0] == "It was signed on <b>June 28</b>."
    assert text.splitlines()[-1] == f"Source: <i>{JILIN.title}</i> (China Post, 2022-06-29)"


def test_answer_replaces_the_plain_citation_line_of_the_answer_layer():
    plain = f"Source: {JILIN.title} (China Post, 2022-06-29)"
    text = render.answer_messages(jilin_answer(f"Signed on June 28.\n{plain}", ("agreement",)))[0]
    assert text.count(JILIN.title) == 1
    assert "<b>agreement</b>" not in text  # the title is not highlighted


def test_answer_formats_the_citation_line_where_the_answer_layer_put_it():
    plain = f"Source: {JILIN.title} (China Post, 2022-06-29)"
    note = "2 articles fit this question equally well; this is the most recent."
    text = render.answer_messages(jilin_answer(f"Signed on June 28.\n{plain}\n{note}"))[0]
    assert text.splitlines() == [
        "Signed on June 28.",
        f"Source: <i>{JILIN.title}</i> (China Post, 2022-06-29)",
        note,
    ]


def test_answer_in_chinese_uses_chinese_citation():
    text = render.answer_messages(jilin_answer("签署日期：2022年6月28日。", lang="zh"))[0]
    assert text.splitlines()[-1] == f"来源：《{JILIN.title}》（China Post，2022-06-29）"


def test_refusal_has_no_citation():
    answer = Answer("q", False, "Sorry, my articles do not answer that.", "en")
    assert render.answer_messages(answer) == ["Sorry, my articles do not answer that."]


def test_split_keeps_short_paragraphs_in_one_message():
    assert render.split_messages(["one", "two"]) == ["one\n\ntwo"]


def test_split_cuts_between_paragraphs():
    paragraphs = [f"<b>{i}</b> " + "x" * 1500 for i in range(5)]
    messages = render.split_messages(paragraphs)
    assert messages == ["\n\n".join(paragraphs[0:2]), "\n\n".join(paragraphs[2:4]), paragraphs[4]]


def test_split_long_paragraph_never_inside_a_tag():
    paragraph = " ".join(f"<b>bold {i}</b> <i>it &amp; {i}</i>" for i in range(600))
    messages = render.split_messages([paragraph], limit=500)
    assert len(messages) > 1
    for message in messages:
        assert len(message) <= 500
        assert html_problems(message) == []
    plain = " ".join(re.sub(r"<[^>]+>", "", m) for m in messages)
    assert plain.split() == re.sub(r"<[^>]+>", "", paragraph).split()


def test_split_closes_and_reopens_a_tag_cut_in_the_middle():
    paragraph = "<b>" + " ".join(["word"] * 50) + "</b>"
    messages = render.split_messages([paragraph], limit=100)
    assert all(m.startswith("<b>") and m.endswith("</b>") for m in messages)
    assert all(html_problems(m) == [] for m in messages)


def test_split_cuts_chinese_without_spaces():
    messages = render.split_messages(["中" * 10000])
    assert [len(m) for m in messages] == [4096, 4096, 1808]


def test_split_counts_utf16_units():
    messages = render.split_messages(["😀" * 3000])  # each is 2 UTF-16 units
    assert all(render.telegram_length(m) <= 4096 for m in messages)
    assert len(messages) == 2


def test_long_answer_messages_are_valid_and_short_enough():
    text = "\n\n".join(f"Paragraph {i}: June 28 & more " + "word " * 150 for i in range(30))
    messages = render.answer_messages(jilin_answer(text, ("June 28",)))
    assert len(messages) > 1
    assert all(html_problems(m) == [] for m in messages)
    assert messages[-1].splitlines()[-1].startswith("Source: ")


def test_agreements_page_has_ten_lines_and_buttons():
    page = render.agreements_page(make_agreements(23), 1, "en")
    lines = page.text.splitlines()
    assert lines[0] == "<b>Agreements</b>, newest first (11–20 of 23):"
    assert lines[1].startswith("11. ")
    assert len(lines) == 11
    rows = page.buttons.inline_keyboard
    assert [b.callback_data for b in rows[-1]] == ["agreements:0", "agreements:2"]
    assert [b.text for row in rows[:-1] for b in row] == [str(n) for n in range(11, 21)]


def test_agreements_page_beyond_the_end_shows_the_last():
    page = render.agreements_page(make_agreements(23), 7, "en")
    assert "21–23 of 23" in page.text


def test_agreements_single_page_has_no_paging_buttons():
    page = render.agreements_page(make_agreements(3), 0, "en")
    assert len(page.buttons.inline_keyboard) == 1


def test_agreements_empty_list():
    page = render.agreements_page([], 0, "zh")
    assert page.text == "我还不知道任何合作协议。"
    assert page.buttons is None


def test_agreement_details_escape_and_mark_missing_date():
    entry = make_agreements(1)[0]
    text = render.agreement_details(entry, "en")
    assert "Parties: China Post, Partner 1 &amp; Co" in text
    assert "Signed: not given" in text
    assert text.endswith(
        "Article: <i>China Post and Partner 1 sign &lt;framework&gt; agreement</i>"
    )
    assert html_problems(text) == []


def test_agreement_details_in_chinese():
    text = render.agreement_details(make_agreements(2)[1], "zh")
    assert text.splitlines()[0] == "<b>第 2 号协议</b>"
    assert "签署日期：2024-10-01" in text
    assert "来源：China Post" in text


def _dev_questions() -> list[str]:
    path = Path(__file__).parent / "data" / "questions.jsonl"
    return [json.loads(line)["question"] for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def shipped_answerer():
    from answers import Answerer

    return Answerer.load()


@pytest.mark.parametrize("question", _dev_questions())
def test_every_dev_question_renders_valid_telegram_html(shipped_answerer, question):
    answer = shipped_answerer.answer(question)
    messages = render.answer_messages(answer)
    assert messages
    assert [html_problems(m) for m in messages] == [[]] * len(messages)
    if answer.answered:
        assert messages[-1].count(answer.citations[0].title) == 1


def test_citation_links_the_article_url_escaped():
    from dataclasses import replace

    cited = replace(JILIN, url='https://news.example/a?b=1&c="2"<x>')
    line = render.citation_line(cited, "en")
    assert line.startswith(
        'Source: <i><a href="https://news.example/a?b=1&amp;c=&quot;2&quot;&lt;x&gt;">'
    )
    assert html_problems(line) == []


def test_citation_without_an_http_url_has_no_link():
    from dataclasses import replace

    assert "<a " not in render.citation_line(replace(JILIN, url="javascript:alert(1)"), "en")
    assert "<a " not in render.citation_line(JILIN, "en")


def test_citation_without_a_source_shows_the_date_only():
    from dataclasses import replace

    line = render.citation_line(replace(JILIN, source=""), "en")
    assert line.endswith("</i> (2022-06-29)")


def test_a_list_that_shows_its_sources_is_not_followed_by_every_citation():
    from dataclasses import replace

    other = replace(JILIN, article_id="other", title="Another agreement")
    plain = f"Source: {JILIN.title} (China Post, 2022-06-29)"
    listed = f"• June 28, 2022: Jilin\n… and 1 more — send /agreements to see them all.\n{plain}"
    answer = Answer("q", True, listed, "en", citations=(JILIN, other))
    text = render.answer_messages(answer)[0]
    assert JILIN.title in text and "Another agreement" not in text
