"""The bank host of each sandbox running in this process, found by the sandbox's base URL.

The desktop's checkout opens bank and 3-D Secure pages in a bank window only for the hosts its
navigation policy lists as banks (services/navigation.py). A `SandboxServer` serves the bank's
pages on a loopback port of their own and announces that `host:port` here while it runs, so the
counter, pointed at that sandbox (the demo), can list it; a real environment never finds one.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

_lock = threading.Lock()
_announced: dict[str, str] = {}  # sandbox origin ("http://127.0.0.1:8900") -> "127.0.0.1:8904"


def announce(base_url: str, bank_host: str) -> None:
    with _lock:
        _announced[_origin(base_url)] = bank_host


def withdraw(base_url: str) -> None:
    with _lock:
        _announced.pop(_origin(base_url), None)


def bank_hosts_for(url: str) -> tuple[str, ...]:
    """The bank host of the running sandbox that serves `url` (its checkout or API URL)."""
    with _lock:
        host = _announced.get(_origin(url))
    return (host,) if host else ()


def host_of(url: str) -> str:
    """`host:port` of an http(s) URL as a browser's address bar shows it (`[::1]:8904`)."""
    return urlsplit(url).netloc.lower()


def _origin(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
