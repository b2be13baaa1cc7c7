"""Run the sandbox on a loopback port in a background thread (tests and the app's demo mode).

The socket is bound before the app exists, so the real port is known when the config's
`base_url` is built (PSE bank URLs and payment-link URLs carry it).

A second socket (`bank_port`, a free one by default) serves the same app as the bank's host:
the 3-D Secure challenge page lives there (`config.bank_base_url`), so a browser leaves the
checkout's host for it as it would for a real issuer's ACS. While running, the server announces
that host (sandbox.hosts) for the desktop's navigation policy.
"""

from __future__ import annotations

import dataclasses
import socket
from typing import Self

import uvicorn

from mestore_desktop.sandbox import hosts
from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.serving import START_TIMEOUT_S, BackgroundServer, base_url_for, bind_socket


class SandboxServer(BackgroundServer):
    """`with SandboxServer(config) as server:` → `server.base_url`, `server.sandbox`,
    `server.bank_url` (`bank_port=None`: no bank host of its own, bank pages on base_url)."""

    def __init__(
        self,
        config: SandboxConfig | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bank_port: int | None = 0,
    ) -> None:
        sock = bind_socket(host, port, backlog=128)
        self._bank_sock: socket.socket | None = None
        try:
            if bank_port is not None:
                self._bank_sock = bind_socket(host, bank_port, backlog=128)
            server = self._server(config, host, sock)
        except BaseException:
            # A taken port or an unreadable state file: nothing stays bound behind the error.
            sock.close()
            if self._bank_sock is not None:
                self._bank_sock.close()
            raise
        super().__init__(
            server, sock, failure="el sandbox no pudo arrancar", stop_timeout_s=START_TIMEOUT_S
        )

    def _server(
        self, config: SandboxConfig | None, host: str, sock: socket.socket
    ) -> uvicorn.Server:
        config = config or SandboxConfig(keys=generate_keys())
        bank_base_url = config.bank_base_url
        if self._bank_sock is not None and bank_base_url is None:
            bank_base_url = base_url_for(host, self._bank_sock.getsockname()[1])
        self.config = dataclasses.replace(
            config,
            base_url=base_url_for(host, sock.getsockname()[1]),
            bank_base_url=bank_base_url,
        )
        self.app = create_app(self.config)
        return _Server(
            uvicorn.Config(self.app, log_level="warning", lifespan="on", access_log=False),
            [] if self._bank_sock is None else [self._bank_sock],
        )

    @property
    def base_url(self) -> str:
        return self.config.base_url

    @property
    def bank_url(self) -> str:
        """Base URL of the bank's pages (the 3-D Secure challenge)."""
        return self.config.bank_url

    @property
    def sandbox(self) -> Sandbox:
        return self.app.state.sandbox  # type: ignore[no-any-return]

    def start(self) -> Self:
        super().start()
        if self._bank_sock is not None:
            hosts.announce(self.base_url, hosts.host_of(self.bank_url))
        return self

    def stop(self) -> None:
        hosts.withdraw(self.base_url)
        super().stop()
        if self._bank_sock is not None:
            self._bank_sock.close()


class _Server(uvicorn.Server):
    """A uvicorn server that also serves `extra` sockets (the bank's host)."""

    def __init__(self, config: uvicorn.Config, extra: list[socket.socket]) -> None:
        super().__init__(config)
        self._extra = extra

    def run(self, sockets: list[socket.socket] | None = None) -> None:
        super().run(sockets=[*(sockets or []), *self._extra])
