"""Demo mode: a local Wompi sandbox, throwaway test keys and a separate data folder.

Nothing real is touched: the demo keeps its orders in `<home>/demo`, talks only to a sandbox on
127.0.0.1, and keeps the sandbox's freshly generated test keys in an in-memory keyring that
dies with the process (they are worthless outside this sandbox, and a demo must run on a
machine with no keyring at all).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.settings import Environment, Settings, SettingsFile

DEMO_FOLDER = "demo"
# Long enough to see "Esperando confirmación de Wompi…", short enough not to bore anyone.
DEMO_FINALIZE_DELAY_S = 2.0


class DemoKeyring(KeyringBackend):
    """Process-lifetime keyring for the demo's sandbox keys only."""

    priority = 1  # type: ignore[assignment]

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


@dataclass
class DemoEnvironment:
    home: Path
    settings: Settings
    server: SandboxServer

    def stop(self) -> None:
        self.server.stop()


def demo_home(home: Path) -> Path:
    path = home / DEMO_FOLDER
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def start_demo(home: Path) -> DemoEnvironment:
    """Start the sandbox, point the demo's settings at it and put its keys in the keyring."""
    keys = generate_keys()
    server = SandboxServer(SandboxConfig(keys=keys, finalize_delay_s=DEMO_FINALIZE_DELAY_S))
    server.start()
    settings_file = SettingsFile(demo_home(home))
    settings = dataclasses.replace(
        settings_file.load(),
        environment=Environment.SANDBOX,
        public_key=keys.public_key,
        wompi_api_url=f"{server.base_url}/v1",
        checkout_url=f"{server.base_url}/p/",
        store_name="Tienda Demo MeStore",
    )
    settings_file.save(settings)
    keyring.set_keyring(DemoKeyring())
    secrets = SecretStore(Environment.SANDBOX)
    secrets.set(SecretName.WOMPI_PRIVATE_KEY, keys.private_key)
    secrets.set(SecretName.EVENTS_SECRET, keys.events_secret)
    secrets.set(SecretName.INTEGRITY_SECRET, keys.integrity_secret)
    return DemoEnvironment(home=settings_file.path.parent, settings=settings, server=server)
