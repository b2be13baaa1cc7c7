"""*Enviar por correo*: receipts (and the Ajustes test message) over SMTP.

Sending uses the standard library's ``smtplib`` in a worker thread (``asyncio.to_thread``), so the
UI's loop never waits on the network, with a timeout on every socket operation. Every failure
becomes a :class:`MailError` whose ``str()`` tells staff, in Spanish, what went wrong and what to
check; the SMTP password is revealed only at ``login`` and never logged, and the server's own
reply text is left out of messages and logs (it is untrusted and may echo what we sent).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import make_msgid
from enum import StrEnum

from mestore_desktop.domain.text import N_
from mestore_desktop.secrets import Secret
from mestore_desktop.settings import Settings, SmtpSecurity, is_email_address

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 20.0
_ATTACHMENT_NAME = re.compile(r"^[A-Za-z0-9._-]{1,100}\.pdf$", re.ASCII)
_PNG_NAME = re.compile(r"^[A-Za-z0-9._-]{1,100}\.png$", re.ASCII)


class MailError(Exception):
    """An e-mail that could not be sent; ``str()`` is a Spanish sentence for staff."""


class MailNotConfiguredError(MailError):
    """A setting or the password that sending needs is missing."""


class InvalidRecipientError(MailError):
    """The address typed for the customer is not an e-mail address."""


class MailConnectError(MailError):
    """No connection to the server (wrong host or port, no network, server down)."""


class MailTlsError(MailError):
    """The secure connection (STARTTLS or SSL) could not be set up."""


class MailLoginError(MailError):
    """The server refused the user name or the password."""


class MailRecipientRefusedError(MailError):
    """The server refused the recipient's (or the sender's) address."""


class MailTimeoutError(MailError):
    """The server stopped answering."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to send; built from :class:`Settings` with :meth:`from_settings`."""

    host: str
    port: int
    security: SmtpSecurity
    from_address: str
    username: str = ""
    store_name: str = ""
    timeout_s: float = DEFAULT_TIMEOUT_S
    # None: the system's trusted certificates (tests pass a context trusting their own CA).
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpSettings:
        if not settings.smtp_host or not settings.smtp_from:
            raise MailNotConfiguredError(
                N_(
                    "El correo no está configurado: escriba el servidor SMTP y el correo "
                    "remitente en Ajustes > Correo (SMTP) y guarde los ajustes.",
                )
            )
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=SmtpSecurity(settings.smtp_security),
            from_address=settings.smtp_from,
            username=settings.smtp_username,
            store_name=settings.store_name,
        )

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


async def send_receipt(
    smtp: SmtpSettings,
    password: Secret | None,
    to: str,
    receipt_text: str,
    pdf: bytes,
    filename: str,
    *,
    reference: str,
) -> None:
    """E-mail a receipt to *to*: the text as the body, the PDF attached as *filename*."""
    _require_recipient(to)
    if not pdf.startswith(b"%PDF-"):
        raise ValueError("the attachment is not a PDF")
    if not _ATTACHMENT_NAME.fullmatch(filename):
        raise ValueError("the attachment name must be a plain file name ending in .pdf")
    message = _message(smtp, to, _subject("Recibo de compra", smtp.store_name, reference))
    message.set_content(receipt_text)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    await _send(smtp, password, message)
    log.info("Recibo %s enviado por correo (servidor %s)", reference, smtp.server)


async def send_link(
    smtp: SmtpSettings,
    password: Secret | None,
    to: str,
    subject: str,
    body: str,
    qr_png: bytes,
    filename: str,
) -> None:
    """E-mail a payment link to *to*: *body* (the link's text) with its QR attached as a PNG."""
    _require_recipient(to)
    if not qr_png.startswith(b"\x89PNG"):
        raise ValueError("the attachment is not a PNG")
    if not _PNG_NAME.fullmatch(filename):
        raise ValueError("the attachment name must be a plain file name ending in .png")
    message = _message(smtp, to, subject)
    message.set_content(body)
    message.add_attachment(qr_png, maintype="image", subtype="png", filename=filename)
    await _send(smtp, password, message)
    log.info("Link de pago enviado por correo (servidor %s)", smtp.server)


async def send_test_message(smtp: SmtpSettings, password: Secret | None) -> str:
    """Send a short test message to the sender's own address; returns that address."""
    to = smtp.from_address
    message = _message(smtp, to, _subject("Correo de prueba de MeStore", smtp.store_name))
    message.set_content(
        "Este es un correo de prueba enviado desde MeStore Desktop (Ajustes > Correo).\n"
        "Si lo recibió, los recibos por correo saldrán por este servidor.\n"
    )
    await _send(smtp, password, message)
    log.info("Correo de prueba enviado (servidor %s)", smtp.server)
    return to


def _require_recipient(to: str) -> None:
    if not is_email_address(to):
        shown = f"«{to}» " if to.isprintable() and len(to) <= 80 else ""
        raise InvalidRecipientError(
            N_(
                "La dirección {shown}no es un correo válido; escríbala como cliente@correo.com.",
                shown=shown,
            )
        )


def _subject(*parts: str) -> str:
    return " — ".join(part for part in parts if part)


def _message(smtp: SmtpSettings, to: str, subject: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = Address(display_name=smtp.store_name, addr_spec=smtp.from_address)
    message["To"] = to
    message["Date"] = datetime.now(UTC)
    message["Message-ID"] = make_msgid(domain=smtp.from_address.rpartition("@")[2])
    return message


async def _send(smtp: SmtpSettings, password: Secret | None, message: EmailMessage) -> None:
    if smtp.username and password is None:
        raise MailNotConfiguredError(
            N_(
                "Falta la contraseña SMTP: guárdela en Ajustes > Correo (SMTP) antes de enviar.",
            )
        )
    await asyncio.to_thread(_deliver, smtp, password, message)


class _Stage(StrEnum):
    CONNECT = "connect"
    TLS = "tls"
    LOGIN = "login"
    SEND = "send"


def _deliver(smtp: SmtpSettings, password: Secret | None, message: EmailMessage) -> None:
    """Runs in a worker thread: connect, secure, log in, send, quit."""
    stage = _Stage.CONNECT
    try:
        client = _connect(smtp)
        try:
            if smtp.security is SmtpSecurity.STARTTLS:
                stage = _Stage.TLS
                client.starttls(context=smtp.ssl_context or ssl.create_default_context())
            if smtp.username and password is not None:
                stage = _Stage.LOGIN
                client.login(smtp.username, password.reveal())
            stage = _Stage.SEND
            client.send_message(message)
            # The message is accepted: a server that fumbles the goodbye changes nothing.
            with contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
        finally:
            client.close()
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("No se envió un correo por %s (%s): %s", smtp.server, stage, _describe(exc))
        raise _translate(exc, stage, smtp) from None


def _connect(smtp: SmtpSettings) -> smtplib.SMTP:
    if smtp.security is SmtpSecurity.SSL:
        context = smtp.ssl_context or ssl.create_default_context()
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout_s, context=context)
    return smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_s)


def _translate(exc: BaseException, stage: _Stage, smtp: SmtpSettings) -> MailError:
    """The staff message for a failure, by what failed and at which step."""
    server = smtp.server
    # smtplib reports a reply that timed out as SMTPServerDisconnected raised from the timeout.
    if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
        return MailTimeoutError(
            N_(
                "El servidor de correo {server} no respondió a tiempo ({timeout_s} s). "
                "Revise la conexión a internet e intente de nuevo.",
                server=server,
                timeout_s=f"{smtp.timeout_s:g}",
            )
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailTlsError(
            N_(
                "El certificado del servidor de correo {server} no es válido para ese "
                "nombre; revise el servidor en Ajustes > Correo (SMTP).",
                server=server,
            )
        )
    if stage is _Stage.TLS or isinstance(exc, ssl.SSLError):
        return MailTlsError(
            N_(
                "No se pudo abrir una conexión segura con {server}. Revise el tipo de "
                "seguridad (STARTTLS suele ir con el puerto 587 y SSL con el 465).",
                server=server,
            )
        )
    if stage is _Stage.LOGIN:
        return _login_error(exc, server)
    if stage is _Stage.SEND:
        return _send_error(exc, smtp)
    return MailConnectError(
        N_(
            "No se pudo conectar con el servidor de correo {server}. Revise el "
            "servidor y el puerto en Ajustes > Correo (SMTP) y la conexión a "
            "internet.",
            server=server,
        )
    )


def _login_error(exc: BaseException, server: str) -> MailError:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailLoginError(
            N_(
                "El servidor de correo {server} rechazó el usuario o la contraseña. "
                "Revíselos en Ajustes > Correo (SMTP); algunos servicios piden una "
                "contraseña de aplicación.",
                server=server,
            )
        )
    if isinstance(exc, smtplib.SMTPResponseException | smtplib.SMTPNotSupportedError) or (
        type(exc) is smtplib.SMTPException
    ):
        return MailLoginError(
            N_(
                "El servidor de correo {server} no ofrece un inicio de sesión que "
                "MeStore pueda usar; revise el tipo de seguridad, o deje el usuario "
                "vacío si no pide contraseña.",
                server=server,
            )
        )
    return _cut_off(server, while_sending=False)


def _send_error(exc: BaseException, smtp: SmtpSettings) -> MailError:
    server = smtp.server
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return MailRecipientRefusedError(
            N_(
                "El servidor de correo {server} rechazó la dirección del destinatario; revísela.",
                server=server,
            )
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return MailRecipientRefusedError(
            N_(
                "El servidor de correo {server} no acepta enviar desde {from_address}; "
                "revise el correo remitente en Ajustes > Correo (SMTP).",
                server=server,
                from_address=smtp.from_address,
            )
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return MailError(
            N_(
                "El servidor de correo {server} no aceptó el mensaje (código "
                "{smtp_code}); intente de nuevo más tarde.",
                server=server,
                smtp_code=exc.smtp_code,
            )
        )
    return _cut_off(server, while_sending=True)


def _cut_off(server: str, *, while_sending: bool) -> MailError:
    if while_sending:
        return MailConnectError(
            N_(
                "Se cortó la conexión con el servidor de correo {server} y no se sabe si el "
                "mensaje salió. Intente de nuevo.",
                server=server,
            )
        )
    return MailConnectError(
        N_(
            "Se cortó la conexión con el servidor de correo {server}. Intente de nuevo.",
            server=server,
        )
    )


def _describe(exc: BaseException) -> str:
    """For the log: the kind of failure and the SMTP code, never the server's reply text."""
    code = getattr(exc, "smtp_code", None)
    return f"{type(exc).__name__} {code}" if code is not None else type(exc).__name__
