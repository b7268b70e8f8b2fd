"""`postbot add`: pages from URLs (a local server) and files join the corpus, one line each."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from page_server import FIXTURE_PAGES

from bot.cli import main
from corpus.errors import FetchError
from corpus.fetch import check_url, fetch_page
from corpus.store import load_articles

SHIPPED_CORPUS = Path(__file__).parents[1] / "corpus" / "data" / "articles.jsonl"
REUTERS = "fx11_psbc-ant-financial-reuters.html"
ZHENHAI = "fx17_zhenhai-province-2024.html"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    shutil.copyfile(SHIPPED_CORPUS, path)
    return path


@pytest.fixture
def private_ok(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTBOT_ALLOW_PRIVATE_URLS", "1")


def test_add_url_keeps_the_url_and_names_the_partner(
    base_url: str, corpus: Path, private_ok: None, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{base_url}/{ZHENHAI}"
    assert main(["add", url, "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Added: 镇海省人民政府与中国邮政集团签署战略合作框架协议 (2024-05-10)")
    added = [a for a in load_articles(corpus) if a.url == url]
    assert len(added) == 1 and added[0].origin == url
    assert added[0].source == "中国邮政报"  # named on the page, so not the host name
    assert len(load_articles(corpus)) == 3


def test_add_source_falls_back_to_the_host_name(
    base_url: str, corpus: Path, private_ok: None, tmp_path: Path
) -> None:
    page = (FIXTURE_PAGES / ZHENHAI).read_text(encoding="utf-8").replace("来源:中国邮政报", "")
    (tmp_path / "unnamed.html").write_text(page, encoding="utf-8")
    assert main(["add", str(tmp_path / "unnamed.html"), "--corpus", str(corpus)]) == 0
    (added,) = [a for a in load_articles(corpus) if a.origin == "unnamed.html"]
    assert added.source == "" and added.url is None


def test_add_one_line_per_failing_page_and_the_rest_still_added(
    base_url: str, corpus: Path, private_ok: None, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = [
        f"{base_url}/{REUTERS}",
        f"{base_url}/fx04_dalian-2019.txt",  # served as text/plain
        f"{base_url}/missing.html",
        f"{base_url}/huge.html",
        f"{base_url}/redirect/4/{ZHENHAI}",
        "ftp://example.com/page.html",
    ]
    assert main(["add", *pages, "--corpus", str(corpus)]) == 2
    captured = capsys.readouterr()
    (added,) = captured.out.splitlines()
    assert added.startswith(
        "Added: China's postal savings bank signs fintech pact with Ant Financial (2019-11-27), "
    )
    errors = captured.err.splitlines()
    assert errors[:-1] == [
        f"postbot: Not added: {pages[1]}: not an HTML page (content type text/plain)",
        f"postbot: Not added: {pages[2]}: the server answered 404 Not Found",
        f"postbot: Not added: {pages[3]}: the page is larger than 5 MB",
        f"postbot: Not added: {pages[4]}: more than 3 redirects",
        f"postbot: Not added: {pages[5]}: only http and https URLs can be added, not ftp",
    ]
    assert errors[-1] == "postbot: 5 of 6 page(s) could not be added; the other 1 were"
    assert [a.url for a in load_articles(corpus) if a.url] == [pages[0]]


def test_add_follows_a_few_redirects_and_keeps_the_final_url(
    base_url: str, corpus: Path, private_ok: None
) -> None:
    assert main(["add", f"{base_url}/redirect/3/{ZHENHAI}", "--corpus", str(corpus)]) == 0
    assert [a.url for a in load_articles(corpus) if a.url] == [f"{base_url}/{ZHENHAI}"]


def test_add_refuses_loopback_hosts_unless_allowed(
    base_url: str, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = corpus.read_bytes()
    assert main(["add", f"{base_url}/{ZHENHAI}", "--corpus", str(corpus)]) == 2
    assert "127.0.0.1 is on a private or local network" in capsys.readouterr().err
    assert corpus.read_bytes() == before


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x",
        "http://10.0.0.8/x",
        "http://192.168.1.1/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
        "http://localhost/x",
    ],
)
def test_check_url_refuses_private_loopback_and_link_local(url: str) -> None:
    with pytest.raises(FetchError, match="private or local network"):
        check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "gopher://x/"])
def test_check_url_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        check_url(url, allow_private=True)


def test_add_same_story_twice_adds_it_once(
    base_url: str, corpus: Path, private_ok: None, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{base_url}/{ZHENHAI}"
    assert main(["add", url, "--corpus", str(corpus)]) == 0
    assert (
        main(
            ["add", str(FIXTURE_PAGES / "fx17_zhenhai-province-2024.txt"), "--corpus", str(corpus)]
        )
        == 0
    )
    assert "Already in the corpus: 镇海省" in capsys.readouterr().out
    assert len(load_articles(corpus)) == 3


def test_ask_json_cites_the_added_url_and_the_terminal_prints_it(
    base_url: str, corpus: Path, private_ok: None, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{base_url}/{ZHENHAI}"
    main(["add", url, "--corpus", str(corpus)])
    capsys.readouterr()
    question = "中国邮政和镇海省签署了什么协议？"
    assert main(["ask", "--json", question, "--corpus", str(corpus)]) == 0
    citation = json.loads(capsys.readouterr().out)["citations"][0]
    assert citation["url"] == url
    assert main(["ask", question, "--corpus", str(corpus)]) == 0
    lines = capsys.readouterr().out.splitlines()
    cited = next(
        i
        for i, line in enumerate(lines)
        if "镇海省人民政府与中国邮政集团" in line and "来源" in line
    )
    assert lines[cited + 1] == url


def test_fetch_refuses_a_private_peer_even_when_the_name_looked_public(
    base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if DNS had answered a public address to the check and 127.0.0.1 to the connection.
    monkeypatch.setattr("corpus.fetch.check_url", lambda url, allow_private=False: None)
    with pytest.raises(FetchError, match=r"private or local network \(127\.0\.0\.1\)"):
        fetch_page(f"{base_url}/{ZHENHAI}")
    assert fetch_page(f"{base_url}/{ZHENHAI}", allow_private=True).content.startswith(b"<!DOCTYPE")
