"""Use cases that combine the domain with the Wompi adapter; no Qt, no SQL."""
