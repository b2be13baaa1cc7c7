"""Load the UI translation: Spanish is the source language, other languages come from ``.ts`` files.

``resources/translations/mestore_<lang>.ts`` (Qt Linguist XML) is the only translation source in
git. The binary ``.qm`` that QTranslator needs is a build output: a bundle may ship it prebuilt
next to the ``.ts``; otherwise it is compiled here with ``pyside6-lrelease`` (shipped inside the
PySide6 wheel) into a cache folder, and recompiled whenever the ``.ts`` is newer. If no ``.qm`` can
be had, the UI stays in Spanish and the reason is logged: a missing translation never stops a sale.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QStandardPaths, QTranslator

from mestore_desktop.ui.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "es"
SUPPORTED_LANGUAGES = ("es", "en")
_LRELEASE_TIMEOUT_S = 60


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


def compiled_translation(language: str, cache_dir: Path) -> Path | None:
    """A fresh ``.qm`` for *language*, compiling it when needed; None if impossible."""
    ts = resource_path("translations", f"mestore_{language}.ts")
    if not ts.is_file():
        log.warning("no translation source for %r at %s", language, ts)
        return None
    for qm in (ts.with_suffix(".qm"), cache_dir / f"mestore_{language}.qm"):
        if _is_fresh(qm, ts):
            return qm
    cached = cache_dir / f"mestore_{language}.qm"
    return cached if _compile(ts, cached) else None


def choose_language(cli_language: str | None, configured: str) -> str:
    """``--lang`` wins over the saved setting, so one session can switch without saving."""
    return cli_language or configured


def install_translator(
    language: str, *, cache_dir: Path | None = None, app: QCoreApplication | None = None
) -> QTranslator | None:
    """Install the translator for *language*; None (and Spanish UI) for Spanish or on failure.

    The returned translator must be kept alive by the caller (Qt does not own it) and can be
    passed to ``QCoreApplication.removeTranslator`` to switch back.
    """
    if language == SOURCE_LANGUAGE:
        return None
    if language not in SUPPORTED_LANGUAGES:
        log.warning("unsupported language %r; staying in Spanish", language)
        return None
    qm = compiled_translation(language, cache_dir or default_cache_dir())
    if qm is None:
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        log.warning("could not load %s; staying in Spanish", qm)
        return None
    (app or QCoreApplication.instance()).installTranslator(translator)
    return translator
