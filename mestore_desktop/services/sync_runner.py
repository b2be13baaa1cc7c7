"""Keeps one payment sync running for the saved settings and keys, and rebuilds it when they change.

The sync used to be built once at start-up, so keys or a relay configured in *Ajustes* (or a
rotated key, or a switch of environment) changed nothing until the app restarted. The runner
owns the observer lists the UI attaches to, and forwards each new service's news to them, so the
UI connects once and never holds a service that may be replaced.

Restarts are serial: the old service is cancelled and has finished (it saves the relay cursor)
before the new one starts, and several requests in a row (a save that also changed a secret)
coalesce into one rebuild. Qt-free; it runs on the app's event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import httpx

from mestore_desktop.secrets import SecretsError
from mestore_desktop.settings import Settings
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.service import SyncService
from mestore_desktop.sync.status import RelayState, SyncStatus

from .sync_setup import SyncConfigError, build_service, load_keys

log = logging.getLogger(__name__)

ServiceFactory = Callable[[Settings], SyncService]


class SyncRunner:
    """Runs the sync for `settings()`; `restart()` after settings or secrets change."""

    def __init__(self, settings: Callable[[], Settings], factory: ServiceFactory) -> None:
        self._settings = settings
        self._factory = factory
        self.on_orders_changed: list[Callable[[set[int]], None]] = []
        self.on_status: list[Callable[[SyncStatus], None]] = []
        self._task: asyncio.Task[None] | None = None
        self._restarting: asyncio.Task[None] | None = None
        self._again = False
        self.service: SyncService | None = None
        self.generation = 0  # how many services were started: lets tests and logs tell them apart

    def start(self) -> None:
        """Start (or restart) on the running loop; returns at once."""
        self.restart()

    def restart(self) -> None:
        if self._restarting is not None and not self._restarting.done():
            self._again = True  # coalesce: one more rebuild after the one under way
            return
        self._restarting = asyncio.get_event_loop().create_task(self._restart())

    async def _restart(self) -> None:
        while True:
            self._again = False
            await self._stop_current()
            self._start_new()
            if not self._again:
                return

    async def stop(self) -> None:
        """Stop for good (the app is closing)."""
        if self._restarting is not None:
            self._restarting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._restarting
        await self._stop_current()

    async def _stop_current(self) -> None:
        task, self._task, self.service = self._task, None, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    def _start_new(self) -> None:
        settings = self._settings()
        try:
            service = self._factory(settings)
        except (SyncConfigError, SecretsError) as exc:
            # Not configured (yet): Ajustes says what is missing; nothing to sync until then.
            log.info("payment sync not running: %s", exc)
            self._publish(SyncStatus(RelayState.NOT_CONFIGURED, None, str(exc), 0))
            return
        service.on_orders_changed.append(self._forward_orders)
        service.on_status.append(self._publish)
        self.service = service
        self.generation += 1
        self._task = asyncio.get_event_loop().create_task(service.run())
        self._task.add_done_callback(self._on_service_done)
        log.info(
            "payment sync started (#%d, relay: %s)",
            self.generation,
            "yes" if settings.relay_url else "no",
        )

    def _on_service_done(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("payment sync stopped by an error", exc_info=task.exception())
            self._publish(
                SyncStatus(RelayState.OFFLINE, None, "La sincronización de pagos se detuvo.", 0)
            )

    def _forward_orders(self, numbers: set[int]) -> None:
        for callback in list(self.on_orders_changed):
            callback(numbers)

    def _publish(self, status: SyncStatus) -> None:
        for callback in list(self.on_status):
            try:
                callback(status)
            except Exception:  # one broken observer must not stop the others
                log.exception("sync status observer failed")


def service_factory(db: DbExecutor, http: httpx.AsyncClient) -> ServiceFactory:
    """Builds the production sync from settings + keyring; raises when not configured."""
    return lambda settings: build_service(load_keys(settings), db, http)
