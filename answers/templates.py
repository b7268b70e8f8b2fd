"""Every sentence the answer layer says, in English and Chinese."""

from __future__ import annotations

import calendar
from typing import Any

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "when_signed": "It was signed on {date}.",
        "when_dated": "The article dates it {date}.",
        "when_unknown": "The article does not give the signing date; "
        "it was published on {published}.",
        "who": "The agreement is between {parties}.",
        "role_holder": "{person} is the {role}.",
        "people": "The article names {people}.",
        "did": "{people} {did}{others}.",
        "did_and_met": "{people} {did}; they {met}{others}.",
        "where": "In {place}.",
        "how_many": "{count}.",
        "amount": "{value}.",
        "duration": "{value}.",
        "time_of_day": "At {value}.",
        "yes": "Yes.",
        "yes_no_agreement": "No agreement is reported: the article does not say they signed one.",
        "lacks": "The article “{title}” ({published}) is about this, but it does not give {fact}.",
        "list": "The agreement covers {areas}.",
        "agreement": "{parties} signed {kind}.",
        "agreement_signed": "{parties} signed {kind} on {date}.",
        "quote": "“{sentence}”",
        "aggregate_count": "{count} of the agreements I know match:",
        "aggregate_one": "This agreement matches:",
        "aggregate_many": "{count} agreements match:",
        "aggregate_line": "• {date}: {parties}, {kind}",
        "aggregate_more": "… and {count} more — send /agreements to see them all.",
        "aggregate_none": "None of the agreements I know matches that. {summary} "
        "Send /agreements to see them.",
        "ties": "{count} articles fit this question equally well; this is the most recent. "
        "Send /agreements to see them all.",
        "source": "Source: {title} ({source}, {published})",
        "source_unnamed": "Source: {title} ({published})",
        "abstain": "Sorry, my articles do not answer that. {summary} Send /agreements to see them.",
        "summary": "I know {count} cooperation agreements of China Post, from articles "
        "published between {first} and {last}.",
        "summary_one": "I know 1 cooperation agreement of China Post, from an article "
        "published on {first}.",
        "summary_none": "I know no cooperation agreements yet.",
        "empty": "Please ask a question, for example: When did China Post sign with Jilin?",
    },
    "zh": {
        "when_signed": "签署日期：{date}。",
        "when_dated": "文章中的日期：{date}。",
        "when_unknown": "文章没有给出签署日期；文章发布于 {published}。",
        "who": "协议双方：{parties}。",
        "role_holder": "{role}是 {person}。",
        "people": "文章提到：{people}。",
        "did": "{people}{did}{others}。",
        "did_and_met": "{people}{did}；他们{met}{others}。",
        "where": "地点：{place}。",
        "how_many": "数量：{count}。",
        "amount": "金额：{value}。",
        "duration": "期限：{value}。",
        "time_of_day": "时间：{value}。",
        "yes": "是的。",
        "yes_no_agreement": "文章没有报道签署协议（no agreement）。",
        "lacks": "文章《{title}》（{published}）谈到了这件事，但没有给出{fact}。",
        "list": "合作领域：{areas}。",
        "agreement": "{parties}签署了{kind}，发布于{published}。",
        "agreement_signed": "{parties}于{date}签署了{kind}。",
        "quote": "原文：“{sentence}”",
        "aggregate_count": "我知道的协议中共有 {count} 份符合：",
        "aggregate_one": "符合的协议：",
        "aggregate_many": "共有 {count} 份协议符合：",
        "aggregate_line": "• {date}：{parties}，{kind}",
        "aggregate_more": "……另有 {count} 份，发送 /agreements 查看全部。",
        "aggregate_none": "我知道的协议中没有符合的。{summary}发送 /agreements 查看列表。",
        "ties": "有 {count} 篇文章同样符合这个问题；这是最新的一篇。发送 /agreements 查看全部。",
        "source": "来源：《{title}》（{source}，{published}）",
        "source_unnamed": "来源：《{title}》（{published}）",
        "abstain": "抱歉，我的文章里没有这个问题的答案。{summary}发送 /agreements 查看列表。",
        "summary": "我知道中国邮政的 {count} 项合作协议，文章发布于 {first} 至 {last}。",
        "summary_one": "我知道中国邮政的 1 项合作协议，文章发布于 {first}。",
        "summary_none": "我还不知道任何合作协议。",
        "empty": "请提一个问题，例如：中国邮政和吉林省什么时候签署的合作协议？",
    },
}

_MONTHS = tuple(calendar.month_name)[1:]


def render(lang: str, name: str, **values: Any) -> str:
    """The template `name` in `lang` (English if `lang` has none), filled in."""
    table = TEMPLATES.get(lang, TEMPLATES["en"])
    return table[name].format(**values)


def format_date(iso: str, lang: str) -> str:
    """A YYYY-MM-DD (or YYYY-MM) date as people write it: "June 28, 2022", "2022年6月28日"."""
    parts = [int(p) for p in iso.split("-")]
    year, month = parts[0], parts[1]
    day = parts[2] if len(parts) > 2 else None
    if lang == "zh":
        return f"{year}年{month}月" + (f"{day}日" if day else "")
    name = _MONTHS[month - 1]
    return f"{name} {day}, {year}" if day else f"{name} {year}"
