"""The environment of a child process with a desktop session of its own: its own home and XDG
folders (so a gnome-keyring started under `dbus-run-session` keeps its keyring there, never in
the person's), the project on its path, nothing else inherited."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def private_session_env(folder: Path) -> dict[str, str]:
    dirs = {name: folder / name for name in ("home", "data", "config", "cache", "runtime")}
    for path in dirs.values():
        path.mkdir(mode=0o700, parents=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(dirs["home"]),
        "XDG_DATA_HOME": str(dirs["data"]),
        "XDG_CONFIG_HOME": str(dirs["config"]),
        "XDG_CACHE_HOME": str(dirs["cache"]),
        "XDG_RUNTIME_DIR": str(dirs["runtime"]),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
