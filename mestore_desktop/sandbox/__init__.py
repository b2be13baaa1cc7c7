"""A local, stateful simulator of the Wompi API, checkout pages and events (no Qt).

Map: config (keys, SandboxConfig) · state (Sandbox: the memory, rules and Python controls) ·
api (/v1) · controls (/_sandbox) · pages (payer HTML) · events (signed deliveries, retries) ·
app (create_app) · server (SandboxServer: uvicorn in a thread, the bank's host on a second
port) · hosts (that bank host, announced for the desktop) · clock (the deadline clock) ·
cli (`mestore-sandbox serve`).

In tests, either run `SandboxServer(config)` (real HTTP) or reach `create_app(config)` through
httpx.ASGITransport and `await app.state.sandbox.aclose()` afterwards.
"""
