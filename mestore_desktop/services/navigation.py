"""Where the embedded Wompi checkout may go: a pure allow-list, decided one URL at a time.

The "Pagar aquí" web view asks `NavigationPolicy.decide` before every navigation (and again,
in its request interceptor, before every frame request hits the network):

* the configured checkout and API origins (same scheme, host and port) load in place;
* the merchant's redirect URL is caught and never loads; its `id` is only a hint, because anyone
  can type such a URL: the status is always read from Wompi afterwards (docs/wompi.md §2.3);
* bank and 3-D Secure pages (PSE, Nequi, Bancolombia…) open in a separate window that shows
  their host (the view asks with ``in_popup=False`` and gets OPEN_POPUP), and load inside it;
* everything else is blocked: other hosts, ``file:``, ``data:``, ``javascript:``, plain http.

https is required, except for the loopback names the settings point to (the local sandbox and
the demo). URLs are checked as Chromium hands them over (fully percent-encoded ASCII); anything
with credentials, spaces, backslashes or other characters that parsers disagree about is blocked
rather than interpreted.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import SplitResult, parse_qs, urlsplit

from mestore_desktop.domain.text import N_, Text

# Best effort, and configurable (NavigationPolicy's `bank_hosts`): the hosts Wompi's checkout
# sends payers to for PSE, Nequi, Bancolombia, Daviplata and card 3-D Secure challenges. Banks
# and ACS providers change domains without notice; an entry also admits its subdomains, and a
# page that is missing here is blocked (and logged with its host) rather than silently loaded.
DEFAULT_BANK_HOSTS: tuple[str, ...] = (
    "pse.com.co",  # PSE (ACH Colombia) bank selection and bank redirection pages
    "achcolombia.com.co",
    "nequi.com.co",
    "bancolombia.com",  # Botón Bancolombia, Bancolombia a la mano
    "grupobancolombia.com",
    "daviplata.com",
    "davivienda.com",
    "credibanco.com",  # Colombian card processors and their 3-D Secure ACS
    "redeban.com",
    "cardinalcommerce.com",  # common 3-D Secure ACS and directory-server hosts
    "arcot.com",
    "securesuite.net",
    "wlp-acs.com",
    "modirum.com",
    "gpayments.net",
    "public-assets.wompi.com",  # Wompi's own sandbox bank-transfer pages (docs/wompi.md §1.1)
)

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
DEFAULT_PORTS = {"http": 80, "https": 443}
POPUP_BLANK = "about:blank"

# Wompi transaction ids: `<merchant id>-<unix seconds>-<digits>`, e.g. 12345-1668624561-38705.
_TRANSACTION_ID = re.compile(r"[0-9]{1,12}-[0-9]{10}-[0-9]{1,10}")
# What Chromium hands over is percent-encoded ASCII without spaces. Anything else (tabs,
# backslashes, non-ASCII) is where URL parsers disagree, so it is refused, not interpreted.
_PLAIN_URL = re.compile(r"[!-\[\]-~]+")
_SUFFIX_LABELS = frozenset({"co", "com", "net", "org", "gov", "edu", "mil", "info", "biz"})
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"(?:{_LABEL}\.)*{_LABEL}")
# A loopback bank host with its port: `127.0.0.1:8904`, `[::1]:8904`, `localhost:8904`.
_LOOPBACK_WITH_PORT = re.compile(
    r"(?:\[(?P<v6>[0-9a-f:]+)\]|(?P<name>[a-z0-9.]+)):(?P<port>[0-9]{1,5})"
)


class NavAction(StrEnum):
    ALLOW = "allow"
    OPEN_POPUP = "open_popup"
    REDIRECT = "redirect"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class NavDecision:
    """What to do with one URL, and why (a short Spanish phrase for the log and the cashier).

    `transaction_id` is set only for REDIRECT: the `id` Wompi appended, if it looks like a Wompi
    transaction id, else "". It is a hint for which transaction to read from Wompi, never a status.
    """

    action: NavAction
    reason: str
    transaction_id: str = ""


class NavigationPolicyError(ValueError):
    """A configured URL or bank host the policy cannot use. `str()` is Spanish for staff."""


@dataclass(frozen=True, slots=True)
class _Origin:
    scheme: str
    host: str
    port: int


@dataclass(frozen=True, slots=True)
class _BankHost:
    """A domain (admits its subdomains, https only), or a loopback name, optionally with a
    port (that name only; with a port, that port only; http allowed)."""

    host: str
    port: int | None = None

    def admits(self, origin: _Origin) -> bool:
        if self.host in LOOPBACK_HOSTS:
            port_ok = self.port is None or origin.port == self.port
            return origin.host == self.host and origin.scheme in DEFAULT_PORTS and port_ok
        return origin.scheme == "https" and _within(origin.host, self.host)


@dataclass(frozen=True, slots=True)
class _Target:
    origin: _Origin
    path: str
    query: str


class NavigationPolicy:
    """The allow-list for one checkout: `decide(url, in_popup=…)` → `NavDecision`.

    `bank_hosts` entries are domain names (each admits its subdomains); a loopback name such as
    ``localhost`` is allowed too, for tests and the demo, and then matches itself only; a
    loopback name with a port (``127.0.0.1:8904``, the local sandbox's bank and 3-D Secure
    host) matches that port only.
    """

    def __init__(
        self,
        checkout_url: str,
        api_url: str,
        redirect_url: str,
        bank_hosts: tuple[str, ...] = DEFAULT_BANK_HOSTS,
    ) -> None:
        self._checkout = _configured(checkout_url, N_("del checkout")).origin
        self._api = _configured(api_url, N_("de la API de Wompi")).origin
        self._redirect = _configured(redirect_url, N_("de regreso")) if redirect_url else None
        self._bank_hosts = tuple(_bank_host(entry) for entry in bank_hosts)

    def decide(self, url: str, *, in_popup: bool) -> NavDecision:
        """The decision for a navigation to `url` in the main view or in a bank window."""
        if url == POPUP_BLANK:
            if in_popup:
                return NavDecision(NavAction.ALLOW, "Ventana nueva en blanco")
            return _block("Página en blanco fuera de una ventana nueva")
        target = _parse(url)
        if target is None:
            return _block(_why_unparseable(url))
        if self._is_redirect(target):
            hint = transaction_id_hint(target.query)
            return NavDecision(NavAction.REDIRECT, "Regreso de Wompi: el estado se consulta", hint)
        if target.origin == self._checkout:
            return NavDecision(NavAction.ALLOW, "Checkout de Wompi")
        if target.origin == self._api:
            return NavDecision(NavAction.ALLOW, "API de Wompi")
        if self._is_bank(target.origin):
            if in_popup:
                return NavDecision(NavAction.ALLOW, "Página del banco")
            return NavDecision(NavAction.OPEN_POPUP, "Página del banco: se abre en otra ventana")
        if target.origin.scheme == "http" and target.origin.host not in LOOPBACK_HOSTS:
            return _block("Conexión sin cifrar (http)")
        return _block("Sitio fuera de la lista permitida")

    def is_redirect(self, url: str) -> bool:
        """True when `url` is the merchant's redirect URL (which must never load)."""
        target = _parse(url)
        return target is not None and self._is_redirect(target)

    def _is_redirect(self, target: _Target) -> bool:
        if self._redirect is None or target.origin != self._redirect.origin:
            return False
        prefix = self._redirect.path
        if target.path == prefix:
            return True
        return target.path.startswith(prefix if prefix.endswith("/") else prefix + "/")

    def _is_bank(self, origin: _Origin) -> bool:
        return any(entry.admits(origin) for entry in self._bank_hosts)


def transaction_id_hint(query: str) -> str:
    """The `id` query parameter if it looks like a Wompi transaction id, else ""."""
    values = set(parse_qs(query, keep_blank_values=True).get("id", []))
    if len(values) != 1:
        return ""
    (value,) = values
    return value if _TRANSACTION_ID.fullmatch(value) else ""


def display_host(url: str) -> str:
    """Host (and port, when it is not the scheme's default) as a browser shows it.

    ``https://checkout.wompi.co/p/?…`` → ``checkout.wompi.co``; ``http://127.0.0.1:8900/`` →
    ``127.0.0.1:8900``; a URL without a host (``data:``, ``javascript:``) → its scheme, e.g.
    ``data:``; something unparseable → "".
    """
    parts = _split(url)
    if parts is None:
        return ""
    if not parts.hostname:
        return f"{parts.scheme}:" if parts.scheme else ""
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    try:
        port = parts.port
    except ValueError:
        return host
    if port is None or port == DEFAULT_PORTS.get(parts.scheme):
        return host
    return f"{host}:{port}"


def loggable(url: str) -> str:
    """Scheme and host only: paths and query strings can carry a customer's e-mail or name."""
    parts = _split(url)
    if parts is None or not parts.scheme:
        return "<dirección no válida>"
    host = display_host(url)
    return f"{parts.scheme}://{host}" if parts.hostname else f"{parts.scheme}:"


def _split(url: str) -> SplitResult | None:
    if not _PLAIN_URL.fullmatch(url):
        return None
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _parse(url: str) -> _Target | None:
    """An http(s) URL with a plain host and a valid port, or None."""
    parts = _split(url)
    if parts is None or parts.scheme not in DEFAULT_PORTS:
        return None
    if "@" in parts.netloc or parts.netloc.endswith(":"):  # credentials, or an empty port
        return None
    host = parts.hostname or ""
    if not _valid_host(host):
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    origin = _Origin(parts.scheme, host, port if port is not None else DEFAULT_PORTS[parts.scheme])
    return _Target(origin, parts.path or "/", parts.query)


def _why_unparseable(url: str) -> str:
    parts = _split(url)
    if parts is not None and parts.scheme and parts.scheme not in DEFAULT_PORTS:
        return f"Tipo de dirección no permitido ({parts.scheme}:)"
    if parts is not None and "@" in parts.netloc:
        return "Dirección con usuario o contraseña"
    return "Dirección no válida"


def _valid_host(host: str) -> bool:
    if ":" in host:  # an IPv6 literal (urlsplit has removed the brackets)
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    return bool(_DOMAIN.fullmatch(host))


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _configured(url: str, what: Text) -> _Target:
    target = _parse(url)
    if target is None:
        raise NavigationPolicyError(
            N_(
                "La dirección {what} no es una URL http o https válida.",
                what=what,
            )
        )
    if target.origin.scheme == "http" and target.origin.host not in LOOPBACK_HOSTS:
        raise NavigationPolicyError(
            N_(
                "La dirección {what} debe usar https (http solo se permite en este equipo).",
                what=what,
            )
        )
    return target


def _bank_host(entry: str) -> _BankHost:
    host = entry.strip().lower()
    if host in LOOPBACK_HOSTS:
        return _BankHost(host)
    with_port = _LOOPBACK_WITH_PORT.fullmatch(host)
    if with_port is not None:
        name = with_port["v6"] or with_port["name"]
        port = int(with_port["port"])
        if name in LOOPBACK_HOSTS and 0 < port < 65536:
            return _BankHost(name, port)
    elif _DOMAIN.fullmatch(host) and not _too_broad(host):
        return _BankHost(host)
    raise NavigationPolicyError(N_("Dominio de banco no válido: {entry}.", entry=f"{entry!r}"))


def _too_broad(host: str) -> bool:
    """A bare label ("co"), a public suffix ("com.co") or an IP address: far more than a bank."""
    labels = host.split(".")
    return len(labels) < 2 or _is_ip(host) or all(label in _SUFFIX_LABELS for label in labels)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _block(reason: str) -> NavDecision:
    return NavDecision(NavAction.BLOCK, reason)
