"""The UI language: MeStore's own strings, Qt's own dialogs and the checkout web view follow it.

Spanish is the source language; other languages come from ``.ts`` files.

``resources/translations/mestore_<lang>.ts`` (Qt Linguist XML) is the only translation source in
git. The binary ``.qm`` that QTranslator needs is a build output: a bundle may ship it prebuilt
next to the ``.ts``; otherwise it is compiled here with ``pyside6-lrelease`` (shipped inside the
PySide6 wheel) into a cache folder, and recompiled whenever the ``.ts`` is newer. If no ``.qm`` can
be had, the UI stays in Spanish and the reason is logged: a missing translation never stops a sale.

Qt's own strings (the Yes/No and OK/Cancel buttons, file, print and input dialogs) come from the
``qtbase_<lang>.qm``/``qtwebengine_<lang>.qm`` files shipped in PySide6's translations folder
(``QLibraryInfo.LibraryPath.TranslationsPath``); ``mestore_qt_<lang>.ts`` fills the few strings
Qt's Spanish lacks (the file dialog's "Look in:") in Colombian wording. The web view's own texts
(a form's "Please fill out this field.", Chromium's error pages) follow Chromium's UI locale,
which is only read once per process from ``QTWEBENGINE_CHROMIUM_FLAGS`` (``--lang=``) when the
web engine starts; the checkout's Accept-Language header is set on its private profile.

The composition root calls, in this order: ``apply_web_engine_language(lang)`` before the
QApplication exists, then ``install_translators(lang)`` right after it, before any widget.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QStandardPaths,
    QTranslator,
)

from mestore_desktop.domain.text import MESSAGES_CONTEXT, Text, as_text, fill, message_of
from mestore_desktop.ui.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "es"
SUPPORTED_LANGUAGES = ("es", "en")
_LRELEASE_TIMEOUT_S = 60
APP_CATALOGUE = "mestore"
# MeStore's completions of Qt's own translation (resources/translations/mestore_qt_<lang>.ts).
QT_OVERRIDES_CATALOGUE = "mestore_qt"
# Qt's catalogues for the modules MeStore shows: widgets, dialogs, print support (qtbase) and
# the web view's Qt-side strings (qtwebengine).
QT_CATALOGUES = ("qtbase", "qtwebengine")
# The locale each UI language means: Colombian Spanish, US English.
LOCALES = {"es": "es-CO", "en": "en-US"}
ACCEPT_LANGUAGES = {"es": "es-CO,es;q=0.9", "en": "en-US,en;q=0.9"}
# Chromium resolves es-CO to its Latin American pack (es-419), falling back to es.
CHROMIUM_LOCALE_PAKS = {"es": ("es-419.pak", "es.pak"), "en": ("en-US.pak",)}
CHROMIUM_FLAGS_VARIABLE = "QTWEBENGINE_CHROMIUM_FLAGS"

# The language install_translators() gave this session (None: never called, e.g. in a test).
_session_language: str | None = None


def default_cache_dir() -> Path:
    """Per-user cache folder for compiled translations (never the data folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "mestore-desktop") / "translations"


def find_lrelease() -> Path | None:
    """``pyside6-lrelease`` next to the interpreter, inside the PySide6 package, or on PATH."""
    suffix = ".exe" if sys.platform == "win32" else ""
    candidates = [
        Path(sys.executable).parent / f"pyside6-lrelease{suffix}",
        Path(PySide6.__file__).parent / f"lrelease{suffix}",
    ]
    on_path = shutil.which("pyside6-lrelease")
    if on_path:
        candidates.append(Path(on_path))
    return next((path for path in candidates if path.is_file()), None)


def _is_fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime


def _compile(ts: Path, qm: Path) -> bool:
    lrelease = find_lrelease()
    if lrelease is None:
        log.warning("pyside6-lrelease not found; cannot compile %s", ts.name)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_suffix(".qm.part")
    try:
        # Fixed argv of our own files, no shell: nothing user-controlled reaches the command.
        result = subprocess.run(  # noqa: S603
            [str(lrelease), "-silent", str(ts), "-qm", str(partial)],
            capture_output=True,
            text=True,
            timeout=_LRELEASE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        log.warning("running %s failed", lrelease, exc_info=True)
        return False
    if result.returncode != 0 or not partial.is_file():
        log.warning("lrelease failed for %s (rc=%s): %s", ts.name, result.returncode, result.stderr)
        return False
    # Replace atomically so a half-written .qm is never loaded by a concurrent start.
    os.replace(partial, qm)
    return True


def translation_source(language: str, catalogue: str = APP_CATALOGUE) -> Path:
    """Where ``<catalogue>_<language>.ts`` lives (it may not exist)."""
    return resource_path("translations", f"{catalogue}_{language}.ts")


def compiled_translation(
    language: str, cache_dir: Path, catalogue: str = APP_CATALOGUE
) -> Path | None:
    """A fresh ``.qm`` for *language*, compiling it when needed; None if impossible."""
    ts = translation_source(language, catalogue)
    if not ts.is_file():
        log.warning("no translation source for %r at %s", language, ts)
        return None
    cached = cache_dir / f"{catalogue}_{language}.qm"
    for qm in (ts.with_suffix(".qm"), cached):
        if _is_fresh(qm, ts):
            return qm
    return cached if _compile(ts, cached) else None


def choose_language(cli_language: str | None, configured: str) -> str:
    """``--lang`` wins over the saved setting, so one session can switch without saving."""
    return cli_language or configured


def install_translator(
    language: str, *, cache_dir: Path | None = None, app: QCoreApplication | None = None
) -> QTranslator | None:
    """Install MeStore's own translator only (Qt's dialogs untouched: the app calls
    ``install_translators``); None (and Spanish UI) for Spanish or on failure.

    The returned translator must be kept alive by the caller (Qt does not own it) and can be
    passed to ``QCoreApplication.removeTranslator`` to switch back.
    """
    translator = _app_translator(language, cache_dir or default_cache_dir())
    if translator is not None:
        (app or QCoreApplication.instance()).installTranslator(translator)
    return translator


def _app_translator(language: str, cache_dir: Path) -> QTranslator | None:
    if language == SOURCE_LANGUAGE:
        return None
    if language not in SUPPORTED_LANGUAGES:
        log.warning("unsupported language %r; staying in Spanish", language)
        return None
    return _load(compiled_translation(language, cache_dir), "staying in Spanish")


def _load(qm: Path | None, consequence: str) -> QTranslator | None:
    if qm is None:
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        log.warning("could not load %s; %s", qm, consequence)
        return None
    return translator


def install_translators(
    language: str, *, cache_dir: Path | None = None, app: QCoreApplication | None = None
) -> list[QTranslator]:
    """Install MeStore's and Qt's own translations for *language*; returns them all.

    Call it once the QApplication exists and before any widget is made. If MeStore's own
    translation cannot be had the UI stays in Spanish, and so do Qt's dialogs: one language on
    screen. Keep the list alive (Qt does not own translators); ``remove_translators`` undoes it.
    """
    global _session_language
    target = app or QCoreApplication.instance()
    own = _app_translator(language, cache_dir or default_cache_dir())
    effective = language if own is not None else SOURCE_LANGUAGE
    # Qt looks in the most recently installed translator first: the completions of Qt's
    # catalogue go after Qt's own.
    translators = [*qt_translators(effective), *_qt_overrides(effective, cache_dir)]
    if own is not None:
        translators.append(own)
    for translator in translators:
        target.installTranslator(translator)
    _session_language = effective
    log.info("UI language %s (%d translation files)", effective, len(translators))
    return translators


def remove_translators(
    translators: list[QTranslator], *, app: QCoreApplication | None = None
) -> None:
    """Undo ``install_translators`` (Spanish again, as at start-up before any translation)."""
    global _session_language
    target = app or QCoreApplication.instance()
    for translator in translators:
        target.removeTranslator(translator)
    _session_language = None


def qt_translations_dir() -> Path:
    """PySide6's folder of Qt's own ``.qm`` files (inside the bundle too)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_translators(language: str) -> list[QTranslator]:
    """Qt's own catalogues for *language*; each missing one is logged and left out."""
    folder = qt_translations_dir()
    locale = QLocale(LOCALES.get(language, LOCALES[SOURCE_LANGUAGE]).replace("-", "_"))
    found = []
    for catalogue in QT_CATALOGUES:
        translator = QTranslator()
        # Tries <catalogue>_es_CO.qm, then <catalogue>_es.qm.
        if translator.load(locale, catalogue, "_", str(folder)):
            found.append(translator)
        else:
            log.warning(
                "Qt's own translation %s for %r is not in %s; Qt's dialogs will show English",
                catalogue,
                language,
                folder,
            )
    return found


def _qt_overrides(language: str, cache_dir: Path | None) -> list[QTranslator]:
    # Only languages whose Qt catalogue needs completing have a source file.
    if not translation_source(language, QT_OVERRIDES_CATALOGUE).is_file():
        return []
    qm = compiled_translation(language, cache_dir or default_cache_dir(), QT_OVERRIDES_CATALOGUE)
    translator = _load(qm, "a few of Qt's own strings stay in English")
    return [translator] if translator is not None else []


def session_language() -> str | None:
    """The language ``install_translators`` put on screen; None before it ran."""
    return _session_language


def ui_language() -> str:
    """The language on screen now (Spanish until ``install_translators`` says otherwise)."""
    return _session_language or SOURCE_LANGUAGE


def render(text: Text | str) -> str:
    """*text* on screen: its Spanish template translated (context "messages"), then filled.

    Untranslated templates (Spanish on screen, or a message the ``.ts`` lacks) come back as
    Qt returns them: the Spanish source, filled. A plain str is translated the same way; a field
    whose value is itself a Text (a reason inside a sentence) is rendered first, and so is an
    exception's message (``N_("No se creó el link: {exc}", exc=exc)``).
    """
    message = as_text(text)
    template = QCoreApplication.translate(MESSAGES_CONTEXT, message.source)
    return fill(template, {name: _rendered(value) for name, value in message.params.items()})


def render_error(exc: BaseException) -> str:
    """The message of *exc* (one of the user-facing families a screen caught) translated.

    Only for errors caught by type; anything unforeseen goes to ``ui.errors.user_message``,
    which never shows raw exception text.
    """
    return render(message_of(exc))


def _rendered(value: object) -> object:
    if isinstance(value, Text):
        return render(value)
    if isinstance(value, BaseException):
        return render(message_of(value))
    return value


def language_names() -> dict[str, str]:
    """Every supported language named in the current UI language (built at call time)."""
    return {
        "es": QCoreApplication.translate("Language", "Español"),
        "en": QCoreApplication.translate("Language", "Inglés"),
    }


def accept_language(language: str) -> str:
    """The Accept-Language a web page should get when the UI is in *language*."""
    return ACCEPT_LANGUAGES.get(language, ACCEPT_LANGUAGES[SOURCE_LANGUAGE])


def web_engine_flags(language: str, current: str = "") -> str:
    """Chromium flags *current* with its UI locale set for *language* (an earlier --lang goes)."""
    kept = [flag for flag in current.split() if not flag.startswith("--lang=")]
    locale = LOCALES.get(language, LOCALES[SOURCE_LANGUAGE])
    return " ".join([*kept, f"--lang={locale}"])


def apply_web_engine_language(language: str) -> None:
    """Give the web view's own texts (form validation, error pages) the UI language.

    Must run before the QApplication exists: Chromium reads its flags once, when the web engine
    starts, and never again in this process.
    """
    if QCoreApplication.instance() is not None:
        log.warning("web engine language set after the QApplication: it may be ignored")
    current = os.environ.get(CHROMIUM_FLAGS_VARIABLE, "")
    os.environ[CHROMIUM_FLAGS_VARIABLE] = web_engine_flags(language, current)
    _check_chromium_locale(language)


def chromium_locales_dir() -> Path:
    """Where QtWebEngine looks for Chromium's locale packs (its variable overrides the default)."""
    configured = os.environ.get("QTWEBENGINE_LOCALES_PATH")
    return Path(configured) if configured else qt_translations_dir() / "qtwebengine_locales"


def _check_chromium_locale(language: str) -> bool:
    folder = chromium_locales_dir()
    paks = CHROMIUM_LOCALE_PAKS.get(language, CHROMIUM_LOCALE_PAKS[SOURCE_LANGUAGE])
    if any((folder / pak).is_file() for pak in paks):
        return True
    log.warning(
        "Chromium has no locale pack %s in %s; the web view's own messages will be in English",
        " or ".join(paks),
        folder,
    )
    return False
