"""Where MeStore keeps its data: the home directory and the files inside it.

The home is chosen once at start-up: ``--home DIR`` wins, then the ``MESTORE_HOME`` environment
variable, else the platform's per-user data directory. Everything the app writes (database,
settings, logs) lives under it, so tests and demos can point the whole app at a scratch folder.
Secrets never live here; they go to the OS keyring (see ``mestore_desktop.secrets``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "mestore-desktop"
HOME_ENV_VAR = "MESTORE_HOME"
# The home holds sales data and logs: only the owner may read it.
HOME_MODE = 0o700


class HomeError(Exception):
    """The home directory cannot be used; ``str()`` is a message for staff."""


def resolve_home(
    cli_home: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Pick the home directory, create it (mode 0o700) if needed and return it as an absolute path.

    An empty ``--home`` or ``MESTORE_HOME`` counts as not given, so a blank variable in a shell
    profile does not make the app write into the current directory.
    """
    env = os.environ if environ is None else environ
    if cli_home is not None and os.fspath(cli_home) != "":
        chosen = Path(cli_home)
    elif env.get(HOME_ENV_VAR, ""):
        chosen = Path(env[HOME_ENV_VAR])
    else:
        chosen = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    home = chosen.expanduser().resolve()
    _ensure_private_dir(home)
    return home


def _ensure_private_dir(path: Path) -> None:
    """Create ``path`` owner-only; leave the permissions of an existing directory alone."""
    if path.is_dir():
        return
    if path.exists():
        raise HomeError(f"La carpeta de datos '{path}' existe pero no es una carpeta.")
    try:
        path.mkdir(parents=True, mode=HOME_MODE)
        # mkdir's mode is filtered through the umask; set it explicitly so it is exactly 0o700.
        path.chmod(HOME_MODE)
    except FileExistsError:
        return  # another process created it between the check and mkdir
    except OSError as exc:
        raise HomeError(
            f"No se pudo crear la carpeta de datos '{path}': {exc.strerror or exc}."
        ) from exc


def database_path(home: Path) -> Path:
    """The SQLite database file."""
    return home / "mestore.sqlite3"


DEMO_FOLDER = "demo"


def demo_home(home: Path) -> Path:
    """Where `--demo` keeps everything (demo.py): `<home>/demo`, made on first use. Here, not
    in demo.py, so the app finds the demo's settings without importing its servers."""
    path = home / DEMO_FOLDER
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def settings_path(home: Path) -> Path:
    """The JSON file with the non-secret settings."""
    return home / "settings.json"


def log_dir(home: Path) -> Path:
    """The folder for the rotating log files."""
    return home / "logs"
