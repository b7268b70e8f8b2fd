"""Fetch a news page from its URL, carefully: http(s) only, public hosts, HTML, 5 MB at most.

The host of the URL and of every redirect is resolved and refused when it is on a private,
loopback or link-local network (unless `allow_private`), so a URL cannot make the bot read
its own machine or network.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from corpus.errors import FetchError

if TYPE_CHECKING:
    import httpx

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 3
TIMEOUT_SECONDS = 15.0
CONNECT_SECONDS = 5.0
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "postbot/0.1 (reads China Post news pages)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """An HTML page as fetched: where it ended up after redirects, and its bytes."""

    url: str
    content: bytes
    charset: str | None  # as the server declared it


def fetch_page(
    url: str, *, allow_private: bool = False, transport: httpx.BaseTransport | None = None
) -> FetchedPage:
    """Fetch the HTML page at `url`, following at most `MAX_REDIRECTS` redirects.

    Args:
        url: an http or https address.
        allow_private: also fetch from private, loopback and link-local addresses (tests).
        transport: an httpx transport to use instead of the network (tests).

    Returns:
        The page's final URL, bytes and declared charset.

    Raises:
        FetchError: the URL is not http(s), its host is private or unknown, the server
            fails or times out, the page is not HTML or is larger than 5 MB.
    """
    import httpx

    timeout = httpx.Timeout(TIMEOUT_SECONDS, connect=CONNECT_SECONDS)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    with httpx.Client(timeout=timeout, headers=headers, transport=transport) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private=allow_private)
            try:
                with client.stream("GET", url, follow_redirects=False) as response:
                    if not allow_private:
                        _check_peer(response, url)
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        url = urljoin(url, location)
                        continue
                    return _read(response, url)
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {TIMEOUT_SECONDS:.0f} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch it: {exc}") from None
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse a URL that is not http(s) or whose host resolves to a non-public address.

    Raises:
        FetchError: the URL is not http or https, has no host, its host is unknown, or
            (without `allow_private`) resolves to a private, loopback or link-local address.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be added, not {parts.scheme or 'this'}")
    host = parts.hostname
    if not host:
        raise FetchError("the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"unknown host {host}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(f"{host} is on a private or local network ({address}); refused")


def _check_peer(response: httpx.Response, url: str) -> None:
    """Refuse the answer of a non-public address: the host may have resolved anew (rebinding)."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    address = ipaddress.ip_address(str(peer[0]).split("%")[0])
    if not address.is_global or address.is_multicast:
        host = urlsplit(url).hostname
        raise FetchError(f"{host} is on a private or local network ({address}); refused")


def _read(response: httpx.Response, url: str) -> FetchedPage:
    if response.status_code >= 400:
        raise FetchError(f"the server answered {response.status_code} {response.reason_phrase}")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES:
        raise FetchError(f"not an HTML page (content type {kind or 'missing'})")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BYTES:
        raise FetchError(f"the page is larger than {MAX_BYTES // (1024 * 1024)} MB")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"the page is larger than {MAX_BYTES // (1024 * 1024)} MB")
        chunks.append(chunk)
    return FetchedPage(url=url, content=b"".join(chunks), charset=response.charset_encoding)
