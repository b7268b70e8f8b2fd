"""A small fake Telegram Bot API server on 127.0.0.1 for end-to-end tests of the bot.

It serves queued updates through `getUpdates` (long polling), answers the methods the bot
calls, records every call in `history`, and can be told to fail a method (401 as for a revoked
token, 409 Conflict, 429 with `retry_after`, 502, a dropped connection, or "method not found")
or to answer slowly. It runs in its own thread,
so the bot under test may run in the test's event loop or in another process.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

DROP = 0  # a "status" for `fail`: close the connection without any answer
TOKEN = "123456789:AAFakeTokenForTestsOnly-xyz_0123456789"
BOT_ID = 123456789
BOT_USERNAME = "postbot_test_bot"
# Parameters PTB sends JSON-encoded inside a form body.
_JSON_PARAMETERS = frozenset(
    {
        "reply_markup",
        "results",
        "commands",
        "allowed_updates",
        "scope",
        "reply_parameters",
        "link_preview_options",
        "entities",
        "button",
    }
)
# What Telegram says with these errors.
_DESCRIPTIONS = {
    401: "Unauthorized",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot "
    "instance is running",
}
_MENTION = re.compile(r"(?<![\w/])@\w{3,}")
# Telegram marks a bot command only when it is Latin letters, digits and "_" ("/时间线" is text).
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@\w+)?(?=\s|$)")
_MESSAGE_METHODS = frozenset(
    {"sendMessage", "sendPhoto", "editMessageText", "editMessageReplyMarkup"}
)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_TRUE_METHODS = frozenset(
    {
        "answerCallbackQuery",
        "answerInlineQuery",
        "setMyCommands",
        "deleteMyCommands",
        "deleteWebhook",
        "setWebhook",
        "close",
        "logOut",
        "sendChatAction",
        "deleteMessage",
    }
)


@dataclass(frozen=True)
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when it arrived


@dataclass
class _Failure:
    status: int
    times: int
    retry_after: int | None = None


@dataclass
class _State:
    updates: list[dict[str, Any]] = field(default_factory=list)
    history: list[Call] = field(default_factory=list)
    failures: dict[str, _Failure] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)


class FakeBotAPI:
    """The fake server; use as a context manager, point PTB's `base_url` at `base_url`."""

    def __init__(self, token: str = TOKEN, latency: float = 0.0, port: int = 0) -> None:
        self.token = token
        self.latency = latency  # seconds added to every answer
        self.bot = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Postbot",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self._state = _State()
        self._changed = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._closing = False
        self._server = _Server(("127.0.0.1", port), _handler_for(self))
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # Running

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The value for `TELEGRAM_API_BASE_URL`; PTB appends the token."""
        return f"http://127.0.0.1:{self.port}/bot"

    def __enter__(self) -> FakeBotAPI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        self._server.shutdown()
        self._server.server_close()

    # Steering

    def fail(self, method: str, status: int, *, times: int = 1, retry_after: int | None = None):
        """Answer the next `times` calls of `method` with HTTP `status` (429: `retry_after`).

        With `DROP` as the status, the connection is closed without an answer instead.
        """
        with self._changed:
            self._state.failures[method] = _Failure(status, times, retry_after)

    def remove(self, method: str) -> None:
        """Answer `method` with 404 from now on, as a Bot API server that lacks it."""
        with self._changed:
            self._state.missing.add(method)

    # Updates

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update for `getUpdates`, giving it an `update_id` if it has none."""
        update = {"update_id": next(self._update_ids), **update}
        with self._changed:
            self._state.updates.append(update)
            self._changed.notify_all()
        return update

    def push_message(self, text: str | None = "hello", **details: Any) -> dict[str, Any]:
        """Queue a message from a person (see `new_message` for the details)."""
        return self.push(self.new_message(text, **details))

    def new_message(
        self,
        text: str | None = "hello",
        *,
        chat_id: int = 1001,
        chat_type: str = "private",
        user_id: int = 501,
        language_code: str = "en",
        reply_to: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """An update with a message from a person; commands and @mentions get their entities."""
        chat = self._chat(chat_id, chat_type)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": _user(user_id, language_code),
        }
        if text is not None:
            message["text"] = text
            entities = _entities(text)
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(extra or {})
        return {"update_id": next(self._update_ids), "message": message}

    def push_callback(
        self,
        data: str,
        message: dict[str, Any],
        *,
        user_id: int = 501,
        language_code: str = "en",
    ) -> dict[str, Any]:
        """Queue a press on a button with `data` under `message` (a message the bot sent)."""
        query = {
            "id": str(next(self._update_ids) * 7),
            "from": _user(user_id, language_code),
            "chat_instance": "1",
            "data": data,
            "message": message,
        }
        return self.push({"callback_query": query})

    def push_inline(
        self, query: str, *, user_id: int = 501, language_code: str = "en"
    ) -> dict[str, Any]:
        """Queue an inline query `@bot query`."""
        inline = {
            "id": str(next(self._update_ids) * 11),
            "from": _user(user_id, language_code),
            "query": query,
            "offset": "",
        }
        return self.push({"inline_query": inline})

    # What the bot did

    @property
    def history(self) -> list[Call]:
        with self._changed:
            return list(self._state.history)

    def calls(self, method: str) -> list[dict[str, Any]]:
        """The parameters of every call of `method`, oldest first."""
        return [c.params for c in self.history if c.method == method]

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Every sendMessage call, or those to `chat_id`."""
        return [
            p for p in self.calls("sendMessage") if chat_id is None or int(p["chat_id"]) == chat_id
        ]

    def photos(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Every sendPhoto call, or those to `chat_id`; the file's bytes are under "photo"."""
        return [
            p for p in self.calls("sendPhoto") if chat_id is None or int(p["chat_id"]) == chat_id
        ]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        """A message the bot sent, as it is now (after edits)."""
        with self._changed:
            return dict(self._state.messages[(chat_id, message_id)])

    def bot_message(self, params: dict[str, Any]) -> dict[str, Any]:
        """The message a recorded sendMessage call created."""
        return self.message(int(params["chat_id"]), params["_message_id"])

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait (without blocking the event loop) until `condition()` holds."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"condition not met within {timeout} s; calls: {self._names()}"
                )
            await asyncio.sleep(0.01)

    def wait_for_blocking(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait in this thread until `condition()` holds (for a bot in another process)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"condition not met within {timeout} s; calls: {self._names()}"
                    )
                self._changed.wait(min(remaining, 0.1))

    def _names(self) -> list[str]:
        return [c.method for c in self._state.history][-30:]

    # Serving (called from the server's threads)

    def _chat(self, chat_id: int, chat_type: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Person"
        else:
            chat["title"] = "A group"
        with self._changed:
            self._state.chats[chat_id] = chat
        return chat

    def _handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any] | str]:
        with self._changed:
            self._state.history.append(Call(method, params, time.monotonic()))
            self._changed.notify_all()
            failure = self._state.failures.get(method)
            if failure and failure.times > 0:
                failure.times -= 1
                return _failure_reply(failure)
            if method in self._state.missing:
                return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        if self.latency:
            time.sleep(self.latency)
        if method == "getMe":
            return 200, {"ok": True, "result": self.bot}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._updates(params)}
        if method == "getWebhookInfo":
            info = {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
            return 200, {"ok": True, "result": info}
        if method in _MESSAGE_METHODS:
            try:
                return 200, {"ok": True, "result": self._store_message(method, params)}
            except _NotModified:
                description = (
                    "Bad Request: message is not modified: specified new message content and "
                    "reply markup are exactly the same as a current content and reply markup "
                    "of the message"
                )
                return 400, {"ok": False, "error_code": 400, "description": description}
        if method in _TRUE_METHODS:
            return 200, {"ok": True, "result": True}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}

    def _updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self._changed:
            # Confirmed updates are gone for good, as on Telegram.
            self._state.updates = [u for u in self._state.updates if u["update_id"] >= offset]
            while not self._state.updates and not self._closing:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
            return self._state.updates[:limit]

    def _store_message(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        with self._changed:
            chat = self._state.chats.get(chat_id, {"id": chat_id, "type": "private"})
            if method in ("sendMessage", "sendPhoto"):
                message_id = next(self._message_ids)
                params["_message_id"] = message_id
                message: dict[str, Any] = {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": chat,
                    "from": self.bot,
                }
            else:
                message = self._state.messages[(chat_id, int(params["message_id"]))]
                unchanged = message.get("text") == params.get("text") and message.get(
                    "reply_markup"
                ) == params.get("reply_markup")
                if unchanged:
                    raise _NotModified
            if method == "sendPhoto":
                message["photo"] = [_photo_size(params.get("photo"), message_id)]
                if "caption" in params:
                    message["caption"] = params["caption"]
            if "text" in params:
                message["text"] = params["text"]
            if "reply_markup" in params:
                message["reply_markup"] = params["reply_markup"]
            elif method == "editMessageText":
                message.pop("reply_markup", None)
            self._state.messages[(chat_id, message["message_id"])] = message
            return dict(message)


class _NotModified(Exception):
    """An edit that changes nothing, which Telegram refuses."""


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # many chats connect at once; the default backlog of 5 drops some
    daemon_threads = True
    block_on_close = False


def _user(user_id: int, language_code: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Person", "language_code": language_code}


def _entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram would mark: a leading /command and @mentions."""
    entities = []
    command = _COMMAND.match(text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": _utf16(command[0])})
    for match in _MENTION.finditer(text):
        entities.append(
            {"type": "mention", "offset": _utf16(text[: match.start()]), "length": _utf16(match[0])}
        )
    return entities


def _photo_size(photo: object, message_id: int) -> dict[str, Any]:
    """The PhotoSize Telegram would return for an uploaded PNG (or a file_id sent again)."""
    size: dict[str, Any] = {
        "file_id": f"photo-{message_id}",
        "file_unique_id": f"u{message_id}",
        "width": 0,
        "height": 0,
    }
    if isinstance(photo, bytes) and photo.startswith(_PNG_SIGNATURE):
        size["width"] = int.from_bytes(photo[16:20], "big")
        size["height"] = int.from_bytes(photo[20:24], "big")
        size["file_size"] = len(photo)
    return size


def _multipart(content_type: str, raw: bytes) -> dict[str, Any]:
    """The fields of a multipart/form-data body: files as bytes, other fields as text."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    form = BytesParser(policy=HTTP).parsebytes(head + raw)
    params: dict[str, Any] = {}
    for part in form.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        params[str(name)] = payload if part.get_filename() else payload.decode()
    return params


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _failure_reply(failure: _Failure) -> tuple[int, dict[str, Any] | str]:
    if failure.status == 429:
        retry_after = failure.retry_after or 1
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": f"Too Many Requests: retry after {retry_after}",
            "parameters": {"retry_after": retry_after},
        }
    if failure.status == 502:
        return 502, "<html><body><h1>502 Bad Gateway</h1></body></html>"
    if failure.status in _DESCRIPTIONS:
        description = _DESCRIPTIONS[failure.status]
        return failure.status, {
            "ok": False,
            "error_code": failure.status,
            "description": description,
        }
    return failure.status, {"ok": False, "error_code": failure.status, "description": "Failure"}


def _handler_for(api: FakeBotAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self._serve()

        def do_GET(self) -> None:
            self._serve()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the history is the record."""

        def _serve(self) -> None:
            prefix = f"/bot{api.token}/"
            if not self.path.startswith(prefix):
                self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                return
            method = self.path[len(prefix) :].split("?", 1)[0]
            status, body = api._handle(method, self._params())
            if status == DROP:
                self.close_connection = True  # hang up without answering, as a broken network
                return
            self._reply(status, body)

        def _params(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            kind = self.headers.get("Content-Type", "")
            if kind.startswith("application/json"):
                return json.loads(raw or b"{}")
            if kind.startswith("multipart/form-data"):
                params = _multipart(kind, raw)
            else:
                params = dict(parse_qsl(raw.decode(), keep_blank_values=True))
            for name in _JSON_PARAMETERS & params.keys():
                params[name] = json.loads(params[name])
            return params

        def _reply(self, status: int, body: dict[str, Any] | str) -> None:
            is_json = not isinstance(body, str)
            data = (json.dumps(body) if is_json else body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if is_json else "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                # The bot gave up waiting (a long poll cancelled at stop): nothing to answer.
                self.close_connection = True

    return Handler
