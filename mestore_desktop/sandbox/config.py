"""Keys and settings of one sandbox instance.

The keys look like Wompi's sandbox keys (docs/wompi.md §1.2: a prefix and ~32 alphanumerics) so that
the client's own prefix checks treat them exactly like real test keys.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from pathlib import Path

KEY_BODY_LENGTH = 32
_ALPHANUMERIC = string.ascii_letters + string.digits


@dataclass(frozen=True)
class SandboxKeys:
    public_key: str
    private_key: str
    events_secret: str
    integrity_secret: str


def random_alphanumeric(length: int) -> str:
    # token_urlsafe also yields "-" and "_", which Wompi keys never contain; keep drawing.
    chars: list[str] = []
    while len(chars) < length:
        chars += [c for c in secrets.token_urlsafe(length) if c in _ALPHANUMERIC]
    return "".join(chars[:length])


def generate_keys() -> SandboxKeys:
    """A fresh set of test-environment keys, different on every call."""
    return SandboxKeys(
        public_key="pub_test_" + random_alphanumeric(KEY_BODY_LENGTH),
        private_key="prv_test_" + random_alphanumeric(KEY_BODY_LENGTH),
        events_secret="test_events_" + random_alphanumeric(KEY_BODY_LENGTH),
        integrity_secret="test_integrity_" + random_alphanumeric(KEY_BODY_LENGTH),
    )


@dataclass(frozen=True)
class SandboxConfig:
    keys: SandboxKeys
    # Public base without a trailing slash: the API is at base_url + "/v1", checkout at "/p/".
    base_url: str = "http://127.0.0.1:0"
    events_url: str | None = None
    # PENDING -> outcome delay; tests use ~0.05, or 0 with auto_finalize=False and controls.
    finalize_delay_s: float = 1.0
    # Multiplies Wompi's event retry offsets (30 min, 3 h, 24 h); 1e-5 makes them milliseconds.
    retry_time_factor: float = 1.0
    # False: transactions stay PENDING until a control (or the PSE bank page) resolves them.
    auto_finalize: bool = True
    state_file: Path | None = None
    merchant_name: str = "Tienda Demo MeStore"
    # Where the bank's pages live (the 3-D Secure challenge): a host of their own, as a bank's
    # ACS is, so a browser leaves the checkout for them. None: on base_url.
    bank_base_url: str | None = None

    @property
    def api_url(self) -> str:
        return self.base_url + "/v1"

    @property
    def checkout_url(self) -> str:
        return self.base_url + "/p/"

    @property
    def bank_url(self) -> str:
        """Base of the bank's pages: `bank_base_url`, else `base_url`."""
        return self.bank_base_url or self.base_url
