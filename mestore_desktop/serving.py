"""Serving an ASGI app with uvicorn from a background thread on a pre-bound socket.

Shared by the local Wompi sandbox and the webhook relay (tests, the demo, and their CLIs for
the socket helpers). Qt-free and desktop-free, so both servers stay installable without either.
The socket is bound before the app exists, so the real port is known when URLs are built.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Self

import uvicorn

START_TIMEOUT_S = 10.0


def bind_socket(host: str, port: int, backlog: int = 1024) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError:
        sock.close()  # a taken port is an answer (the demo then asks for another), not a leak
        raise
    sock.set_inheritable(True)
    return sock


def base_url_for(host: str, port: int) -> str:
    # A wildcard address is where we listen, not where clients connect.
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, host)  # noqa: S104 (a mapping)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


class BackgroundServer:
    """A uvicorn server on `sock` in a daemon thread: `start()` returns once it accepts
    connections (or raises `RuntimeError(failure)`); `stop()` lets open requests finish for up
    to `stop_timeout_s`. Usable as a context manager."""

    def __init__(
        self, server: uvicorn.Server, sock: socket.socket, *, failure: str, stop_timeout_s: float
    ) -> None:
        self._server = server
        self._sock = sock
        self._failure = failure
        self._stop_timeout_s = stop_timeout_s
        self._thread: threading.Thread | None = None

    def start(self) -> Self:
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._server.started and self._thread.is_alive():
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        if not self._server.started:
            self.stop()
            raise RuntimeError(self._failure)
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join(self._stop_timeout_s)
            self._thread = None
        self._sock.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
