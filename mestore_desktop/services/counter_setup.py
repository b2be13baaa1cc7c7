"""Build the counter's payment service and the checkout's navigation policy from the settings
and the keyring (the composition root calls this each time a sale is charged, so a key saved
in Ajustes a minute ago is used without a restart)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from mestore_desktop.sandbox.hosts import bank_hosts_for
from mestore_desktop.secrets import Secret, SecretName, SecretStore
from mestore_desktop.services.checkout import CheckoutSettings
from mestore_desktop.services.counter import CounterService
from mestore_desktop.services.mailer import SmtpSettings, send_link, send_receipt
from mestore_desktop.services.navigation import DEFAULT_BANK_HOSTS, NavigationPolicy
from mestore_desktop.services.receipt import Receipt, render_text
from mestore_desktop.settings import Environment, Settings
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.wompi.client import WompiClient

# Where Wompi sends the embedded checkout when it is done. It never loads: the web view
# intercepts it. Wompi advises a host you control, so it is on the relay's host when there is
# one; without a relay, a `.invalid` host that can never resolve.
EMBEDDED_RETURN_URL = "https://mestore-desktop.invalid/wompi/return"
RETURN_PATH = "/wompi/return"


def embedded_return_url(settings: Settings) -> str:
    if settings.relay_url:
        return settings.relay_url.rstrip("/") + RETURN_PATH
    return EMBEDDED_RETURN_URL


@dataclass(frozen=True)
class CounterSetup:
    counter: CounterService
    policy: NavigationPolicy


def can_settle_wompi_payments(settings: Settings, secrets: SecretStore) -> bool:
    """Whether a Wompi payment started now could ever be confirmed (issue 9, defect 6).

    Its outcome reaches MeStore through the relay (its URL and this terminal's token) or by
    searching Wompi by reference and date, which needs the private key; the redirect's
    transaction id alone never arrives from a customer's phone. A keyring that cannot be read
    raises `SecretsError` (shown by the caller), never a silent yes or no."""
    if secrets.get(SecretName.WOMPI_PRIVATE_KEY) is not None:
        return True
    return bool(settings.relay_url) and secrets.get(SecretName.RELAY_TOKEN) is not None


def build_counter(settings: Settings, db: DbExecutor, http: httpx.AsyncClient) -> CounterSetup:
    """Fails closed later, at `start_wompi`, when the public key or integrity secret is missing
    or when neither a relay nor the private key is configured (cash still works)."""
    secrets = SecretStore(settings.environment)
    wompi = WompiClient(
        http,
        api_base_url=settings.effective_api_url,
        public_key=settings.public_key,
        private_key=_private_key(secrets),
    )
    return_url = embedded_return_url(settings)
    checkout = CheckoutSettings(
        checkout_base_url=settings.effective_checkout_url,
        public_key=settings.public_key,
        redirect_url=return_url,
        expiry_minutes=settings.checkout_expiry_minutes,
    )
    counter = CounterService(
        db=db,
        wompi=wompi,
        checkout=checkout,
        integrity_secret=secrets.get(SecretName.INTEGRITY_SECRET),
        terminal_id=settings.terminal_id,
        can_settle=can_settle_wompi_payments(settings, secrets),
    )
    policy = NavigationPolicy(
        settings.effective_checkout_url,
        settings.effective_api_url,
        return_url,
        bank_hosts=DEFAULT_BANK_HOSTS + _local_sandbox_bank_hosts(settings),
    )
    return CounterSetup(counter, policy)


def _local_sandbox_bank_hosts(settings: Settings) -> tuple[str, ...]:
    # The local sandbox (the demo's) serves its bank pages, such as the 3-D Secure challenge,
    # on a loopback port of their own; only a sandbox running in this process announces one.
    if settings.environment != Environment.SANDBOX:
        return ()
    return bank_hosts_for(settings.effective_checkout_url)


def _private_key(secrets: SecretStore) -> str | None:
    # Reading a transaction by id works with the public key alone; searching by reference needs
    # the private key (without it, or a relay, `can_settle_wompi_payments` refuses to charge).
    secret = secrets.get(SecretName.WOMPI_PRIVATE_KEY)
    return secret.reveal() if secret is not None else None


async def email_receipt(settings: Settings, receipt: Receipt, pdf: bytes, to: str) -> None:
    """Send `receipt` over the SMTP server in the settings (password from the keyring)."""
    await send_receipt(
        SmtpSettings.from_settings(settings),
        _smtp_password(settings),
        to,
        render_text(receipt),
        pdf,
        receipt.filename,
        reference=receipt.reference,
    )


async def email_link(settings: Settings, to: str, subject: str, body: str, qr_png: bytes) -> None:
    """Send a payment link's text and QR over the SMTP server in the settings (as receipts go)."""
    smtp = SmtpSettings.from_settings(settings)
    await send_link(smtp, _smtp_password(settings), to, subject, body, qr_png, "link-de-pago.png")


def _smtp_password(settings: Settings) -> Secret | None:
    """The SMTP password from the keyring, when the server wants a login."""
    if not settings.smtp_username:
        return None
    return SecretStore(settings.environment).get(SecretName.SMTP_PASSWORD)
