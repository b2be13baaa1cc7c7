"""Pre-signed acceptance tokens: JWT-looking HS256 strings with a one-hour `exp` (docs/wompi.md §6).

Real tokens carry `contract_id`, `permalink`, `file_hash`, `jit` and `exp`; ours do too, signed
with a per-sandbox secret so that `POST /v1/transactions` can tell a token it issued from a
made-up one, and an expired one from a fresh one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from enum import Enum
from typing import Any

TOKEN_LIFETIME_S = 3600


class Contract(Enum):
    END_USER_POLICY = 1
    PERSONAL_DATA_AUTH = 2

    @property
    def permalink(self) -> str:
        name = "reglamento" if self is Contract.END_USER_POLICY else "autorizacion-datos"
        return f"https://wompi.com/assets/downloadble/{name}-usuarios-colombia.pdf"


class TokenProblem(Enum):
    INVALID = "El token de aceptación es inválido"
    EXPIRED = "El token de aceptación ha expirado"


def issue(contract: Contract, signing_key: bytes, *, now: float | None = None) -> str:
    issued = int(time.time() if now is None else now)
    claims = {
        "contract_id": contract.value,
        "permalink": contract.permalink,
        "file_hash": hashlib.md5(contract.name.encode(), usedforsecurity=False).hexdigest(),
        "jit": f"{issued}-{secrets.randbelow(90000) + 10000}",
        "exp": issued + TOKEN_LIFETIME_S,
    }
    head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{body}.{_sign(head, body, signing_key)}"


def presigned(
    contract: Contract, signing_key: bytes, *, now: float | None = None
) -> dict[str, str]:
    """The `presigned_acceptance` / `presigned_personal_data_auth` object of a merchant."""
    return {
        "acceptance_token": issue(contract, signing_key, now=now),
        "permalink": contract.permalink,
        "type": contract.name,
    }


def check(
    token: Any, contract: Contract, signing_key: bytes, *, now: float | None = None
) -> TokenProblem | None:
    """None when `token` is one we issued for `contract` and has not expired by `now`."""
    claims = _verified_claims(token, signing_key)
    if claims is None or claims.get("contract_id") != contract.value:
        return TokenProblem.INVALID
    exp = claims.get("exp")
    if not isinstance(exp, int) or exp <= (time.time() if now is None else now):
        return TokenProblem.EXPIRED
    return None


def _verified_claims(token: Any, signing_key: bytes) -> dict[str, Any] | None:
    if not isinstance(token, str) or token.count(".") != 2:
        return None
    head, body, signature = token.split(".")
    if not hmac.compare_digest(signature, _sign(head, body, signing_key)):
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except ValueError:
        return None
    return claims if isinstance(claims, dict) else None


def _sign(head: str, body: str, key: bytes) -> str:
    return _b64(hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
