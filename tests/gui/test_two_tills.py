"""Issue 9, defect 1, at the counter: two tills configured identically (both T01, each with its
own data folder) over one sandbox and one relay on loopback, each a Caja page with the
production counter and sync (caja_harness.py). They charge the same amount by QR at the same
time; the first customer's phone pays and only the first till turns green, although the relay
handed the event to both; then the second customer pays and the second till turns green."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository
from mestore_desktop.ui.payment.dialog import View
from tests.gui.caja_harness import CAMISETA, SETTINGS, TIMEOUT_MS, CounterRig
from tests.sync.harness import LoopbackStack

pytestmark = pytest.mark.gui


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path) as stack:  # outcomes by the sandbox's controls (the phone)
        yield stack


def till_over(stack: LoopbackStack, folder: Path) -> LoopbackStack:
    """The stack as one till sees it: the shared sandbox and relay, its own data folder and
    relay token (what a second installation on another computer has)."""
    assert stack.relay_server is not None
    folder.mkdir()
    till = copy.copy(stack)
    till.database = Database.open(folder / "mestore.sqlite3")
    till.token = stack.relay_server.create_token(folder.name)
    return till


def filed_as_foreign(till: LoopbackStack, transaction_id: str) -> bool:
    found = till.database.read(lambda s: SyncRepository(s).get_foreign(transaction_id))
    return found is not None


def test_two_t01_tills_charge_the_same_amount_and_each_turns_green_on_its_own_payment(
    qtbot, qloop_running, stack: LoopbackStack, tmp_path: Path
) -> None:
    tills = [till_over(stack, tmp_path / name) for name in ("caja-a", "caja-b")]
    rigs: list[CounterRig] = []
    try:
        rig_a, rig_b = (CounterRig(qtbot, qloop_running, till) for till in tills)
        rigs += [rig_a, rig_b]
        assert SETTINGS.terminal_id == "T01"  # both configured alike
        rig_a.ring_up(CAMISETA)
        rig_b.ring_up(CAMISETA)
        flow_a, flow_b = rig_a.charge("wompi_qr"), rig_b.charge("wompi_qr")
        assert flow_a.order_number == flow_b.order_number == 1
        assert flow_a.reference != flow_b.reference

        tx_a = rig_a.pay_from_phone("approve")
        assert "Pago aprobado" in rig_a.wait_result()
        # Till B read the same relay event and filed it as another sale's: still waiting.
        qtbot.waitUntil(lambda: filed_as_foreign(tills[1], tx_a), timeout=TIMEOUT_MS)
        assert flow_b.dialog.current_view() is View.QR
        waiting = tills[1].database.read(lambda s: OrderRepository(s).get_attempt(flow_b.reference))
        assert waiting.status is PaymentStatus.PENDING

        tx_b = rig_b.pay_from_phone("approve")
        assert "Pago aprobado" in rig_b.wait_result()
        for till, reference, tx in (
            (tills[0], flow_a.reference, tx_a),
            (tills[1], flow_b.reference, tx_b),
        ):
            paid = till.database.read(lambda s, r=reference: OrderRepository(s).get_attempt(r))
            assert (paid.status, paid.transaction_id) == (PaymentStatus.APPROVED, tx)
            status = till.database.read(lambda s: OrderRepository(s).order_status(1))
            assert status is OrderStatus.PAID
    finally:
        for rig in rigs:
            rig.close()
        for till in tills:
            till.database.close()
