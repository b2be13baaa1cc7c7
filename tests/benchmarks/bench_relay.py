"""Benchmark (not a test): the webhook relay's durable ingest, ack latency and push latency.

Run: `.venv/bin/python -m tests.benchmarks.bench_relay [--seconds 5] [--concurrency 32]
[--database URL]` (default: a fresh SQLite file; a PostgreSQL URL benchmarks that store).

The relay (`mestore-relay serve`, one uvicorn worker, WAL + synchronous=FULL) and a bare
Starlette "hello" app run as separate processes on loopback; the same machine's hello
throughput is printed beside each figure as a ratio, so the numbers travel between machines.

* ingest: distinct, correctly signed events POSTed by concurrent senders; each 200 means the
  checksum was verified and the row committed durably (target: >= 300 events/s);
* ack latency at a paced (open-loop) 100 events/s: p50/p99 (target p99 < 100 ms);
* webhook -> long-poll receipt: POST start to the moment a `wait=25` poller has the event;
* feed reads (100 events per page) with wrk when /usr/bin/wrk exists, else httpx.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests.benchmarks.bench_wompi import measure, start_hello, throughput
from tests.relay.helpers import (
    RelayProcess,
    create_token,
    event_body,
    free_port,
    new_events_secret,
    signed_event,
)

INGEST_TARGET = 300.0
# wrk sends the pre-signed bodies in order, one per request, from a single thread (one Lua
# state, so one counter: every request is a new event, never a cheap duplicate).
WRK_POST_LUA = """
local bodies = {}
for line in io.lines(os.getenv("RELAY_BENCH_BODIES")) do bodies[#bodies + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  return wrk.format(nil, nil, nil, bodies[((i - 1) % #bodies) + 1])
end
"""


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def make_bodies(secret: str, count: int, tag: str) -> list[bytes]:
    return [
        event_body(signed_event(secret, transaction_id=f"bench-{tag}-{n}", amount_in_cents=100 + n))
        for n in range(count)
    ]


async def ingest(url: str, bodies: list[bytes], seconds: float, concurrency: int) -> float:
    """Events/s acknowledged (200) by `concurrency` senders over `seconds`."""
    done, index = 0, 0
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency)) as http:

        async def sender() -> None:
            nonlocal done, index
            while time.perf_counter() < deadline and index < len(bodies):
                body, index = bodies[index], index + 1
                r = await http.post(url, content=body)
                if r.status_code != 200:
                    raise RuntimeError(f"relay answered {r.status_code}")
                done += 1

        start = time.perf_counter()
        await asyncio.gather(*(sender() for _ in range(concurrency)))
        return done / (time.perf_counter() - start)


async def paced_acks(url: str, bodies: list[bytes], rate: float) -> list[float]:
    """Open-loop: one POST every 1/rate s whatever the answers; latency of each 200 in ms."""
    latencies: list[float] = []
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=200)) as http:

        async def one(body: bytes) -> None:
            start = time.perf_counter()
            r = await http.post(url, content=body)
            r.raise_for_status()
            latencies.append((time.perf_counter() - start) * 1000)

        tasks = []
        origin = time.perf_counter()
        for n, body in enumerate(bodies):
            await asyncio.sleep(max(0.0, origin + n / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(one(body)))
        await asyncio.gather(*tasks)
    return latencies


async def push_latency(relay: RelayProcess, token: str, secret: str, count: int) -> list[float]:
    """POST start -> a long-poller (`wait=25`) holding the event, in ms."""
    sent_at: dict[str, float] = {}
    latencies: list[float] = []
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(timeout=30) as http:
        after = 0
        while True:  # start at the end of the feed
            page = (
                await http.get(
                    relay.feed_url, params={"after": after, "limit": 500}, headers=headers
                )
            ).json()
            if not page["events"]:
                break
            after = page["next_after"]

        async def poller() -> None:
            nonlocal after
            while len(latencies) < count:
                params = {"after": after, "wait": 25, "limit": 500}
                page = (await http.get(relay.feed_url, params=params, headers=headers)).json()
                now = time.perf_counter()
                for item in page["events"]:
                    tx = item["event"]["data"]["transaction"]["id"]
                    latencies.append((now - sent_at[tx]) * 1000)
                after = page["next_after"]

        task = asyncio.create_task(poller())
        await asyncio.sleep(0.2)
        for n in range(count):
            event = signed_event(secret, transaction_id=f"push-{n}-{time.time_ns()}")
            body = event_body(event)
            sent_at[event["data"]["transaction"]["id"]] = time.perf_counter()
            (await http.post(relay.events_url, content=body)).raise_for_status()
            await asyncio.sleep(0.02)  # one at a time: the poller is waiting each time
        await asyncio.wait_for(task, 30)
    return latencies


def wrk_ingest(
    relay: RelayProcess, bodies: list[bytes], seconds: float, concurrency: int, tmp: Path
) -> float | None:
    """Durably stored events/s under wrk POST load, counted by the relay itself (healthz)."""
    if not Path("/usr/bin/wrk").exists():
        return None
    (tmp / "bodies.ndjson").write_bytes(b"\n".join(bodies) + b"\n")
    (tmp / "post.lua").write_text(WRK_POST_LUA, encoding="utf-8")
    before = httpx.get(relay.base_url + "/healthz").json()["events"]
    started = time.perf_counter()
    subprocess.run(
        [
            "/usr/bin/wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{max(1, int(seconds))}s",
            "-s",
            str(tmp / "post.lua"),
            relay.events_url,
        ],
        capture_output=True,
        check=True,
        env={**os.environ, "RELAY_BENCH_BODIES": str(tmp / "bodies.ndjson")},
    )
    elapsed = time.perf_counter() - started
    stored = httpx.get(relay.base_url + "/healthz").json()["events"] - before
    if stored >= len(bodies):
        raise RuntimeError("wrk ran out of distinct events: raise the body count")
    return stored / elapsed


def feed_throughput(
    relay: RelayProcess, token: str, seconds: float, concurrency: int
) -> tuple[float, str]:
    url = f"{relay.feed_url}?after=0&limit=100"
    rate = wrk_throughput_with_header(url, seconds, concurrency, f"Authorization: Bearer {token}")
    if rate is not None:
        return rate, "wrk"
    headers = {"Authorization": f"Bearer {token}"}
    return asyncio.run(throughput(url, seconds, concurrency, headers=headers)), "httpx"


def wrk_throughput_with_header(
    url: str, seconds: float, concurrency: int, header: str
) -> float | None:
    if not Path("/usr/bin/wrk").exists():
        return None
    out = subprocess.run(
        [
            "/usr/bin/wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{max(1, int(seconds))}s",
            "-H",
            header,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("Requests/sec:"))
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--paced-seconds", type=float, default=10.0)
    parser.add_argument("--push-samples", type=int, default=300)
    parser.add_argument("--database", help="default: a new SQLite file in a temp dir")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(args, Path(tmp))


def run(args: argparse.Namespace, tmp: Path) -> None:
    secret = new_events_secret()
    database = args.database or str(tmp / "relay.db")
    # The feed is read as fast as wrk can: lift the per-token rate limit for the benchmark.
    relay = RelayProcess(
        database,
        secret,
        port=free_port(),
        extra_args=("--rate-limit", "1e9", "--rate-burst", "1000000000"),
        log_path=tmp / "relay.log",
    ).start()
    hello, hello_url = start_hello(tmp)
    try:
        token = create_token(database, f"bench-{os.getpid()}-{time.time_ns()}")
        tag = str(time.time_ns())
        asyncio.run(
            ingest(relay.events_url, make_bodies(secret, 200, tag + "w"), 1.0, 8)
        )  # warm-up
        bodies = make_bodies(secret, int(args.seconds * 3000) + 1000, tag)
        hello_rate, tool = measure(hello_url, args.seconds, args.concurrency)
        events_s = wrk_ingest(relay, bodies, args.seconds, args.concurrency, tmp)
        if events_s is None:  # httpx's pool slows down past a few connections: use 8
            events_s = asyncio.run(ingest(relay.events_url, bodies, args.seconds, 8))
        paced = make_bodies(secret, int(args.paced_seconds * 100), tag + "p")
        acks = asyncio.run(paced_acks(relay.events_url, paced, 100.0))
        push = asyncio.run(push_latency(relay, token, secret, args.push_samples))
        feed_rate, _ = feed_throughput(relay, token, args.seconds, args.concurrency)
    finally:
        relay.kill()
        hello.terminate()
        hello.wait(10)
    store = "PostgreSQL" if "://" in database else "SQLite (WAL, synchronous=FULL)"
    print(
        f"store: {store}; relay and hello: one uvicorn worker each, loopback, {os.cpu_count()} CPUs"
    )
    print(f"bare Starlette hello ({tool}, {args.concurrency} conns): {hello_rate:8.0f} req/s")
    verdict = "OK" if events_s >= INGEST_TARGET else "BELOW TARGET"
    print(
        f"relay ingest, durable + checksum ({tool}): {events_s:8.0f} events/s"
        f"  (ratio {events_s / hello_rate:.3f} of hello; target >= {INGEST_TARGET:.0f}: {verdict})"
    )
    print(
        f"ack latency at a paced 100 events/s ({len(acks)} events): p50 {pct(acks, 50):6.2f} ms"
        f"   p99 {pct(acks, 99):6.2f} ms   max {max(acks):6.2f} ms"
    )
    print(
        f"webhook -> long-poll receipt ({len(push)} events): p50 {pct(push, 50):6.2f} ms"
        f"   p95 {pct(push, 95):6.2f} ms   p99 {pct(push, 99):6.2f} ms"
    )
    print(
        f"feed GET, 100 events/page ({tool}): {feed_rate:8.0f} req/s"
        f"  (ratio {feed_rate / hello_rate:.3f} of hello; {feed_rate * 100:.0f} events/s)"
    )


if __name__ == "__main__":
    sys.exit(main())
