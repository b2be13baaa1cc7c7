"""Catalogue CSV import: headers in two languages, both delimiters, row errors that skip a row."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.domain.catalogue import Product, sku_key
from mestore_desktop.domain.catalogue_csv import (
    MAX_ROWS,
    CatalogueFileError,
    CatalogueImport,
    decode_catalogue_bytes,
    detect_delimiter,
    parse_catalogue_csv,
    parse_iva,
    write_catalogue_csv,
)
from mestore_desktop.domain.money import MAX_CENTS, Money
from mestore_desktop.domain.order import IvaRate

CAFE = Product("CAF-1", "Café Águila", Money.from_pesos(35_000), IvaRate.GENERAL, "7701234567890")
ARROZ = Product("ARR-5", "Arroz; 5 kg", Money.from_pesos(18_900), IvaRate.EXEMPT)


def only_products(result: CatalogueImport) -> tuple[Product, ...]:
    assert result.errors == ()
    return result.products


def test_spanish_headers_semicolons_bom_and_crlf_as_colombian_excel_writes() -> None:
    text = (
        "\ufeffCÓDIGO;Nombre;Precio;IVA %;Código de barras\r\n"
        "CAF-1;Café Águila;$ 35.000;19%;7701234567890\r\n"
        'ARR-5;"Arroz; 5 kg";18.900;0;\r\n'
    )
    assert only_products(parse_catalogue_csv(text)) == (CAFE, ARROZ)


def test_english_headers_with_commas_and_no_barcode_column() -> None:
    text = "SKU,Name,Price,IVA\nCAF-1,Café Águila,35000,19\n"
    (product,) = only_products(parse_catalogue_csv(text))
    assert product == Product("CAF-1", "Café Águila", Money.from_pesos(35_000), IvaRate.GENERAL)


@pytest.mark.parametrize(
    ("price", "cents"),
    [
        ("35000", 3_500_000),
        ("35.000", 3_500_000),
        ("$ 35.000", 3_500_000),
        ("35.000,50", 3_500_050),
    ],
)
def test_prices_are_read_as_staff_write_them(price: str, cents: int) -> None:
    (product,) = only_products(parse_catalogue_csv(f'sku;nombre;precio;iva\nA1;Pan;"{price}";5\n'))
    assert product.price == Money(cents)


@pytest.mark.parametrize(
    ("text", "rate"),
    [("19", IvaRate.GENERAL), ("19%", IvaRate.GENERAL), (" 5 % ", IvaRate.REDUCED), ("0", 0)],
)
def test_iva_with_or_without_percent_sign(text: str, rate: IvaRate) -> None:
    assert parse_iva(text) == rate


@pytest.mark.parametrize("text", ["16", "19.0", "0,19", "diecinueve", "", "-5", "119"])
def test_other_iva_values_are_not_rates(text: str) -> None:
    assert parse_iva(text) is None


def test_bad_rows_are_reported_with_line_and_column_and_good_rows_kept() -> None:
    text = (
        "sku;nombre;precio;iva;codigo_barras\n"
        "A1;Pan;1.000;19;\n"
        "\n"  # blank lines are skipped but still counted as lines
        "A 2;Leche;abc;16;7.70123E+12\n"
        ";;;;\n"
        "A3;Queso;0;5;123\n"
        "A4;Huevos;12.000;0;77012345\n"
    )
    result = parse_catalogue_csv(text)
    assert [p.sku for p in result.products] == ["A1", "A4"]
    assert [(e.line, e.column) for e in result.errors] == [
        (4, "sku"),
        (4, "precio"),
        (4, "iva"),
        (4, "codigo_barras"),
        (6, "precio"),
        (6, "codigo_barras"),
    ]
    assert "notación científica" in str(result.errors[3].message)
    assert "mayor que cero" in str(result.errors[4].message)
    assert result.rows == 4
    assert result.rejected_rows == 2


def test_missing_values_in_short_rows_are_errors() -> None:
    result = parse_catalogue_csv("sku,nombre,precio,iva\nA1,Pan\n")
    assert result.products == ()
    assert [(e.column, str(e.message)) for e in result.errors] == [
        ("precio", "Falta el precio."),
        ("iva", "Falta el IVA (0, 5 o 19)."),
    ]


def test_duplicate_sku_or_barcode_is_an_error_for_the_later_row() -> None:
    text = (
        "sku,nombre,precio,iva,barcode\n"
        "abc-1,Pan,1000,0,7701234567890\n"
        "ABC-1,Pan integral,1500,0,\n"
        "B2,Leche,2000,0,7701234567890\n"
        "C3,Queso,3000,0,\n"
    )
    result = parse_catalogue_csv(text)
    assert [p.sku for p in result.products] == ["abc-1", "C3"]
    assert [(e.line, e.column, str(e.message)) for e in result.errors] == [
        (3, "sku", "El SKU «ABC-1» ya está en la línea 2."),
        (4, "barcode", "El código de barras «7701234567890» ya está en la línea 2."),
    ]


def test_a_missing_required_column_is_one_error_and_nothing_is_imported() -> None:
    result = parse_catalogue_csv("Código;Descripción;Stock\nA1;Pan;3\nA2;Leche;4\n")
    assert result.products == ()
    (error,) = result.errors
    assert (error.line, error.column) == (1, "precio, iva")
    assert str(error.message).startswith("Faltan columnas obligatorias: precio, iva.")


def test_a_repeated_column_is_refused() -> None:
    result = parse_catalogue_csv("sku,codigo,nombre,precio,iva\nA1,A1,Pan,1000,0\n")
    assert result.products == ()
    assert [(e.line, e.column) for e in result.errors] == [(1, "codigo")]


def test_unknown_columns_are_ignored() -> None:
    text = "categoria,sku,stock,nombre,precio,iva\nPanadería,A1,30,Pan,1000,0\n"
    assert [p.sku for p in only_products(parse_catalogue_csv(text))] == ["A1"]


def test_an_empty_file_is_one_error() -> None:
    (error,) = parse_catalogue_csv("\ufeff\n\n").errors
    assert (error.line, error.column, str(error)) == (1, "", "Línea 1: El archivo está vacío.")


def test_line_numbers_follow_quoted_cells_that_span_lines() -> None:
    text = 'sku,nombre,precio,iva\nA1,"Pan\nde yuca",1000,0\nA2,Leche,x,0\n'
    result = parse_catalogue_csv(text)
    assert result.products[0].name == "Pan\nde yuca"
    assert [(e.line, e.column) for e in result.errors] == [(4, "precio")]


def test_a_file_that_stops_being_csv_keeps_the_rows_before_it() -> None:
    text = "sku,nombre,precio,iva\nA1,Pan,1000,0\nA2," + "x" * 200_000 + ",1000,0\nA3,Q,1,0\n"
    result = parse_catalogue_csv(text)
    assert [p.sku for p in result.products] == ["A1"]
    (error,) = result.errors
    assert (error.line, error.column) == (3, "")
    assert "CSV" in str(error.message)


def test_the_row_limit_refuses_the_whole_file() -> None:
    rows = [f"P{n},Producto {n},1000,19\n" for n in range(MAX_ROWS + 1)]
    at_limit = parse_catalogue_csv("sku,nombre,precio,iva\n" + "".join(rows[:-1]))
    assert len(at_limit.products) == MAX_ROWS
    assert at_limit.errors == ()
    over = parse_catalogue_csv("sku,nombre,precio,iva\n" + "".join(rows))
    assert over.products == ()
    (error,) = over.errors
    assert error.line == MAX_ROWS + 2
    assert "más de 50.000 productos" in str(error.message)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("sku,nombre,precio", ","), ("sku;nombre;precio", ";"), ("sku\tnombre", "\t"), ("sku", ",")],
)
def test_delimiter_is_read_from_the_header(header: str, delimiter: str) -> None:
    assert detect_delimiter(f"\n  \n{header}\nA;B,C,D\n") == delimiter


def test_bytes_are_utf8_with_or_without_bom_else_windows_1252() -> None:
    assert decode_catalogue_bytes("\ufeffCafé".encode()) == "Café"
    assert decode_catalogue_bytes("Café".encode()) == "Café"
    assert decode_catalogue_bytes("Café Ñ".encode("cp1252")) == "Café Ñ"
    with pytest.raises(CatalogueFileError, match="UTF-8"):
        decode_catalogue_bytes(b"\x81\x8d\x8f")


def test_written_csv_uses_spanish_headers_and_peso_prices() -> None:
    text = write_catalogue_csv([CAFE], delimiter=";")
    assert text.splitlines() == [
        "sku;nombre;precio;iva;codigo_barras",
        "CAF-1;Café Águila;35.000;19;7701234567890",
    ]
    with pytest.raises(ValueError, match="delimiter"):
        write_catalogue_csv([CAFE], delimiter="|")


names = (
    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=200)
    .map(str.strip)
    .filter(bool)
)
products = st.builds(
    Product,
    sku=st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}", fullmatch=True),
    name=names,
    price=st.integers(1, MAX_CENTS).map(Money),
    iva_rate=st.sampled_from(IvaRate),
    barcode=st.one_of(st.just(""), st.from_regex(r"[0-9]{6,14}", fullmatch=True)),
)
catalogues = st.lists(
    products,
    max_size=30,
    unique_by=(lambda p: sku_key(p.sku), lambda p: p.barcode or f"sin código {sku_key(p.sku)}"),
)


@given(catalogues, st.sampled_from([",", ";", "\t"]))
def test_a_written_catalogue_reads_back_the_same(catalogue: list[Product], delimiter: str) -> None:
    result = parse_catalogue_csv(write_catalogue_csv(catalogue, delimiter))
    assert result.errors == ()
    assert result.products == tuple(catalogue)
    assert result.rows == len(catalogue)
