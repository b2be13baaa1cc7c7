"""`mestore sync [--once] [--json]`: the desktop's payment status sync, headless.

Builds the sync from the settings and the keyring exactly as the desktop does
(`services.sync_setup`), failing closed with one Spanish line when a key is missing.

`--once` drains the relay, polls every pending attempt and fills gaps once, then prints what it
did; exit 1 if something could not be reached. Without it, the sync runs until SIGINT or
SIGTERM, printing the relay state as it changes, then prints the totals and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from pathlib import Path
from typing import TextIO

import httpx

from mestore_desktop import __version__
from mestore_desktop.paths import database_path
from mestore_desktop.services.sync_setup import SyncKeys, build_service, load_keys
from mestore_desktop.settings import SettingsFile
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.service import SyncReport, SyncService
from mestore_desktop.sync.status import SyncStatus


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
