"""Tiny corpora for the retrieval and answer tests."""

from __future__ import annotations

from pathlib import Path

from corpus.model import Agreement, Article

DATA = Path(__file__).parent / "data"
DEV_SET = DATA / "questions.jsonl"
MY_SET = DATA / "my_questions.jsonl"

JILIN = Article(
    id="jilin",
    title="China Post and Jilin provincial government sign cooperation framework agreement",
    source="China Post",
    published="2022-06-29",
    lang="en",
    paragraphs=(
        "On June 28, Han Jun, governor of Jilin province, met with Chairman Liu Aili of "
        "China Post Group in Changchun, and they witnessed the signing of the agreement. "
        "China Post aims to serve 1000 family farms.",
        "The two sides will cooperate in financial services, e-commerce and express.",
    ),
    origin="jilin.txt",
    agreement=Agreement(
        parties=("China Post", "Jilin provincial government"),
        kind="cooperation framework agreement",
        signed_on="2022-06-28",
        areas=("financial services", "e-commerce and express"),
    ),
)

FARMING = Article(
    id="farming",
    title="China Post Group and Ministry of Agriculture and Rural Affairs sign agreement",
    source="China Post News",
    published="2021-07-03",
    lang="en",
    paragraphs=(
        "Recently, China Post Group and the Ministry of Agriculture and Rural Affairs signed "
        "a strategic cooperation agreement on rural logistics. "
        "They will build cold chain logistics facilities for agricultural products.",
        "The plan lists 9 specific tasks.",
    ),
    origin="farming.txt",
    agreement=Agreement(
        parties=("China Post Group", "Ministry of Agriculture and Rural Affairs"),
        kind="strategic cooperation agreement",
        signed_on=None,
        areas=("rural logistics",),
    ),
)

HUNAN_ZH = Article(
    id="hunan",
    title="中国邮政与湖南省签署战略合作协议",
    source="中国邮政",
    published="2023-05-11",
    lang="zh",
    paragraphs=(
        "2023年5月10日，中国邮政与湖南省人民政府在长沙签署战略合作协议。"
        "双方将在农村物流、电子商务等领域开展合作。",
    ),
    origin="hunan.txt",
    agreement=Agreement(
        parties=("中国邮政", "湖南省人民政府"),
        kind="战略合作协议",
        signed_on="2023-05-10",
        areas=("农村物流", "电子商务"),
    ),
)

TINY_CORPUS = (JILIN, FARMING, HUNAN_ZH)
