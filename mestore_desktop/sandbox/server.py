"""Run the sandbox on a loopback port in a background thread (tests and the app's demo mode).

The socket is bound before the app exists, so the real port is known when the config's
`base_url` is built (PSE bank URLs and payment-link URLs carry it).
"""

from __future__ import annotations

import dataclasses

import uvicorn

from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.serving import START_TIMEOUT_S, BackgroundServer, base_url_for, bind_socket


class SandboxServer(BackgroundServer):
    """`with SandboxServer(config) as server:` → `server.base_url`, `server.sandbox`."""

    def __init__(
        self, config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        sock = bind_socket(host, port, backlog=128)
        config = config or SandboxConfig(keys=generate_keys())
        self.config = dataclasses.replace(
            config, base_url=base_url_for(host, sock.getsockname()[1])
        )
        self.app = create_app(self.config)
        server = uvicorn.Server(
            uvicorn.Config(self.app, log_level="warning", lifespan="on", access_log=False)
        )
        super().__init__(
            server, sock, failure="el sandbox no pudo arrancar", stop_timeout_s=START_TIMEOUT_S
        )

    @property
    def base_url(self) -> str:
        return self.config.base_url

    @property
    def sandbox(self) -> Sandbox:
        return self.app.state.sandbox  # type: ignore[no-any-return]
