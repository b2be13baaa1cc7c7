"""Qt's own dialogs and the web view speak the UI's language, and what is missing is logged.

Qt's strings (OK/Cancel, Yes/No, the file, print and input dialogs) come from the ``.qm`` files
PySide6 ships; MeStore completes Qt's Spanish where it is missing ("Look in:"). Chromium's own
texts need a process of their own: see test_web_view_language.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from mestore_desktop.services.navigation import NavigationPolicy
from mestore_desktop.settings import Settings
from mestore_desktop.ui import i18n
from mestore_desktop.ui.payment.guarded_page import private_profile
from mestore_desktop.ui.settings.form import SettingsForm

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# Qt's English that must not reach a Spanish screen ("No" is Spanish too, so it is not here).
ENGLISH_WORDS = re.compile(
    r"\b(OK|Cancel|Yes|Open|Save|Save As|Print|Close|Look in|Files of type|File name|"
    r"All Files|Enter a value|Name|Type|Location|Options|Properties|Printer)\b"
)
SPANISH_MARKS = re.compile(r"[áéíóúñÁÉÍÓÚÑ¿¡]|\b(Aceptar|Cancelar|Sí|Guardar|Abrir|Imprimir)\b")


def visible_texts(root: QWidget) -> list[str]:
    """What a person reads in *root*: titles, labels, buttons, group titles, combo texts."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
    return [text.replace("&", "") for text in texts if text and not text.startswith("/")]


@pytest.fixture
def language(qapp, tmp_path: Path) -> Iterator[callable]:
    """Put the UI in a language as the app does at start-up; back to Spanish afterwards."""
    installed: list = []

    def install(code: str) -> list:
        installed.extend(i18n.install_translators(code, cache_dir=tmp_path / "qm"))
        return installed

    yield install
    i18n.remove_translators(installed)


def shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def file_dialog(mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # as the app opens it
    dialog.setAcceptMode(mode)
    return dialog


def button_texts(box: QDialogButtonBox | QMessageBox) -> set[str]:
    return {button.text().replace("&", "") for button in box.buttons()}


ALL_BUTTONS = (
    QDialogButtonBox.StandardButton.Ok
    | QDialogButtonBox.StandardButton.Cancel
    | QDialogButtonBox.StandardButton.Yes
    | QDialogButtonBox.StandardButton.No
    | QDialogButtonBox.StandardButton.Save
    | QDialogButtonBox.StandardButton.Open
)


def test_pyside6_ships_qt_and_chromium_translations_for_each_ui_language() -> None:
    folder = i18n.qt_translations_dir()
    for code in i18n.SUPPORTED_LANGUAGES:
        for catalogue in i18n.QT_CATALOGUES:
            assert (folder / f"{catalogue}_{code}.qm").is_file(), (catalogue, code)
        paks = i18n.CHROMIUM_LOCALE_PAKS[code]
        assert any((i18n.chromium_locales_dir() / pak).is_file() for pak in paks), code


def test_spanish_standard_buttons(language, qtbot) -> None:
    language("es")

    box = QDialogButtonBox(ALL_BUTTONS)
    question = QMessageBox(QMessageBox.Icon.Question, "", "")
    question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)

    assert button_texts(box) == {"Aceptar", "Cancelar", "Sí", "No", "Guardar", "Abrir"}
    assert button_texts(question) == {"Sí", "No"}
    assert i18n.session_language() == "es"


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_spanish_file_dialogs_have_no_english(language, qtbot, mode) -> None:
    language("es")

    texts = visible_texts(shown(qtbot, file_dialog(mode)))

    assert "Buscar en:" in texts  # completed by MeStore: Qt's Spanish lacks it
    assert "Nombre del archivo:" in texts  # Colombian "archivo", not Spain's "fichero"
    assert "Cancelar" in texts
    assert not [text for text in texts if ENGLISH_WORDS.search(text)], texts


def test_spanish_input_and_print_dialogs_have_no_english(language, qtbot) -> None:
    language("es")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)

    asked = visible_texts(shown(qtbot, QInputDialog()))
    printing = visible_texts(shown(qtbot, QPrintDialog(printer)))

    assert {"Aceptar", "Cancelar"} <= set(asked)
    assert {"Imprimir", "Cancelar"} <= set(printing)
    assert not [text for text in asked + printing if ENGLISH_WORDS.search(text)]


def test_english_everywhere_with_lang_en(language, qtbot) -> None:
    language("en")

    texts = visible_texts(shown(qtbot, file_dialog(QFileDialog.AcceptMode.AcceptSave)))

    assert button_texts(QDialogButtonBox(ALL_BUTTONS)) == {
        "OK",
        "Cancel",
        "Yes",
        "No",
        "Save",
        "Open",
    }
    assert "Look in:" in texts
    assert not [text for text in texts if SPANISH_MARKS.search(text)], texts
    assert QCoreApplication.translate("SettingsFields", "Idioma") == "Language"
    assert i18n.session_language() == "en"


def test_removing_the_translators_brings_spanish_back(language) -> None:
    installed = language("en")
    i18n.remove_translators(installed)
    installed.clear()

    assert button_texts(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)) == {"Cancel"}
    assert QCoreApplication.translate("SettingsFields", "Idioma") == "Idioma"
    assert i18n.session_language() is None
    assert i18n.ui_language() == "es"


def test_missing_qt_translations_are_logged_and_the_app_goes_on(
    language, monkeypatch, tmp_path, caplog
) -> None:
    monkeypatch.setattr(i18n, "qt_translations_dir", lambda: tmp_path / "nothing")
    caplog.set_level(logging.WARNING, logger=i18n.__name__)

    installed = language("en")

    assert len(installed) == 1  # MeStore's own English, without Qt's
    assert "qtbase" in caplog.text and "qtwebengine" in caplog.text
    assert QCoreApplication.translate("SettingsFields", "Idioma") == "Language"


def test_without_lrelease_qt_dialogs_stay_spanish_with_the_ui(language, monkeypatch) -> None:
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)

    language("en")

    assert i18n.session_language() == "es"
    assert button_texts(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)) == {"Cancelar"}


def test_chromium_flags_get_the_ui_locale_once() -> None:
    assert i18n.web_engine_flags("es", "--disable-gpu") == "--disable-gpu --lang=es-CO"
    assert i18n.web_engine_flags("en", "--lang=es-CO --disable-gpu") == "--disable-gpu --lang=en-US"
    assert i18n.web_engine_flags("pt") == "--lang=es-CO"  # unsupported: the UI stays Spanish


def test_apply_web_engine_language_sets_the_flags_variable(monkeypatch, caplog) -> None:
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")

    i18n.apply_web_engine_language("en")

    assert i18n.os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--disable-gpu --lang=en-US"


def test_a_missing_chromium_locale_pack_is_logged(monkeypatch, tmp_path, caplog) -> None:
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "")
    monkeypatch.setenv("QTWEBENGINE_LOCALES_PATH", str(tmp_path))

    i18n.apply_web_engine_language("es")

    assert "es-419.pak or es.pak" in caplog.text


def test_the_checkout_profile_asks_for_the_ui_language(language, qapp) -> None:
    policy = NavigationPolicy("https://checkout.wompi.co/p/", "https://production.wompi.co/v1", "")
    owner = QObject()
    spanish, _guard = private_profile(policy, owner)
    language("en")
    english, _guard2 = private_profile(policy, owner)

    assert spanish.httpAcceptLanguage() == "es-CO,es;q=0.9"
    assert english.httpAcceptLanguage() == "en-US,en;q=0.9"
    owner.deleteLater()


def language_row(form: SettingsForm) -> tuple[str, str]:
    note = form.language_note
    return form.editors["language"].currentText(), note.text() if note.isVisible() else ""


def test_settings_names_languages_in_the_ui_language_and_notes_lang(language, qtbot) -> None:
    language("en")
    form = SettingsForm()
    qtbot.addWidget(form)
    form.show()
    form.load(Settings(language="es"))

    combo = form.editors["language"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["Spanish", "English"]
    shown_value, note = language_row(form)
    assert shown_value == "Spanish"  # what is saved, and what Guardar writes
    assert note.startswith("This session is in English")
    assert not SPANISH_MARKS.search(" ".join(visible_texts(form)))
    assert form.values()["language"] == "es"


def test_settings_in_spanish_without_a_note_when_the_session_matches(language, qtbot) -> None:
    language("es")
    form = SettingsForm()
    qtbot.addWidget(form)
    form.show()
    form.load(Settings(language="es"))

    combo = form.editors["language"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["Español", "Inglés"]
    assert language_row(form) == ("Español", "")


def test_the_bundle_ships_qt_translations_where_qlibraryinfo_looks() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    # Only the spec's list of translations and its function, with the names they use.
    names = spec[spec.index("QT_TRANSLATIONS = [") : spec.index("\n# Symbol tables")]
    definition = spec[spec.index("def qt_translations") : spec.index("\ndatas = [")]
    pyside6 = Path(PySide6.__file__).parent
    namespace: dict = {"Path": Path, "PYSIDE6": pyside6, "QT": PurePosixPath("PySide6", "Qt")}
    exec(names + "\n" + definition, namespace)  # noqa: S102  our own build file, only these

    bundled = {Path(source).name: target for source, target in namespace["qt_translations"]()}

    # Inside the bundle, QLibraryInfo looks where PySide6 keeps them in site-packages.
    where = i18n.qt_translations_dir().relative_to(Path(PySide6.__file__).parents[1]).as_posix()
    for code in i18n.SUPPORTED_LANGUAGES:
        for catalogue in i18n.QT_CATALOGUES:
            assert bundled[f"{catalogue}_{code}.qm"] == where
        assert set(i18n.CHROMIUM_LOCALE_PAKS[code]) <= set(bundled)
    assert "*qt_translations()," in spec
