"""Build the payment status sync from the settings and the keyring (the GUI and `mestore sync`).

Fails closed with one Spanish line when a key is missing: the public key, the private key
(searching transactions needs it) and, when a relay URL is set, the relay token. Without a relay
URL only Wompi is polled (pending watcher and gap filler).
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from mestore_desktop.domain.text import N_
from mestore_desktop.secrets import Secret, SecretName, SecretStore
from mestore_desktop.settings import Settings
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.relay_client import RelayClient
from mestore_desktop.sync.service import SyncService
from mestore_desktop.wompi.client import WompiClient


class SyncConfigError(Exception):
    """A setting the sync needs is missing; `str()` says which, in Spanish."""


@dataclass(frozen=True)
class SyncKeys:
    settings: Settings
    private_key: Secret | None  # None only with a relay: payments are then heard of through it
    relay_token: Secret | None


def load_keys(settings: Settings) -> SyncKeys:
    """Everything the sync needs, or SyncConfigError/MissingSecretError naming what is missing.

    A relay (URL and token) or the private key is enough: the same rule as the counter's guard
    against charges nothing could confirm (services/counter_setup.py)."""
    if not settings.public_key:
        raise SyncConfigError(
            N_(
                "Falta la llave pública de Wompi: configúrela con «mestore config set "
                "public_key …».",
            )
        )
    store = SecretStore(settings.environment)
    token = store.require(SecretName.RELAY_TOKEN) if settings.relay_url else None
    if token is None:
        return SyncKeys(settings, store.require(SecretName.WOMPI_PRIVATE_KEY), None)
    return SyncKeys(settings, store.get(SecretName.WOMPI_PRIVATE_KEY), token)


def build_service(keys: SyncKeys, db: DbExecutor, http: httpx.AsyncClient) -> SyncService:
    settings = keys.settings
    wompi = WompiClient(
        http,
        api_base_url=settings.effective_api_url,
        public_key=settings.public_key,
        private_key=keys.private_key.reveal if keys.private_key is not None else None,
    )
    relay = None
    if keys.relay_token is not None:
        relay = RelayClient(http, settings.relay_url, keys.relay_token.reveal)
    return SyncService(db=db, wompi=wompi, relay=relay, searches=keys.private_key is not None)
