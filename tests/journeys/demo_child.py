"""The two lives of a demo that test_demo_restart.py runs as child processes (not collected on
its own: the name does not start with test_). Each is a journey over the home in
$DEMO_CHILD_HOME; it reports on stdout as lines starting with "JOURNEY ".

* `test_sell_by_qr_then_wait_to_be_killed`: the cashier rings up a free amount and charges it
  by QR (F11); the child reports the reference a person reads in the dialog and the URL in the QR,
  then keeps the counter open until the parent kills it.
* `test_restart_and_see_the_pending_payment_settle`: the demo starts again on the same home,
  reports its sandbox URL, and waits until the payment in $DEMO_CHILD_REFERENCE is approved and
  its order paid; then the journey closes the window as a person would (a clean exit).
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.journeys.harness import Journey

SETTLE_MS = 20_000
KILLED_WITHIN_MS = 60_000  # the parent kills long before; a forgotten child still ends


def say(*words: str) -> None:
    print("JOURNEY", *words, flush=True)


def home() -> Path:
    return Path(os.environ["DEMO_CHILD_HOME"])


def reference_on_screen(journey: Journey) -> str:
    found: list[str] = []

    def shown() -> bool:
        found[:] = [t for t in journey.texts() if t.startswith("Referencia: ")]
        return bool(found)

    journey.wait(shown)
    return found[0].removeprefix("Referencia: ").strip()


def test_sell_by_qr_then_wait_to_be_killed(journey_factory):
    journey = journey_factory(home=home())
    journey.press("F4")  # a free amount
    journey.wait(lambda: journey.modal() is not None)
    journey.type("18900")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    journey.press("F11")

    url = journey.phone_scans_qr()
    say("WAITING", reference_on_screen(journey), url)

    journey.wait(lambda: False, timeout_ms=KILLED_WITHIN_MS)


def test_restart_and_see_the_pending_payment_settle(journey_factory):
    reference = os.environ["DEMO_CHILD_REFERENCE"]
    journey = journey_factory(home=home())
    say("SANDBOX", journey.sandbox_url)

    def settled() -> bool:
        rows = journey.sql(
            "SELECT a.status, o.status FROM payment_attempts a "
            "JOIN orders o ON o.number = a.order_number WHERE a.reference = ?",
            reference,
        )
        return rows == [("APPROVED", "paid")]

    journey.wait(settled, timeout_ms=SETTLE_MS)
    say("PAID", reference)
