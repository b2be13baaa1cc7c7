"""Cold start (issue 13, item 8): the desktop imports only what the chosen mode needs, paints
its window before it opens the store, and migrates the store only when its schema is behind.

Each start runs in a fresh interpreter (what was imported is a property of the process), with
the start-up probe on: the app reports its first paint, the counter ready for a scan and the
whole desktop built, then closes itself (mestore_desktop/ui/startup_probe.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mestore_desktop.store.db import HEAD_REVISION, Database
from tests.unit.store.old_schemas import migrate_to

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
# What only the demo (its local sandbox and relay) or a migration needs.
DEMO_AND_MIGRATION_PACKAGES = (
    "mestore_desktop.relay",
    "mestore_desktop.sandbox",
    "mestore_desktop.demo",
    "alembic",
    "uvicorn",
    "starlette",
)
# What the first paint does not need: the store, the network, the event loop, the keyring.
AFTER_FIRST_PAINT_PACKAGES = ("sqlalchemy", "httpx", "qasync", "keyring", "mestore_desktop.store")

START_AND_LIST_MODULES = """
import builtins, json, sys
from PySide6.QtWidgets import QApplication
from mestore_desktop.app import main
from mestore_desktop.ui.main_window import MainWindow
code = main(sys.argv[1:])
print("MODULES " + json.dumps(sorted(sys.modules)))
windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
print("LINK_TENDER " + str(windows[0].caja_page.link.available))
print("STORE " + windows[0].header.store_name.text())
sys.exit(code)
"""


def child_env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.MemoryKeyring",
        "PYTHONPATH": str(ROOT),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "MESTORE_STARTUP_PROBE": "1",
    }
    env.pop("MESTORE_HOME", None)
    return env


# The counter reads the bank host a local sandbox running in this process announced (a small
# registry, services/counter_setup.py); nothing of the sandbox's server comes with it.
SANDBOX_REGISTRY = ("mestore_desktop.sandbox", "mestore_desktop.sandbox.hosts")


def loaded(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(
        m
        for m in modules
        if any(m == p or m.startswith(p + ".") for p in packages) and m not in SANDBOX_REGISTRY
    )


def start(tmp_path: Path, home: Path, *options: str) -> tuple[list[str], list[str]]:
    """Start the desktop on `home` until the probe closes it: (its stages, its modules). It
    always ends with PySide6's import hook back in place and the counter's *Link de pago*
    offered (the links service comes a step after the counter)."""
    result = subprocess.run(
        [sys.executable, "-c", START_AND_LIST_MODULES, "--home", str(home), *options],
        env=child_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    stages = [
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith("mestore-startup ")
    ]
    lines = result.stdout.splitlines()
    assert "LINK_TENDER True" in lines
    if "--demo" in options:  # the shell was painted first; the demo then named the store
        assert "STORE Tienda Demo MeStore" in lines
    modules_line = next(line for line in lines if line.startswith("MODULES "))
    return stages, json.loads(modules_line.removeprefix("MODULES "))


def test_importing_the_desktop_entry_module_imports_no_demo_store_or_network(tmp_path):
    code = "import json, sys, mestore_desktop.app; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=child_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    modules = json.loads(result.stdout)

    assert loaded(modules, DEMO_AND_MIGRATION_PACKAGES) == []
    assert loaded(modules, AFTER_FIRST_PAINT_PACKAGES) == []


def test_a_till_paints_then_is_ready_then_complete_without_demo_or_alembic(tmp_path):
    home = tmp_path / "home"
    Database.open(home / "mestore.sqlite3").close()  # a till that has run before: at head

    stages, modules = start(tmp_path, home)

    assert stages == ["paint", "ready", "complete"]
    assert loaded(modules, DEMO_AND_MIGRATION_PACKAGES) == []


def test_a_new_home_is_created_and_migrated_on_the_first_start(tmp_path):
    home = tmp_path / "home"

    stages, modules = start(tmp_path, home)

    assert stages == ["paint", "ready", "complete"]
    assert "alembic" in modules  # the schema was behind: a new file
    assert revision(home / "mestore.sqlite3") == HEAD_REVISION


def test_an_old_database_is_upgraded_on_start(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    migrate_to(home / "mestore.sqlite3", "0005")

    stages, _modules = start(tmp_path, home)

    assert stages == ["paint", "ready", "complete"]
    assert revision(home / "mestore.sqlite3") == HEAD_REVISION


def revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_demo_paints_first_then_starts_its_servers_and_names_its_store(tmp_path):
    stages, modules = start(tmp_path, tmp_path / "home", "--demo")

    assert stages == ["paint", "ready", "complete"]
    assert "mestore_desktop.relay.server" in modules
    assert "mestore_desktop.sandbox.server" in modules


def test_the_store_libraries_are_imported_past_the_qt_hook_which_is_then_put_back(
    tmp_path, monkeypatch
):
    """Imports made while the libraries load use Python's own `__import__`, not PySide6's
    hook, and the hook is back afterwards. (In process: at the end of a whole start PySide6
    may have swapped its own hooks by itself, so a child's final state proves nothing.)"""
    import builtins
    import importlib

    from mestore_desktop.app import _import_past_the_qt_import_hook

    package = tmp_path / "lib_with_imports"
    package.mkdir()
    (package / "__init__.py").write_text("import colorsys\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    real_import = importlib.__import__  # not builtins': PySide6's hook calls __orig_import__
    seen_by = []

    def original(name, *args, **kwargs):
        seen_by.append(("original", name))
        return real_import(name, *args, **kwargs)

    def hook(name, *args, **kwargs):
        seen_by.append(("hook", name))
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__orig_import__", original, raising=False)
    monkeypatch.setattr(builtins, "__import__", hook)
    _import_past_the_qt_import_hook(("lib_with_imports",))
    assert builtins.__import__ is hook
    assert ("original", "colorsys") in seen_by and ("hook", "colorsys") not in seen_by
