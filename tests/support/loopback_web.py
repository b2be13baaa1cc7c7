"""Tiny real web sites on 127.0.0.1 for the web view tests: fixed pages, every request counted.

    with LoopbackSite({"/p/": Page("<h1>Checkout</h1>")}) as site:
        view.load(site.url("/p/"))
        assert site.hits("/p/") == 1

A site can name itself ``localhost`` in its URLs (it still listens on 127.0.0.1), which gives a
test a second, distinct host without any DNS set-up, and it can serve https with a throw-away
self-signed certificate (`self_signed_context`, made with the ``openssl`` command).
"""

from __future__ import annotations

import ssl
import subprocess
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Page:
    """One canned answer: an HTML body (or an empty redirect) with a status and headers."""

    body: str = ""
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


def redirect(location: str, status: int = 302) -> Page:
    return Page(status=status, headers=(("Location", location),))


NOT_FOUND = Page("<h1>No encontrado</h1>", status=404)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: LoopbackSite

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser dropping a connection mid-answer is normal here, not a test failure.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._answer()

    def _answer(self) -> None:
        page = self.server.site.record(self.path)
        data = page.body.encode()
        self.send_response(page.status)
        for name, value in page.headers:
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class LoopbackSite:
    """An HTTP(S) server on 127.0.0.1 in a background thread that counts requests per path."""

    def __init__(
        self,
        pages: Mapping[str, Page] | None = None,
        *,
        name: str = "127.0.0.1",
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self._pages = dict(pages or {})
        self._requests: list[str] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port = int(self._server.server_address[1])
        self.base_url = f"{'https' if tls else 'http'}://{name}:{self.port}"
        self._thread: threading.Thread | None = None

    def url(self, path: str) -> str:
        return self.base_url + path

    def put(self, path: str, page: Page) -> None:
        with self._lock:
            self._pages[path] = page

    def record(self, path_and_query: str) -> Page:
        with self._lock:
            self._requests.append(path_and_query)
            return self._pages.get(path_and_query.split("?", 1)[0], NOT_FOUND)

    def requests(self) -> list[str]:
        """Every request so far, as path and query, in order."""
        with self._lock:
            return list(self._requests)

    def hits(self, prefix: str = "/") -> int:
        return sum(1 for request in self.requests() if request.startswith(prefix))

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()

    def start(self) -> LoopbackSite:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> LoopbackSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def self_signed_context(directory: Path, host: str = "127.0.0.1") -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for `host` (an IP address)."""
    key, cert = directory / "key.pem", directory / "cert.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1",
            "-subj", f"/CN={host}", "-addext", f"subjectAltName=IP:{host}",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
