"""Several relay instances on one PostgreSQL database (issue 12, point 5): real `mestore-relay
serve` processes on loopback, as behind a proxy that may send any post or poll to any of them.

Events posted to one instance reach terminals long-polling another at once (woken by LISTEN/NOTIFY,
backed by the 0.2 s state check; never left to the safety re-read or the end of the wait), every
terminal sees one global seq order without gaps or repeats wherever it polls, and stopping or
SIGKILLing either instance mid-burst loses no acknowledged event. That NOTIFY alone wakes a poll
is pinned in-process by test_wakeup.py (the state check can be slowed there, not through `serve`).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from mestore_desktop.relay.merchants import add_merchant
from mestore_desktop.relay.store import RelayStore
from mestore_desktop.relay.wakeup import SAFETY_RECHECK_S
from tests.relay.conftest import make_store_url
from tests.relay.helpers import (
    FailoverSender,
    RelayProcess,
    create_token,
    event_body,
    follow_feed,
    free_port,
    new_events_secret,
    post_headers,
    read_feed,
    signed_event,
    start_together,
)
from tests.relay.postgres import ThrowawayPostgres

# Terminals here poll after every page; the per-token rate limit is tested elsewhere.
NO_RATE_LIMIT = ("--rate-limit", "10000", "--rate-burst", "10000")


@dataclass
class Instances:
    a: RelayProcess
    b: RelayProcess
    database: str
    secret: str
    cluster: ThrowawayPostgres

    def token(self, name: str) -> str:
        """A new terminal's token (names get a suffix: the tests share one database)."""
        return create_token(self.database, f"{name}-{uuid.uuid4().hex[:8]}")

    def event(self, tx_id: str) -> dict[str, Any]:
        return signed_event(self.secret, transaction_id=tx_id)

    def listening(self) -> int:
        """How many sessions LISTEN on this database (each instance keeps one while trusted)."""
        return len(self.listen_pids())

    def listen_pids(self) -> set[int]:
        return {row[0] for row in self._listen_sessions("SELECT pid")}

    def end_listen_sessions(self) -> None:
        """The server ends every instance's LISTEN session (a restart, a network cut)."""
        self._listen_sessions("SELECT pg_terminate_backend(pid)")

    def await_listening(self, timeout_s: float = 20.0) -> None:
        deadline = time.monotonic() + timeout_s
        while self.listening() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.listening() == 2, self.logs()

    def _listen_sessions(self, select: str) -> list[Any]:
        with self.cluster.admin() as conn:
            return conn.execute(
                f"{select} FROM pg_stat_activity WHERE datname = %s AND query LIKE 'LISTEN%%'",
                (self.database.rsplit("/", 1)[1],),
            ).fetchall()

    def logs(self) -> str:
        return f"A: {self.a.log_tail()}\nB: {self.b.log_tail()}"


def launch(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Instances]:
    database = make_store_url("postgresql", request, tmp_path)
    secret = new_events_secret()
    a, b = (
        RelayProcess(
            database,
            secret,
            port=free_port(),
            extra_args=NO_RATE_LIMIT,
            log_path=tmp_path / f"relay-{name}.log",
        )
        for name in "ab"
    )
    try:
        start_together(a, b)
        yield Instances(a, b, database, secret, request.getfixturevalue("pg_cluster"))
    finally:
        a.kill()
        b.kill()


@pytest.fixture(scope="module")
def instances(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Instances]:
    """One pair for the module (starting processes is most of these tests' time): each test
    counts seqs from where the feed stood when it began, and restarts what it kills."""
    yield from launch(request, tmp_path_factory.mktemp("instances"))


def last_seq(instances: Instances) -> int:
    """The global last seq (every merchant's: a feed would show only its own merchant's)."""
    store = RelayStore(instances.database)
    try:
        return store.stats().last_seq
    finally:
        store.dispose()


def post(events_url: str, event: dict[str, Any]) -> int:
    r = httpx.post(events_url, content=event_body(event), headers=post_headers(event), timeout=10)
    assert r.status_code == 200, r.text
    return int(r.json()["seq"])


def tx_ids(feed: list[dict[str, Any]]) -> list[str]:
    return [e["event"]["data"]["transaction"]["id"] for e in feed]


def seqs(feed: list[dict[str, Any]]) -> list[int]:
    return [e["seq"] for e in feed]


def in_background(fn: Any, *args: Any, **kwargs: Any) -> Future[Any]:
    pool = ThreadPoolExecutor(1)
    future = pool.submit(fn, *args, **kwargs)
    pool.shutdown(wait=False)
    return future


def test_an_event_posted_to_a_wakes_a_long_poll_at_b(instances: Instances) -> None:
    token = instances.token("caja-b")
    base = last_seq(instances)
    # Both LISTEN (so B trusts its wake-ups: no 0.5 s fallback short-polls could explain it).
    instances.await_listening()
    started = time.monotonic()
    poll = in_background(
        httpx.get,
        instances.b.feed_url,
        params={"after": base, "wait": 25},
        headers={"Authorization": f"Bearer {token}"},
        timeout=40,
    )
    time.sleep(1.0)  # the poll is parked at B (had the post come first, it would prove nothing)
    seq = post(instances.a.events_url, instances.event("wake-1"))
    r = poll.result(40)
    returned_after = time.monotonic() - started
    assert r.status_code == 200, instances.logs()
    assert [(e["seq"], tx_ids([e])[0]) for e in r.json()["events"]] == [(seq, "wake-1")]
    # Not a speed target: a poll not woken from outside (A's NOTIFY, or B's state check behind
    # it) would sit until B's safety re-read, at the earliest SAFETY_RECHECK_S after it started,
    # or until its 25 s ran out.
    assert returned_after < SAFETY_RECHECK_S, f"not woken: {returned_after:.1f}s"


def test_alternate_posts_reach_every_terminal_in_one_order(instances: Instances) -> None:
    a, b = instances.a, instances.b
    count = 120
    base = last_seq(instances)
    expected = list(range(base + 1, base + count + 1))  # global, contiguous
    followers = {
        "at-a": [a.feed_url],
        "at-b": [b.feed_url],
        "roaming": [a.feed_url, b.feed_url],  # its cursor from one instance used at the other
    }
    # Long-polling before the first post: the events reach them by wake-ups, not by reading.
    following = {
        name: in_background(follow_feed, urls, instances.token(name), count, after=base, limit=7)
        for name, urls in followers.items()
    }
    sender = FailoverSender([a.events_url, b.events_url], senders=4)
    sender.send_all([instances.event(f"alt-{n}") for n in range(count)], deadline_s=60)
    assert len(sender.acked) == count, (sender.failures, instances.logs())
    assert sorted(sender.acked.values()) == expected
    by_seq = sorted(sender.acked, key=sender.acked.__getitem__)
    for name, future in following.items():
        feed = future.result(90)
        assert seqs(feed) == expected, (name, instances.logs())
        assert tx_ids(feed) == by_seq, name


def test_a_terminal_moving_between_instances_continues_without_gaps(instances: Instances) -> None:
    a, b = instances.a, instances.b
    base = last_seq(instances)
    first = [post(a.events_url, instances.event(f"move-a-{n}")) for n in range(6)]
    # Pages of 4 from alternate instances: the cursor A gave continues at B, and so on, while
    # B's own events land between polls.
    terminal = in_background(
        follow_feed, [a.feed_url, b.feed_url], instances.token("roamer"), 12, after=base, limit=4
    )
    later = [post(b.events_url, instances.event(f"move-b-{n}")) for n in range(6)]
    feed = terminal.result(60)
    assert seqs(feed) == first + later == list(range(base + 1, base + 13)), instances.logs()
    assert tx_ids(feed) == [f"move-a-{n}" for n in range(6)] + [f"move-b-{n}" for n in range(6)]


def test_each_merchant_s_events_reach_only_its_terminals_on_any_instance(
    instances: Instances,
) -> None:
    a, b = instances.a, instances.b
    count = 40
    other_secret = new_events_secret()
    store = RelayStore(instances.database)
    try:
        add_merchant(store, "tienda-2", (other_secret,))  # while both instances run
        other_token = store.create_token(f"caja-t2-{uuid.uuid4().hex[:8]}", merchant="tienda-2")
    finally:
        store.dispose()
    base = last_seq(instances)
    default_feed = in_background(
        follow_feed, [a.feed_url, b.feed_url], instances.token("t1"), count, after=base
    )
    other_feed = in_background(follow_feed, [b.feed_url, a.feed_url], other_token, count)
    # A 404 until an instance has heard of the merchant (NOTIFY 'config') is retried.
    other = FailoverSender([f"{r.events_url}/tienda-2" for r in (a, b)], senders=2)
    default = FailoverSender([b.events_url, a.events_url], senders=2)
    sending = [
        threading.Thread(target=sender.send_all, args=(batch, 60))
        for sender, batch in [
            (other, [signed_event(other_secret, transaction_id=f"t2-{n}") for n in range(count)]),
            (default, [instances.event(f"t1-{n}") for n in range(count)]),
        ]
    ]
    for thread in sending:
        thread.start()
    for thread in sending:
        thread.join(90)
    for sender, future in [(default, default_feed), (other, other_feed)]:
        feed = future.result(60)
        assert len(sender.acked) == count, (sender.failures, instances.logs())
        # Only that merchant's events, each once, in the global seq order.
        assert tx_ids(feed) == sorted(sender.acked, key=sender.acked.__getitem__)
        assert seqs(feed) == sorted(sender.acked.values())


def test_terminals_miss_nothing_while_the_listen_sessions_drop(instances: Instances) -> None:
    a, b = instances.a, instances.b
    count = 60
    base = last_seq(instances)
    instances.await_listening()
    following = [
        in_background(follow_feed, urls, instances.token(f"cut-{n}"), count, after=base)
        for n, urls in enumerate([[b.feed_url], [a.feed_url, b.feed_url]])
    ]
    sender = FailoverSender([a.events_url, b.events_url], senders=2, pace_s=0.02)
    sending = threading.Thread(
        target=sender.send_all, args=([instances.event(f"cut-{n}") for n in range(count)], 60)
    )
    sending.start()
    while len(sender.acked) < count // 3 and sending.is_alive():
        time.sleep(0.005)
    # Mid-stream, NOTIFYs stop: memory can no longer vouch for what it holds until LISTEN is
    # back and the feed re-primed; meanwhile polls must read the database.
    cut = instances.listen_pids()
    instances.end_listen_sessions()
    sending.join(90)
    instances.await_listening()  # both reconnect by themselves
    assert not cut & instances.listen_pids()
    expected = list(range(base + 1, base + count + 1))
    assert sorted(sender.acked.values()) == expected, sender.failures
    for future in following:
        assert seqs(future.result(60)) == expected, instances.logs()


def test_a_graceful_stop_mid_burst_answers_its_long_polls_and_loses_nothing(
    instances: Instances,
) -> None:
    """A rolling restart behind a proxy: SIGTERM answers the parked polls (their terminals poll
    the other instance next) and commits what it already took before it exits."""
    a, b = instances.a, instances.b
    count = 200
    base = last_seq(instances)
    parked = in_background(
        httpx.get,
        a.feed_url,
        params={"after": base + 10 * count, "wait": 25},  # nothing will arrive for it
        headers={"Authorization": f"Bearer {instances.token('parked')}"},
        timeout=40,
    )
    sender = FailoverSender([a.events_url, b.events_url], pace_s=0.002)
    events = [instances.event(f"stop-{n}") for n in range(count)]
    sending = threading.Thread(target=sender.send_all, args=(events, 90))
    sending.start()
    try:
        while len(sender.acked) < count // 4 and sending.is_alive():
            time.sleep(0.005)
        assert a.terminate() == 0, instances.logs()
        # An empty page, not a connection cut when the grace period ran out.
        answer = parked.result(10)
        assert (answer.status_code, answer.json()["events"]) == (200, []), instances.logs()
        sending.join(120)
        assert len(sender.acked) == count, (sender.failures, instances.logs())
        check_feed(b, instances, sender.acked, base)
    finally:
        a.kill()
        a.start()
    check_feed(a, instances, sender.acked, base)


@pytest.mark.parametrize("victim", ["a", "b"])
def test_sigkill_either_instance_mid_burst_loses_no_acknowledged_event(
    instances: Instances, victim: str
) -> None:
    count = 400
    killed = instances.a if victim == "a" else instances.b
    survivor = instances.b if victim == "a" else instances.a
    base = last_seq(instances)
    expected = list(range(base + 1, base + count + 1))
    # A terminal long-polling the survivor all along, through the peer's death.
    watcher = in_background(
        follow_feed, [survivor.feed_url], instances.token(f"watch-{victim}"), count, after=base
    )
    sender = FailoverSender([instances.a.events_url, instances.b.events_url], pace_s=0.002)
    events = [instances.event(f"kill-{victim}-{n}") for n in range(count)]
    sending = threading.Thread(target=sender.send_all, args=(events, 90))
    sending.start()
    try:
        while len(sender.acked) < count // 4 and sending.is_alive():
            time.sleep(0.005)
        killed.kill()  # mid-burst: some of its posts are in flight, some mid-commit
        sending.join(120)
        assert len(sender.acked) == count, (sender.failures, instances.logs())
        check_feed(survivor, instances, sender.acked, base)
    finally:
        killed.kill()
        killed.start()  # a restarted instance serves the same feed (and the next test)
    check_feed(killed, instances, sender.acked, base)
    followed = watcher.result(60)
    assert seqs(followed) == expected, instances.logs()
    assert dict(zip(tx_ids(followed), seqs(followed), strict=True)) == sender.acked


def check_feed(relay: RelayProcess, instances: Instances, acked: dict[str, int], base: int) -> None:
    """Each acknowledged event exactly once, under the seq its 200 named, seqs without gaps."""
    token = instances.token("check")
    feed = [e for e in read_feed(relay.feed_url, token) if e["seq"] > base]
    assert seqs(feed) == list(range(base + 1, base + len(acked) + 1)), instances.logs()
    assert dict(zip(tx_ids(feed), seqs(feed), strict=True)) == acked
