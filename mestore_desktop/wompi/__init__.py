"""Wompi adapter: signatures, checkout URLs and the HTTP API client."""
