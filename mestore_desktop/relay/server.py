"""Run the relay on a loopback port in a background thread (tests, demos, the desktop's e2e).

with RelayServer(RelayConfig(environment="test", events_secrets=(secret,)), "r.db") as relay:
    token = relay.create_token("caja-1")
    relay.events_url   # give this to SandboxConfig(events_url=...)
    relay.feed_url     # GET with Authorization: Bearer <token>
"""

from __future__ import annotations

import os
import socket

import uvicorn

from mestore_desktop.relay.app import Relay, create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import RelayStore
from mestore_desktop.serving import START_TIMEOUT_S, BackgroundServer, base_url_for, bind_socket

GRACEFUL_SHUTDOWN_S = 3


def uvicorn_config(app: object, **kwargs: object) -> uvicorn.Config:
    # Long-polls last up to 30 s; keep-alive must outlast the gap between two of them.
    return uvicorn.Config(
        app,  # type: ignore[arg-type]
        log_level="warning",
        access_log=False,  # the access log would print query strings; ours are not secret, but
        lifespan="on",  # an Authorization header must never reach a log by accident
        timeout_keep_alive=35,
        # Open long-polls are cut after this on shutdown; their clients simply poll again.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
        **kwargs,  # type: ignore[arg-type]
    )


class DrainingServer(uvicorn.Server):
    """uvicorn waits for open requests before it stops; tell the relay to answer its
    long-polls first, or each would be cancelled mid-request (a traceback, a reset client)."""

    def __init__(self, app: object) -> None:
        super().__init__(uvicorn_config(app))
        self._app = app

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        relay = getattr(getattr(self._app, "state", None), "relay", None)
        if isinstance(relay, Relay):
            relay.begin_shutdown()
        await super().shutdown(sockets)


class RelayServer(BackgroundServer):
    """`with RelayServer(config, database) as server:` → `server.base_url`, `server.relay`."""

    def __init__(
        self,
        config: RelayConfig,
        database: str | os.PathLike[str] | RelayStore,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        sock = bind_socket(host, port)
        self.base_url = base_url_for(host, sock.getsockname()[1])
        store = database if isinstance(database, RelayStore) else os.fspath(database)
        self.app = create_app(config, store)
        super().__init__(
            DrainingServer(self.app),
            sock,
            failure="the relay did not start",
            stop_timeout_s=START_TIMEOUT_S + GRACEFUL_SHUTDOWN_S,
        )

    @property
    def relay(self) -> Relay:
        return self.app.state.relay  # type: ignore[no-any-return]

    @property
    def store(self) -> RelayStore:
        return self.relay.store

    @property
    def events_url(self) -> str:
        return self.base_url + "/wompi/events"

    @property
    def feed_url(self) -> str:
        return self.base_url + "/v1/events"

    def create_token(self, name: str) -> str:
        return self.store.create_token(name)
