"""render(): a Text from the core on screen, translated in context "messages", then filled."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from mestore_desktop.domain.text import N_
from mestore_desktop.ui import i18n
from mestore_desktop.ui.i18n import render

pytestmark = pytest.mark.gui

_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>messages</name>
    <message>
        <source>El pedido {reference} ya está pagado</source>
        <translation>Order {reference} is already paid</translation>
    </message>
    <message>
        <source>No se pudo cobrar: {reason}</source>
        <translation>Could not charge: {reason}</translation>
    </message>
    <message>
        <source>la llave no es válida</source>
        <translation>the key is not valid</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amonut}</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def english_messages(qapp, tmp_path: Path):
    ts, qm = tmp_path / "messages_en.ts", tmp_path / "messages_en.qm"
    ts.write_text(_TS, encoding="utf-8")
    lrelease = i18n.find_lrelease()
    assert lrelease is not None, "pyside6-lrelease ships with PySide6"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_without_a_translator_render_is_the_spanish_sentence(qapp):
    text = N_("El pedido {reference} ya está pagado", reference="MS-1")

    assert render(text) == str(text) == "El pedido MS-1 ya está pagado"


def test_render_translates_the_template_then_fills_it(english_messages):
    text = N_("El pedido {reference} ya está pagado", reference="MS-1")

    assert render(text) == "Order MS-1 is already paid"
    assert str(text) == "El pedido MS-1 ya está pagado"  # logs and the CLI stay Spanish


def test_a_field_holding_a_text_is_rendered_too(english_messages):
    text = N_("No se pudo cobrar: {reason}", reason=N_("la llave no es válida"))

    assert render(text) == "Could not charge: the key is not valid"


def test_a_plain_string_is_looked_up_as_a_template(english_messages):
    assert render("la llave no es válida") == "the key is not valid"
    assert render("Algo que nadie tradujo") == "Algo que nadie tradujo"


def test_an_untranslated_template_falls_back_to_spanish(english_messages):
    assert render(N_("Sin traducción {n}", n=3)) == "Sin traducción 3"


def test_a_translation_with_a_wrong_field_is_shown_unfilled_not_raised(english_messages):
    assert render(N_("Total {amount}", amount="$ 25.000")) == "Total {amonut}"
