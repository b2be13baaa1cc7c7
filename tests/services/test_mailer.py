"""Receipt e-mail against a real SMTP server on 127.0.0.1 (aiosmtpd): delivery and every failure."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from mestore_desktop.secrets import Secret
from mestore_desktop.services.mailer import (
    InvalidRecipientError,
    MailConnectError,
    MailError,
    MailLoginError,
    MailNotConfiguredError,
    MailRecipientRefusedError,
    MailTimeoutError,
    MailTlsError,
    SmtpSettings,
    send_link,
    send_receipt,
    send_test_message,
)
from mestore_desktop.settings import Settings, SmtpSecurity
from tests.support.smtp_server import REFUSED_DOMAIN, SmtpServer, smtp_server

PASSWORD = "clave-SMTP-canario-9f2c"
# Not a real PDF renderer's output (that needs Qt: see tests/gui/test_receipt_output.py), but
# the bytes must come back exactly as sent.
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TEXT = "Tienda Doña Rosa\nTOTAL  $ 25.000\nTransacción Wompi 15113-1764171005-28371\n"


def settings_for(server: SmtpServer, **changes: object) -> SmtpSettings:
    base: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "security": SmtpSecurity.NONE,
        "from_address": "ventas@mitienda.co",
        "store_name": "Tienda Doña Rosa",
        "timeout_s": 5.0,
    }
    base.update(changes)
    return SmtpSettings(**base)  # type: ignore[arg-type]


def send(smtp: SmtpSettings, password: Secret | None = None, to: str = "cliente@correo.co"):
    return asyncio.run(
        send_receipt(
            smtp, password, to, TEXT, PDF, "recibo-T01-000123-1.pdf", reference="T01-000123-1"
        )
    )


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


@pytest.fixture
def login_server() -> Iterator[SmtpServer]:
    with smtp_server(login=("ventas@mitienda.co", PASSWORD)) as running:
        yield running


def test_receipt_arrives_with_text_body_and_the_pdf_attached(server: SmtpServer):
    send(settings_for(server))

    [received] = server.handler.messages
    assert received.mail_from == "ventas@mitienda.co"
    assert received.rcpt_tos == ["cliente@correo.co"]
    message = received.message
    assert message["Subject"] == "Recibo de compra — Tienda Doña Rosa — T01-000123-1"
    assert message["From"].addresses[0].display_name == "Tienda Doña Rosa"
    assert message["From"].addresses[0].addr_spec == "ventas@mitienda.co"
    assert message["To"] == "cliente@correo.co"
    assert message["Message-ID"].endswith("@mitienda.co>")
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == TEXT
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "recibo-T01-000123-1.pdf"
    assert attachment.get_content() == PDF


def test_login_with_the_password_from_the_keyring(login_server: SmtpServer):
    send(settings_for(login_server, username="ventas@mitienda.co"), Secret(PASSWORD))
    [received] = login_server.handler.messages
    assert received.authenticated


def test_wrong_password_is_a_login_error_that_never_shows_the_password(
    login_server: SmtpServer, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    wrong = "otra-clave-equivocada-77"
    with pytest.raises(MailLoginError, match="rechazó el usuario o la contraseña") as info:
        send(settings_for(login_server, username="ventas@mitienda.co"), Secret(wrong))
    assert login_server.handler.messages == []
    assert wrong not in str(info.value)
    assert wrong not in caplog.text
    assert "MailLoginError" not in caplog.text  # the log names the SMTP failure instead
    assert "SMTPAuthenticationError 535" in caplog.text


def test_a_user_without_a_saved_password_is_refused_before_connecting(server: SmtpServer):
    with pytest.raises(MailNotConfiguredError, match="Falta la contraseña SMTP"):
        send(settings_for(server, username="ventas@mitienda.co"), None)
    assert server.handler.messages == []


def test_closed_port_is_a_connect_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = SmtpSettings("127.0.0.1", port, SmtpSecurity.NONE, "ventas@mitienda.co")
    with pytest.raises(MailConnectError, match=f"No se pudo conectar .*127.0.0.1:{port}"):
        send(smtp)


def test_a_server_that_never_answers_is_a_timeout():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # the kernel completes the connection; nobody ever says hello
        smtp = SmtpSettings(
            "127.0.0.1", silent.getsockname()[1], SmtpSecurity.NONE, "v@mitienda.co", timeout_s=0.3
        )
        with pytest.raises(MailTimeoutError, match=r"no respondió a tiempo \(0.3 s\)"):
            send(smtp)


def test_starttls_against_a_server_without_it_is_a_tls_error(server: SmtpServer):
    with pytest.raises(MailTlsError, match="conexión segura"):
        send(settings_for(server, security=SmtpSecurity.STARTTLS))
    assert server.handler.messages == []


def test_ssl_against_a_plain_server_is_a_tls_error(server: SmtpServer):
    with pytest.raises(MailTlsError, match="STARTTLS suele ir con el puerto 587"):
        send(settings_for(server, security=SmtpSecurity.SSL))


@pytest.mark.parametrize("security", [SmtpSecurity.STARTTLS, SmtpSecurity.SSL])
def test_login_over_tls_delivers(security: SmtpSecurity, tmp_path: Path):
    tls = "starttls" if security is SmtpSecurity.STARTTLS else "ssl"
    with smtp_server(login=("caja", PASSWORD), tls=tls, cert_dir=tmp_path) as tls_server:
        smtp = settings_for(
            tls_server, security=security, username="caja", ssl_context=tls_server.client_context()
        )
        send(smtp, Secret(PASSWORD))
        [received] = tls_server.handler.messages
    assert received.authenticated
    assert received.message["Subject"].endswith("T01-000123-1")


def test_a_certificate_for_another_name_is_refused(tmp_path: Path):
    with smtp_server(tls="ssl", cert_dir=tmp_path) as tls_server:
        smtp = settings_for(
            tls_server,
            host="localhost",  # the certificate is only for 127.0.0.1
            security=SmtpSecurity.SSL,
            ssl_context=tls_server.client_context(),
        )
        with pytest.raises(MailTlsError, match="certificado"):
            send(smtp)
        assert tls_server.handler.messages == []


def test_untrusted_certificate_is_refused_with_the_system_store(tmp_path: Path):
    with smtp_server(tls="ssl", cert_dir=tmp_path) as tls_server:
        with pytest.raises(MailTlsError, match="certificado"):
            send(settings_for(tls_server, security=SmtpSecurity.SSL))
        assert tls_server.handler.messages == []


def test_recipient_refused_by_the_server(server: SmtpServer):
    with pytest.raises(MailRecipientRefusedError, match="destinatario"):
        send(settings_for(server), to=f"nadie@{REFUSED_DOMAIN}")
    assert server.handler.messages == []


@pytest.mark.parametrize(
    "to", ["", "cliente", "cliente@correo", "a b@correo.co", "x@y.co\r\nBcc: z@w.co", "ñ@correo.co"]
)
def test_an_invalid_recipient_is_refused_before_connecting(server: SmtpServer, to: str):
    with pytest.raises(InvalidRecipientError, match="no es un correo válido") as info:
        send(settings_for(server), to=to)
    assert "\n" not in str(info.value)
    assert server.handler.messages == []


def test_every_mail_error_is_one_spanish_sentence_type():
    assert issubclass(InvalidRecipientError, MailError)
    assert issubclass(MailTimeoutError, MailError)


def test_attachment_must_be_a_pdf_with_a_plain_name(server: SmtpServer):
    smtp = settings_for(server)
    with pytest.raises(ValueError, match="not a PDF"):
        asyncio.run(send_receipt(smtp, None, "a@b.co", TEXT, b"GIF89a", "r.pdf", reference="R"))
    with pytest.raises(ValueError, match="plain file name"):
        asyncio.run(send_receipt(smtp, None, "a@b.co", TEXT, PDF, "../r.pdf", reference="R"))
    assert server.handler.messages == []


def test_test_message_goes_to_the_sender_itself(server: SmtpServer):
    sent_to = asyncio.run(send_test_message(settings_for(server), None))
    assert sent_to == "ventas@mitienda.co"
    [received] = server.handler.messages
    assert received.rcpt_tos == ["ventas@mitienda.co"]
    assert received.message["Subject"] == "Correo de prueba de MeStore — Tienda Doña Rosa"


def test_subject_leaves_out_a_missing_store_name(server: SmtpServer):
    send(settings_for(server, store_name=""))
    [received] = server.handler.messages
    assert received.message["Subject"] == "Recibo de compra — T01-000123-1"
    assert received.message["From"] == "ventas@mitienda.co"


def test_smtp_settings_from_settings():
    settings = Settings(
        store_name="Tienda",
        smtp_host="smtp.mitienda.co",
        smtp_port=465,
        smtp_security=SmtpSecurity.SSL,
        smtp_username="caja",
        smtp_from="ventas@mitienda.co",
    )
    smtp = SmtpSettings.from_settings(settings)
    assert (smtp.host, smtp.port, smtp.security, smtp.username) == (
        "smtp.mitienda.co",
        465,
        SmtpSecurity.SSL,
        "caja",
    )
    assert (smtp.from_address, smtp.store_name, smtp.server) == (
        "ventas@mitienda.co",
        "Tienda",
        "smtp.mitienda.co:465",
    )
    with pytest.raises(MailNotConfiguredError, match="Ajustes > Correo"):
        SmtpSettings.from_settings(Settings())


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16  # the bytes must come back exactly as sent


def test_a_payment_link_arrives_with_its_text_and_the_qr_attached(server: SmtpServer):
    body = "Pague su pedido en https://checkout.wompi.co/l/test_Bj99lR\n"
    asyncio.run(
        send_link(
            settings_for(server),
            None,
            "cliente@correo.co",
            "Link de pago — Tienda Doña Rosa",
            body,
            PNG,
            "link-test_Bj99lR.png",
        )
    )

    [received] = server.handler.messages
    message = received.message
    assert message["Subject"] == "Link de pago — Tienda Doña Rosa"
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "image/png"
    assert attachment.get_filename() == "link-test_Bj99lR.png"
    assert attachment.get_content() == PNG


def test_a_payment_link_is_refused_before_connecting_when_the_address_is_bad(server: SmtpServer):
    with pytest.raises(InvalidRecipientError):
        asyncio.run(send_link(settings_for(server), None, "no-es-correo", "S", "B", PNG, "qr.png"))
    with pytest.raises(ValueError, match="PNG"):
        asyncio.run(send_link(settings_for(server), None, "a@b.co", "S", "B", b"GIF89a", "qr.png"))
    assert server.handler.messages == []
