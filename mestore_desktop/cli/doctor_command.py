"""`mestore doctor [--json]`: the setup self-test (services/doctor.py), headless.

Built from the same parts the desktop uses: the settings file, the environment's keyring
entries, the local database (opened as the app opens it) and one HTTP client. Text output: one
line per check as it ends (✓ or ✗, what was found) and, under a red one, what to do; `--json`
prints `{"ok", "checks": [{"name", "ok", "detail", "fix"}]}` at the end. Exit 0 when every
check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import TextIO

import httpx

from mestore_desktop import __version__
from mestore_desktop.cli.commands import CliError, print_json
from mestore_desktop.domain.text import N_, Text
from mestore_desktop.paths import database_path
from mestore_desktop.services.doctor import Check, DoctorReport, build_doctor
from mestore_desktop.settings import Settings, SettingsFile
from mestore_desktop.store.db import Database
from mestore_desktop.store.errors import StorageError
from mestore_desktop.store.executor import DbExecutor


def add_parser(groups: argparse._SubParsersAction) -> None:
    doctor = groups.add_parser(
        "doctor", help="verifica la instalación: llaves, relay, eventos, llavero, base de datos"
    )
    doctor.add_argument("--json", action="store_true", help="salida JSON")
    doctor.set_defaults(handler=doctor_command)


def doctor_command(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    settings = SettingsFile(home).load()
    database: Database | None = None
    problem: Text | None = None
    try:
        database = Database.open(database_path(home))
    except (StorageError, OSError) as exc:
        problem = N_("No se pudo abrir la base de datos local: {error}", error=str(exc))
    executor = DbExecutor(database) if database is not None else None
    try:
        report = asyncio.run(_run(home, settings, executor, problem, None if args.json else out))
    finally:
        if executor is not None:
            executor.shutdown()
        if database is not None:
            database.close()
    if args.json:
        print_json(report.as_json(), out)
    if not report.ok:
        failed = sum(not check.ok for check in report.checks)
        raise CliError(f"{failed} de {len(report.checks)} pruebas fallaron.")


async def _run(
    home: Path, settings: Settings, db: DbExecutor | None, problem: Text | None, out: TextIO | None
) -> DoctorReport:
    async with httpx.AsyncClient(
        headers={"User-Agent": f"MeStoreDesktop/{__version__} (doctor)"},
        timeout=httpx.Timeout(10.0, connect=5.0),
    ) as http:
        doctor = build_doctor(settings, home=home, http=http, database=db, database_problem=problem)
        return await doctor.run(None if out is None else lambda check: print_check(check, out))


def print_check(check: Check, out: TextIO) -> None:
    out.write(f"{'✓' if check.ok else '✗'} {check.name}: {check.detail}\n")
    if check.fix is not None:
        out.write(f"    → {check.fix}\n")
    out.flush()
