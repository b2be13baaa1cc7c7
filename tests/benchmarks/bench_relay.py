"""Benchmark (not a test): the webhook relay's durable ingest, delivery latency and idle memory.

Run: `.venv/bin/python -m tests.benchmarks.bench_relay [--seconds 10] [--slice 2]
[--connections 50] [--threads 1] [--backpressure-ms N] [--no-postgres] [--profile DIR]`
(about 2 minutes; `--help`).

Method (every figure comes from this run, on this machine):

* Load generator: Debian's `wrk` (installed with `apt-get install -y wrk` when missing and
  running as root; otherwise the benchmark stops and says how to install it). Its Lua script
  reads pre-generated, correctly signed `transaction.updated` bodies (the shape of Wompi's
  example event, pretty-printed: about 1.6 KB) from one file per wrk thread and sends each
  exactly once, each slice of a measurement starting where the previous one stopped: a
  duplicate is cheaper for the relay to answer than a new event. A thread that runs out stops
  (its time with it) rather than repeat one; 1.3 × what the hello answered are generated.
* Cores (2): the servers (relay, hello) run on CPU 0 (`taskset`); wrk, this process and its
  clients on CPU 1; PostgreSQL's processes on `--pg-cpu` (default 1, beside the generator: the
  relay keeps its core to itself, as a relay with a database on another machine would).
  Each load line prints how busy both cores were, the servers' and wrk's CPU: a generator near
  100 % of its core would mean the figure measures wrk, not the server.
* Hello: a bare Starlette app served with the relay's own uvicorn settings
  (`relay.server.uvicorn_config`: one worker, the same loop and HTTP implementation), driven by
  the same wrk script: `GET /` (the issue's reference, and the stricter denominator: every
  ingest ratio is against it) and, once, `POST /events` reading the same bodies (printed for
  comparison). This machine's speed drifts (the same hello on the same core varies by 10-30 %
  within a minute), so each relay measurement alternates `--slice` seconds of relay with
  `--slice` seconds of hello GET (both servers stay up, the one not measured idles) and its
  ratio is against the hello of those same moments.
* Ingest: a fresh relay (`mestore-relay serve`, fresh SQLite file on disk with WAL and
  synchronous=FULL; then a fresh PostgreSQL cluster with fsync on), a 1 s warm-up with other
  events, then `--seconds` of load in slices on `--connections` keep-alive connections.
  events/s = the 200 answers / wrk's time; every other status is counted and printed (503
  `overloaded` from backpressure included: an event refused with 503 is not ingested, Wompi
  sends it again later). The relay's own count (`/healthz`) is printed beside it (higher by
  the requests in flight at each slice's end; lower would mean duplicates: flagged). POST
  p50/p99 come from wrk's latency quantiles merged over the slices (closed loop: they include
  the queue at the relay).
* Delivery: a fresh SQLite relay; events POSTed at a paced (open-loop) `--delivery-rate` 50/s
  while one terminal long-polls (`wait=30`) over a raw keep-alive HTTP/1.1 connection; latency =
  from the start of the POST to the moment the poll's answer holding that event is read. The
  first `--delivery-warmup` events are left out.
* Idle memory: the same relay; cheap raw-socket terminals (asyncio streams) each park a
  long-poll at the end of the feed; the relay's VmRSS (highest of three readings) with 200, then
  2000 of them. They are checked to be parked: every connection is established on the relay's
  port, none received a byte, and then one probe event reaches every one of them. The first
  200 hold a token each; the next 1800 share those tokens (creating a token is a durable
  commit of its own: 2000 would take most of the run).
* `--profile DIR`: after each store's ingest figure, one more ingest run under cProfile (every
  thread of the relay), summarised in DIR/<store>/profile.txt (its own rate is not a figure:
  cProfile slows), and the relay's RSS import by import in DIR/memory.txt.
* On PostgreSQL the database's commit count during the run (pg_stat_database) is printed: the
  stored events per commit say how well the group commit batches.

The last line: `relay: ingest_ratio=R sqlite_eps=E pg_eps=P delivery_p50_ms=D
delivery_p95_ms=Q rss_200_idle_mb=M` (nan for what could not be measured); the line before it
says which targets of issue 12 were missed, or that every target was met.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import io
import itertools
import json
import math
import os
import pstats
import re
import resource
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from mestore_desktop.relay.config import SECRET_ENV_VAR
from mestore_desktop.relay.store import RelayStore
from mestore_desktop.wompi.signatures import event_checksum, verify_event
from tests.relay.helpers import new_events_secret
from tests.relay.postgres import PostgresUnavailableError, ThrowawayPostgres

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
SIGNED = ["transaction.id", "transaction.status", "transaction.amount_in_cents"]
TARGETS = {"ingest": 0.30, "pg": 0.20, "p50": 2.0, "p95": 4.0, "rss200": 65.0, "rss2000": 100.0}

# One Lua state per wrk thread: thread n reads its own file ($RELAY_BENCH_BODIES.n), records
# "<length>\n<body>", from the byte offset given for it in $RELAY_BENCH_OFFSETS (where its
# previous slice stopped), so no two requests of a measurement ever carry the same event.
# Without a file the script sends GETs. wrk calls request() once in its main state to check
# the script (before setup/init): there `bodies` is nil and a GET is returned. done() prints
# 1000 latency quantiles, so that slices can be merged into one distribution.
WRK_LUA = """
local next_tid = 0
local threads = {}

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  exhausted = 0
  start = 0
  consumed = 0
  local n = 0
  for offset in string.gmatch(os.getenv("RELAY_BENCH_OFFSETS") or "", "%d+") do
    if n == tid then start = tonumber(offset) end
    n = n + 1
  end
  local prefix = os.getenv("RELAY_BENCH_BODIES")
  if prefix then
    bodies = assert(io.open(prefix .. "." .. tid, "rb"))
    bodies:seek("set", start)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  if bodies == nil then
    return wrk.format()
  end
  local size = bodies:read("*n")
  if size == nil then
    exhausted = 1
    wrk.thread:stop()
    return wrk.format("GET", "/__bench_out_of_events__")
  end
  bodies:read(1)
  consumed = consumed + string.len(tostring(size)) + 1 + size
  return wrk.format(nil, nil, nil, bodies:read(size))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("bench duration_us %d\\n", summary.duration))
  io.write(string.format("bench responses %d\\n", summary.requests))
  for _, key in ipairs({"connect", "read", "write", "status", "timeout"}) do
    io.write(string.format("bench error_%s %d\\n", key, summary.errors[key]))
  end
  for i = 0, 999 do
    io.write(string.format("bench q %d\\n", latency:percentile((i + 0.5) / 10)))
  end
  for _, thread in ipairs(threads) do
    io.write(string.format("bench position %d %d\\n", thread:get("tid"),
      thread:get("start") + thread:get("consumed")))
    for status, count in pairs(thread:get("statuses")) do
      io.write(string.format("bench status %d %d\\n", status, count))
    end
    io.write(string.format("bench exhausted %d\\n", thread:get("exhausted")))
  end
end
"""

# The bare reference server: the relay's own uvicorn settings, nothing else.
HELLO_APP = """
import uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from mestore_desktop.relay.server import uvicorn_config
from mestore_desktop.serving import base_url_for, bind_socket

async def hello(request):
    return JSONResponse({"hello": "world"})

async def events(request):
    await request.body()
    return JSONResponse({"ok": True, "seq": 1, "duplicate": False})

app = Starlette(routes=[Route("/", hello), Route("/events", events, methods=["POST"])])
sock = bind_socket("127.0.0.1", 0)
print("relay_url=" + base_url_for("127.0.0.1", sock.getsockname()[1]), flush=True)
uvicorn.Server(uvicorn_config(app)).run(sockets=[sock])
"""


# -- the load generator -------------------------------------------------------------------------


def ensure_wrk() -> str:
    """The wrk binary, installed from Debian's package when it is missing (root only)."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit(
            "bench_relay needs wrk, a C load generator (Debian package `wrk`), and only root can "
            "install it: run `sudo apt-get install -y wrk`, then run the benchmark again."
        )
    print("wrk is missing: installing Debian's package (apt-get install -y wrk)…", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "wrk"]
    for command in (install, ["apt-get", "update"], install):  # stale package lists: update
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit(
        "could not install wrk with apt-get (no network or no package source?): "
        f"{(done.stderr or done.stdout).strip()[-400:]}\nInstall Debian's `wrk` package by hand."
    )


@dataclass
class LoadResult:
    """What one wrk run saw, and what the machine did meanwhile."""

    duration_s: float
    responses: int
    statuses: dict[int, int]
    errors: dict[str, int]
    latency_us: list[tuple[float, float]]  # (value, weight): wrk's quantiles, slices merged
    positions: dict[int, int]  # per wrk thread: the byte offset its next slice starts at
    exhausted: int
    cpu_busy: dict[int, float]
    generator_cpu: float
    processes: dict[str, float] = field(default_factory=dict)  # name -> share of a core
    stored: int | None = None  # the relay's own count of events stored during the run
    commits: int | None = None  # the database's count of commits during the run, if known
    hello: LoadResult | None = None  # the hello GET slices interleaved with this run's

    @property
    def ratio(self) -> float:
        """events/s over the interleaved hello's req/s (this machine's speed drifts)."""
        return self.ok_per_s / self.hello.ok_per_s if self.hello else math.nan

    @property
    def p50_ms(self) -> float:
        return self.quantile_ms(0.50)

    @property
    def p99_ms(self) -> float:
        return self.quantile_ms(0.99)

    def quantile_ms(self, q: float) -> float:
        total = sum(weight for _, weight in self.latency_us)
        running = 0.0
        for value, weight in sorted(self.latency_us):
            running += weight
            if running >= q * total:
                return value / 1000
        return math.nan

    @property
    def ok(self) -> int:
        return self.statuses.get(200, 0)

    @property
    def ok_per_s(self) -> float:
        return self.ok / self.duration_s

    def others(self) -> str:
        parts = [f"{n} × {code}" for code, n in sorted(self.statuses.items()) if code != 200]
        parts += [f"{n} {kind} errors" for kind, n in self.errors.items() if n and kind != "status"]
        return ", ".join(parts) or "none"

    def machine(self) -> str:
        busy = " ".join(f"cpu{c} {b:.0%}" for c, b in sorted(self.cpu_busy.items()))
        text = f"[{busy}; wrk {self.generator_cpu:.0%} of a core"
        for name, share in self.processes.items():
            text += f"; {name} {share:.0%}"
        return text + "]"


class Generator:
    """wrk pinned to the generator's core, with the benchmark's Lua script."""

    def __init__(
        self, wrk: str, cpu: int, connections: int, threads: int, slice_s: int, tmp: Path
    ) -> None:
        self.wrk = wrk
        self.slice_s = slice_s
        self.cpu = cpu
        self.connections = connections
        self.threads = threads
        self.script = tmp / "bench_relay.lua"
        self.script.write_text(WRK_LUA, encoding="utf-8")

    def run(
        self,
        url: str,
        seconds: int,
        bodies: Path | None = None,
        watch: dict[str, Callable[[], float]] | None = None,
        offsets: dict[int, int] | None = None,
    ) -> LoadResult:
        """`watch`: named CPU-seconds counters (servers), read before and after the run;
        `offsets`: where each thread starts in its bodies file (a previous slice's positions)."""
        watch = watch or {}
        env = dict(os.environ)
        if bodies is not None:
            env["RELAY_BENCH_BODIES"] = str(bodies)
        if offsets:
            env["RELAY_BENCH_OFFSETS"] = ",".join(str(offsets[t]) for t in range(self.threads))
        command = [
            "taskset", "-c", str(self.cpu), self.wrk, f"-t{self.threads}",
            f"-c{self.connections}", f"-d{seconds}s", "--timeout", "30s",
            "-s", str(self.script), url,
        ]  # fmt: skip
        before = {name: counter() for name, counter in watch.items()}
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        with cpu_busy() as busy:
            started = time.perf_counter()
            out = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            wall = time.perf_counter() - started
        if out.returncode != 0 or "bench duration_us" not in out.stdout:
            raise RuntimeError(f"wrk failed: {out.stderr.strip() or out.stdout.strip()}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        wrk_cpu = (after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime) / wall
        result = parse_wrk(out.stdout, busy, wrk_cpu)
        for name, counter in watch.items():
            result.processes[name] = (counter() - before[name]) / wall
        return result


def parse_wrk(stdout: str, busy: dict[int, float], wrk_cpu: float) -> LoadResult:
    values: dict[str, float] = {}
    statuses: dict[int, int] = {}
    positions: dict[int, int] = {}
    quantiles: list[float] = []
    exhausted = 0
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[:2] == ["bench", "status"]:
            code = int(float(parts[2]))
            statuses[code] = statuses.get(code, 0) + int(float(parts[3]))
        elif len(parts) == 4 and parts[:2] == ["bench", "position"]:
            positions[int(float(parts[2]))] = int(float(parts[3]))
        elif len(parts) == 3 and parts[:2] == ["bench", "q"]:
            quantiles.append(float(parts[2]))
        elif len(parts) == 3 and parts[:2] == ["bench", "exhausted"]:
            exhausted += int(float(parts[2]))
        elif len(parts) == 3 and parts[0] == "bench":
            values[parts[1]] = float(parts[2])
    errors = {k[6:]: int(v) for k, v in values.items() if k.startswith("error_")}
    responses = int(values["responses"])
    weight = responses / max(1, len(quantiles))
    return LoadResult(
        duration_s=values["duration_us"] / 1e6,
        responses=responses,
        statuses=statuses,
        errors=errors,
        latency_us=[(value, weight) for value in quantiles],
        positions=positions,
        exhausted=exhausted,
        cpu_busy=busy,
        generator_cpu=wrk_cpu,
    )


def combine(parts: Sequence[LoadResult]) -> LoadResult:
    """Slices of one measurement as one: counts and latency distributions summed, shares of
    CPU weighted by each slice's duration."""
    duration = sum(p.duration_s for p in parts)

    def summed(field_of: Callable[[LoadResult], dict[Any, int]]) -> dict[Any, int]:
        total: dict[Any, int] = {}
        for p in parts:
            for key, n in field_of(p).items():
                total[key] = total.get(key, 0) + n
        return total

    def weighted(field_of: Callable[[LoadResult], dict[Any, float]]) -> dict[Any, float]:
        keys = {key for p in parts for key in field_of(p)}
        return {
            key: sum(field_of(p).get(key, 0.0) * p.duration_s for p in parts) / duration
            for key in keys
        }

    return LoadResult(
        duration_s=duration,
        responses=sum(p.responses for p in parts),
        statuses=summed(lambda p: p.statuses),
        errors=summed(lambda p: p.errors),
        latency_us=[point for p in parts for point in p.latency_us],
        positions=parts[-1].positions,
        exhausted=sum(p.exhausted for p in parts),
        cpu_busy=weighted(lambda p: p.cpu_busy),
        generator_cpu=sum(p.generator_cpu * p.duration_s for p in parts) / duration,
        processes=weighted(lambda p: p.processes),
    )


@contextmanager
def cpu_busy() -> Iterator[dict[int, float]]:
    """Fills the dict with each CPU's busy share (not idle, not iowait) over the block."""
    result: dict[int, float] = {}
    before = _cpu_times()
    yield result
    after = _cpu_times()
    for cpu, (busy, total) in after.items():
        b0, t0 = before.get(cpu, (0, 0))
        result[cpu] = (busy - b0) / max(1, total - t0)


def _cpu_times() -> dict[int, tuple[int, int]]:
    times: dict[int, tuple[int, int]] = {}
    for line in Path("/proc/stat").read_text().splitlines():
        name, *fields = line.split()
        if name.startswith("cpu") and name != "cpu":
            numbers = [int(f) for f in fields[:8]]
            idle = numbers[3] + numbers[4]  # idle + iowait (waiting for fsync is not busy)
            times[int(name[3:])] = (sum(numbers) - idle, sum(numbers))
    return times


def process_cpu_s(pid: int) -> float:
    """utime + stime of a process (all its threads), in seconds; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError, IndexError):
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


# -- signed events ------------------------------------------------------------------------------


class EventBodies:
    """Distinct, correctly signed event bodies, fast: one serialised template per run, the
    id/amount/checksum filled in per event (the checksum by the project's own signer)."""

    def __init__(self, secret: str, tag: str) -> None:
        self.secret = secret
        self.tag = tag
        self.timestamp = int(time.time())
        event = example_event("@@ID@@", "@@AMOUNT@@", self.timestamp)
        text = json.dumps(event, indent=2, ensure_ascii=False)
        text = text.replace('"@@AMOUNT@@"', "@@AMOUNT@@")
        self._parts = text.encode("utf-8").split(b"@@")

    def transaction_id(self, n: int) -> str:
        return f"12345-{self.tag}-{n:09d}"

    def body(self, n: int) -> bytes:
        tx_id, amount = self.transaction_id(n), 100_000 + n % 900_000
        signed = {
            "data": {"transaction": {"id": tx_id, "status": "APPROVED", "amount_in_cents": amount}},
            "signature": {"properties": SIGNED},
            "timestamp": self.timestamp,
        }
        fill = {
            b"ID": tx_id.encode(),
            b"AMOUNT": str(amount).encode(),
            b"CHECKSUM": event_checksum(signed, self.secret).encode(),
        }
        return b"".join(fill.get(part, part) for part in self._parts)

    def check(self) -> None:
        body = self.body(7)
        if not verify_event(json.loads(body), self.secret):
            raise RuntimeError("the benchmark's own event bodies do not verify")

    def write(self, prefix: Path, start: int, per_thread: int, threads: int) -> int:
        """Files prefix.0 … prefix.(threads-1), disjoint ranges of events; returns bytes/event."""
        size = 0
        for t in range(threads):
            with open(f"{prefix}.{t}", "wb") as out:
                first = start + t * per_thread
                for n in range(first, first + per_thread):
                    body = self.body(n)
                    out.write(b"%d\n%s" % (len(body), body))
                    size = len(body)
        return size


def example_event(tx_id: str, amount: Any, timestamp: int) -> dict[str, Any]:
    """Wompi's `transaction.updated` example (card payment), with a checksum placeholder."""
    extra = {
        "bin": "424242", "name": "VISA-4242", "brand": "VISA", "exp_year": "29",
        "card_type": "CREDIT", "exp_month": "12", "last_four": "4242",
        "card_holder": "Cliente Ejemplo", "is_three_ds": False, "three_ds_auth_type": None,
        "external_identifier": "EXAMPLE0001", "processor_response_code": "00",
    }  # fmt: skip
    transaction = {
        "id": tx_id, "created_at": "2025-01-01T17:00:00.000Z",
        "finalized_at": "2025-01-01T17:00:02.000Z", "amount_in_cents": amount,
        "reference": "POS-CAJA1-000123", "customer_email": "cliente@example.com",
        "currency": "COP", "payment_method_type": "CARD",
        "payment_method": {"type": "CARD", "extra": extra, "installments": 1},
        "status": "APPROVED", "status_message": None, "shipping_address": None,
        "redirect_url": "https://pos.example.com/wompi/return", "payment_source_id": None,
        "payment_link_id": None,
        "customer_data": {"full_name": "Cliente Ejemplo", "phone_number": "+573001112233"},
        "billing_data": None,
    }  # fmt: skip
    return {
        "event": "transaction.updated",
        "data": {"transaction": transaction},
        "environment": "test",
        "signature": {"properties": SIGNED, "checksum": "@@CHECKSUM@@"},
        "timestamp": timestamp,
        "sent_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(timestamp)),
    }


# -- servers ------------------------------------------------------------------------------------


class Server:
    """A server process on the servers' core that printed `relay_url=…` once listening."""

    def __init__(self, command: list[str], env: dict[str, str], log: Path, health: str) -> None:
        with log.open("ab") as err:
            self.proc = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err
            )
        self.log = log
        self.base_url = self._read_url()
        self.port = int(self.base_url.rsplit(":", 1)[1])
        self._wait_healthy(health)

    @property
    def pid(self) -> int:
        return self.proc.pid  # taskset execs the server: same process

    def _read_url(self, timeout_s: float = 30.0) -> str:
        assert self.proc.stdout is not None  # stdout=PIPE above
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if ready:
                line = self.proc.stdout.readline().decode()
                if not line:
                    break
                if line.startswith("relay_url="):
                    return line.strip().split("=", 1)[1]
        self.stop()
        raise RuntimeError(f"server did not start: {self.log.read_text()[-1500:]}")

    def _wait_healthy(self, path: str) -> None:
        for _ in range(300):
            with suppress(httpx.HTTPError):
                if httpx.get(self.base_url + path, timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("server never answered")

    def cpu_s(self) -> float:
        return process_cpu_s(self.pid)

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def stored_events(self) -> int:
        return int(httpx.get(self.base_url + "/healthz", timeout=10).json()["events"])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # graceful: a profiled relay writes its stats
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


@dataclass
class Setup:
    server_cpu: int
    secret: str
    tmp: Path
    relay_flags: list[str]

    def pinned(self, *command: str) -> list[str]:
        return ["taskset", "-c", str(self.server_cpu), *command]

    def relay(self, database: str, name: str, profile: Path | None = None) -> Server:
        entry = ["-m", "mestore_desktop.relay"]
        if profile is not None:
            entry = ["-m", "tests.benchmarks.bench_relay", "--profiled-relay", str(profile), "--"]
        command = self.pinned(
            sys.executable, *entry, "--log-level", "warning", "serve", "--host", HOST,
            "--port", "0", "--database", database, "--environment", "test",
            # The terminals here poll far faster than the default per-token limit allows.
            "--rate-limit", "1e9", "--rate-burst", "1000000000", *self.relay_flags,
        )  # fmt: skip
        env = {**os.environ, SECRET_ENV_VAR: self.secret}
        return Server(command, env, self.tmp / f"{name}.log", "/healthz")

    def hello(self) -> Server:
        command = self.pinned(sys.executable, "-c", HELLO_APP)
        return Server(command, dict(os.environ), self.tmp / "hello.log", "/")


def relay_serve_flags() -> str:
    out = subprocess.run(
        [sys.executable, "-m", "mestore_desktop.relay", "serve", "--help"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    return out.stdout


def uvicorn_implementations() -> str:
    """What uvicorn's "auto" picks here (both servers use uvicorn_config, so both get it)."""
    names = []
    for module, fallback in (("uvloop", "asyncio"), ("httptools", "h11")):
        try:
            __import__(module)
            names.append(module)
        except ImportError:
            names.append(fallback)
    return f"loop {names[0]}, http {names[1]}"


# -- raw HTTP clients (delivery and idle terminals) ---------------------------------------------


class RawHttp:
    """One keep-alive HTTP/1.1 connection over asyncio streams: a real client, and the
    cheapest one, so that its own cost stays out of the latencies and thousands fit."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> RawHttp:
        self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        return self

    async def send(self, method: str, target: str, headers: dict[str, str], body: bytes) -> None:
        assert self.writer is not None  # opened first
        lines = [f"{method} {target} HTTP/1.1", f"Host: {HOST}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()

    async def receive(self) -> tuple[int, bytes]:
        assert self.reader is not None  # opened first
        head = await self.reader.readuntil(b"\r\n\r\n")
        length = None
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RuntimeError("a response without Content-Length")
        body = await self.reader.readexactly(length)
        return int(head[9:12]), body

    async def request(
        self, method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> tuple[int, bytes]:
        await self.send(method, target, headers or {}, body)
        return await self.receive()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


JSON_HEADERS = {"Content-Type": "application/json"}


def poll_target(after: int, wait: float, limit: int = 500) -> str:
    return f"/v1/events?after={after}&limit={limit}&wait={wait:g}"


async def feed_end(port: int, token: str) -> int:
    """The cursor of the feed's end (read with plain polls)."""
    conn = await RawHttp(port).open()
    after = 0
    try:
        while True:
            status, body = await conn.request("GET", poll_target(after, 0), auth(token))
            page = json.loads(body)
            if status != 200 or not page["events"]:
                return after
            after = page["next_after"]
    finally:
        conn.close()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Delivery:
    latencies_ms: list[float]
    acks_ms: list[float]
    refused: dict[int, int]


async def measure_delivery(
    port: int, token: str, bodies: EventBodies, start: int, count: int, rate: float, warmup: int
) -> Delivery:
    """Paced POSTs (open loop: one every 1/rate s whatever the answers) and one terminal."""
    after = await feed_end(port, token)
    sent_at: dict[str, float] = {}
    result = Delivery([], [], {})
    wanted = {bodies.transaction_id(n) for n in range(start + warmup, start + count)}
    poller = asyncio.create_task(_terminal(port, token, after, sent_at, wanted, result))
    idle: list[RawHttp] = [await RawHttp(port).open() for _ in range(4)]
    await asyncio.sleep(0.3)  # the terminal's first poll is parked
    origin = time.perf_counter()
    posts = []
    for i, n in enumerate(range(start, start + count)):
        await asyncio.sleep(max(0.0, origin + i / rate - time.perf_counter()))
        posts.append(asyncio.create_task(_post(port, idle, bodies, n, sent_at, result, wanted)))
    await asyncio.gather(*posts)
    try:
        await asyncio.wait_for(poller, 15)
    finally:
        for conn in idle:
            conn.close()
    return result


async def _post(
    port: int,
    idle: list[RawHttp],
    bodies: EventBodies,
    n: int,
    sent_at: dict[str, float],
    result: Delivery,
    wanted: set[str],
) -> None:
    conn = idle.pop() if idle else await RawHttp(port).open()
    body = bodies.body(n)
    tx_id = bodies.transaction_id(n)
    started = time.perf_counter()
    sent_at[tx_id] = started
    status, _ = await conn.request("POST", "/wompi/events", JSON_HEADERS, body)
    if tx_id in wanted:
        result.acks_ms.append((time.perf_counter() - started) * 1000)
    idle.append(conn)
    if status != 200:
        result.refused[status] = result.refused.get(status, 0) + 1
        wanted.discard(tx_id)


async def _terminal(
    port: int,
    token: str,
    after: int,
    sent_at: dict[str, float],
    wanted: set[str],
    result: Delivery,
) -> None:
    conn = await RawHttp(port).open()
    seen: set[str] = set()
    try:
        while not wanted <= seen:
            status, body = await conn.request("GET", poll_target(after, 30), auth(token))
            received = time.perf_counter()
            if status != 200:
                raise RuntimeError(f"the terminal's poll answered {status}: {body[:200]!r}")
            page = json.loads(body)
            for item in page["events"]:
                tx_id = item["event"]["data"]["transaction"]["id"]
                if tx_id in wanted and tx_id not in seen:
                    result.latencies_ms.append((received - sent_at[tx_id]) * 1000)
                seen.add(tx_id)
            after = page["next_after"]
    finally:
        conn.close()


class IdleTerminal:
    """A terminal that keeps one long-poll parked at the end of the feed, as a real one does:
    when an answer comes, it polls again from the new cursor."""

    def __init__(self, port: int, token: str) -> None:
        self.conn = RawHttp(port)
        self.token = token
        self.events_seen = 0
        self.answers = 0
        self.task: asyncio.Task[None] | None = None

    async def start(self, after: int) -> None:
        await self.conn.open()
        await self.conn.send("GET", poll_target(after, 30, 100), auth(self.token), b"")
        self.task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            status, body = await self.conn.receive()
            self.answers += 1
            if status != 200:
                raise RuntimeError(f"an idle terminal's poll answered {status}")
            page = json.loads(body)
            self.events_seen += len(page["events"])
            target = poll_target(page["next_after"], 30, 100)
            await self.conn.send("GET", target, auth(self.token), b"")

    def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.conn.close()


@dataclass
class IdleFigure:
    terminals: int
    rss_mb: float
    established: int
    answered_early: int
    probe_reached: int
    probe_ms: float


async def measure_idle(
    relay: Server, tokens: list[str], counts: Sequence[int], bodies: EventBodies, start: int
) -> list[IdleFigure]:
    terminals: list[IdleTerminal] = []
    figures = []
    after = await feed_end(relay.port, tokens[0])
    try:
        for i, count in enumerate(sorted(counts)):
            new = [
                IdleTerminal(relay.port, tokens[n % len(tokens)])
                for n in range(len(terminals), count)
            ]
            terminals += new
            # The earlier ones got the last probe and polled again: from now on, none of them
            # may get an answer before the next probe.
            answers = [t.answers for t in terminals]
            for batch in range(0, len(new), 100):  # the listen backlog stays far from full
                await asyncio.gather(*(t.start(after) for t in new[batch : batch + 100]))
            await asyncio.sleep(2.0)  # every request read and parked
            early = sum(1 for t, a in zip(terminals, answers, strict=True) if t.answers > a)
            figures.append(await _idle_figure(relay, terminals, early, bodies, start + i))
            after = await feed_end(relay.port, tokens[0])
    finally:
        for terminal in terminals:
            terminal.close()
    return figures


async def _idle_figure(
    relay: Server, terminals: list[IdleTerminal], answered_early: int, bodies: EventBodies, n: int
) -> IdleFigure:
    rss = []
    for _ in range(3):
        rss.append(relay.rss_mb())
        await asyncio.sleep(0.3)
    established = established_on(relay.port)
    before = [t.events_seen for t in terminals]
    poster = await RawHttp(relay.port).open()
    started = time.perf_counter()
    status, _ = await poster.request("POST", "/wompi/events", JSON_HEADERS, bodies.body(n))
    poster.close()
    if status != 200:
        raise RuntimeError(f"the probe event was refused with {status}")
    reached = 0
    while time.perf_counter() - started < 10:
        reached = sum(1 for t, b in zip(terminals, before, strict=True) if t.events_seen > b)
        if reached == len(terminals):
            break
        await asyncio.sleep(0.002)
    probe_ms = (time.perf_counter() - started) * 1000
    return IdleFigure(len(terminals), max(rss), established, answered_early, reached, probe_ms)


def established_on(port: int) -> int:
    """Established TCP connections whose local port is `port` (the server's side)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                    count += 1
    return count


# -- the run ------------------------------------------------------------------------------------


@dataclass
class Figures:
    hello_get: LoadResult | None = None
    hello_post: LoadResult | None = None
    sqlite: LoadResult | None = None
    pg: LoadResult | None = None
    pg_note: str = ""
    delivery: Delivery | None = None
    idle: list[IdleFigure] = field(default_factory=list)


def pct(values: Sequence[float], q: int) -> float:
    if len(values) < 2:
        return math.nan
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--profiled-relay":
        return profiled_relay(Path(sys.argv[2]), sys.argv[4:])
    args = parse_args()
    raise_fd_limit()
    os.sched_setaffinity(0, {args.generator_cpu})  # this process and its clients
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory(prefix="bench-relay-", dir=args.workdir) as tmp:
        run(args, wrk, Path(tmp))
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add("--seconds", type=int, default=10, help="each load run (whole seconds, as wrk takes)")
    add("--connections", type=int, default=50, help="wrk's keep-alive connections")
    add("--slice", type=int, default=2, help="seconds of relay, then of hello, alternately")
    add("--threads", type=int, default=1, help="wrk threads (one core: 1 is enough)")
    add("--server-cpu", type=int, default=0)
    add("--generator-cpu", type=int, default=1)
    add("--pg-cpu", type=int, default=1, help="where PostgreSQL's processes run")
    add("--backpressure-ms", type=int, help="passed to `serve` (default: the relay's own)")
    add("--no-postgres", action="store_true", help="skip the PostgreSQL ingest")
    add("--delivery-events", type=int, default=500)
    add("--delivery-rate", type=float, default=50.0, help="events/s, paced")
    add("--delivery-warmup", type=int, default=25, help="first events left out")
    add("--idle", default="200,2000", help="idle long-poll counts for RSS")
    add("--workdir", help="where the databases go (default: the system's temp dir)")
    add("--profile", type=Path, help="also profile one ingest run per store into DIR")
    return parser.parse_args()


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < wanted:  # inherited by the relay: 2000 terminals are 2000 sockets on each side
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def run(args: argparse.Namespace, wrk: str, tmp: Path) -> None:
    setup = Setup(args.server_cpu, new_events_secret(), tmp, relay_flags(args))
    gen = Generator(wrk, args.generator_cpu, args.connections, args.threads, args.slice, tmp)
    bodies = EventBodies(setup.secret, str(time.time_ns() % 10**12))
    bodies.check()
    header(args, gen, tmp)
    figures = Figures()
    hello = setup.hello()  # kept up (idle when not measured): measured around each relay run
    try:
        hello_and_bodies(args, setup, gen, hello, bodies, figures)
        database = str(tmp / "ingest.db")
        figures.sqlite = relay_ingest(setup, gen, args.seconds, database, "sqlite", hello)
        print_ingest("relay SQLite ingest", figures.sqlite)
        if args.profile is not None:
            profile_ingest(args, setup, gen, str(tmp / "profiled.db"), "sqlite")
            memory = args.profile.resolve() / "memory.txt"
            memory.write_text(rss_by_import(), encoding="utf-8")
            print(f"the relay's RSS import by import: {memory}")
        postgres_ingest(args, setup, gen, hello, figures)
    finally:
        hello.stop()
    delivery_and_idle(args, setup, bodies, figures)
    summary(figures)


def relay_flags(args: argparse.Namespace) -> list[str]:
    if args.backpressure_ms is None:
        return []
    if "--backpressure-ms" not in relay_serve_flags():
        raise SystemExit("this relay's `serve` has no --backpressure-ms flag")
    return ["--backpressure-ms", str(args.backpressure_ms)]


def header(args: argparse.Namespace, gen: Generator, tmp: Path) -> None:
    version = subprocess.run([gen.wrk, "-v"], capture_output=True, text=True, check=False)
    wrk_version = (version.stdout or version.stderr).split("[")[0].strip()
    backpressure = (
        f"--backpressure-ms {args.backpressure_ms}"
        if args.backpressure_ms is not None
        else "backpressure: the relay's default"
    )
    print(
        f"{wrk_version}: {args.threads} thread(s), {args.connections} keep-alive connections, "
        f"{args.seconds} s per run; servers on CPU {args.server_cpu}, wrk and clients on CPU "
        f"{args.generator_cpu}; {os.cpu_count()} CPUs"
    )
    print(
        f"both servers: uvicorn, one worker, relay.server.uvicorn_config "
        f"({uvicorn_implementations()}); {backpressure}; databases on {filesystem_of(tmp)}"
    )


def filesystem_of(path: Path) -> str:
    best = ("", "?")
    for line in Path("/proc/mounts").read_text().splitlines():
        _, mount, kind, *_ = line.split()
        if str(path).startswith(mount) and len(mount) > len(best[0]):
            best = (mount, kind)
    return f"{best[1]} ({best[0]})"


def hello_and_bodies(
    args: argparse.Namespace,
    setup: Setup,
    gen: Generator,
    hello: Server,
    bodies: EventBodies,
    figures: Figures,
) -> None:
    gen.run(hello.base_url + "/", 1)  # warm-up
    watch = {"hello": hello.cpu_s}
    figures.hello_get = gen.run(hello.base_url + "/", args.seconds, watch=watch)
    print_hello("bare hello GET /", figures.hello_get)
    # 1.3 × what the bare hello answered: a relay cannot outrun it, even if the machine speeds up.
    per_thread = math.ceil(figures.hello_get.ok_per_s * args.seconds * 1.3 / args.threads)
    per_thread += args.connections
    size = bodies.write(setup.tmp / "events", 0, per_thread, args.threads)
    warm = math.ceil(per_thread / args.seconds)
    bodies.write(setup.tmp / "warm", 10**8, warm, args.threads)
    print(
        f"events: {per_thread * args.threads} distinct signed bodies of {size} bytes "
        f"for each ingest run, {warm * args.threads} others for each 1 s warm-up"
    )
    figures.hello_post = gen.run(
        hello.base_url + "/events", args.seconds, setup.tmp / "events", watch=watch
    )
    print_hello("bare hello POST /events (same bodies)", figures.hello_post)
    post_vs_get = figures.hello_post.ok_per_s / figures.hello_get.ok_per_s
    print(f"{'':<40} (POST of a 1.6 KB body = {post_vs_get:.2f}× GET; ratios below are to GET)")


def relay_ingest(
    setup: Setup,
    gen: Generator,
    seconds: int,
    database: str,
    name: str,
    hello: Server | None = None,
    watch: dict[str, Callable[[], float]] | None = None,
    profile: Path | None = None,
    commits: Callable[[], int] | None = None,
) -> LoadResult:
    """The relay's ingest, in slices of `gen.slice_s` interleaved with slices of the hello's
    GET (this machine's speed drifts by a tenth or more within seconds: both are measured over
    the same moments); `commits`: a counter of the database's commits (PostgreSQL's)."""
    relay = setup.relay(database, name, profile)
    try:
        url = relay.base_url + "/wompi/events"
        gen.run(url, 1, setup.tmp / "warm")
        stored_before = relay.stored_events()
        commits_before = commits() if commits else 0
        slices, hellos = [], []
        positions: dict[int, int] = {}
        for _ in range(max(1, seconds // gen.slice_s)):
            if hello is not None:
                hellos.append(gen.run(hello.base_url + "/", gen.slice_s))
            counters = {"relay": relay.cpu_s, **(watch or {})}
            slices.append(gen.run(url, gen.slice_s, setup.tmp / "events", counters, positions))
            positions = slices[-1].positions
        result = combine(slices)
        result.hello = combine(hellos) if hellos else None
        # Requests wrk abandoned at its deadline may still commit; PostgreSQL's statistics
        # reach pg_stat_database within a second.
        time.sleep(1.2 if commits else 0.5)
        result.stored = relay.stored_events() - stored_before
        if commits:
            result.commits = commits() - commits_before
    finally:
        relay.stop()
    return result


def print_hello(label: str, r: LoadResult) -> None:
    print(
        f"{label:<40} {r.ok_per_s:9,.0f} req/s   p50 {r.p50_ms:6.2f} ms   p99 {r.p99_ms:7.2f} ms"
        f"   non-200: {r.others()}   {r.machine()}"
    )
    if r.generator_cpu > 0.9:
        print(f"{'':<40} WARNING: wrk used most of its core: this may be the generator's limit")


def print_ingest(label: str, r: LoadResult) -> None:
    hello = r.hello.ok_per_s if r.hello else math.nan
    print(
        f"{label:<40} {r.ok_per_s:9,.0f} events/s = {r.ratio:.3f}× hello GET ({hello:,.0f} req/s "
        f"interleaved)   p50 {r.p50_ms:6.2f} ms   p99 {r.p99_ms:7.2f} ms"
    )
    print(
        f"{'':<40} {r.ok} answered 200 in {r.duration_s:.2f} s (the relay's count: {r.stored}, "
        f"with those in flight at each slice's end); non-200: {r.others()}   {r.machine()}"
    )
    if r.commits:
        print(
            f"{'':<40} the database counted {r.commits} commits during the run: "
            f"{(r.stored or 0) / r.commits:.1f} stored events per commit (all transactions count)"
        )
    if r.stored is not None and r.stored < r.ok:
        print(f"{'':<40} WARNING: fewer events stored than 200s: some answers were duplicates")
    if r.exhausted:
        print(f"{'':<40} NOTE: {r.exhausted} wrk thread(s) ran out of events and stopped early")


def postgres_ingest(
    args: argparse.Namespace,
    setup: Setup,
    gen: Generator,
    hello: Server,
    figures: Figures,
) -> None:
    if args.no_postgres:
        figures.pg_note = "skipped (--no-postgres)"
        print(f"relay PostgreSQL ingest: {figures.pg_note}")
        return
    try:
        pg = ThrowawayPostgres().start()
    except PostgresUnavailableError as exc:
        figures.pg_note = f"not measured: {exc}"
        print(f"relay PostgreSQL ingest: {figures.pg_note}")
        return
    try:
        postmaster = int((pg.data / "postmaster.pid").read_text().split()[0])
        pin_tree(postmaster, args.pg_cpu)  # the backends forked later inherit it
        url = pg.create_database("bench")
        print(f"PostgreSQL {pg_settings(pg)}; its processes on CPU {args.pg_cpu}")
        watch = {"postgres": lambda: tree_cpu_s(postmaster)}
        commits = functools.partial(pg_commits, pg, url)
        figures.pg = relay_ingest(
            setup, gen, args.seconds, url, "postgres", hello, watch, None, commits
        )
        print_ingest("relay PostgreSQL ingest", figures.pg)
        if args.profile is not None:
            profile_postgres(args, setup, gen, pg)
    finally:
        pg.stop()


def pin_tree(pid: int, cpu: int) -> None:
    for each in [pid, *children_of(pid)]:
        with suppress(ProcessLookupError):
            os.sched_setaffinity(each, {cpu})


def tree_cpu_s(pid: int) -> float:
    return process_cpu_s(pid) + sum(process_cpu_s(child) for child in children_of(pid))


def pg_commits(pg: ThrowawayPostgres, url: str) -> int:
    with pg.admin() as conn:
        row = conn.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", (url.rsplit("/", 1)[1],)
        ).fetchone()
    return int(row[0]) if row else 0


def pg_settings(pg: ThrowawayPostgres) -> str:
    with pg.admin() as conn:
        version = conn.execute("SHOW server_version").fetchone()
        shown = []
        for name in ("fsync", "synchronous_commit", "wal_sync_method"):
            row = conn.execute(f"SHOW {name}").fetchone()
            shown.append(f"{name}={row[0] if row else '?'}")
    return f"{version[0] if version else '?'} ({', '.join(shown)})"


def make_tokens(database: str, count: int) -> list[str]:
    store = RelayStore(database)
    try:
        return [store.create_token(f"bench-terminal-{n}") for n in range(count)]
    finally:
        store.dispose()


def delivery_and_idle(
    args: argparse.Namespace, setup: Setup, bodies: EventBodies, figures: Figures
) -> None:
    database = str(setup.tmp / "delivery.db")
    counts = sorted(int(c) for c in args.idle.split(",") if c.strip())
    tokens = make_tokens(database, 1 + min(200, max(counts, default=0)))
    relay = setup.relay(database, "delivery")
    try:
        count = args.delivery_warmup + args.delivery_events
        figures.delivery = asyncio.run(
            measure_delivery(
                relay.port, tokens[0], bodies, 2 * 10**8, count, args.delivery_rate,
                args.delivery_warmup,
            )
        )  # fmt: skip
        print_delivery(args, figures.delivery)
        if counts:
            baseline = relay.rss_mb()
            figures.idle = asyncio.run(measure_idle(relay, tokens[1:], counts, bodies, 3 * 10**8))
            print_idle(baseline, figures.idle)
    finally:
        relay.stop()


def print_delivery(args: argparse.Namespace, d: Delivery) -> None:
    lat, acks = d.latencies_ms, d.acks_ms
    refused = ", ".join(f"{n} × {code}" for code, n in sorted(d.refused.items())) or "none"
    print(
        f"webhook → terminal at a paced {args.delivery_rate:g} events/s ({len(lat)} events, the "
        f"first {args.delivery_warmup} left out): p50 {pct(lat, 50):.2f} ms   p95 "
        f"{pct(lat, 95):.2f} ms   p99 {pct(lat, 99):.2f} ms   max {max(lat, default=math.nan):.2f}"
        f" ms; POST answered p50 {pct(acks, 50):.2f} ms p99 {pct(acks, 99):.2f} ms; "
        f"refused: {refused}"
    )


def print_idle(baseline: float, figures: list[IdleFigure]) -> None:
    print(f"relay RSS before any idle terminal (after the delivery run): {baseline:.1f} MB")
    for f in figures:
        print(
            f"{f.terminals} idle long-polls: relay RSS {f.rss_mb:.1f} MB; parked: "
            f"{f.established} connections established on its port, {f.answered_early} answered "
            f"before the probe, the probe event reached {f.probe_reached} in {f.probe_ms:.0f} ms"
        )


def parked(f: IdleFigure) -> bool:
    return f.established >= f.terminals and f.answered_early == 0 and f.probe_reached == f.terminals


# -- profile ------------------------------------------------------------------------------------


def profile_ingest(
    args: argparse.Namespace, setup: Setup, gen: Generator, database: str, store: str
) -> None:
    out: Path = args.profile.resolve() / store
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.prof"):
        old.unlink()
    result = relay_ingest(setup, gen, args.seconds, database, f"profiled-{store}", profile=out)
    (out / "profile.txt").write_text(summarise_profiles(out), encoding="utf-8")
    print(
        f"profile of one more {store} ingest run ({result.ok_per_s:,.0f} events/s under "
        f"cProfile, not a figure): {out / 'profile.txt'}"
    )


def profile_postgres(
    args: argparse.Namespace, setup: Setup, gen: Generator, pg: ThrowawayPostgres
) -> None:
    """The relay under cProfile, and PostgreSQL's own view: every statement's duration."""
    url = pg.create_database("profiled")
    name = url.rsplit("/", 1)[1]
    with pg.admin() as conn:
        conn.execute(f"ALTER DATABASE {name} SET log_min_duration_statement = 0")  # our name
    log = pg.root / "server.log"
    start = log.stat().st_size if log.exists() else 0
    profile_ingest(args, setup, gen, url, "postgres")
    with log.open("rb") as text:
        text.seek(start)
        summary = pg_statements(text.read().decode("utf-8", "replace"))
    out = args.profile.resolve() / "postgres" / "statements.txt"
    out.write_text(summary, encoding="utf-8")
    print(f"PostgreSQL's statements during that run, by total time: {out}")


def pg_statements(log: str) -> str:
    """Statements of a `log_min_duration_statement = 0` log grouped by their text (literals
    and parameters folded), by total time."""
    totals: dict[str, list[float]] = {}
    pattern = r"duration: ([0-9.]+) ms  (?:statement|execute [^:]*): (.{0,100})"
    for match in re.finditer(pattern, log):
        key = re.sub(r"\$\d+|'[^']*'|\b\d+\b", "?", match.group(2))
        entry = totals.setdefault(key, [0, 0.0])
        entry[0] += 1
        entry[1] += float(match.group(1))
    rows = sorted(totals.items(), key=lambda kv: -kv[1][1])
    lines = [f"{'calls':>8} {'total ms':>10} {'ms/call':>8}  statement (first 100 chars)"]
    lines += [f"{n:8.0f} {ms:10.1f} {ms / n:8.3f}  {key}" for key, (n, ms) in rows[:25]]
    return "\n".join(lines) + "\n"


# Imports the relay's dependencies one after the other, printing VmRSS after each: where an
# idle relay's memory goes before it serves anything.
RSS_BY_IMPORT = """
import importlib, pathlib
def rss():
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
last = rss()
print(f"{'python itself':<42} {last:6.1f} MB")
for name in ("asyncio", "json", "uvloop", "httptools", "starlette.applications", "uvicorn",
             "uvicorn.protocols.http.httptools_impl", "sqlalchemy", "sqlalchemy.dialects.sqlite",
             "alembic.command", "psycopg", "sqlalchemy.dialects.postgresql.psycopg",
             "mestore_desktop.relay.cli"):
    importlib.import_module(name)
    now = rss()
    print(f"+ {name:<40} {now:6.1f} MB  (+{now - last:5.1f})")
    last = now
"""


def rss_by_import() -> str:
    by_import = subprocess.run(
        [sys.executable, "-c", RSS_BY_IMPORT], capture_output=True, text=True, cwd=ROOT, check=False
    )
    timing = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import mestore_desktop.relay.cli"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    rows = [line.split("|") for line in timing.stderr.splitlines()[1:] if line.count("|") == 2]
    rows.sort(key=lambda row: -int(row[1].split(":")[-1].strip() or 0))
    slowest = "\n".join("|".join(row) for row in rows[:25])
    return (
        "RSS after each import (a fresh interpreter):\n"
        f"{by_import.stdout}{by_import.stderr}\n"
        "python -X importtime -c 'import mestore_desktop.relay.cli', 25 largest cumulative (us):\n"
        f"{slowest}\n"
    )


def profiled_relay(out: Path, argv: list[str]) -> int:
    """`mestore-relay` with every thread under its own cProfile, dumped when it ends."""
    from mestore_desktop.relay.cli import main as relay_main

    original = threading.Thread.run
    numbers = itertools.count()

    def run(self: threading.Thread) -> None:
        profile = cProfile.Profile()
        profile.enable()
        try:
            original(self)
        finally:
            profile.disable()
            profile.dump_stats(out / f"thread-{self.name}-{next(numbers)}.prof")

    threading.Thread.run = run  # type: ignore[method-assign]
    profile = cProfile.Profile()
    profile.enable()
    try:
        return relay_main(argv)
    finally:
        profile.disable()
        profile.dump_stats(out / "main.prof")


def summarise_profiles(out: Path) -> str:
    groups: dict[str, list[str]] = {}
    for path in sorted(out.glob("*.prof")):
        name = path.stem.rsplit("-", 1)[0] if path.stem.startswith("thread-") else path.stem
        groups.setdefault(name.rstrip("0123456789_-"), []).append(str(path))
    parts = [
        "cProfile of every relay thread during one SQLite ingest run (warm-up included). The\n"
        "event loop's own time (asyncio runners.run with uvloop) includes its idle waits.\n"
    ]
    for name, files in groups.items():
        for order in ("tottime", "cumulative"):
            text = _stats_text(files, order)
            parts.append(f"==== {name} ({len(files)} thread(s)), by {order} ====\n{text}")
    return "\n".join(parts)


def _stats_text(files: list[str], order: str) -> str:
    buffer = io.StringIO()
    stats = pstats.Stats(*files, stream=buffer)
    stats.sort_stats(order).print_stats(25)
    return buffer.getvalue()


# -- the summary --------------------------------------------------------------------------------


def summary(f: Figures) -> None:
    eps = f.sqlite.ok_per_s if f.sqlite else math.nan
    pg_eps = f.pg.ok_per_s if f.pg else math.nan
    ratio = f.sqlite.ratio if f.sqlite else math.nan
    pg_ratio = f.pg.ratio if f.pg else math.nan
    lat = f.delivery.latencies_ms if f.delivery else []
    p50, p95 = pct(lat, 50), pct(lat, 95)
    rss = {i.terminals: i.rss_mb for i in f.idle}
    rss200, rss2000 = rss.get(200, math.nan), rss.get(2000, math.nan)
    missed = [
        miss
        for miss in (
            _missed("SQLite ingest", ratio, "≥", TARGETS["ingest"], "{:.3f}× hello"),
            _missed("PostgreSQL ingest", pg_ratio, "≥", TARGETS["pg"], "{:.3f}× hello"),
            _missed("delivery p50", p50, "≤", TARGETS["p50"], "{:.2f} ms"),
            _missed("delivery p95", p95, "≤", TARGETS["p95"], "{:.2f} ms"),
            _missed("200 idle long-polls", rss200, "≤", TARGETS["rss200"], "{:.1f} MB"),
            _missed("2000 idle long-polls", rss2000, "≤", TARGETS["rss2000"], "{:.1f} MB"),
        )
        if miss
    ]
    missed += [f"{i.terminals} idle terminals not all parked" for i in f.idle if not parked(i)]
    post = f.sqlite
    hello = post.hello.ok_per_s if post and post.hello else math.nan
    print(
        f"relay (more): pg_ingest_ratio={pg_ratio:.3f} rss_2000_idle_mb={rss2000:.1f} "
        f"post_p50_ms={post.p50_ms if post else math.nan:.2f} "
        f"post_p99_ms={post.p99_ms if post else math.nan:.2f} hello_get_rps={hello:.0f}"
    )
    print("targets missed: " + "; ".join(missed) if missed else "every target met")
    print(
        f"relay: ingest_ratio={ratio:.3f} sqlite_eps={eps:.0f} pg_eps={pg_eps:.0f} "
        f"delivery_p50_ms={p50:.2f} delivery_p95_ms={p95:.2f} "
        f"rss_200_idle_mb={rss200:.1f}"
    )


def _missed(label: str, value: float, sense: str, target: float, shown: str) -> str | None:
    if math.isnan(value):
        return f"{label} (not measured)"
    met = value >= target if sense == "≥" else value <= target
    return None if met else f"{label} {shown.format(value)} (target {sense} {shown.format(target)})"


if __name__ == "__main__":
    sys.exit(main())
