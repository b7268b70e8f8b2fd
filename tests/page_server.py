"""A local web server for `add` tests: the fixture pages, plus redirects and oversized pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from shared_dir import SHARED

FIXTURE_PAGES = SHARED / "fixtures" / "pages"
_TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


class _Pages(BaseHTTPRequestHandler):
    """GET /NAME serves a fixture page; /redirect/N/NAME redirects N times, then serves it."""

    def do_GET(self) -> None:
        parts = self.path.lstrip("/").split("/")
        if parts[0] == "redirect":
            hops, name = int(parts[1]), "/".join(parts[2:])
            target = f"/redirect/{hops - 1}/{name}" if hops > 1 else f"/{name}"
            self._reply(302, b"", "text/html", location=target)
        elif parts[0] == "huge.html":
            self._reply(200, b"<html><body>" + b"x" * (6 * 1024 * 1024), "text/html")
        else:
            path = FIXTURE_PAGES / parts[0]
            if not path.is_file():
                self._reply(404, b"not found", "text/plain")
                return
            self._reply(200, path.read_bytes(), _TYPES.get(path.suffix, "application/octet-stream"))

    def _reply(self, status: int, body: bytes, kind: str, location: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        # The client may stop reading, as it should past 5 MB.
        with suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read no access log."""


@contextmanager
def serving() -> Iterator[str]:
    """Serve the pages on 127.0.0.1 at a free port; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
