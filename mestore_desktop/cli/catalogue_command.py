"""`mestore catalogue import FILE [--dry-run]` and `mestore catalogue list [--search TEXT]`.

An import keeps the good rows and reports each bad one with its line and column; the exit code
is 1 whenever a row was refused, so a script notices, even though the good rows were saved.
`--dry-run` checks the file and saves nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from mestore_desktop.cli.commands import CliError, print_json
from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.catalogue_csv import (
    CatalogueFileError,
    CatalogueImport,
    decode_catalogue_bytes,
    parse_catalogue_csv,
)
from mestore_desktop.paths import database_path
from mestore_desktop.store.catalogue_repository import MAX_RESULTS, CatalogueRepository
from mestore_desktop.store.db import Database

# 50,000 rows of a few hundred characters each, with room to spare.
MAX_FILE_BYTES = 64 * 1024 * 1024


def add_parser(groups: argparse._SubParsersAction) -> None:
    catalogue = groups.add_parser("catalogue", help="catálogo de productos de la caja")
    sub = catalogue.add_subparsers(dest="action", required=True, metavar="ACCIÓN")
    import_ = sub.add_parser(
        "import",
        help="importa productos de un CSV (columnas sku, nombre, precio, iva, codigo_barras; "
        "separado por comas o por punto y coma)",
    )
    import_.add_argument("file", metavar="FILE", type=Path, help="archivo CSV")
    import_.add_argument(
        "--dry-run", action="store_true", help="solo revisa el archivo; no guarda nada"
    )
    import_.set_defaults(handler=catalogue_import)
    list_ = sub.add_parser("list", help="lista los productos por nombre")
    list_.add_argument(
        "--search", default="", metavar="TEXT", help="nombre (sin importar tildes), SKU o código"
    )
    list_.add_argument("--limit", type=_limit, default=50, help="máximo de filas (50)")
    list_.add_argument("--json", action="store_true", help="salida JSON")
    list_.set_defaults(handler=catalogue_list)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» no es un número entero") from None
    if not 1 <= value <= MAX_RESULTS:
        raise argparse.ArgumentTypeError(f"debe estar entre 1 y {MAX_RESULTS}")
    return value


def catalogue_import(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    result = parse_catalogue_csv(_read_text(args.file))
    out.write(
        f"Filas leídas: {result.rows} · válidas: {len(result.products)} · "
        f"con errores: {result.rejected_rows}\n"
    )
    for error in result.errors:
        out.write(f"{error}\n")
    if args.dry_run:
        out.write("Prueba (--dry-run): no se guardó nada.\n")
    elif result.products:
        added, updated = _save(home, result.products)
        out.write(f"Importados: {added + updated} (nuevos {added}, actualizados {updated}).\n")
    if result.errors:
        raise CliError(_refusal(result, saved=not args.dry_run))


def _read_text(file: Path) -> str:
    with file.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise CliError(f"«{file}» pesa más de {MAX_FILE_BYTES // (1024 * 1024)} MB; divídalo.")
    try:
        return decode_catalogue_bytes(data)
    except CatalogueFileError as exc:
        raise CliError(str(exc)) from None


def _save(home: Path, products: tuple[Product, ...]) -> tuple[int, int]:
    """(new, updated): the count before and after tells them apart in the same transaction."""

    def save(session: Session) -> tuple[int, int]:
        return CatalogueRepository(session).import_products(products)

    database = Database.open(database_path(home))
    try:
        return database.write(save)
    finally:
        database.close()


def _refusal(result: CatalogueImport, *, saved: bool) -> str:
    if not result.products:
        return "el archivo tiene errores y no se importó ningún producto."
    kept = "se importaron las demás" if saved else "las demás se importarían"
    if result.rejected_rows == 1:
        return f"1 fila con errores no se importó; {kept}."
    return f"{result.rejected_rows} filas con errores no se importaron; {kept}."


def catalogue_list(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    database = Database.open(database_path(home))
    try:
        products = database.read(lambda s: CatalogueRepository(s).search(args.search, args.limit))
    finally:
        database.close()
    if args.json:
        print_json([_product_json(p) for p in products], out)
        return
    if not products:
        empty = f"Ningún producto coincide con «{args.search.strip()}»."
        out.write((empty if args.search.strip() else "El catálogo está vacío.") + "\n")
        return
    for p in products:
        out.write(
            f"{p.sku:<14} {p.price.format():>14}  IVA {int(p.iva_rate):>2}%  "
            f"{p.barcode or '-':<14} {p.name}\n"
        )


def _product_json(product: Product) -> dict[str, object]:
    return {
        "sku": product.sku,
        "name": product.name,
        "price_cents": product.price.cents,
        "iva_rate": int(product.iva_rate),
        "barcode": product.barcode,
    }
