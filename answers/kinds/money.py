"""How much money: a sum, a price or a rate."""

from __future__ import annotations

import re

from answers.kinds.base import Found, QuestionKind, cue_words

_AMOUNT = re.compile(
    r"(?:[$¥€£]|US\$|RMB|CNY|USD)\s*\d[\d,.]*(?:\s*(?:billion|million|thousand|bn|m))?"
    r"|\b\d[\d,.]*\s*(?:billion|million|thousand)?\s*(?:yuan|dollars|euros|renminbi|rmb)\b"
    r"|\b\d[\d,.]*\s*(?:percent|per cent|%)"
    r"|\d[\d,.]*\s*(?:万亿|亿|万|千)?\s*(?:元|美元|人民币)|\d[\d,.]*(?:万亿|亿)"
    r"|\d[\d,.]*\s*%",
    re.IGNORECASE,
)


_FACT = Found(_AMOUNT, "amount")


KIND = QuestionKind(
    name="money",
    cues=cue_words(
        "much money cost costs price capital registered invest investing "
        "investment amount sum fund funding budget rate interest 多少钱 金额 注册资本 资金 "
        "投资 利率 费用 价格"
    ),
    asks={
        "en": re.compile(
            r"\bhow much (money|funding|capital|investment|will .* (invest|pay|spend|cost))"
            r"|\bhow much\b.*\b(invest\w*|cost\w*|pay\w*|spend\w*|worth|fund\w*|money)\b"
            r"|\b(interest rates?|registered capital|budget|price|fees?|sum|amount of money)\b"
        ),
        "zh": re.compile(r"多少钱|金额|投资多少|注册资本|利率|资金|多少亿|多少万|价格|费用|投资额"),
    },
    holds=_FACT.holds,
    lead=_FACT.lead,
    fact={"en": "how much money", "zh": "金额"},
    required=True,
)
