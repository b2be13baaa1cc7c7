"""`mestore catalogue import|list`: good rows saved, bad rows reported by line, exit 0 / 1 / 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mestore_desktop.cli.main import main

GOOD = (
    "\ufeffCódigo;Nombre;Precio;IVA;Código de barras\r\n"
    "CAF-1;Café Águila 500 g;$ 35.000;19%;7701234567890\r\n"
    "PAN-2;Pan tajado;6.500;0;\r\n"
    "ARR-5;Arroz Doña Rosa 5 kg;18.900;5;7709876543210\r\n"
)
WITH_ERRORS = (
    "sku,nombre,precio,iva\nA1,Pan,1000,0\nA2,Leche,abc,0\nA3,Queso,2000,16\nA4,Huevo,500,0\n"
)


def run(home: Path, *argv: str) -> int:
    return main(["--home", str(home), *argv], stdin=io.StringIO(""))


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "catalogo.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def listed(home: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[dict]:
    capsys.readouterr()
    assert run(home, "catalogue", "list", "--json", *options) == 0
    return json.loads(capsys.readouterr().out)


def test_import_saves_every_product_and_list_shows_them_by_name(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "import", write(tmp_path, GOOD)) == 0
    out = capsys.readouterr().out
    assert "Filas leídas: 3 · válidas: 3 · con errores: 0" in out
    assert "Importados: 3 (nuevos 3, actualizados 0)." in out
    assert [p["sku"] for p in listed(home, capsys)] == ["ARR-5", "CAF-1", "PAN-2"]
    assert listed(home, capsys, "--search", "aguila") == [
        {
            "sku": "CAF-1",
            "name": "Café Águila 500 g",
            "price_cents": 3_500_000,
            "iva_rate": 19,
            "barcode": "7701234567890",
        }
    ]


def test_importing_again_updates_instead_of_duplicating(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "import", write(tmp_path, GOOD)) == 0
    cheaper = GOOD.replace("$ 35.000", "$ 33.000").replace("CAF-1", "caf-1")
    cheaper += "NEW-9;Panela;4.000;5;\r\n"
    assert run(home, "catalogue", "import", write(tmp_path, cheaper, name="b.csv")) == 0
    assert "Importados: 4 (nuevos 1, actualizados 3)." in capsys.readouterr().out
    [cafe] = listed(home, capsys, "--search", "CAF-1")
    assert (cafe["sku"], cafe["price_cents"]) == ("caf-1", 3_300_000)


def test_bad_rows_are_listed_by_line_the_rest_imported_and_exit_1(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "import", write(tmp_path, WITH_ERRORS)) == 1
    captured = capsys.readouterr()
    assert "Filas leídas: 4 · válidas: 2 · con errores: 2" in captured.out
    assert "Línea 3, columna «precio»: «abc» no es un monto válido." in captured.out
    assert "Línea 4, columna «iva»: El IVA «16» no es válido: use 0, 5 o 19." in captured.out
    assert "Importados: 2 (nuevos 2, actualizados 0)." in captured.out
    assert captured.err == (
        "mestore: 2 filas con errores no se importaron; se importaron las demás.\n"
    )
    assert [p["sku"] for p in listed(home, capsys)] == ["A4", "A1"]  # Huevo, Pan


def test_dry_run_saves_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "import", "--dry-run", write(tmp_path, GOOD)) == 0
    assert "no se guardó nada" in capsys.readouterr().out
    assert run(home, "catalogue", "import", "--dry-run", write(tmp_path, WITH_ERRORS)) == 1
    assert capsys.readouterr().err == (
        "mestore: 2 filas con errores no se importaron; las demás se importarían.\n"
    )
    assert listed(home, capsys) == []


def test_a_missing_column_imports_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "import", write(tmp_path, "sku;nombre\nA1;Pan\n")) == 1
    captured = capsys.readouterr()
    assert "Línea 1, columna «precio, iva»: Faltan columnas obligatorias" in captured.out
    assert "Importados" not in captured.out
    assert captured.err == "mestore: el archivo tiene errores y no se importó ningún producto.\n"
    assert listed(home, capsys) == []


def test_an_excel_ansi_file_is_read(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "import", write(tmp_path, GOOD[1:], "cp1252")) == 0
    assert [p["name"] for p in listed(home, capsys, "--search", "doña")] == ["Arroz Doña Rosa 5 kg"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x81\x8d\x8f", "no es texto en UTF-8"), (None, "no se pudo leer")],
)
def test_unreadable_files_are_one_line_and_exit_1(
    home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    message: str,
) -> None:
    path = tmp_path / "x.csv"
    if content is not None:
        path.write_bytes(content)
    assert run(home, "catalogue", "import", str(path)) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_list_messages_when_nothing_is_found(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "list") == 0
    assert capsys.readouterr().out == "El catálogo está vacío.\n"
    assert run(home, "catalogue", "import", write(tmp_path, GOOD)) == 0
    capsys.readouterr()
    assert run(home, "catalogue", "list", "--search", "zzz") == 0
    assert capsys.readouterr().out == "Ningún producto coincide con «zzz».\n"


def test_plain_list_shows_code_price_iva_and_name(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "catalogue", "import", write(tmp_path, GOOD)) == 0
    capsys.readouterr()
    assert run(home, "catalogue", "list", "--search", "7701234567890", "--limit", "1") == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.split() == [
        "CAF-1",
        "$",
        "35.000",
        "IVA",
        "19%",
        "7701234567890",
        "Café",
        "Águila",
        "500",
        "g",
    ]


@pytest.mark.parametrize("argv", [["list", "--limit", "0"], ["list", "--limit", "x"], ["import"]])
def test_usage_errors_exit_2(home: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(home, "catalogue", *argv)
    assert exited.value.code == 2
