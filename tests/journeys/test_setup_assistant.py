"""The first-run assistant and *Verificar instalación* (issue 13, items 2 and 3), used as a
person does: a first start without keys opens Ajustes as the guided setup; every way out (Esc,
*Cancelar*, *Atrás*, another page, the window's X) keeps what earlier steps saved and nothing of
the open one; a restart without keys opens it again, with keys it does not; the whole setup
against a Wompi sandbox and a relay on loopback ends with every check green."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from mestore_desktop.settings import Settings, SettingsFile
from tests.journeys.harness import Journey
from tests.journeys.payment_steps import shown
from tests.journeys.test_first_run import LocalWompi
from tests.journeys.test_first_run import local_wompi as local_wompi  # a fixture

SANDBOX = "mestore-desktop/sandbox"
CAJA = "Productos de la venta"  # the counter's cart: the Caja page is on screen
F_KEYS = [f"F{number}" for number in range(1, 13)]
# The real sandbox round trip (a payment, its event through the relay) takes a few seconds.
CHECKS_MS = 60_000


def step(number: int, title: str) -> str:
    return f"Paso {number} de 5: {title}"


def press_every_f_key(journey: Journey, title: str) -> None:
    """F1…F12 at a step of the assistant: the counter's keys must not act behind it."""
    for key in F_KEYS:
        journey.press(key)
        assert journey.modal() is None, key
    journey.find(title)


def type_into(journey: Journey, name: str, text: str) -> None:
    field = journey.find(name)
    assert isinstance(field, QLineEdit)
    journey.click(name)
    journey.press("a", Qt.KeyboardModifier.ControlModifier)
    journey.type(text)


def settings(journey: Journey) -> Settings:
    return SettingsFile(journey.home).load()


def test_every_way_out_of_the_assistant_and_a_restart(journey_factory, memory_keyring):
    journey = journey_factory(demo=False)
    journey.find(step(1, "Ambiente"))  # a first start without keys: Ajustes as the assistant
    press_every_f_key(journey, step(1, "Ambiente"))
    journey.press("Esc")
    journey.wait_gone(step(1, "Ambiente"))
    assert shown(journey, "Asistente cerrado. No se guardó nada.")

    journey.click("Asistente de configuración")  # it opens again from Ajustes
    journey.find(step(1, "Ambiente"))
    journey.press("Enter")  # Siguiente
    journey.find(step(2, "Llaves de Wompi"))
    press_every_f_key(journey, step(2, "Llaves de Wompi"))
    journey.type("pub_test_Abc123")  # the focus starts in the first field
    journey.press("Enter")
    journey.find(step(3, "Relay"))
    assert shown(journey, "Guardado: Llave pública.")
    journey.click("Atrás")
    journey.find(step(2, "Llaves de Wompi"))
    journey.click("Cancelar")
    journey.wait_gone(step(2, "Llaves de Wompi"))
    assert shown(journey, "Asistente cerrado. Quedó guardado: Llave pública.")
    assert settings(journey).public_key == "pub_test_Abc123"

    journey.click("Asistente de configuración")
    journey.press("Enter")
    journey.press("Enter")  # the keys step again, nothing typed: nothing new saved
    journey.find(step(3, "Relay"))
    journey.type("https://relay.nunca.co")
    press_every_f_key(journey, step(3, "Relay"))
    journey.press("Esc")
    journey.wait_gone(step(3, "Relay"))
    assert shown(journey, "«Relay» sin pulsar Siguiente no se guardó")
    assert settings(journey).relay_url == ""

    journey.click("Asistente de configuración")
    journey.press("Enter")
    type_into(journey, "Llave privada de Wompi", "prv_test_TypedNotSaved1")
    journey.press("1", Qt.KeyboardModifier.ControlModifier)  # off to Caja mid-step…
    journey.find(CAJA)
    journey.press("5", Qt.KeyboardModifier.ControlModifier)  # … and back: the same step
    journey.find(step(2, "Llaves de Wompi"))
    journey.close_window(journey.window)  # the X, with a key typed and Siguiente not pressed
    journey.close()
    assert (SANDBOX, "wompi_private_key") not in memory_keyring.values

    again = journey_factory(demo=False)  # still no Wompi key: the assistant again
    again.find(step(1, "Ambiente"))
    again.press("Enter")
    again.find(step(2, "Llaves de Wompi"))
    assert again.find("Llave pública").text() == "pub_test_Abc123"  # what was saved
    again.press("c", Qt.KeyboardModifier.AltModifier)  # Alt+C: Cancelar
    again.wait_gone(step(2, "Llaves de Wompi"))


def test_the_whole_setup_ends_green_and_a_restart_goes_to_the_counter(
    journey_factory, local_wompi: LocalWompi, memory_keyring, tmp_path
):
    home = tmp_path / "home"
    home.mkdir()
    base = local_wompi.sandbox.base_url
    # Where this Wompi lives (the loopback sandbox); the assistant asks for everything else.
    SettingsFile(home).save(Settings(wompi_api_url=f"{base}/v1", checkout_url=f"{base}/p/"))
    journey = journey_factory(demo=False, home=home)
    journey.find(step(1, "Ambiente"))
    journey.press("Enter")
    journey.find(step(2, "Llaves de Wompi"))
    journey.type(local_wompi.keys.public_key)
    type_into(journey, "Llave privada de Wompi", local_wompi.keys.private_key)
    type_into(journey, "Secreto de integridad", local_wompi.keys.integrity_secret)
    type_into(journey, "Secreto de eventos", local_wompi.keys.events_secret)
    journey.press("Enter")
    journey.find(step(3, "Relay"))
    journey.type(local_wompi.relay.base_url)
    type_into(journey, "Token del relay", local_wompi.token)
    journey.press("Enter")
    journey.find(step(4, "Comercio"))
    journey.type("Tienda La Esquina")
    journey.press("Enter")
    journey.find(step(5, "Verificación"))
    journey.find("Cancelar verificación")  # the self-test started by itself

    journey.press("Esc")  # the first Esc stops the test, the assistant stays
    journey.wait_gone("Cancelar verificación")
    assert shown(journey, "Verificación cancelada")
    journey.find(step(5, "Verificación"))

    journey.press("v", Qt.KeyboardModifier.AltModifier)  # Alt+V: Verificar instalación
    journey.find("Cancelar verificación")
    journey.wait(lambda: shown(journey, "Todo en orden: las 10 comprobaciones pasaron."), CHECKS_MS)
    assert shown(journey, "Eventos de Wompi en el relay: bien")
    journey.press("Enter")  # Terminar
    journey.wait_gone(step(5, "Verificación"))
    assert shown(journey, "Asistente terminado. Quedó guardado: Llave pública,")
    assert memory_keyring.values[(SANDBOX, "wompi_events_secret")] == local_wompi.keys.events_secret
    saved = (home / "settings.json").read_text()
    assert local_wompi.keys.private_key not in saved and local_wompi.token not in saved
    assert settings(journey).store_name == "Tienda La Esquina"
    journey.close()

    again = journey_factory(demo=False, home=home)  # keys saved: straight to the counter
    again.find(CAJA)
    assert not again.visible_named(step(1, "Ambiente"))


def test_verificar_instalacion_in_the_demo(journey):
    journey.press("5", Qt.KeyboardModifier.ControlModifier)  # Ajustes
    journey.press("v", Qt.KeyboardModifier.AltModifier)
    journey.find("Cancelar verificación")
    journey.press("Esc")  # the focus waits on Cancelar verificación: Esc stops the run
    journey.wait_gone("Cancelar verificación")
    assert shown(journey, "Verificación cancelada")

    journey.press("v", Qt.KeyboardModifier.AltModifier)  # running again works
    journey.wait(
        lambda: shown(journey, "comprobaciones pasaron") or shown(journey, "fallaron"), CHECKS_MS
    )
    journey.wait_gone("Cancelar verificación")
    checks = [text for text in journey.texts() if text.endswith((": bien", ": falla"))]
    assert len(checks) == 10, checks
    assert shown(journey, "Todo en orden: las 10 comprobaciones pasaron."), checks
