"""Fault test: the relay process (real `serve` on SQLite) is SIGKILLed again and again while
concurrent senders post distinct valid events and retry until they get a 200.

Every acknowledged event must be stored exactly once, the file must pass `PRAGMA
integrity_check` after every kill, and the feed must return each event once, seq strictly
increasing. CI profile: 2,000 events, 20 kills; MESTORE_FAULT_PROFILE=10x runs 10 times more.
The seed is printed on failure (and can be set with MESTORE_FAULT_SEED).
"""

from __future__ import annotations

import itertools
import os
import random
import sqlite3
import threading
import time

import pytest

from tests.relay.helpers import (
    AckingSender,
    RelayProcess,
    create_token,
    free_port,
    new_events_secret,
    read_feed,
    signed_event,
)

SCALE = 10 if os.environ.get("MESTORE_FAULT_PROFILE", "").lower() == "10x" else 1
EVENTS = 2000 * SCALE
KILLS = 20 * SCALE


def integrity(path: str) -> str:
    # Opening the file after a kill replays (or discards) the WAL, as the next relay would.
    conn = sqlite3.connect(path, timeout=30)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_no_acknowledged_event_is_lost_across_sigkills(tmp_path):
    seed = int(os.environ.get("MESTORE_FAULT_SEED", time.time_ns() % 10**9))
    rng = random.Random(seed)
    secret = new_events_secret()
    database = str(tmp_path / "relay.db")
    relay = RelayProcess(database, secret, port=free_port()).start()
    events = [
        signed_event(secret, transaction_id=f"fault-{seed}-{n}", amount_in_cents=100 + n)
        for n in range(EVENTS)
    ]
    sender = AckingSender(relay.events_url, senders=8, pace_s=0.01)
    sending = threading.Thread(target=sender.send_all, args=(events,))
    sending.start()
    checks: list[str] = []
    try:
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.05, 0.4))
            relay.kill()
            checks.append(integrity(database))
            relay.start()
        sending.join(600)
        assert not sending.is_alive(), f"seed={seed}: senders did not finish"
        token = create_token(database, "checker")
        feed = read_feed(relay.feed_url, token)
    finally:
        relay.kill()
    context = f"seed={seed} attempts={sender.attempts} failures={sender.failures}"
    assert checks == ["ok"] * KILLS, context
    assert integrity(database) == "ok"
    assert len(sender.acked) == EVENTS, context
    seqs = [e["seq"] for e in feed]
    assert all(a < b for a, b in itertools.pairwise(seqs)), context
    fed = {e["event"]["data"]["transaction"]["id"]: e["seq"] for e in feed}
    assert len(fed) == len(feed) == EVENTS, context  # each exactly once
    assert fed == sender.acked, context  # every ack names the row that holds it
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT count(*) FROM relay_events").fetchone()[0] == EVENTS
    conn.close()
    print(f"fault run {context} kills={KILLS} restarts={relay.starts - 1}")
