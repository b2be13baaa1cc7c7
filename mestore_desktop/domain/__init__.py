"""The pure core: money, orders, payment attempts and their status machine, references.

Nothing here does I/O or knows about Qt, HTTP or SQL; times come in as arguments.
"""
