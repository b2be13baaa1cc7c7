"""Self-healing payment status sync: relay feed, pending watcher and gap filler (no Qt).

An event from the relay is a trigger, never the truth: for each one the desktop re-reads the
transaction from Wompi and feeds Wompi's answer through the domain status machine. Polling
Wompi directly is the fallback when the relay is missing, down or silent.

    relay_client.RelayClient   the relay's HTTP feed, every answer validated, typed errors
    status.SyncStatus          what the status bar shows (relay state, last event age, pending)
    service.SyncService        the three loops, `run()` / `run_once()`, observer callbacks
"""
