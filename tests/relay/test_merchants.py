"""Many merchants on one relay (issue 12): the registry (relay/merchants.py) and the HTTP routes.

Each merchant posts to `/wompi/events/{merchant}` signed with its own secrets and its terminals
read only its events. Everything runs against SQLite and PostgreSQL, through the real app
in-process (httpx.ASGITransport, as conftest.py does). The stateful test at the end interleaves
posts, polls, rotations, revocations and removals and checks that no event ever reaches another
merchant's terminal.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import psycopg
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import delete, update

from mestore_desktop.relay import merchants as registry
from mestore_desktop.relay import schema
from mestore_desktop.relay.app import Relay, create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.merchants import MerchantError
from mestore_desktop.relay.store import NOTIFY_CHANNEL, RelayStore
from tests.relay.helpers import event_body, new_events_secret, post_headers, signed_event

pytestmark = pytest.mark.anyio


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


# -- the HTTP routes ------------------------------------------------------------------------------


@dataclass
class Market:
    """A relay serving the default merchant (config secret) and two more, A and B."""

    client: httpx.AsyncClient
    relay: Relay
    store: RelayStore
    default_secret: str
    secrets: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    async def post(self, merchant: str | None, secret: str, **kw: Any) -> httpx.Response:
        event = signed_event(secret, reference=f"ref-{merchant or 'default'}", **kw)
        path = "/wompi/events" if merchant is None else f"/wompi/events/{merchant}"
        return await self.client.post(path, content=event_body(event), headers=post_headers(event))

    async def poll(self, token: str, after: int = 0, **params: Any) -> httpx.Response:
        return await self.client.get(
            "/v1/events",
            params={"after": after, **params},
            headers={"Authorization": f"Bearer {token}"},
        )

    async def refs(self, merchant: str) -> list[str]:
        r = await self.poll(self.tokens[merchant])
        assert r.status_code == 200
        return [e["event"]["data"]["transaction"]["reference"] for e in r.json()["events"]]


def market_config(secret: str) -> RelayConfig:
    # Generous rate limits: these tests poll far faster than a terminal does.
    return RelayConfig(
        environment="test",
        events_secrets=(secret,),
        prune_interval_s=0,
        rate_per_s=10_000,
        rate_burst=10_000,
    )


async def refresh(relay: Relay) -> None:
    """Make the running relay see a change made through another store object (as from the
    CLI) now, rather than at its next state check (within `config_check_s`)."""
    await relay.access.reload()


@pytest.fixture
async def market(store: RelayStore, secret: str) -> AsyncIterator[Market]:
    app = create_app(market_config(secret), store)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://relay.test"
    ) as client:
        m = Market(client, app.state.relay, store, secret)
        for merchant in ("tienda-a", "tienda-b"):
            m.secrets[merchant] = new_events_secret()
            registry.add_merchant(store, merchant, (m.secrets[merchant],))
            m.tokens[merchant] = store.create_token(f"caja-{merchant}", merchant)
        m.tokens["default"] = store.create_token("caja-default")
        await refresh(m.relay)
        yield m
    await app.state.relay.aclose()


async def test_each_merchant_reads_only_its_own_events(market: Market):
    for merchant in ("tienda-a", "tienda-b", "tienda-a"):
        r = await market.post(merchant, market.secrets[merchant])
        assert r.status_code == 200 and r.json()["duplicate"] is False
    r = await market.post(None, market.default_secret)  # the old route: the default merchant
    assert r.status_code == 200
    assert await market.refs("tienda-a") == ["ref-tienda-a", "ref-tienda-a"]
    assert await market.refs("tienda-b") == ["ref-tienda-b"]
    assert await market.refs("default") == ["ref-default"]
    # Seqs are global: a terminal's page skips the other merchants' seqs, never its own.
    page = (await market.poll(market.tokens["tienda-a"])).json()
    assert [e["seq"] for e in page["events"]] == [1, 3] and page["next_after"] == 3


async def test_the_same_event_to_two_merchants_is_stored_for_each(market: Market):
    # One Wompi account's event, posted to two merchants' URLs, would be one dedupe key;
    # each merchant stores (and dedupes) its own copy.
    tx = "12345-1-777"
    first = await market.post("tienda-a", market.secrets["tienda-a"], transaction_id=tx)
    again = await market.post("tienda-a", market.secrets["tienda-a"], transaction_id=tx)
    other = await market.post("tienda-b", market.secrets["tienda-b"], transaction_id=tx)
    assert again.json() == {**first.json(), "duplicate": True}
    assert other.json()["duplicate"] is False and other.json()["seq"] != first.json()["seq"]


async def test_another_merchants_secret_is_a_checksum_mismatch(market: Market):
    failures = market.relay.checksum_failures
    cases = [
        ("tienda-a", market.secrets["tienda-b"]),
        ("tienda-b", market.secrets["tienda-a"]),
        ("tienda-a", market.default_secret),
        (None, market.secrets["tienda-a"]),  # the old route takes the config's secrets only
    ]
    for merchant, secret in cases:
        r = await market.post(merchant, secret)
        assert (r.status_code, r.json()) == (401, {"ok": False, "error": "checksum_mismatch"})
    assert market.relay.checksum_failures == failures + len(cases)
    for merchant in ("tienda-a", "tienda-b", "default"):
        assert await market.refs(merchant) == []


@pytest.mark.parametrize("merchant", ["nadie", "Tienda-A", "x" * 65, "tiend%C3%A1", "-"])
async def test_an_unknown_merchant_is_a_404(market: Market, merchant: str):
    r = await market.post(merchant, market.secrets["tienda-a"])
    assert (r.status_code, r.json()) == (404, {"ok": False, "error": "unknown_merchant"})


async def test_a_removed_merchant_is_a_404_and_its_terminals_are_refused(market: Market):
    assert (await market.post("tienda-b", market.secrets["tienda-b"])).status_code == 200
    assert registry.remove_merchant(market.store, "tienda-b")
    await refresh(market.relay)
    r = await market.post("tienda-b", market.secrets["tienda-b"])
    assert (r.status_code, r.json()) == (404, {"ok": False, "error": "unknown_merchant"})
    assert (await market.poll(market.tokens["tienda-b"])).status_code == 401
    assert (await market.post("tienda-a", market.secrets["tienda-a"])).status_code == 200


async def test_rotation_accepts_old_and_new_then_only_new(market: Market):
    old, new = market.secrets["tienda-a"], new_events_secret()
    registry.set_secrets(market.store, "tienda-a", (old, new))
    await refresh(market.relay)
    assert (await market.post("tienda-a", old)).status_code == 200
    assert (await market.post("tienda-a", new)).status_code == 200
    registry.set_secrets(market.store, "tienda-a", (new,))
    await refresh(market.relay)
    r = await market.post("tienda-a", old)
    assert (r.status_code, r.json()["error"]) == (401, "checksum_mismatch")
    assert (await market.post("tienda-a", new)).status_code == 200
    assert len(await market.refs("tienda-a")) == 3


async def test_a_merchant_added_while_serving_is_served(market: Market):
    secret = new_events_secret()
    registry.add_merchant(market.store, "tienda-c", (secret,))
    token = market.store.create_token("caja-c", "tienda-c")
    await refresh(market.relay)
    assert (await market.post("tienda-c", secret)).status_code == 200
    r = await market.poll(token)
    assert [e["event"]["data"]["transaction"]["reference"] for e in r.json()["events"]] == [
        "ref-tienda-c"
    ]


async def test_a_long_poll_is_woken_only_by_its_merchants_event(market: Market):
    waiting = asyncio.ensure_future(market.poll(market.tokens["tienda-a"], wait=10))
    await asyncio.sleep(0.05)
    assert (await market.post("tienda-b", market.secrets["tienda-b"])).status_code == 200
    await asyncio.sleep(0.05)
    assert not waiting.done()  # B's event is not A's news
    assert (await market.post("tienda-a", market.secrets["tienda-a"])).status_code == 200
    r = await asyncio.wait_for(waiting, 10)
    refs = [e["event"]["data"]["transaction"]["reference"] for e in r.json()["events"]]
    assert refs == ["ref-tienda-a"]


# -- interleaved posts, polls, rotations, revocations and removals (Hypothesis, stateful) ----------


@dataclass
class Seller:
    """A merchant as the model knows it: its current and retired secrets."""

    id: str
    path: str
    secrets: list[str]
    retired: list[str] = field(default_factory=list)
    removed: bool = False


@dataclass
class Terminal:
    name: str
    merchant: str
    token: str
    revoked: bool = False
    cursor: int = 0


@dataclass
class Rig:
    """What the test hands every example: one event loop and one database, emptied before each
    example (so an example replayed while shrinking meets the same relay), and a second store
    object on it for the changes, as the CLI makes them from another process."""

    runner: asyncio.Runner
    store: RelayStore
    admin: RelayStore

    def empty_database(self) -> None:
        # Much cheaper than a new database per example (on PostgreSQL, CREATE and DROP
        # DATABASE take a second each on a loaded machine), and as good for a new relay.
        with self.admin.write_tx() as conn:
            for table in (schema.events, schema.tokens, schema.merchant_secrets):
                conn.execute(delete(table))
            conn.execute(delete(schema.merchants).where(schema.merchants.c.id != "default"))
            conn.execute(
                update(schema.state).values(
                    last_seq=0, event_count=0, horizon_seq=0, horizon_at_us=None
                )
            )


FACTS = st.tuples(st.integers(0, 3), st.sampled_from(["APPROVED", "DECLINED"]))


class MerchantsMachine(RuleBasedStateMachine):
    rig: Rig  # bound by the test

    def __init__(self) -> None:
        super().__init__()
        self.default_secret = new_events_secret()
        self.rig.empty_database()
        self.admin = self.rig.admin
        app = create_app(market_config(self.default_secret), self.rig.store)
        self.relay: Relay = app.state.relay
        transport = httpx.ASGITransport(app=app)
        self.client = httpx.AsyncClient(transport=transport, base_url="http://relay.test")
        self.sellers = {"default": Seller("default", "/wompi/events", [self.default_secret])}
        self.terminals: list[Terminal] = []
        self.stored: dict[str, list[int]] = {}  # merchant -> its seqs, in order
        self.seq_of: dict[tuple[str, int, str], int] = {}  # (merchant, tx, status) -> seq
        self.last_seq = 0

    def run(self, coro: Any) -> Any:
        return self.rig.runner.run(coro)

    # -- changes, made as the CLI makes them ----------------------------------------------------

    @initialize()
    def two_merchants_with_a_terminal_each(self) -> None:
        # The interesting part is the traffic: start from a market rather than build one.
        self.add_merchant()
        self.add_merchant()
        for merchant in sorted(self.sellers):
            self._new_terminal(merchant)
        self._refresh()

    @precondition(lambda self: len(self.sellers) < 4)
    @rule()
    def add_merchant(self) -> None:
        merchant = f"tienda-{len(self.sellers)}"
        secret = new_events_secret()
        registry.add_merchant(self.admin, merchant, (secret,))
        self.sellers[merchant] = Seller(merchant, f"/wompi/events/{merchant}", [secret])
        self._refresh()

    @rule(data=st.data())
    def add_terminal(self, data: st.DataObject) -> None:
        live = sorted(m for m, s in self.sellers.items() if not s.removed)
        self._new_terminal(data.draw(st.sampled_from(live), label="merchant"))
        self._refresh()

    def _new_terminal(self, merchant: str) -> None:
        name = f"caja-{len(self.terminals)}"
        token = self.admin.create_token(name, merchant)
        self.terminals.append(Terminal(name, merchant, token))

    @precondition(lambda self: self._removable())
    @rule(data=st.data())
    def rotate(self, data: st.DataObject) -> None:
        seller = data.draw(st.sampled_from(self._removable()), label="merchant")
        if data.draw(st.booleans(), label="finish the rotation"):
            seller.retired += seller.secrets[:-1]
            seller.secrets = seller.secrets[-1:]
        else:
            seller.secrets = [*seller.secrets, new_events_secret()][-3:]
        registry.set_secrets(self.admin, seller.id, tuple(seller.secrets))
        self._refresh()

    @precondition(lambda self: any(not t.revoked for t in self.terminals))
    @rule(data=st.data())
    def revoke(self, data: st.DataObject) -> None:
        live = [t for t in self.terminals if not t.revoked]
        terminal = data.draw(st.sampled_from(live), label="terminal")
        assert self.admin.revoke_token(terminal.name)
        terminal.revoked = True
        self._refresh()

    @precondition(lambda self: self._may_remove())
    @rule(data=st.data())
    def remove_merchant(self, data: st.DataObject) -> None:
        seller = data.draw(st.sampled_from(self._removable()), label="merchant")
        assert registry.remove_merchant(self.admin, seller.id)
        seller.removed = True
        for terminal in self.terminals:
            terminal.revoked |= terminal.merchant == seller.id
        self._refresh()

    def _may_remove(self) -> bool:
        # One removal per example at most: after it the market is smaller, not more interesting.
        return bool(self._removable()) and not any(s.removed for s in self.sellers.values())

    def _removable(self) -> list[Seller]:
        return [s for m, s in sorted(self.sellers.items()) if m != "default" and not s.removed]

    def _refresh(self) -> None:
        self.run(refresh(self.relay))

    # -- Wompi posting ---------------------------------------------------------------------------

    @rule(data=st.data(), facts=st.lists(FACTS, min_size=1, max_size=4))
    def post(self, data: st.DataObject, facts: list[tuple[int, str]]) -> None:
        for tx, status in facts:
            target = self._draw_target(data)
            signer = self._draw_signer(data, target)
            event = signed_event(
                signer, transaction_id=f"tx-{tx}", status=status, reference=f"ref:{target}"
            )
            path = self.sellers[target].path if target in self.sellers else "/wompi/events/x"
            r = self.run(
                self.client.post(path, content=event_body(event), headers=post_headers(event))
            )
            self._check_post(target, signer, (target, tx, status), r)

    def _draw_target(self, data: st.DataObject) -> str:
        live = [m for m, s in sorted(self.sellers.items()) if not s.removed]
        # Now and then a removed or unknown merchant (404), mostly a live one.
        if data.draw(st.integers(0, 7), label="to a live merchant"):
            return data.draw(st.sampled_from(live), label="to")
        gone = [m for m, s in sorted(self.sellers.items()) if s.removed]
        return data.draw(st.sampled_from([*gone, "nadie"]), label="to")

    def _draw_signer(self, data: st.DataObject, target: str) -> str:
        own = self.sellers[target].secrets if target in self.sellers else []
        # Mostly the target's own secret (stored, then seen), else any secret used here.
        if own and data.draw(st.integers(0, 3), label="own secret"):
            return data.draw(st.sampled_from(own), label="signer")
        return data.draw(st.sampled_from(self._all_secrets()), label="signer")

    def _all_secrets(self) -> list[str]:
        return [x for s in self.sellers.values() for x in (*s.secrets, *s.retired)]

    def _check_post(self, target: str, signer: str, key: tuple[str, int, str], r: Any) -> None:
        seller = self.sellers.get(target)
        if seller is None or seller.removed:
            assert (r.status_code, r.json()["error"]) == (404, "unknown_merchant")
            return
        if signer not in seller.secrets:  # another merchant's, or its own retired one
            assert (r.status_code, r.json()["error"]) == (401, "checksum_mismatch")
            return
        assert r.status_code == 200, r.text
        body = r.json()
        if key in self.seq_of:
            assert (body["seq"], body["duplicate"]) == (self.seq_of[key], True)
            return
        assert (body["seq"], body["duplicate"]) == (self.last_seq + 1, False)  # one global order
        self.seq_of[key] = self.last_seq = body["seq"]
        self.stored.setdefault(target, []).append(body["seq"])

    # -- terminals polling -----------------------------------------------------------------------

    @precondition(lambda self: self.terminals)
    @rule(
        data=st.data(),
        limit=st.sampled_from([1, 2, 100]),
        cursor=st.sampled_from(["its own", "zero", "any"]),
    )
    def poll(self, data: st.DataObject, limit: int, cursor: str) -> None:
        terminal = data.draw(st.sampled_from(self.terminals), label="terminal")
        after = {"its own": terminal.cursor, "zero": 0}.get(cursor)
        if after is None:
            after = data.draw(st.integers(0, self.last_seq + 1), label="after")
        r = self._get(terminal, after, limit)
        if terminal.revoked:
            assert r.status_code == 401, r.text
            return
        assert r.status_code == 200, r.text
        seqs = self._check_page(terminal, after, r.json())
        assert len(seqs) <= limit
        if after == terminal.cursor and seqs:
            terminal.cursor = seqs[-1]

    @rule()
    def every_terminal_polls(self) -> None:
        for terminal in self.terminals:
            r = self._get(terminal, terminal.cursor, 100)
            assert r.status_code == (401 if terminal.revoked else 200), r.text
            if r.status_code == 200:
                self._check_page(terminal, terminal.cursor, r.json())
                terminal.cursor = r.json()["next_after"]

    def _get(self, terminal: Terminal, after: int, limit: int, wait: float = 0) -> Any:
        return self.run(
            self.client.get(
                "/v1/events",
                params={"after": after, "limit": limit, "wait": wait},
                headers={"Authorization": f"Bearer {terminal.token}"},
            )
        )

    def _check_page(self, terminal: Terminal, after: int, body: dict[str, Any]) -> list[int]:
        """Only the terminal's merchant's events, in seq order, none of its own skipped."""
        refs = {e["event"]["data"]["transaction"]["reference"] for e in body["events"]}
        assert refs <= {f"ref:{terminal.merchant}"}, "another merchant's event reached a terminal"
        seqs = [e["seq"] for e in body["events"]]
        own = [s for s in self.stored.get(terminal.merchant, []) if s > after]
        assert seqs == own[: len(seqs)]
        assert body["next_after"] == (seqs[-1] if seqs else after)
        return seqs

    @invariant()
    def revoked_tokens_are_refused(self) -> None:
        for terminal in self.terminals[-2:]:  # the newest: every one is checked once made
            if terminal.revoked:
                assert self._get(terminal, 0, 1).status_code == 401

    def teardown(self) -> None:
        try:
            # Eventually: every live terminal reads every event of its merchant, in seq order.
            for terminal in self.terminals:
                if not terminal.revoked:
                    self._read_to_the_end(terminal)
        finally:
            self.run(self.client.aclose())
            self.run(self.relay.aclose())

    def _read_to_the_end(self, terminal: Terminal) -> None:
        own = [s for s in self.stored.get(terminal.merchant, []) if s > terminal.cursor]
        got: list[int] = []
        for _ in range(20):  # long-polls: each returns as soon as an event is there
            if len(got) >= len(own):
                break
            r = self._get(terminal, terminal.cursor, 100, wait=1)
            assert r.status_code == 200, r.text
            seqs = self._check_page(terminal, terminal.cursor, r.json())
            got += seqs
            terminal.cursor = seqs[-1] if seqs else terminal.cursor
        assert got == own


def test_no_event_reaches_another_merchants_terminal(store: RelayStore):
    admin = RelayStore(store.url, migrate=False)
    try:
        with asyncio.Runner() as runner:
            rig = Rig(runner, store, admin)
            run_state_machine_as_test(
                type("BoundMachine", (MerchantsMachine,), {"rig": rig}),
                settings=settings(
                    max_examples=20,
                    stateful_step_count=40,
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow],
                ),
            )
    finally:
        admin.dispose()
