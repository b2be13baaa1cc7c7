"""Who may read and who may post, cached: live terminal tokens and merchants' events secrets.

Looking a token up in the database on every poll was half of a poll's cost (issue 12), so the
relay keeps every live token (by SHA-256, as stored) and every live merchant's secrets in one
snapshot, read as of a `config_version`. Every token or merchant change bumps that version in
its own transaction (see schema), and the snapshot is read again when:
  * the app's periodic state check (every `config_check_s`) or a NOTIFY 'config' from another
    process shows a newer version — a revocation from the CLI takes effect within that time;
  * a change went through this very RelayStore object (`store.config_changes`): at once.
A token missing from the snapshot may have been created since: it is looked up once in the
store (as before), and remembered until the next snapshot.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from mestore_desktop.relay import merchants
from mestore_desktop.relay import tokens as tokenlib
from mestore_desktop.relay.schema import tokens as tokens_table
from mestore_desktop.relay.store import RelayStore, TokenInfo

# Unknown tokens remembered between snapshots, so one terminal with a revoked token polling in
# a loop costs no database read per poll; bounded against a flood of made-up tokens.
MAX_REMEMBERED_MISSES = 10_000


@dataclass(frozen=True)
class Access:
    """Live tokens (by hash) and live merchants' secrets, as of `version`."""

    version: int
    tokens: dict[str, TokenInfo] = field(repr=False)
    secrets: dict[str, tuple[str, ...]] = field(repr=False)  # repr: never print a secret


def load_access(store: RelayStore) -> Access:
    """One snapshot (blocking). The version is read first: a change committed while the rest
    is read shows as a newer version at the next check, never as a stale snapshot kept."""
    version = store.config_version()
    with store.read_tx() as conn:
        rows = conn.execute(
            select(
                tokens_table.c.token_hash,
                tokens_table.c.name,
                tokens_table.c.created_at_us,
                tokens_table.c.merchant,
            ).where(tokens_table.c.revoked_at_us.is_(None))
        ).all()
    live = {r.token_hash: TokenInfo(r.name, r.created_at_us, None, r.merchant) for r in rows}
    return Access(version, live, merchants.merchant_secrets(store))


class AccessCache:
    """The current Access snapshot, reloaded once however many requests need it.

    `read(fn, *args)` runs a blocking store call on the relay's reader threads; `on_revoked()`
    runs when a reload shows that a token that was live is not any more (open long-polls must
    look again); `reload_gap_s` throttles reloads caused by unknown merchants.
    """

    def __init__(
        self,
        store: RelayStore,
        read: Callable[..., Awaitable[Any]],
        *,
        on_revoked: Callable[[], None] = lambda: None,
        reload_gap_s: float = 0.2,
    ) -> None:
        self._store = store
        self._read = read
        self._on_revoked = on_revoked
        self._reload_gap_s = reload_gap_s
        self._access: Access | None = None
        self._seen_changes = store.config_changes
        self._loaded_at = 0.0
        self._loading: asyncio.Task[Access] | None = None
        self._generation = 0  # moves with every reload: a lookup begun before it is stale
        self._found: dict[str, TokenInfo] = {}  # created since the snapshot
        self._misses: set[str] = set()
        self.reloads = 0

    @property
    def version(self) -> int | None:
        return None if self._access is None else self._access.version

    def outdated(self, version: int) -> bool:
        return self._access is None or version != self._access.version

    async def current(self) -> Access:
        """The snapshot, reloaded first if this process changed tokens or merchants."""
        if self._access is None or self._store.config_changes != self._seen_changes:
            return await self.reload()
        return self._access

    async def reload(self) -> Access:
        """Read a new snapshot (one read shared by every caller while it is under way)."""
        if self._loading is None:
            self._loading = asyncio.get_running_loop().create_task(self._load())
            # Retrieved even if every caller went away meanwhile (no "never retrieved" noise).
            self._loading.add_done_callback(lambda t: t.cancelled() or t.exception())
        return await asyncio.shield(self._loading)

    async def _load(self) -> Access:
        try:
            # Before the read: a change made while it runs makes the next request reload.
            self._seen_changes = self._store.config_changes
            self._generation += 1
            access: Access = await self._read(load_access, self._store)
            self._install(access)
            return access
        finally:
            self._loading = None

    def _install(self, access: Access) -> None:
        before = self._access
        was_live = set(before.tokens) | set(self._found) if before else set()
        self._access = access
        self._found = {}
        self._misses = set()
        self._loaded_at = time.monotonic()
        self.reloads += 1
        if was_live - set(access.tokens):
            self._on_revoked()

    async def token(self, token: str) -> TokenInfo | None:
        """The live token's info, or None (unknown or revoked)."""
        access = await self.current()
        presented = tokenlib.token_hash(token)
        known = access.tokens.get(presented) or self._found.get(presented)
        if known is not None:
            return known
        if presented in self._misses:
            return None
        generation = self._generation
        info: TokenInfo | None = await self._read(self._store.token_info, token)
        if generation == self._generation:  # no reload meanwhile: the answer is still current
            self._remember(presented, info)
        return info

    def _remember(self, presented: str, info: TokenInfo | None) -> None:
        if info is not None:
            self._found[presented] = info
            return
        if len(self._misses) >= MAX_REMEMBERED_MISSES:
            self._misses.clear()
        self._misses.add(presented)

    async def secrets(self, merchant: str) -> tuple[str, ...] | None:
        """A live merchant's events secrets, or None for an unknown or removed merchant."""
        access = await self.current()
        found = access.secrets.get(merchant)
        if found is None and time.monotonic() - self._loaded_at >= self._reload_gap_s:
            # Perhaps added by the CLI since the snapshot: look again, at most this often.
            found = (await self.reload()).secrets.get(merchant)
        return found
