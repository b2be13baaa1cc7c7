"""Demo mode: a local Wompi sandbox and webhook relay, test keys, a separate folder.

Nothing real is touched: the demo keeps everything in `<home>/demo` and talks only to a sandbox
and a relay on 127.0.0.1 (the sandbox posts its events to the relay, the app long-polls the
relay, exactly as in production).

The demo restarts on the same folder after any exit (window closed, SIGTERM, SIGKILL) and
carries on where it stopped:

* the sandbox keeps its keys and transactions in its state file (`demo-sandbox.json`, 0600,
  replaced atomically on every change). These are the sandbox's own *test* keys, worthless
  outside this folder; a real environment's secrets never reach a file. A payment left pending
  by a killed demo is finalized (and its event sent) by the restarted sandbox;
* the relay keeps its events in `demo-relay.sqlite3` next to the app's database, so the app's
  relay cursor and the relay's sequence numbers always belong together;
* the relay token is rotated on every start (the old `demo` token revoked, a new one made), so
  no token is ever written anywhere: only the relay's SHA-256 of it;
* the previous ports are taken again when free, so checkout URLs and QR codes shown before the
  restart keep working; otherwise new ones are used and the settings follow;
* the first start of a folder seeds a sample catalogue and a few past sales (demo_seed.py).

The keys and the relay token live in an in-memory keyring that dies with the process (a demo
must run on a machine with no keyring at all). A lock file keeps two demos off one folder: they
would share the sandbox's state file and revoke each other's relay token. The operating system
drops the lock when the process dies, however it dies.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar
from urllib.parse import urlsplit

import keyring
from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from mestore_desktop.demo_seed import align_relay_cursor, seed_first_start
from mestore_desktop.paths import database_path, demo_home
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.server import RelayServer
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.persistence import load_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.settings import Environment, Settings, SettingsFile
from mestore_desktop.store.db import Database

log = logging.getLogger(__name__)

RELAY_DATABASE = "demo-relay.sqlite3"
SANDBOX_STATE = "demo-sandbox.json"
LOCK_FILE = ".demo.lock"
RELAY_TOKEN_NAME = "demo"  # noqa: S105 (the terminal's name, not a token)
DEMO_STORE_NAME = "Tienda Demo MeStore"
LOOPBACK = "127.0.0.1"
# Long enough to see "Esperando confirmación de Wompi…", short enough not to bore anyone.
DEMO_FINALIZE_DELAY_S = 2.0

_Server = TypeVar("_Server", RelayServer, SandboxServer)


class DemoError(RuntimeError):
    """The demo cannot start; `str()` is a Spanish sentence for staff."""


class DemoBusyError(DemoError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"Ya hay una demostración abierta con la carpeta {folder}. Ciérrela antes de abrir "
            "otra, o use otra carpeta con --home."
        )
        self.folder = folder


class DemoStateError(DemoError):
    """The sandbox's state file cannot be read (something else than the demo changed it)."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            f"El archivo de estado del sandbox {path} está dañado ({why}). Bórrelo para empezar "
            "la demostración de cero con llaves nuevas."
        )
        self.path = path


class DemoKeyring(KeyringBackend):
    """Process-lifetime keyring for the demo's sandbox keys only."""

    @classproperty
    def priority(cls) -> float:  # noqa: N805  (a class property)
        """Raises, so keyring's own discovery never picks this backend (a priority that raises
        means "not viable"): `start_demo` sets it explicitly. As a plain `priority = 1` it was
        the default keyring of any process that had imported this module on a machine without
        a keyring, so a start without --demo kept real keys in memory only, lost at exit,
        instead of refusing them (found in the first-run assistant, issue 13)."""
        raise RuntimeError("the demo keyring is only set explicitly, by start_demo")

    def __str__(self) -> str:
        return f"{type(self).__module__}.{type(self).__name__} (demo, in memory)"

    def __init__(self) -> None:
        super().__init__()
        self._values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._values.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class DemoLock:
    """An exclusive lock on `<folder>/.demo.lock`, held while one demo runs on the folder."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle: IO[bytes] | None = handle

    @classmethod
    def acquire(cls, folder: Path) -> DemoLock:
        handle = (folder / LOCK_FILE).open("a+b")
        try:
            _lock_exclusively(handle)
        except OSError as exc:
            handle.close()
            raise DemoBusyError(folder) from exc
        return cls(handle)

    def release(self) -> None:
        # Closing the file releases the lock (the OS does the same when the process dies).
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _lock_exclusively(handle: IO[bytes]) -> None:
    """Lock without waiting; OSError when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


@dataclass
class DemoEnvironment:
    home: Path
    settings: Settings
    server: SandboxServer
    relay: RelayServer
    lock: DemoLock | None = field(default=None, repr=False)

    def stop(self) -> None:
        self.server.stop()
        self.relay.stop()
        if self.lock is not None:
            self.lock.release()


def start_demo(home: Path) -> DemoEnvironment:
    """Start (or restart) the demo in `<home>/demo`: relay, sandbox, settings, keyring, data.

    Raises DemoError (a RuntimeError) with a Spanish sentence when the folder is in use or its
    state file is damaged, and OSError when a server cannot listen.
    """
    folder = demo_home(home)
    lock = DemoLock.acquire(folder)
    try:
        environment = _start(folder)
    except BaseException:
        lock.release()
        raise
    environment.lock = lock
    return environment


def _start(folder: Path) -> DemoEnvironment:
    state_file = folder / SANDBOX_STATE
    keys = _sandbox_keys(state_file)
    settings_file = SettingsFile(folder)
    previous = settings_file.load()
    relay_is_new = not (folder / RELAY_DATABASE).exists()
    relay = _listen(
        lambda port: RelayServer(
            RelayConfig(environment="test", events_secrets=(keys.events_secret,)),
            folder / RELAY_DATABASE,
            host=LOOPBACK,
            port=port,
        ),
        _previous_port(previous.relay_url),
    ).start()
    try:
        server = _start_sandbox(keys, state_file, relay.events_url, previous)
    except BaseException:
        relay.stop()
        raise
    try:
        settings = _demo_settings(settings_file, previous, server.base_url, relay.base_url, keys)
        _keep_keys_in_memory(keys, _rotate_relay_token(relay))
        _prepare_data(folder, server, settings, relay_is_new=relay_is_new)
    except BaseException:
        server.stop()
        relay.stop()
        raise
    log.info("demo ready in %s: sandbox %s, relay %s", folder, server.base_url, relay.base_url)
    return DemoEnvironment(home=folder, settings=settings, server=server, relay=relay)


def _sandbox_keys(state_file: Path) -> SandboxKeys:
    """The keys of the previous run (kept in the sandbox's state file), or new ones."""
    try:
        keys = load_keys(state_file)
    except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError is a ValueError
        raise DemoStateError(state_file, type(exc).__name__) from exc
    if keys is None:
        log.info("new demo: fresh sandbox test keys")
        return generate_keys()
    return keys


def _start_sandbox(
    keys: SandboxKeys, state_file: Path, events_url: str, previous: Settings
) -> SandboxServer:
    config = SandboxConfig(
        keys=keys,
        events_url=events_url,
        finalize_delay_s=DEMO_FINALIZE_DELAY_S,
        state_file=state_file,
        merchant_name=DEMO_STORE_NAME,
    )
    try:
        server = _listen(
            lambda port: SandboxServer(config, host=LOOPBACK, port=port),
            _previous_port(previous.wompi_api_url),
        )
    except (ValueError, KeyError, TypeError) as exc:  # the state file's contents
        raise DemoStateError(state_file, type(exc).__name__) from exc
    return server.start()


def _previous_port(url: str) -> int:
    """The loopback port in a URL the previous run saved, or 0 (any free port)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return 0
    return port if parts.hostname == LOOPBACK and port else 0


def _listen(make: Callable[[int], _Server], port: int) -> _Server:
    """A server on the previous port when it is free, else on a new one."""
    if port:
        try:
            return make(port)
        except OSError as exc:
            log.info("demo port %d is not free (%s); using another one", port, exc.strerror)
    return make(0)


def _rotate_relay_token(relay: RelayServer) -> str:
    # The token exists only in memory; after any exit the old one is unknown, so revoke it.
    if relay.store.revoke_token(RELAY_TOKEN_NAME):
        log.info("revoked the previous demo relay token")
    return relay.create_token(RELAY_TOKEN_NAME)


def _prepare_data(
    folder: Path, server: SandboxServer, settings: Settings, *, relay_is_new: bool
) -> None:
    """Sample data on the first start; the relay cursor realigned if the relay was lost."""
    database = Database.open(database_path(folder))
    try:
        align_relay_cursor(database, relay_is_new=relay_is_new)
        seed_first_start(database, server.sandbox, settings.terminal_id)
    finally:
        database.close()


def _demo_settings(
    settings_file: SettingsFile,
    previous: Settings,
    sandbox_url: str,
    relay_url: str,
    keys: SandboxKeys,
) -> Settings:
    settings = dataclasses.replace(
        previous,
        environment=Environment.SANDBOX,
        public_key=keys.public_key,
        wompi_api_url=f"{sandbox_url}/v1",
        checkout_url=f"{sandbox_url}/p/",
        relay_url=relay_url,
        # A name the person chose in Ajustes survives a restart.
        store_name=(
            DEMO_STORE_NAME if previous.store_name == Settings().store_name else previous.store_name
        ),
    )
    settings_file.save(settings)
    return settings


def _keep_keys_in_memory(keys: SandboxKeys, relay_token: str) -> None:
    keyring.set_keyring(DemoKeyring())
    secrets = SecretStore(Environment.SANDBOX)
    secrets.set(SecretName.WOMPI_PRIVATE_KEY, keys.private_key)
    secrets.set(SecretName.EVENTS_SECRET, keys.events_secret)
    secrets.set(SecretName.INTEGRITY_SECRET, keys.integrity_secret)
    secrets.set(SecretName.RELAY_TOKEN, relay_token)
