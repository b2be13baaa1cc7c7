"""Demo mode: a local Wompi sandbox and webhook relay, throwaway test keys, a separate folder.

Nothing real is touched: the demo keeps its orders in `<home>/demo`, talks only to a sandbox and
a relay on 127.0.0.1 (the sandbox posts its events to the relay, the app long-polls the relay,
exactly as in production), and keeps the freshly generated test keys and the relay token in an
in-memory keyring that dies with the process (they are worthless outside this demo, and a demo
must run on a machine with no keyring at all).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.server import RelayServer
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.settings import Environment, Settings, SettingsFile

DEMO_FOLDER = "demo"
RELAY_DATABASE = "demo-relay.sqlite3"
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
    relay: RelayServer

    def stop(self) -> None:
        self.server.stop()
        self.relay.stop()


def demo_home(home: Path) -> Path:
    path = home / DEMO_FOLDER
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def start_demo(home: Path) -> DemoEnvironment:
    """Start relay and sandbox, point the demo's settings at them, keys into the keyring."""
    folder = demo_home(home)
    keys = generate_keys()
    relay = RelayServer(
        RelayConfig(environment="test", events_secrets=(keys.events_secret,)),
        folder / RELAY_DATABASE,
    ).start()
    try:
        server = SandboxServer(
            SandboxConfig(
                keys=keys, events_url=relay.events_url, finalize_delay_s=DEMO_FINALIZE_DELAY_S
            )
        ).start()
    except Exception:
        relay.stop()
        raise
    settings = _demo_settings(SettingsFile(folder), server.base_url, relay.base_url, keys)
    _keep_keys_in_memory(keys, relay.create_token("demo"))
    return DemoEnvironment(home=folder, settings=settings, server=server, relay=relay)


def _demo_settings(
    settings_file: SettingsFile, sandbox_url: str, relay_url: str, keys: SandboxKeys
) -> Settings:
    settings = dataclasses.replace(
        settings_file.load(),
        environment=Environment.SANDBOX,
        public_key=keys.public_key,
        wompi_api_url=f"{sandbox_url}/v1",
        checkout_url=f"{sandbox_url}/p/",
        relay_url=relay_url,
        store_name="Tienda Demo MeStore",
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
