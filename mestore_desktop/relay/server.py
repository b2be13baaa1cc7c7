"""Run the relay on a loopback port in a background thread (tests, demos, the desktop's e2e).

with RelayServer(RelayConfig(environment="test", events_secrets=(secret,)), "r.db") as relay:
    token = relay.create_token("caja-1")
    relay.events_url   # give this to SandboxConfig(events_url=...)
    relay.feed_url     # GET with Authorization: Bearer <token>
"""

from __future__ import annotations

import os
import socket
import threading
import time
from types import TracebackType

import uvicorn

from mestore_desktop.relay.app import Relay, create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import RelayStore

START_TIMEOUT_S = 10.0
GRACEFUL_SHUTDOWN_S = 3


def bind_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


def base_url_for(host: str, port: int) -> str:
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, host)  # noqa: S104 (a mapping)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


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


class RelayServer:
    """`with RelayServer(config, database) as server:` → `server.base_url`, `server.relay`."""

    def __init__(
        self,
        config: RelayConfig,
        database: str | os.PathLike[str] | RelayStore,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self._sock = bind_socket(host, port)
        self.base_url = base_url_for(host, self._sock.getsockname()[1])
        store = database if isinstance(database, RelayStore) else os.fspath(database)
        self.app = create_app(config, store)
        self._server = DrainingServer(self.app)
        self._thread: threading.Thread | None = None

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

    def start(self) -> RelayServer:
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
            raise RuntimeError("the relay did not start")
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join(START_TIMEOUT_S + GRACEFUL_SHUTDOWN_S)
            self._thread = None
        self._sock.close()

    def __enter__(self) -> RelayServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
