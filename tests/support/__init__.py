"""Shared test helpers (fakes for unit tests only)."""
