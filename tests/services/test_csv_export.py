"""CSV for Excel es-CO: BOM, `;`, Spanish header, pesos, formulas neutralised, all or nothing."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.services.csv_export import (
    ORDER_HEADER,
    CsvFile,
    method_text,
    order_row,
    pesos,
    read_csv,
    text,
    write_csv,
)


@pytest.mark.parametrize(
    ("cents", "shown"),
    [(0, "0"), (2_500_000, "25000"), (2_500_050, "25000,50"), (5, "0,05"), (-150, "-1,50")],
)
def test_pesos_are_plain_numbers_with_a_decimal_comma(cents: int, shown: str) -> None:
    assert pesos(cents) == shown


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+57 300", "-1", "@SUM(A1)"])
def test_formula_like_text_is_neutralised(value: str) -> None:
    assert text(value) == "'" + value


def test_plain_text_is_kept() -> None:
    assert text("José Pérez; Ñandú") == "José Pérez; Ñandú"
    assert text(None) == ""


def test_a_file_has_a_bom_semicolons_and_crlf_and_opens_with_the_csv_module(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.csv"
    count = write_csv(path, ("Nombre", "Total (pesos)"), [["Peña; Ltda", "25000,50"], ["Ana", "1"]])
    raw = path.read_bytes()
    assert count == 2
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.splitlines()[0] == "\ufeffNombre;Total (pesos)".encode()
    assert b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows == [["Nombre", "Total (pesos)"], ["Peña; Ltda", "25000,50"], ["Ana", "1"]]
    assert list(read_csv(path)) == rows


def test_a_failed_export_leaves_no_file_behind(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "pedidos.csv"

    def fail_midway() -> None:
        with CsvFile(path, ("A",)) as out:
            out.write_rows([["1"]])
            raise RuntimeError("disco lleno")

    with pytest.raises(RuntimeError):
        fail_midway()
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


def test_an_order_row_shows_bogota_time_status_in_spanish_and_pesos() -> None:
    summary = OrderSummary(
        number=12,
        terminal_id="T01",
        created_at=datetime(2025, 3, 15, 2, 30, tzinfo=UTC),  # 21:30 the day before in Bogotá
        total=Money(2_500_000),
        status=OrderStatus.PAID,
        customer_name="=cmd",
        customer_email="ana@example.com",
        last_reference="T01-7QKM-000012-1",
        payment_method="CARD",
    )
    row = order_row(summary)
    assert len(row) == len(ORDER_HEADER)
    assert row == [
        "12",
        "2025-03-14 21:30",
        "T01",
        "Pagado",
        "25000",
        "'=cmd",
        "ana@example.com",
        "T01-7QKM-000012-1",
        "Tarjeta",  # the method in Spanish, as Pedidos shows it
    ]


def test_an_order_s_method_reads_in_spanish() -> None:
    assert [method_text(m) for m in ("CASH", "CARD", "NEQUI", "PSE", "", "VISA ••4242")] == [
        "Efectivo",
        "Tarjeta",
        "Nequi",
        "PSE",
        "",
        "VISA ••4242",  # an unknown method as it is
    ]


def test_an_order_paid_through_a_payment_link_names_the_link_in_its_method() -> None:
    base = OrderSummary(
        number=13,
        terminal_id="T01",
        created_at=datetime(2025, 3, 15, 2, 30, tzinfo=UTC),
        total=Money(2_500_000),
        status=OrderStatus.PAID,
        payment_method="NEQUI",
        link_name="Torta de chocolate",
    )
    assert order_row(base)[-1] == "Link · Torta de chocolate"
    assert order_row(replace(base, link_name=""))[-1] == "Nequi"
    assert order_row(replace(base, link_name="=HYPERLINK(1)"))[-1] == "Link · =HYPERLINK(1)"
