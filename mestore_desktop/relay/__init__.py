"""The webhook relay: receives Wompi's events, stores them durably, lets terminals poll them.

A desktop terminal has no public URL, so Wompi POSTs its events here; terminals read them back
through a cursor feed with long-polling. Runs on a server without Qt.

Map: config (RelayConfig, secrets) · events (parse, validate, dedupe key) · tokens (terminal
tokens: generate, hash) · schema + migrations (Alembic, SQLite and PostgreSQL) · store
(RelayStore: durable inserts in commit order, feed, tokens, prune) · wakeup (long-poll wake-ups,
PostgreSQL LISTEN/NOTIFY) · ratelimit (token buckets) · app (create_app: the HTTP contract) ·
server (RelayServer: uvicorn in a thread, for tests and embedding) · cli (`mestore-relay`).

The only project module it may import is `mestore_desktop.wompi.signatures`.
"""
