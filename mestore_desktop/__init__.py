"""MeStore Desktop: point of sale and back office for vendors taking payments through Wompi."""

__version__ = "0.1.0"
