"""How each setting is presented: its label, section, editor kind and choices.

Kept apart from the widgets so the form stays generic: a setting added to ``EDITABLE_KEYS`` later
still gets a text field (under "Otros") even before anyone describes it here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from mestore_desktop.settings import DEFAULT_CHECKOUT_URL, EDITABLE_KEYS
from mestore_desktop.ui.i18n import language_names

# lupdate extracts calls spelled translate("Context", "literal"), so keep that exact shape.
translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """Presentation of one setting; ``choices`` (value, label) makes it a combo box."""

    key: str
    label: str
    section: str
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()


def field_specs() -> list[FieldSpec]:
    """Every editable setting in display order; built at call time so translations apply."""
    comercio, wompi, relay, terminal, correo = (
        translate("SettingsFields", "Comercio"),
        translate("SettingsFields", "Wompi"),
        translate("SettingsFields", "Relay"),
        translate("SettingsFields", "Terminal"),
        translate("SettingsFields", "Correo (SMTP)"),
    )
    known = {
        "store_name": FieldSpec(
            "store_name", translate("SettingsFields", "Nombre del comercio"), comercio
        ),
        "store_nit": FieldSpec(
            "store_nit",
            translate("SettingsFields", "NIT"),
            comercio,
            translate("SettingsFields", "Ej.: 900123456-8"),
        ),
        "environment": FieldSpec(
            "environment",
            translate("SettingsFields", "Ambiente"),
            wompi,
            choices=(
                ("sandbox", translate("SettingsFields", "Sandbox (pruebas)")),
                ("production", translate("SettingsFields", "Producción")),
            ),
        ),
        "public_key": FieldSpec(
            "public_key", translate("SettingsFields", "Llave pública"), wompi, "pub_test_…"
        ),
        "wompi_api_url": FieldSpec(
            "wompi_api_url",
            translate("SettingsFields", "URL de la API"),
            wompi,
            translate("SettingsFields", "Vacío: la de Wompi para el ambiente"),
        ),
        "checkout_url": FieldSpec(
            "checkout_url",
            translate("SettingsFields", "URL del checkout"),
            wompi,
            translate("SettingsFields", "Vacío: ") + DEFAULT_CHECKOUT_URL,
        ),
        "checkout_expiry_minutes": FieldSpec(
            "checkout_expiry_minutes",
            translate("SettingsFields", "Minutos para pagar un cobro"),
            wompi,
            "30",
        ),
        "relay_url": FieldSpec(
            "relay_url", translate("SettingsFields", "URL del relay"), relay, "https://…"
        ),
        "terminal_id": FieldSpec(
            "terminal_id", translate("SettingsFields", "Id de la terminal"), terminal, "T01"
        ),
        "language": FieldSpec(
            "language",
            translate("SettingsFields", "Idioma"),
            translate("SettingsFields", "Idioma"),
            # Named in the UI's language, like every other choice on the page.
            choices=tuple(language_names().items()),
        ),
        **_mail_specs(correo),
    }
    # Design order (Comercio, Wompi, Relay, Terminal, Idioma, Correo), then anything not
    # described yet.
    described = [spec for key, spec in known.items() if key in EDITABLE_KEYS]
    others = translate("SettingsFields", "Otros")
    return described + [FieldSpec(key, key, others) for key in EDITABLE_KEYS if key not in known]


def _mail_specs(section: str) -> dict[str, FieldSpec]:
    """The *Correo (SMTP)* fields for e-mailed receipts; the password is a secret, not here."""
    return {
        "smtp_host": FieldSpec(
            "smtp_host",
            translate("SettingsFields", "Servidor SMTP"),
            section,
            translate("SettingsFields", "Ej.: smtp.gmail.com (vacío: sin correo)"),
        ),
        "smtp_security": FieldSpec(
            "smtp_security",
            translate("SettingsFields", "Seguridad SMTP"),
            section,
            choices=(
                ("starttls", translate("SettingsFields", "STARTTLS (puerto 587)")),
                ("ssl", translate("SettingsFields", "SSL/TLS (puerto 465)")),
                ("none", translate("SettingsFields", "Sin cifrado (solo servidor local)")),
            ),
        ),
        "smtp_port": FieldSpec(
            "smtp_port", translate("SettingsFields", "Puerto SMTP"), section, "587"
        ),
        "smtp_username": FieldSpec(
            "smtp_username",
            translate("SettingsFields", "Usuario SMTP"),
            section,
            translate("SettingsFields", "Vacío si el servidor no pide contraseña"),
        ),
        "smtp_from": FieldSpec(
            "smtp_from",
            translate("SettingsFields", "Correo remitente"),
            section,
            translate("SettingsFields", "Ej.: ventas@mitienda.co"),
        ),
    }
