"""Printed reports (PDF). Importing this package loads no Qt (the command line uses its JSON)."""
