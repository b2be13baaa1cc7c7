"""A local, stateful simulator of the Wompi API, checkout pages and events (no Qt)."""
