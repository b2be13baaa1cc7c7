"""`mestore sync [--once] [--json]`: the desktop's payment status sync, headless.

Builds the Wompi client and the relay client from the settings and the keyring, exactly as the
desktop does, and fails closed with one Spanish line when a key is missing: the public key, the
private key (searching transactions needs it) and, when a relay URL is set, the relay token.
Without a relay URL only Wompi is polled (pending watcher and gap filler).

`--once` drains the relay, polls every pending attempt and fills gaps once, then prints what it
did; exit 1 if something could not be reached. Without it, the sync runs until SIGINT or
SIGTERM, printing the relay state as it changes, then prints the totals and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import httpx

from mestore_desktop import __version__
from mestore_desktop.paths import database_path
from mestore_desktop.secrets import Secret, SecretName, SecretStore
from mestore_desktop.settings import Settings, SettingsFile
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.relay_client import RelayClient
from mestore_desktop.sync.service import SyncReport, SyncService
from mestore_desktop.sync.status import SyncStatus
from mestore_desktop.wompi.client import WompiClient


class SyncConfigError(Exception):
    """A setting the sync needs is missing; `str()` says which, in Spanish."""


@dataclass(frozen=True)
class SyncKeys:
    settings: Settings
    private_key: Secret
    relay_token: Secret | None


def load_keys(settings: Settings) -> SyncKeys:
    """Everything the sync needs, or SyncConfigError/MissingSecretError naming what is missing."""
    if not settings.public_key:
        raise SyncConfigError(
            "Falta la llave pública de Wompi: configúrela con «mestore config set public_key …»."
        )
    store = SecretStore(settings.environment)
    private_key = store.require(SecretName.WOMPI_PRIVATE_KEY)
    token = store.require(SecretName.RELAY_TOKEN) if settings.relay_url else None
    return SyncKeys(settings, private_key, token)


def sync(args: argparse.Namespace, home: Path, out: TextIO) -> SyncReport:
    keys = load_keys(SettingsFile(home).load())
    database = Database.open(database_path(home))
    executor = DbExecutor(database)
    try:
        report = asyncio.run(_run(keys, executor, once=args.once, out=None if args.json else out))
    finally:
        executor.shutdown()
        database.close()
    return report


async def _run(keys: SyncKeys, db: DbExecutor, *, once: bool, out: TextIO | None) -> SyncReport:
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(10.0, connect=5.0),
        headers={"User-Agent": f"MeStoreDesktop/{__version__} (sync)"},
    ) as http:
        service = build_service(keys, db, http)
        if once:
            return await service.run_once()
        if out is not None:
            service.on_status.append(lambda status: _print_status(status, out))
        await _run_until_signalled(service)
        return service.totals_report()


def build_service(keys: SyncKeys, db: DbExecutor, http: httpx.AsyncClient) -> SyncService:
    settings = keys.settings
    wompi = WompiClient(
        http,
        api_base_url=settings.effective_api_url,
        public_key=settings.public_key,
        private_key=keys.private_key.reveal,
    )
    relay = None
    if keys.relay_token is not None:
        relay = RelayClient(http, settings.relay_url, keys.relay_token.reveal)
    return SyncService(db=db, wompi=wompi, relay=relay)


async def _run_until_signalled(service: SyncService) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    signals = (signal.SIGINT, signal.SIGTERM)
    for signum in signals:
        loop.add_signal_handler(signum, stop.set)
    runner = asyncio.ensure_future(service.run())
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (runner, stopper):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for signum in signals:
            loop.remove_signal_handler(signum)


def _print_status(status: SyncStatus, out: TextIO) -> None:
    out.write(f"relay: {status.relay.value} · pendientes: {status.pending_attempts} · ")
    out.write(f"{status.detail}\n")
    out.flush()


def summary_lines(report: SyncReport) -> list[str]:
    orders = ", ".join(str(n) for n in sorted(report.orders_changed)) or "ninguno"
    return [
        f"Eventos aplicados: {report.events_applied} (repetidos {report.events_duplicate}, "
        f"omitidos {report.events_skipped})",
        f"Intentos actualizados: {report.attempts_updated} (pedidos: {orders})",
        f"Transacciones ajenas registradas: {report.foreign_transactions}",
        f"Conflictos: {report.conflicts}",
        f"Búsqueda en Wompi por fechas: {'sí' if report.gap_filled else 'no'}",
        f"Relay: {report.relay.value} — {report.relay_detail}",
        f"Intentos pendientes: {report.pending_attempts}",
    ]
