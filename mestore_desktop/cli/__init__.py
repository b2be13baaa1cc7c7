"""`mestore` command line."""
