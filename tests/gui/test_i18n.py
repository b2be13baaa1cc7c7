"""English UI: the .ts compiles with lrelease, loads, covers every string, and falls back."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from mestore_desktop.settings import Environment, Settings
from mestore_desktop.ui import i18n
from mestore_desktop.ui.resources import resource_path
from mestore_desktop.ui.widgets.status import ConnectionState
from tests.support.merge_translations import ui_sources

pytestmark = pytest.mark.gui

TS = resource_path("translations", "mestore_en.ts")
UI_SOURCES = ui_sources()  # the same list tests/support/merge_translations.py scans


@pytest.fixture
def english(qapp, tmp_path):
    translator = i18n.install_translator("en", cache_dir=tmp_path / "qm")
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_english_strings_show_with_lang_en(english, make_window):
    window = make_window(Settings(environment=Environment.PRODUCTION))

    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["Counter", "Orders", "Payment links", "Reconciliation", "Settings"]
    assert window.header.badge.text() == "PRODUCTION"
    assert window.settings_page.save_button.text() == "Save settings"
    window.set_wompi_state(ConnectionState.UNVERIFIED)
    assert "Wompi: not verified" in window.status.wompi.text()


def test_spanish_needs_no_translator(qapp, tmp_path):
    assert i18n.install_translator("es", cache_dir=tmp_path) is None
    assert not list(tmp_path.iterdir())


def test_compiled_qm_is_cached_and_reused(qapp, tmp_path, monkeypatch):
    first = i18n.compiled_translation("en", tmp_path)
    assert first is not None
    assert first.parent == tmp_path
    monkeypatch.setattr(i18n, "_compile", lambda *_: pytest.fail("should reuse the fresh .qm"))
    assert i18n.compiled_translation("en", tmp_path) == first


def test_without_lrelease_the_ui_stays_in_spanish(qapp, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)

    assert i18n.install_translator("en", cache_dir=tmp_path) is None
    assert "lrelease not found" in caplog.text
    assert QCoreApplication.translate("CajaPage", "Caja") == "Caja"


def test_unknown_language_stays_in_spanish(qapp, tmp_path):
    assert i18n.install_translator("pt", cache_dir=tmp_path) is None


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    root = ET.parse(ts).getroot()  # noqa: S314  our own file from the repository
    return {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_ts_covers_every_ui_string_with_a_translation(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.is_file():
        pytest.skip("pyside6-lupdate is not installed next to the interpreter")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *map(str, UI_SOURCES), "-ts", str(fresh), "-silent"],
        check=True,
        capture_output=True,
    )

    committed = _messages(TS)
    missing = set(_messages(fresh)) - set(committed)
    assert not missing, f"strings missing from {TS.name}: {sorted(missing)}"
    untranslated = [key for key, text in committed.items() if not (text or "").strip()]
    assert not untranslated


def test_placeholders_match_between_source_and_translation():
    for (context, source), translation in _messages(TS).items():
        braces = [part.split("}")[0] for part in source.split("{")[1:]]
        for name in braces:
            assert "{" + name + "}" in translation, (context, source)
