"""Terminal tokens: 256 random bits shown once; the relay keeps only their SHA-256.

A token with 256 bits of entropy cannot be guessed, so a fast unsalted hash is enough to make a
stolen database useless for reading the feed (a slow KDF only helps low-entropy passwords).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

TOKEN_PREFIX = "mrt_"  # noqa: S105 (a prefix, not a token)
TOKEN_BYTES = 32
MAX_TOKEN_CHARS = 256
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def new_token() -> str:
    # The prefix lets secret scanners and people recognise a relay token in a paste.
    return TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hashes_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))


def valid_name(name: str) -> bool:
    """Terminal names: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit."""
    return _NAME.fullmatch(name) is not None


def bearer_token(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None if absent or malformed."""
    if header is None:
        return None
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value or len(value) > MAX_TOKEN_CHARS:
        return None
    return value
