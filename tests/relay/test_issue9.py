"""Issue 9 on the relay: defect 4 (every feed answer names the database's epoch) and defect 8
(transaction events must sign id, status and amount; no database password on the command line).

Both stores where a database is involved (the `store_url` fixture is parametrized).
"""

from __future__ import annotations

import copy
import os
import re

import httpx
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, insert, text

from mestore_desktop.relay import cli
from mestore_desktop.relay.app import create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.schema import events as events_table
from mestore_desktop.relay.store import MIGRATIONS_DIR, RelayStore, database_url
from mestore_desktop.wompi.signatures import event_checksum
from tests.relay.conftest import RelayHarness
from tests.relay.helpers import event_body, post_headers, signed_event

EPOCH = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


async def _feed(client: httpx.AsyncClient, token: str, **params: object) -> httpx.Response:
    return await client.get(
        "/v1/events", params=params, headers={"Authorization": f"Bearer {token}"}
    )


async def _epoch_of(config: RelayConfig, store: RelayStore, token: str) -> str:
    app = create_app(config, store)
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://relay.test"
        ) as client:
            body = (await _feed(client, token)).json()
    finally:
        await app.state.relay.aclose()
    return str(body["epoch"])


# -- defect 4: the epoch --------------------------------------------------------------------------


@pytest.mark.anyio
async def test_defect4_every_feed_answer_carries_the_databases_epoch(
    relay_harness: RelayHarness, secret: str
) -> None:
    h = relay_harness
    empty = (await _feed(h.client, h.token)).json()
    epoch = empty["epoch"]
    assert isinstance(epoch, str) and EPOCH.match(epoch), epoch
    assert {k: v for k, v in empty.items() if k != "epoch"} == {"events": [], "next_after": 0}
    await h.client.post("/wompi/events", content=event_body(signed_event(secret)))
    page = (await _feed(h.client, h.token)).json()
    assert page["epoch"] == epoch
    assert [e["seq"] for e in page["events"]] == [1]
    waited = (await _feed(h.client, h.token, after=1, wait=0.2)).json()
    assert waited == {"events": [], "next_after": 1, "epoch": epoch}
    # A cursor behind the retention horizon: the 410 names the epoch too.
    store = h.store
    real_clock = store.clock
    store.clock = lambda: real_clock() + 31 * 86_400 * 1_000_000
    await h.client.post("/wompi/events", content=event_body(signed_event(secret)))
    assert store.prune(30).horizon_seq == 1
    expired = await _feed(h.client, h.token, after=0)
    assert expired.status_code == 410
    assert expired.json() == {"ok": False, "error": "cursor_expired", "epoch": epoch}


@pytest.mark.anyio
async def test_defect4_the_epoch_survives_restarts_and_a_fresh_database_gets_another(
    store_url: str, config: RelayConfig, tmp_path
) -> None:
    store = RelayStore(store_url)
    token = store.create_token("caja-1")
    first = await _epoch_of(config, store, token)
    store.dispose()
    for _ in range(2):  # the relay restarted (and migrated again) on the same database
        again = RelayStore(store_url)
        assert await _epoch_of(config, again, token) == first
        again.dispose()
    fresh = RelayStore(str(tmp_path / "fresh.db"))
    assert await _epoch_of(config, fresh, fresh.create_token("caja-1")) != first
    fresh.dispose()


def test_defect4_an_existing_database_gets_an_epoch_when_it_is_upgraded(store_url: str) -> None:
    # A relay database created before the epoch existed (revision 0001), holding an event.
    url = database_url(store_url)
    engine = create_engine(url)
    alembic = Config()
    alembic.set_main_option("script_location", os.fspath(MIGRATIONS_DIR).replace("%", "%%"))
    with engine.begin() as conn:
        alembic.attributes["connection"] = conn
        command.upgrade(alembic, "0001")
        conn.execute(
            insert(events_table).values(
                seq=1,
                received_at_us=1,
                event_type="transaction.updated",
                environment="test",
                dedupe_key="k" * 64,
                body=b"{}",
            )
        )
        conn.execute(text("UPDATE relay_state SET last_seq = 1, event_count = 1"))
    engine.dispose()
    store = RelayStore(store_url)
    try:
        page = store.events_after(0, 10)
        assert [e.seq for e in page.events] == [1]
        assert EPOCH.match(page.epoch)
        assert store.events_after(0, 10).epoch == page.epoch
    finally:
        store.dispose()


# -- defect 8: the signed fields of a transaction event ----------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    "properties",
    [
        ["transaction.id", "transaction.status"],
        ["transaction.id", "transaction.amount_in_cents"],
        ["transaction.status", "transaction.amount_in_cents"],
        ["transaction.reference"],
        ["transaction.id", "transaction.status", "transaction.reference"],
    ],
)
async def test_defect8_a_transaction_event_must_sign_id_status_and_amount(
    relay_harness: RelayHarness, secret: str, properties: list[str]
) -> None:
    # Correctly signed by the secret, but over a list of the sender's choosing.
    event = signed_event(secret, properties=properties)
    r = await relay_harness.client.post(
        "/wompi/events", content=event_body(event), headers=post_headers(event)
    )
    assert r.status_code == 401
    assert r.json()["ok"] is False
    health = (await relay_harness.client.get("/healthz")).json()
    assert health["checksum_failures"] == 1
    assert health["events"] == 0


@pytest.mark.anyio
async def test_defect8_more_signed_fields_or_another_order_are_accepted(
    relay_harness: RelayHarness, secret: str
) -> None:
    lists = [
        ["transaction.id", "transaction.status", "transaction.amount_in_cents"],
        ["transaction.amount_in_cents", "transaction.id", "transaction.status"],
        [
            "transaction.id",
            "transaction.status",
            "transaction.amount_in_cents",
            "transaction.reference",
        ],
    ]
    for n, properties in enumerate(lists):
        event = signed_event(secret, transaction_id=f"tx-{n}", properties=properties)
        r = await relay_harness.client.post("/wompi/events", content=event_body(event))
        assert r.status_code == 200, properties
    # Other event types sign what Wompi decides for them.
    token_event = signed_event(
        secret,
        event_type="nequi_token.updated",
        data={"nequi_token": {"id": "nqt_1", "status": "APPROVED"}},
        properties=["nequi_token.id", "nequi_token.status"],
    )
    r = await relay_harness.client.post("/wompi/events", content=event_body(token_event))
    assert r.status_code == 200
    assert (await relay_harness.client.get("/healthz")).json()["checksum_failures"] == 0


@pytest.mark.anyio
async def test_defect8_a_refused_list_is_refused_before_and_after_a_good_one(
    relay_harness: RelayHarness, secret: str
) -> None:
    good = signed_event(secret, transaction_id="tx-1")
    weak = copy.deepcopy(good)
    weak["signature"]["properties"] = ["transaction.id"]
    weak["signature"]["checksum"] = event_checksum(weak, secret)
    codes = [
        (await relay_harness.client.post("/wompi/events", content=event_body(e))).status_code
        for e in (weak, good, weak)
    ]
    assert codes == [401, 200, 401]


# -- defect 8: no database password on the command line ----------------------------------------


PASSWORD = "s3cr3t-Pa55"


@pytest.mark.parametrize(
    "argv",
    [
        ["token", "list"],
        ["token", "create", "caja-1"],
        ["token", "revoke", "caja-1"],
        ["prune"],
        ["serve", "--port", "0"],
    ],
)
@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://relay:{PASSWORD}@127.0.0.1:1/relay",
        f"postgresql+psycopg://relay@127.0.0.1:1/relay?password={PASSWORD}",
    ],
)
def test_defect8_a_database_url_with_a_password_is_refused_on_the_command_line(
    argv: list[str], url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main([*argv, "--database", url])
    out, err = capsys.readouterr()
    assert code == 2
    assert PASSWORD not in out + err
    assert "MESTORE_RELAY_DATABASE" in err and "--database-file" in err
    assert "password" in err


def test_defect8_a_database_url_with_a_password_is_read_from_a_file_or_the_environment(
    store_url: str, store_kind: str, tmp_path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if store_kind == "postgresql":
        # The throwaway cluster trusts loopback, so any password is accepted: the URL works.
        user, rest = store_url.split("://", 1)[1].split("@", 1)
        url = f"postgresql://{user}:{PASSWORD}@{rest}"
    else:
        url = f"sqlite:///{store_url}"
    url_file = tmp_path / "database-url"
    url_file.write_text(f"\n  {url}  \n", encoding="utf-8")
    monkeypatch.delenv("MESTORE_RELAY_DATABASE", raising=False)
    assert cli.main(["token", "create", "caja-1", "--database-file", str(url_file)]) == 0
    token = capsys.readouterr().out.strip()
    monkeypatch.setenv("MESTORE_RELAY_DATABASE", url)
    assert cli.main(["token", "list"]) == 0
    out, err = capsys.readouterr()
    assert "caja-1" in out and PASSWORD not in out + err and token not in out
    # Both at once is ambiguous.
    code = cli.main(["token", "list", "--database", store_url, "--database-file", str(url_file)])
    assert code == 2
    # A file that cannot be read, or holds nothing, says so.
    assert cli.main(["token", "list", "--database-file", str(tmp_path / "missing")]) == 2
    assert "database-file" in capsys.readouterr().err
    (tmp_path / "empty").write_text("\n", encoding="utf-8")
    assert cli.main(["token", "list", "--database-file", str(tmp_path / "empty")]) == 2
