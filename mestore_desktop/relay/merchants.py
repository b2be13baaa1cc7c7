"""Merchants of a marketplace relay: one relay, many vendors, each with its own events secrets.

Every merchant posts to `/wompi/events/{merchant}` and its terminals' tokens belong to it, so a
terminal only ever reads its own merchant's events. The `default` merchant is the relay of
before merchants existed: `/wompi/events`, its secrets from the config (never stored here).

Every change bumps `relay_state.config_version` in its own transaction (and, on PostgreSQL,
sends NOTIFY 'config' with it), so running relays drop their cached secrets and tokens at once.
A removed merchant's id is never given out again: its events still carry it, and a new merchant
under that id would let its terminals read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update

from mestore_desktop.relay.schema import DEFAULT_MERCHANT, merchants
from mestore_desktop.relay.schema import merchant_secrets as secrets_table
from mestore_desktop.relay.schema import tokens as tokens_table
from mestore_desktop.relay.store import RelayStore

MAX_SECRET_CHARS = 200
MAX_SECRETS = 10  # a rotation needs two; more is a mistake (a whole file pasted)
# Wompi's events secrets name their environment in a prefix (docs/wompi.md §1.2, as config.py).
SECRET_PREFIXES = {"test": "test_events_", "prod": "prod_events_"}
_MERCHANT_ID = re.compile(r"[a-z0-9._-]{1,64}")
_WHITESPACE = re.compile(r"\s")


class MerchantError(ValueError):
    """A merchant id or secret that cannot be used; the message is plain English and never
    holds a secret (the CLI prints it, and it may reach a log)."""


@dataclass(frozen=True)
class MerchantInfo:
    id: str
    created_at_us: int
    removed_at_us: int | None
    secret_count: int  # how many, never which: listings must not show secrets


def valid_merchant_id(text: str) -> bool:
    """Merchant ids: 1-64 of lowercase letters, digits, '.', '_' or '-' (they appear in URLs)."""
    return _MERCHANT_ID.fullmatch(text) is not None


def add_merchant(
    store: RelayStore,
    merchant_id: str,
    secrets: tuple[str, ...],
    *,
    environment: str | None = None,
) -> None:
    """Register `merchant_id` with its events secrets; MerchantError if the id is malformed or
    was ever used, or a secret is unusable."""
    _check_id(merchant_id)
    checked = check_secrets(secrets, environment)
    with store.write_tx() as conn:
        # First: on PostgreSQL the state row lock serializes registry changes, so two adds of
        # one id cannot both pass the check below (SQLite's BEGIN IMMEDIATE already does).
        store.bump_config_version(conn)
        if _id_used(conn, merchant_id):
            raise MerchantError(f"merchant id {merchant_id!r} is taken (ids are never reused)")
        now = store.clock()
        conn.execute(insert(merchants).values(id=merchant_id, created_at_us=now))
        _insert_secrets(conn, merchant_id, checked, now)


def set_secrets(
    store: RelayStore,
    merchant_id: str,
    secrets: tuple[str, ...],
    *,
    environment: str | None = None,
) -> None:
    """Replace a live merchant's secrets with `secrets`. To rotate, pass the old and the new
    one, and once Wompi signs with the new one, the new one alone."""
    _check_id(merchant_id)
    if merchant_id == DEFAULT_MERCHANT:
        raise MerchantError(
            "the default merchant's secrets come from MESTORE_RELAY_EVENTS_SECRET or "
            "--events-secret-file of `mestore-relay serve`"
        )
    checked = check_secrets(secrets, environment)
    with store.write_tx() as conn:
        store.bump_config_version(conn)
        _require_live(conn, merchant_id)
        kept = set(_secrets_of(conn, merchant_id))
        # Kept secrets keep their added_at_us: the listing order stays the order of rotation.
        conn.execute(
            delete(secrets_table).where(
                secrets_table.c.merchant == merchant_id,
                secrets_table.c.secret.not_in(checked),
            )
        )
        fresh = tuple(s for s in checked if s not in kept)
        _insert_secrets(conn, merchant_id, fresh, store.clock())


def remove_merchant(store: RelayStore, merchant_id: str) -> bool:
    """Mark a merchant removed, revoke its tokens and forget its secrets (its URL answers 404
    from then on); False if there is no live merchant with that id. Never 'default'."""
    if merchant_id == DEFAULT_MERCHANT:
        raise MerchantError("the default merchant cannot be removed")
    if not valid_merchant_id(merchant_id):
        return False
    try:
        with store.write_tx() as conn:
            # The state row first, as in add_merchant and set_secrets: on PostgreSQL its lock
            # serializes registry changes, so their checks never race.
            store.bump_config_version(conn)
            _retire(conn, merchant_id, store.clock())
    except _NothingToRemoveError:
        return False  # rolled back: nothing changed, so no config version spent either
    return True


class _NothingToRemoveError(Exception):
    """Raised inside the removal transaction to roll it back."""


def _retire(conn: Connection, merchant_id: str, now: int) -> None:
    removed = conn.execute(
        update(merchants)
        .where(merchants.c.id == merchant_id, merchants.c.removed_at_us.is_(None))
        .values(removed_at_us=now)
    ).rowcount
    if not removed:
        raise _NothingToRemoveError
    conn.execute(
        update(tokens_table)
        .where(tokens_table.c.merchant == merchant_id, tokens_table.c.revoked_at_us.is_(None))
        .values(revoked_at_us=now)
    )
    conn.execute(delete(secrets_table).where(secrets_table.c.merchant == merchant_id))


def list_merchants(store: RelayStore) -> list[MerchantInfo]:
    """Every merchant ever added (removed ones too, for the record), oldest first."""
    count = select(func.count()).where(secrets_table.c.merchant == merchants.c.id).scalar_subquery()
    query = select(merchants, count.label("secret_count")).order_by(
        merchants.c.created_at_us, merchants.c.id
    )
    with store.read_tx() as conn:
        rows = conn.execute(query).all()
    return [MerchantInfo(r.id, r.created_at_us, r.removed_at_us, r.secret_count) for r in rows]


def merchant_secrets(store: RelayStore) -> dict[str, tuple[str, ...]]:
    """Live merchants -> their secrets, in one read (the app's cache). The default merchant is
    listed with no secrets: its secrets are the config's."""
    query = (
        select(merchants.c.id, secrets_table.c.secret)
        .select_from(merchants.outerjoin(secrets_table, secrets_table.c.merchant == merchants.c.id))
        .where(merchants.c.removed_at_us.is_(None))
        .order_by(merchants.c.id, secrets_table.c.added_at_us, secrets_table.c.secret)
    )
    with store.read_tx() as conn:
        rows = conn.execute(query).all()
    found: dict[str, list[str]] = {}
    for merchant_id, secret in rows:
        found.setdefault(merchant_id, [])
        if secret is not None:
            found[merchant_id].append(secret)
    return {m: tuple(s) for m, s in found.items()}


def check_secrets(secrets: Iterable[str], environment: str | None = None) -> tuple[str, ...]:
    """The secrets without repeats, or MerchantError saying which one (by position, never by
    value) is unusable: empty, with whitespace inside, too long, or of another environment."""
    checked = tuple(dict.fromkeys(secrets))
    if not checked:
        raise MerchantError("give at least one events secret (one per line)")
    if len(checked) > MAX_SECRETS:
        raise MerchantError(f"at most {MAX_SECRETS} events secrets per merchant")
    for position, secret in enumerate(checked, start=1):
        _check_secret(position, secret)
    _check_environment(checked, environment)
    return checked


def _check_secret(position: int, secret: str) -> None:
    if not secret:
        raise MerchantError(f"events secret {position} is empty")
    if _WHITESPACE.search(secret):
        raise MerchantError(f"events secret {position} has whitespace in it")
    if len(secret) > MAX_SECRET_CHARS:
        raise MerchantError(f"events secret {position} is longer than {MAX_SECRET_CHARS}")


def _check_environment(secrets: tuple[str, ...], environment: str | None) -> None:
    """One relay serves one environment: a secret of the other one would refuse every event."""
    implied = {
        env for env, prefix in SECRET_PREFIXES.items() for s in secrets if s.startswith(prefix)
    }
    if environment is not None and environment not in SECRET_PREFIXES:
        raise MerchantError(f"the environment must be one of {', '.join(SECRET_PREFIXES)}")
    if len(implied) > 1:
        raise MerchantError("the events secrets belong to different environments (test, prod)")
    if environment is not None and implied - {environment}:
        raise MerchantError(f"an events secret belongs to another environment than {environment!r}")


def _check_id(merchant_id: str) -> None:
    if not valid_merchant_id(merchant_id):
        raise MerchantError("a merchant id is 1-64 of a-z, 0-9, '.', '_' or '-'")


def _id_used(conn: Connection, merchant_id: str) -> bool:
    return (
        conn.execute(select(merchants.c.id).where(merchants.c.id == merchant_id)).first()
        is not None
    )


def _require_live(conn: Connection, merchant_id: str) -> None:
    row = conn.execute(
        select(merchants.c.removed_at_us).where(merchants.c.id == merchant_id)
    ).first()
    if row is None or row.removed_at_us is not None:
        raise MerchantError(f"there is no merchant {merchant_id!r} (or it was removed)")


def _secrets_of(conn: Connection, merchant_id: str) -> list[str]:
    rows = conn.execute(
        select(secrets_table.c.secret).where(secrets_table.c.merchant == merchant_id)
    )
    return [r.secret for r in rows]


def _insert_secrets(
    conn: Connection, merchant_id: str, secrets: tuple[str, ...], at_us: int
) -> None:
    if secrets:
        conn.execute(
            insert(secrets_table),
            [{"merchant": merchant_id, "secret": s, "added_at_us": at_us} for s in secrets],
        )
