"""Locate files under the project's ``resources/`` folder, from source or a PyInstaller bundle.

PyInstaller unpacks data files under ``sys._MEIPASS``; from a source checkout they sit next to the
package. Everything that reads the theme, icons or translations goes through here so that the
two layouts never diverge.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding ``theme.qss``, ``icons/`` and ``translations/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A path inside :func:`resources_dir`; it may not exist (callers decide what to do)."""
    return resources_dir().joinpath(*parts)
