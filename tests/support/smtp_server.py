"""A real SMTP server on 127.0.0.1 for the e-mail tests (aiosmtpd in its own thread).

It keeps every message it accepts, can require a user and password, and can speak STARTTLS or
implicit TLS with a throw-away certificate for 127.0.0.1, whose CA the client side can trust.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

REFUSED_DOMAIN = "rechazado.test"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    authenticated: bool

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class RecordingHandler:
    """Stores each accepted message; refuses recipients at REFUSED_DOMAIN."""

    login_required: bool = False
    messages: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)

    async def handle_MAIL(self, server, session, envelope, address, mail_options) -> str:
        if self.login_required and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address.endswith("@" + REFUSED_DOMAIN):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        content = envelope.original_content or envelope.content
        self.messages.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), content, session.authenticated)
        )
        self.arrived.set()
        return "250 Message accepted for delivery"


class _LoopbackController(Controller):
    """Listens on a free port chosen by the OS (no guessing, no races between tests)."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def _authenticator(username: str, password: str):
    def check(server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login.decode(),
            auth_data.password.decode(),
        ) == (username, password)
        return AuthResult(success=ok, handled=False)

    return check


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: RecordingHandler
    ca_file: Path | None = None

    def client_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts this server's certificate (and nothing else)."""
        assert self.ca_file is not None
        return ssl.create_default_context(cafile=str(self.ca_file))


@contextmanager
def smtp_server(
    *,
    login: tuple[str, str] | None = None,
    tls: str = "none",
    cert_dir: Path | None = None,
) -> Iterator[SmtpServer]:
    """Run a server for the duration of the block. `tls`: "none", "starttls" or "ssl"."""
    handler = RecordingHandler(login_required=login is not None)
    kwargs: dict[str, Any] = {}
    ca_file = None
    if login is not None:
        # Plain AUTH is allowed without TLS here (a loopback test server); with implicit TLS
        # aiosmtpd does not notice the session is encrypted, so it must not insist either.
        kwargs.update(authenticator=_authenticator(*login), auth_require_tls=tls == "starttls")
    if tls != "none":
        assert cert_dir is not None
        server_context, ca_file = _tls_context(cert_dir)
        if tls == "starttls":
            kwargs.update(tls_context=server_context, require_starttls=True)
        else:
            kwargs.update(ssl_context=server_context)
    controller = _LoopbackController(handler, hostname="127.0.0.1", port=0, **kwargs)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler, ca_file)
    finally:
        controller.stop()


def _tls_context(directory: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context with a fresh self-signed certificate valid for 127.0.0.1 only."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "MeStore test SMTP")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "smtp-cert.pem", directory / "smtp-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context, cert_file
