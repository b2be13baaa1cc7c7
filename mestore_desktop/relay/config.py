"""Settings of one relay instance, and where the events secrets come from.

Secrets never come from argv (any local user can read another's command line in /proc): only
from the `MESTORE_RELAY_EVENTS_SECRET` variable (comma-separated) or a file (one per line). The
same goes for a database password: `--database` refuses a URL holding one; it comes from
`MESTORE_RELAY_DATABASE` or `--database-file`.
Several secrets are accepted at once so that Wompi's events secret can be rotated.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

Environment = Literal["test", "prod"]
ENVIRONMENTS: tuple[Environment, ...] = ("test", "prod")
SECRET_ENV_VAR = "MESTORE_RELAY_EVENTS_SECRET"  # noqa: S105 (a variable name)
DATABASE_ENV_VAR = "MESTORE_RELAY_DATABASE"
DEFAULT_DATABASE_FILE = "mestore-relay.db"
MAX_EVENT_BYTES = 64 * 1024
# Wompi's secrets carry the environment in their prefix (docs/wompi.md §1.2).
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
    # Backpressure: once the oldest event waiting for the writer has waited this long, new
    # events get 503 `overloaded` + Retry-After (Wompi retries) instead of queueing for longer.
    backpressure_ms: int = 200
    # Recently committed events kept in memory to answer polls without a database read
    # (relay/feed.py); both caps apply, 0 events turns it off (every poll reads the store).
    # Terminals poll at the tail: 2048 events is 40 s at 50 events/s, seconds of a burst; an
    # older cursor simply reads the store. Held bytes count in the relay's RSS, so kept small.
    feed_memory_events: int = 2048
    feed_memory_bytes: int = 4 * 1024 * 1024
    # How often the relay re-reads `relay_state` to drop stale token/secret caches and to
    # notice events it did not commit itself: a revocation takes effect within this time.
    config_check_s: float = 0.2
    # Per-event lines are debug; one info line sums up the outcomes this often.
    summary_log_s: float = 10.0

    def __post_init__(self) -> None:
        if self.environment not in ENVIRONMENTS:
            raise ConfigError(f"environment must be one of {ENVIRONMENTS}")
        if self.retention_days < 1:
            raise ConfigError("retention_days must be at least 1")
        if self.rate_per_s <= 0 or self.rate_burst < 1:
            raise ConfigError("the rate limit must be positive")
        if self.backpressure_ms < 1:
            raise ConfigError("backpressure_ms must be at least 1")
        if self.feed_memory_events < 0 or self.feed_memory_bytes < 0:
            raise ConfigError("the in-memory feed's caps cannot be negative")
        if not 0 < self.config_check_s <= 60 or self.summary_log_s <= 0:
            raise ConfigError("config_check_s must be in (0, 60] and summary_log_s positive")


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
    return requested


def default_database() -> str:
    return os.environ.get(DATABASE_ENV_VAR) or DEFAULT_DATABASE_FILE


def resolve_database(flag: str | None, url_file: Path | None) -> str:
    """The database to open: `--database` (never with a password), else `--database-file`,
    else MESTORE_RELAY_DATABASE, else ./mestore-relay.db."""
    if flag is not None and url_file is not None:
        raise ConfigError("give either --database or --database-file, not both")
    if url_file is not None:
        return read_database_file(url_file)
    if flag is None:
        return default_database()
    if has_password(flag):
        raise ConfigError(
            "--database holds a password, and any user of this machine can read a command "
            f"line. Put the URL in the {DATABASE_ENV_VAR} environment variable, or in a file "
            "only you can read and pass --database-file FILE (or let PostgreSQL read the "
            "password from ~/.pgpass)."
        )
    return flag


def has_password(database: str) -> bool:
    """True when the URL carries a password (user:password@ or ?password=)."""
    if "://" not in database:
        return False  # a SQLite file path
    try:
        url = make_url(database)
    except (ArgumentError, ValueError):
        # Unreadable: the store refuses it later; refuse it here if it could hide a password.
        return "@" in database or "password" in database.lower()
    return url.password is not None or any(k.lower() == "password" for k in url.query)


def read_database_file(path: Path) -> str:
    """The database URL in `path`: its first non-blank line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        # The reason only (no such file, permission denied): never the file's content.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise ConfigError(f"cannot read the --database-file {path}: {reason}") from None
    for line in text.splitlines():
        if line.strip():
            _warn_if_shared(path)
            return line.strip()
    raise ConfigError(f"the --database-file {path} is empty: write the database URL in it")


def _warn_if_shared(path: Path) -> None:
    try:
        shared = path.stat().st_mode & 0o077
    except OSError:
        return
    if shared:
        log.warning(
            "the database URL file can be read by other users; chmod 600 it",
            extra={"path": str(path)},
        )
