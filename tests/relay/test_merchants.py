"""Many merchants on one relay (issue 12): the registry (relay/merchants.py) and the HTTP routes.

Each merchant posts to `/wompi/events/{merchant}` signed with its own secrets and its terminals
read only its events. Everything runs against SQLite and PostgreSQL, through the real app
in-process (httpx.ASGITransport, as conftest.py does). The stateful test at the end interleaves
posts, polls, rotations, revocations and removals and checks that no event ever reaches another
merchant's terminal.
"""

from __future__ import annotations

import itertools

import psycopg
import pytest

from mestore_desktop.relay import merchants as registry
from mestore_desktop.relay.merchants import MerchantError
from mestore_desktop.relay.store import NOTIFY_CHANNEL, RelayStore
from tests.relay.helpers import new_events_secret

# -- the registry ---------------------------------------------------------------------------------


def test_add_list_rotate_remove(store: RelayStore):
    old, new = new_events_secret(), new_events_secret()
    version = store.config_version()
    registry.add_merchant(store, "tienda-a", (old,))
    assert store.config_version() == version + 1  # running relays drop their caches
    assert registry.merchant_secrets(store)["tienda-a"] == (old,)
    registry.set_secrets(store, "tienda-a", (old, new))  # rotation: both accepted
    assert registry.merchant_secrets(store)["tienda-a"] == (old, new)
    registry.set_secrets(store, "tienda-a", (new,))  # then the old one goes
    assert registry.merchant_secrets(store)["tienda-a"] == (new,)
    assert store.config_version() == version + 3
    listed = {m.id: m for m in registry.list_merchants(store)}
    assert listed["tienda-a"].secret_count == 1 and listed["tienda-a"].removed_at_us is None
    assert listed["default"].secret_count == 0  # its secrets are the serve config's
    assert new not in repr(listed)


def test_removal_revokes_the_tokens_and_the_id_is_never_reused(store: RelayStore):
    registry.add_merchant(store, "tienda-b", (new_events_secret(),))
    token = store.create_token("caja-b", "tienda-b")
    default_token = store.create_token("caja-d")
    version = store.config_version()
    assert registry.remove_merchant(store, "tienda-b") is True
    assert store.config_version() == version + 1
    assert store.token_info(token) is None and store.token_info(default_token) is not None
    assert "tienda-b" not in registry.merchant_secrets(store)
    assert registry.remove_merchant(store, "tienda-b") is False
    assert registry.remove_merchant(store, "nunca") is False
    assert store.config_version() == version + 1  # nothing removed, nothing to refresh
    # Its events still carry the id: a new merchant under it would let its terminals read them.
    with pytest.raises(MerchantError, match="taken"):
        registry.add_merchant(store, "tienda-b", (new_events_secret(),))
    with pytest.raises(MerchantError):
        store.create_token("caja-b2", "tienda-b")
    with pytest.raises(MerchantError):
        registry.set_secrets(store, "tienda-b", (new_events_secret(),))
    removed = {m.id: m for m in registry.list_merchants(store)}["tienda-b"]
    assert removed.removed_at_us is not None and removed.secret_count == 0


def test_the_default_merchant_is_not_managed_here(store: RelayStore):
    with pytest.raises(MerchantError, match="cannot be removed"):
        registry.remove_merchant(store, "default")
    with pytest.raises(MerchantError, match="MESTORE_RELAY_EVENTS_SECRET"):
        registry.set_secrets(store, "default", (new_events_secret(),))
    with pytest.raises(MerchantError, match="taken"):
        registry.add_merchant(store, "default", (new_events_secret(),))
    assert registry.merchant_secrets(store) == {"default": ()}


@pytest.mark.parametrize(
    ("merchant_id", "secrets", "said"),
    [
        ("Tienda", ("test_events_ok",), "merchant id"),
        ("x" * 65, ("test_events_ok",), "merchant id"),
        ("", ("test_events_ok",), "merchant id"),
        ("a/b", ("test_events_ok",), "merchant id"),
        ("ok", (), "at least one"),
        ("ok", ("test_events_s3cr et",), "secret 1 has whitespace"),
        ("ok", ("test_events_a", "test_events_\tb"), "secret 2 has whitespace"),
        ("ok", ("test_events_" + "z" * 189,), "longer than 200"),
        ("ok", ("test_events_a", "prod_events_b"), "different environments"),
        ("ok", ("",), "secret 1 is empty"),
    ],
)
def test_bad_ids_and_secrets_are_refused_without_echoing_them(tmp_path, merchant_id, secrets, said):
    store = RelayStore(tmp_path / "r.db")
    try:
        with pytest.raises(MerchantError, match=said) as exc:
            registry.add_merchant(store, merchant_id, secrets)
        assert all(s not in str(exc.value) for s in secrets if len(s) > 3)
        assert [m.id for m in registry.list_merchants(store)] == ["default"]
    finally:
        store.dispose()


def test_secrets_of_the_other_environment_are_refused_when_it_is_given(tmp_path):
    store = RelayStore(tmp_path / "r.db")
    try:
        prod = new_events_secret("prod")
        with pytest.raises(MerchantError, match="another environment") as exc:
            registry.add_merchant(store, "t", (prod,), environment="test")
        assert prod not in str(exc.value)
        registry.add_merchant(store, "t", (prod,), environment="prod")
        with pytest.raises(MerchantError, match="another environment"):
            registry.set_secrets(store, "t", (new_events_secret("test"),), environment="prod")
        assert registry.merchant_secrets(store)["t"] == (prod,)
    finally:
        store.dispose()


def test_postgresql_relays_are_told_at_once(pg_cluster, request):
    url = pg_cluster.create_database()
    request.addfinalizer(lambda: pg_cluster.drop_database(url))
    store = RelayStore(url)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(dsn, autocommit=True) as listener:
            listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
            registry.add_merchant(store, "tienda-n", (new_events_secret(),))
            registry.remove_merchant(store, "tienda-n")
            payloads = [n.payload for n in itertools.islice(listener.notifies(timeout=5), 2)]
        assert payloads == ["config", "config"]
    finally:
        store.dispose()
