"""Crash safety: SIGKILL a writer process at random moments; no committed sale is ever lost.

The writer (crash_writer.py) prints an order number only after its transaction committed. We
kill it several times, at random moments that include start-up and migration, restarting on
the same file each time. Afterwards SQLite's integrity check passes, every printed order is
there, and every stored order is whole (its attempt, approval and event key committed with it).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 5
# The first kill lands anywhere from the imports and the migration to the first commits; the
# later ones come a random moment after the writer's first commit, so a machine slowed by load
# (a slow start) still sees kills mid-stream rather than only before anything was written.
FIRST_DELAY = (0.15, 0.6)
MID_STREAM_DELAY = (0.0, 0.5)


def run_then_kill(path: Path, delay: float, *, after_first_commit: bool) -> list[int]:
    """Start the writer, SIGKILL it `delay` seconds after its start (or after its first commit);
    the numbers it reported committed."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = writer.stdout.readline() if after_first_commit else ""  # type: ignore[union-attr]
    time.sleep(delay)
    writer.kill()
    out, err = writer.communicate(timeout=30)
    out = first + out
    assert writer.returncode == -signal.SIGKILL, f"writer died by itself:\n{err}"
    *complete, _partial = out.split("\n")
    return [int(line) for line in complete]


def check_every_order_is_whole(session: Session) -> set[int]:
    """Each stored order committed with its approved attempt, history and event key."""
    repo = OrderRepository(session)
    events = set(session.execute(text("SELECT key FROM applied_events")).scalars())
    numbers = set(session.execute(text("SELECT number FROM orders")).scalars())
    for number in numbers:
        [attempt] = repo.attempts_for(number)
        assert attempt.status is PaymentStatus.APPROVED, number
        assert len(repo.history(attempt.reference)) == 2, number
        assert repo.order_status(number) is OrderStatus.PAID, number
        assert f"evt-{number}" in events, number
    assert len(events) == len(numbers)
    return numbers


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkilled_writer_never_loses_a_committed_order(home: Path) -> None:
    seed = int(os.environ.get("MESTORE_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    path = home / "crash.db"
    committed: list[int] = []
    committed += run_then_kill(path, rng.uniform(*FIRST_DELAY), after_first_commit=False)
    for _ in range(KILLS - 1):
        delay = rng.uniform(*MID_STREAM_DELAY)
        committed += run_then_kill(path, delay, after_first_commit=True)

    assert committed, f"the writer never committed (seed {seed})"
    # Numbers only grow, across crashes too: a number in a Wompi reference is never reused.
    assert committed == sorted(set(committed)), f"seed {seed}"
    database = Database.open(path)
    try:
        integrity = database.read(lambda s: s.execute(text("PRAGMA integrity_check")).scalar_one())
        dangling = database.read(lambda s: s.execute(text("PRAGMA foreign_key_check")).all())
        stored = database.read(check_every_order_is_whole)
    finally:
        database.close()
    assert (integrity, dangling) == ("ok", [])
    assert set(committed) <= stored, f"lost {sorted(set(committed) - stored)} (seed {seed})"
