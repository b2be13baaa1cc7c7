"""Text/N_: a Spanish template plus its fields; str() is the Spanish sentence."""

from __future__ import annotations

import pytest

from mestore_desktop.domain.text import (
    MESSAGES_CONTEXT,
    N_,
    Text,
    as_text,
    fill,
    joined,
    message_of,
)


def test_str_is_the_spanish_sentence_with_its_fields_filled():
    text = N_("El pedido {reference} ya está pagado", reference="MS-1")

    assert str(text) == "El pedido MS-1 ya está pagado"
    assert text.source == "El pedido {reference} ya está pagado"
    assert dict(text.params) == {"reference": "MS-1"}


def test_a_template_without_fields_is_itself():
    assert str(N_("Sin conexión")) == "Sin conexión"
    assert dict(N_("Sin conexión").params) == {}


def test_nested_text_fills_in_spanish():
    inner = N_("la llave {kind} no es válida", kind="privada")

    assert str(N_("No se pudo cobrar: {reason}", reason=inner)) == (
        "No se pudo cobrar: la llave privada no es válida"
    )


def test_texts_compare_and_hash_by_source_and_params():
    a = N_("Total {amount}", amount="$ 25.000")
    b = Text("Total {amount}", {"amount": "$ 25.000"})

    assert a == b
    assert hash(a) == hash(b)
    assert a != N_("Total {amount}", amount="$ 1")
    assert {a, b} == {a}


def test_params_cannot_change_after_creation():
    values = {"n": 1}
    text = Text("{n} items", values)
    values["n"] = 2

    assert str(text) == "1 items"
    with pytest.raises(TypeError):
        text.params["n"] = 3  # type: ignore[index]


def test_source_must_be_a_string():
    with pytest.raises(TypeError):
        Text(42)  # type: ignore[arg-type]


def test_a_broken_template_is_shown_unfilled_instead_of_raising():
    assert fill("Falta {campo}", {"otro": 1}) == "Falta {campo}"
    assert fill("Llave {0}", {"x": 1}) == "Llave {0}"
    assert fill("Abre { sin cerrar", {"x": 1}) == "Abre { sin cerrar"


def test_braces_in_a_template_without_params_are_left_alone():
    assert str(N_("Use {así}")) == "Use {así}"


def test_as_text_wraps_plain_strings_and_keeps_texts():
    text = N_("Hola {name}", name="Ana")

    assert as_text(text) is text
    assert as_text("Hola") == Text("Hola")
    assert MESSAGES_CONTEXT == "messages"


def test_message_of_an_error_raised_with_a_text_is_that_text():
    text = N_("No existe el pedido {number}.", number=7)
    exc = ValueError(text)

    assert message_of(exc) is text
    assert str(exc) == "No existe el pedido 7."


def test_message_of_an_error_raised_with_a_plain_str_is_its_str():
    assert message_of(ValueError("Algo {raro}")) == Text("Algo {raro}")
    assert message_of(ValueError()) == Text("")


def test_an_empty_text_is_false_like_an_empty_str():
    assert not Text("")
    assert N_("Hola")


def test_joined_texts_keep_each_part_and_drop_empty_ones():
    a, b = N_("Sin relay {n}", n=1), N_("Wompi tarda")

    together = joined(a, None, "", b)

    assert str(together) == "Sin relay 1 Wompi tarda"
    assert dict(together.params) == {"part0": a, "part1": b}
    assert joined(a) is a
    assert str(joined()) == ""
    assert str(joined(a, b, sep=" · ")) == "Sin relay 1 · Wompi tarda"


def test_a_text_and_an_error_carrying_one_survive_pickle_and_deepcopy():
    import copy
    import pickle

    text = N_("No existe el pedido {number}.", number=7)
    error = ValueError(text)

    assert pickle.loads(pickle.dumps(text)) == text  # noqa: S301  our own bytes
    assert copy.deepcopy(text) == text
    assert str(pickle.loads(pickle.dumps(error))) == "No existe el pedido 7."  # noqa: S301
