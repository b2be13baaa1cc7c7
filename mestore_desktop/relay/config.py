"""Settings of one relay instance, and where the events secrets come from.

Secrets never come from argv (any local user can read another's command line in /proc): only
from the `MESTORE_RELAY_EVENTS_SECRET` variable (comma-separated) or a file (one per line).
Several secrets are accepted at once so that Wompi's events secret can be rotated.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Environment = Literal["test", "prod"]
ENVIRONMENTS: tuple[Environment, ...] = ("test", "prod")
SECRET_ENV_VAR = "MESTORE_RELAY_EVENTS_SECRET"  # noqa: S105 (a variable name)
DATABASE_ENV_VAR = "MESTORE_RELAY_DATABASE"
DEFAULT_DATABASE_FILE = "mestore-relay.db"
MAX_EVENT_BYTES = 64 * 1024
# Wompi's secrets carry the environment in their prefix (REFERENCE §1.2).
_SECRET_PREFIXES: dict[Environment, str] = {"test": "test_events_", "prod": "prod_events_"}


class ConfigError(ValueError):
    """A setting that cannot work; the message says which and why (never the secret)."""


@dataclass(frozen=True)
class RelayConfig:
    environment: Environment = "prod"
    # repr=False: a config printed in a traceback or a log must not show the secrets.
    events_secrets: tuple[str, ...] = field(default=(), repr=False)
    retention_days: int = 30
    rate_per_s: float = 20.0
    rate_burst: int = 40
    max_event_bytes: int = MAX_EVENT_BYTES
    # How often a long-poll re-reads the store when no wake-up source can be trusted.
    fallback_poll_s: float = 0.5
    # Background prune while serving; 0 disables it (the `prune` command still works).
    prune_interval_s: float = 3600.0

    def __post_init__(self) -> None:
        if self.environment not in ENVIRONMENTS:
            raise ConfigError(f"environment must be one of {ENVIRONMENTS}")
        if self.retention_days < 1:
            raise ConfigError("retention_days must be at least 1")
        if self.rate_per_s <= 0 or self.rate_burst < 1:
            raise ConfigError("the rate limit must be positive")


def parse_secrets(text: str, *, separator: str) -> tuple[str, ...]:
    """Non-empty, stripped secrets in order, without repeats."""
    seen: dict[str, None] = {}
    for part in text.split(separator):
        if part.strip():
            seen[part.strip()] = None
    return tuple(seen)


def load_secrets(
    secret_file: Path | None, environ: dict[str, str] | None = None
) -> tuple[str, ...]:
    """Secrets from the file (one per line) if given, else from the environment variable."""
    if secret_file is not None:
        try:
            return parse_secrets(secret_file.read_text(encoding="utf-8"), separator="\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read the events secret file {secret_file}: {exc}") from None
    env = os.environ if environ is None else environ
    return parse_secrets(env.get(SECRET_ENV_VAR, ""), separator=",")


def resolve_environment(requested: str | None, secrets: tuple[str, ...]) -> Environment:
    """The environment to serve: as requested, else as the secrets' prefixes say, else prod.

    A secret whose prefix names the other environment is a configuration mistake that would
    reject every event, so it stops the start instead.
    """
    implied = {
        env for env, prefix in _SECRET_PREFIXES.items() for s in secrets if s.startswith(prefix)
    }
    if requested is None:
        return implied.pop() if len(implied) == 1 else "prod"
    if requested not in ENVIRONMENTS:
        raise ConfigError(f"--environment must be one of {ENVIRONMENTS}")
    if implied - {requested}:
        raise ConfigError(f"an events secret belongs to another environment than {requested!r}")
    return requested  # type: ignore[return-value]


def default_database() -> str:
    return os.environ.get(DATABASE_ENV_VAR) or DEFAULT_DATABASE_FILE
