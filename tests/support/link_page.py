"""A customer on a payment link's page, over plain HTTP: read the page's forms and submit one
as a browser would (its action, its hidden fields, what a person types), following redirects.

    page = LinkPage(sandbox_base_url, link_id)
    result = page.pay_by_card("4242424242424242")     # the result page after paying
    page.pay_by_nequi("3991111111", amount_pesos="42.000")   # an open-amount link
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

import httpx

EMAIL = "cliente.link@example.com"


@dataclass
class Form:
    action: str
    method: str
    ident: str
    fields: dict[str, str] = field(default_factory=dict)


class _Forms(HTMLParser):
    """Every <form> with its inputs' and selects' names and default values."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get"), a.get("id", "")))
        elif tag == "input" and self.forms and a.get("name"):
            self.forms[-1].fields.setdefault(a["name"], a.get("value", ""))
        elif tag == "select" and self.forms and a.get("name"):
            self._select = a["name"]
            self.forms[-1].fields.setdefault(self._select, "")
        elif tag == "option" and self._select is not None and "selected" in a:
            self.forms[-1].fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def forms_of(html: str) -> dict[str, Form]:
    parser = _Forms()
    parser.feed(html)
    return {form.ident: form for form in parser.forms}


class LinkPage:
    """The link page at `<base>/l/<id>`, as a customer's browser reaches it."""

    def __init__(self, base_url: str, link_id: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.url = f"{self.base_url}/l/{link_id}"

    def open(self, amount_pesos: str | None = None) -> httpx.Response:
        """GET the page; for an open-amount link, type the amount in its first form."""
        page = httpx.get(self.url)
        if amount_pesos is None or page.status_code != 200:
            return page
        amount = forms_of(page.text)["amount-form"]
        return httpx.get(urljoin(self.url, amount.action), params={"monto": amount_pesos})

    def pay_by_card(self, number: str, amount_pesos: str | None = None) -> httpx.Response:
        typed = {
            "card_number": number,
            "card_expiry": "12/35",
            "card_cvc": "123",
            "card_holder": "Cliente de Prueba",
            "customer_email": EMAIL,
        }
        return self._submit("card-form", typed, amount_pesos)

    def pay_by_nequi(self, phone: str, amount_pesos: str | None = None) -> httpx.Response:
        typed = {"nequi_phone": phone, "customer_email": EMAIL}
        return self._submit("nequi-form", typed, amount_pesos)

    def _submit(
        self, form_id: str, typed: dict[str, str], amount_pesos: str | None
    ) -> httpx.Response:
        page = self.open(amount_pesos)
        assert page.status_code == 200, page.text
        form = forms_of(page.text)[form_id]
        assert form.method.lower() == "post"
        body = {**form.fields, **typed}
        target = urljoin(str(page.url), form.action)
        # As a browser does: the form urlencoded, then the 303 to the result page followed.
        return httpx.post(target, data=body, follow_redirects=True)


def wait_for_result(response: httpx.Response, status: str, timeout: float = 10.0) -> str:
    """Reload the result page (it refreshes itself while pending) until it shows `status`."""
    deadline = time.monotonic() + timeout
    page = response
    while f'data-status="{status}"' not in page.text:
        assert time.monotonic() < deadline, page.text
        time.sleep(0.05)
        page = httpx.get(page.url)
    return page.text
