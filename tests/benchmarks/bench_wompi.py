"""Benchmark (not a test): the local Wompi sandbox's throughput and the client's latency.

Run: `.venv/bin/python -m tests.benchmarks.bench_wompi [--seconds 5] [--concurrency 32]`

Both servers run as separate processes (uvicorn, one worker) on loopback and are driven by the
same async httpx load generator, so the ratio sandbox / bare-Starlette "hello" says how much the
simulator's own work costs on this machine, whatever the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.models import TransactionRequest
from mestore_desktop.wompi.signatures import integrity_signature

ROOT = Path(__file__).resolve().parents[2]
HELLO_APP = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
async def hello(request):
    return JSONResponse({"hello": "world"})
app = Starlette(routes=[Route("/", hello)])
"""


def start_sandbox() -> tuple[subprocess.Popen[str], dict[str, str]]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mestore_desktop.sandbox.cli",
            "serve",
            "--port",
            "0",
            "--finalize-delay",
            "0.05",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    info: dict[str, str] = {}
    assert proc.stdout is not None
    while "integrity_secret" not in info:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox did not start")
        key, sep, value = line.strip().partition("=")
        if sep:
            info[key] = value
    return proc, info


def start_hello(tmp: Path) -> tuple[subprocess.Popen[str], str]:
    (tmp / "bench_hello_app.py").write_text(HELLO_APP, encoding="utf-8")
    port = 18765 + os.getpid() % 1000
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench_hello_app:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=tmp,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(200):
        try:
            httpx.get(url, timeout=0.2)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("the hello server did not start")


def wrk_throughput(url: str, seconds: float, concurrency: int) -> float | None:
    """Requests/s measured by wrk (Debian package `wrk`), a C load generator; None without it."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    out = subprocess.run(
        [wrk, "-t1", f"-c{concurrency}", f"-d{max(1, int(seconds))}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("Requests/sec:"))
    return float(line.split()[1])


def measure(url: str, seconds: float, concurrency: int) -> tuple[float, str]:
    rate = wrk_throughput(url, seconds, concurrency)
    if rate is not None:
        return rate, "wrk"
    asyncio.run(throughput(url, 0.5, concurrency))  # warm-up: connections and imports
    return asyncio.run(throughput(url, seconds, concurrency)), "httpx"


async def throughput(url: str, seconds: float, concurrency: int, headers=None) -> float:
    done = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, headers=headers) as http:

        async def worker() -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                response = await http.get(url)
                response.raise_for_status()
                done += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return done / (time.perf_counter() - start)


async def client_latency(info: dict[str, str], samples: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"get_transaction": [], "find_transactions": []}
    async with httpx.AsyncClient() as http:
        client = WompiClient(
            http,
            api_base_url=info["api_url"],
            public_key=info["public_key"],
            private_key=info["private_key"],
        )
        merchant = await client.get_merchant()
        tx = await client.create_transaction(
            TransactionRequest(
                amount_in_cents=2_500_000,
                currency="COP",
                reference="BENCH-1",
                customer_email="bench@example.com",
                signature=integrity_signature("BENCH-1", 2_500_000, info["integrity_secret"]),
                acceptance_token=merchant.acceptance_token,
                accept_personal_auth=merchant.personal_data_auth_token,
                payment_method={"type": "NEQUI", "phone_number": "3991111111"},
            )
        )
        for _ in range(samples):
            for name, call in (
                ("get_transaction", lambda: client.get_transaction(tx.id)),
                ("find_transactions", lambda: client.find_transactions("BENCH-1")),
            ):
                start = time.perf_counter()
                await call()
                timings[name].append((time.perf_counter() - start) * 1000)
        await client.search_transactions(date.today() - timedelta(days=1), date.today())
    return timings


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(args, Path(tmp))


def run(args: argparse.Namespace, tmp: Path) -> None:
    sandbox, info = start_sandbox()
    hello, hello_url = start_hello(tmp)
    try:
        merchant_url = f"{info['api_url']}/merchants/{info['public_key']}"
        bare, tool = measure(hello_url, args.seconds, args.concurrency)
        sim, _ = measure(merchant_url, args.seconds, args.concurrency)
        timings = asyncio.run(client_latency(info, args.samples))
    finally:
        for proc in (sandbox, hello):
            proc.terminate()
            proc.wait(timeout=10)
    print(f"load generator: {tool}, {args.concurrency} connections, {args.seconds:.0f} s each")
    print(f"bare Starlette hello:          {bare:8.0f} req/s")
    print(f"sandbox GET /merchants/{{key}}: {sim:8.0f} req/s  (ratio {sim / bare:.2f} of bare)")
    for name, values in timings.items():
        print(
            f"client {name:<18} p50 {pct(values, 50):6.2f} ms   p95 {pct(values, 95):6.2f} ms"
            f"   (n={len(values)})"
        )


if __name__ == "__main__":
    main()
