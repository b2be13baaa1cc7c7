"""Reading (and writing) the product catalogue as CSV, the way a shop keeps it in Excel.

Headers may be Spanish or English, in any case and with or without accents («Código»,
«PRECIO», «Nombre»). Colombian Excel writes `;` between cells because the comma is the decimal
separator, so the delimiter is read from the header line. A bad row never stops the import:
it is reported with its line and column and skipped, and the good rows are kept. Only what
makes the whole file unusable (no header, a missing required column, too many rows) is
reported as a single error with no products.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mestore_desktop.domain.catalogue import (
    Product,
    ProductError,
    check_barcode,
    check_name,
    check_price,
    check_sku,
    fold_for_search,
    sku_key,
)
from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.domain.text import N_, Text, message_of

MAX_ROWS = 50_000
DELIMITERS = (",", ";", "\t")
# Excel turns a long barcode typed in a General-formatted cell into 7,70123E+12.
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")
_IVA = re.compile(r"^(\d{1,2})\s*%?$")


class CatalogueFileError(ValueError):
    """A catalogue file that cannot be read as text at all; `str()` is Spanish for staff."""


class Column(StrEnum):
    """The catalogue's columns, by the Spanish header written on export."""

    SKU = "sku"
    NAME = "nombre"
    PRICE = "precio"
    IVA = "iva"
    BARCODE = "codigo_barras"


REQUIRED = (Column.SKU, Column.NAME, Column.PRICE, Column.IVA)
# Normalised header (folded, non-alphanumerics as "_") -> column.
HEADER_ALIASES: dict[str, Column] = {
    "sku": Column.SKU,
    "codigo": Column.SKU,
    "code": Column.SKU,
    "nombre": Column.NAME,
    "name": Column.NAME,
    "descripcion": Column.NAME,
    "description": Column.NAME,
    "precio": Column.PRICE,
    "price": Column.PRICE,
    "iva": Column.IVA,
    "vat": Column.IVA,
    "codigo_barras": Column.BARCODE,
    "codigo_de_barras": Column.BARCODE,
    "barcode": Column.BARCODE,
    "ean": Column.BARCODE,
}
ACCEPTED_HEADERS = "sku o codigo; nombre o name; precio o price; iva; codigo_barras o barcode"

_THIS_LINE = N_("de esta línea")  # names the product in a message when its SKU is unusable
_Check = Callable[[str], None]
_Fail = Callable[[Column, Text], None]


@dataclass(frozen=True, slots=True)
class CsvRowError:
    """A problem in one line of the file; `column` is the header as written (may be blank)."""

    line: int
    column: str
    message: Text | str

    def __str__(self) -> str:
        return str(self.text)

    @property
    def text(self) -> Text:
        """The problem as the UI shows it (translated there)."""
        if self.column:
            return N_(
                "Línea {line}, columna «{column}»: {message}",
                line=self.line,
                column=self.column,
                message=self.message,
            )
        return N_("Línea {line}: {message}", line=self.line, message=self.message)


@dataclass(frozen=True, slots=True)
class CatalogueImport:
    """The products read from a file, the errors found, and how many data rows it had."""

    products: tuple[Product, ...]
    errors: tuple[CsvRowError, ...]
    rows: int = 0

    @property
    def rejected_rows(self) -> int:
        return len({error.line for error in self.errors})


@dataclass(frozen=True, slots=True)
class _Header:
    positions: dict[Column, int]
    labels: dict[Column, str]

    def cell(self, cells: Sequence[str], column: Column) -> str:
        position = self.positions.get(column)
        if position is None or position >= len(cells):
            return ""
        return cells[position].strip()


def decode_catalogue_bytes(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 (Excel's «CSV» on
    Spanish Windows). Invalid UTF-8 almost never passes for valid text, so the order is safe."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise CatalogueFileError(
            N_(
                "El archivo no es texto en UTF-8; en Excel guárdelo como «CSV UTF-8».",
            )
        ) from None


def detect_delimiter(text: str) -> str:
    """`,`, `;` or tab: whichever appears most on the first non-blank line (the header)."""
    header = next((line for line in io.StringIO(text) if line.strip()), "")
    return max(DELIMITERS, key=header.count)


def normalise_header(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold_for_search(text)).strip("_")


def parse_catalogue_csv(text: str) -> CatalogueImport:
    """Read a catalogue; rows with errors are reported and skipped, good rows are kept."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    records = _records(reader)
    first = next(records, None)
    if first is None:
        return CatalogueImport((), (CsvRowError(1, "", N_("El archivo está vacío.")),))
    header_line, header_cells, failure = first
    if failure:
        return CatalogueImport((), (failure,))
    header, header_errors = _read_header(header_cells, header_line)
    if header_errors:
        return CatalogueImport((), tuple(header_errors))
    return _read_rows(records, header)


_Record = tuple[int, list[str], CsvRowError | None]


def _records(reader: Any) -> Iterator[_Record]:
    """Non-blank records with the line each starts on (a quoted cell may span lines); a file
    that stops being CSV ends with an error record."""
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = N_("El archivo no se puede leer desde aquí como CSV ({exc}).", exc=str(exc))
            yield start, [], CsvRowError(start, "", message)
            return
        if any(cell.strip() for cell in cells):
            yield start, cells, None


def _read_header(cells: list[str], line: int) -> tuple[_Header, list[CsvRowError]]:
    positions: dict[Column, int] = {}
    labels: dict[Column, str] = {}
    errors: list[CsvRowError] = []
    for position, cell in enumerate(cells):
        column = HEADER_ALIASES.get(normalise_header(cell))
        if column is None:
            continue  # other columns (stock, categoría...) are allowed and ignored
        if column in positions:
            errors.append(
                CsvRowError(
                    line,
                    cell.strip(),
                    N_(
                        "La columna «{cell}» repite «{value}»; deje solo una.",
                        cell=cell.strip(),
                        value=labels[column],
                    ),
                )
            )
            continue
        positions[column] = position
        labels[column] = cell.strip()
    missing = [column.value for column in REQUIRED if column not in positions]
    if missing:
        errors.append(
            CsvRowError(
                line,
                ", ".join(missing),
                N_(
                    "Faltan columnas obligatorias: {missing}. Encabezados aceptados: "
                    "{accepted_headers} (opcional).",
                    missing=", ".join(missing),
                    accepted_headers=ACCEPTED_HEADERS,
                ),
            )
        )
    return _Header(positions, labels), errors


def _read_rows(records: Iterator[_Record], header: _Header) -> CatalogueImport:
    products: list[Product] = []
    errors: list[CsvRowError] = []
    seen = _Seen()
    rows = 0
    for line, cells, failure in records:
        if failure:
            errors.append(failure)
            break
        rows += 1
        if rows > MAX_ROWS:
            message = N_(
                "El archivo tiene más de {max_rows} productos; divídalo en varios archivos.",
                max_rows=f"{MAX_ROWS:,}".replace(",", "."),
            )
            return CatalogueImport((), (CsvRowError(line, "", message),), rows)
        product, row_errors = _read_product(cells, line, header, seen)
        errors.extend(row_errors)
        if product is not None:
            products.append(product)
    return CatalogueImport(tuple(products), tuple(errors), rows)


class _Seen:
    """The first line of every SKU and barcode in the file, to refuse later duplicates."""

    def __init__(self) -> None:
        self.skus: dict[str, int] = {}
        self.barcodes: dict[str, int] = {}

    def sku_error(self, sku: str, line: int) -> Text | None:
        first = self.skus.setdefault(sku_key(sku), line)
        if first == line:
            return None
        return N_("El SKU «{sku}» ya está en la línea {first}.", sku=sku, first=first)

    def barcode_error(self, barcode: str, line: int) -> Text | None:
        first = self.barcodes.setdefault(barcode, line)
        if first == line:
            return None
        return N_(
            "El código de barras «{barcode}» ya está en la línea {first}.",
            barcode=barcode,
            first=first,
        )


def _read_product(
    cells: Sequence[str], line: int, header: _Header, seen: _Seen
) -> tuple[Product | None, list[CsvRowError]]:
    errors: list[CsvRowError] = []

    def fail(column: Column, message: Text) -> None:
        errors.append(CsvRowError(line, header.labels[column], message))

    sku = _field(header.cell(cells, Column.SKU), N_("Falta el SKU."), check_sku, Column.SKU, fail)
    label = sku or _THIS_LINE
    name = _field(
        header.cell(cells, Column.NAME),
        N_("Falta el nombre."),
        lambda value: check_name(value, label),
        Column.NAME,
        fail,
    )
    price = _price(header.cell(cells, Column.PRICE), sku, fail)
    iva = _iva(header.cell(cells, Column.IVA), fail)
    barcode = _barcode(header.cell(cells, Column.BARCODE), sku, fail)
    if sku and (duplicate := seen.sku_error(sku, line)):
        fail(Column.SKU, duplicate)
    if barcode and (duplicate := seen.barcode_error(barcode, line)):
        fail(Column.BARCODE, duplicate)
    if errors or price is None or iva is None:
        return None, errors
    return Product(sku, name, price, iva, barcode), errors


def _field(value: str, missing: Text, check: _Check, column: Column, fail: _Fail) -> str:
    """The cell if it passes `check`, else "" after reporting why."""
    if not value:
        fail(column, missing)
        return ""
    try:
        check(value)
    except ProductError as exc:
        fail(column, message_of(exc))
        return ""
    return value


def _price(value: str, sku: str, fail: _Fail) -> Money | None:
    if not value:
        fail(Column.PRICE, N_("Falta el precio."))
        return None
    try:
        price = Money.parse(value)
        check_price(price, sku or _THIS_LINE)
    except (MoneyError, ProductError) as exc:
        fail(Column.PRICE, message_of(exc))
        return None
    return price


def parse_iva(value: str) -> IvaRate | None:
    """«19», «19%», «19 %», «5», «0» -> the rate; anything else -> None."""
    match = _IVA.fullmatch(value.strip())
    if match is None:
        return None
    try:
        return IvaRate(int(match.group(1)))
    except ValueError:
        return None


def _iva(value: str, fail: _Fail) -> IvaRate | None:
    if not value:
        fail(Column.IVA, N_("Falta el IVA (0, 5 o 19)."))
        return None
    rate = parse_iva(value)
    if rate is None:
        fail(Column.IVA, N_("El IVA «{value}» no es válido: use 0, 5 o 19.", value=value))
    return rate


def _barcode(value: str, sku: str, fail: _Fail) -> str:
    if not value:
        return ""
    if _SCIENTIFIC.fullmatch(value):
        fail(
            Column.BARCODE,
            N_(
                "El código de barras «{value}» quedó en notación científica: en Excel dé "
                "formato de texto a la columna y vuelva a escribirlo.",
                value=value,
            ),
        )
        return ""
    try:
        check_barcode(value, sku or _THIS_LINE)
    except ProductError as exc:
        fail(Column.BARCODE, message_of(exc))
        return ""
    return value


def write_catalogue_csv(products: Iterable[Product], delimiter: str = ",") -> str:
    """The catalogue as CSV with Spanish headers, readable back by `parse_catalogue_csv`."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"unsupported delimiter {delimiter!r}")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([column.value for column in Column])
    for product in products:
        writer.writerow(
            [
                product.sku,
                product.name,
                product.price.format().removeprefix("$ "),
                str(int(product.iva_rate)),
                product.barcode,
            ]
        )
    return buffer.getvalue()
