"""Run the sandbox on a loopback port in a background thread (tests and the app's demo mode).

The socket is bound before the app exists, so the real port is known when the config's
`base_url` is built (PSE bank URLs and payment-link URLs carry it).
"""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from types import TracebackType

import uvicorn

from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.state import Sandbox

START_TIMEOUT_S = 10.0


def bind_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def base_url_for(host: str, port: int) -> str:
    # A wildcard address is where we listen, not where clients connect.
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, host)  # noqa: S104
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


class SandboxServer:
    """`with SandboxServer(config) as server:` → `server.base_url`, `server.sandbox`."""

    def __init__(
        self, config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self._sock = bind_socket(host, port)
        actual_port = self._sock.getsockname()[1]
        config = config or SandboxConfig(keys=generate_keys())
        self.config = dataclasses.replace(config, base_url=base_url_for(host, actual_port))
        self.app = create_app(self.config)
        self._server = uvicorn.Server(
            uvicorn.Config(self.app, log_level="warning", lifespan="on", access_log=False)
        )
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return self.config.base_url

    @property
    def sandbox(self) -> Sandbox:
        return self.app.state.sandbox  # type: ignore[no-any-return]

    def start(self) -> SandboxServer:
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
            raise RuntimeError("el sandbox no pudo arrancar")
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join(START_TIMEOUT_S)
            self._thread = None
        self._sock.close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
