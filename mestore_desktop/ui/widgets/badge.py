"""The environment badge: which Wompi environment this window is working against, always visible.

Colour comes from the QSS (``environment`` property) and is always paired with the word, so the
badge is readable without colour vision and in a black-and-white screenshot.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from mestore_desktop.ui.theme import set_style_property


class BadgeKind(StrEnum):
    """What the badge shows; the value is the QSS ``environment`` property."""

    SANDBOX = "sandbox"
    PRODUCTION = "production"
    DEMO = "demo"

    @classmethod
    def for_environment(cls, environment: str, *, demo: bool) -> BadgeKind:
        """DEMO wins over the configured environment; anything unknown reads as SANDBOX.

        Unknown falls back to SANDBOX rather than PRODUCTION so that a bad value never makes a
        test setup look like the real thing.
        """
        if demo:
            return cls.DEMO
        return cls.PRODUCTION if str(environment) == cls.PRODUCTION.value else cls.SANDBOX

    def word(self) -> str:
        """The word shown on the badge."""
        words = {
            BadgeKind.SANDBOX: QCoreApplication.translate("EnvironmentBadge", "SANDBOX"),
            BadgeKind.PRODUCTION: QCoreApplication.translate("EnvironmentBadge", "PRODUCCIÓN"),
            BadgeKind.DEMO: QCoreApplication.translate("EnvironmentBadge", "DEMO"),
        }
        return words[self]


class EnvironmentBadge(QLabel):
    """A coloured label naming the environment (SANDBOX amber, PRODUCCIÓN green, DEMO violet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EnvironmentBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kind = BadgeKind.SANDBOX
        self.set_kind(BadgeKind.SANDBOX)

    def set_kind(self, kind: BadgeKind) -> None:
        """Show *kind*: word, colour and an accessible name for screen readers."""
        self.kind = kind
        self.setText(kind.word())
        self.setAccessibleName(
            QCoreApplication.translate("EnvironmentBadge", "Ambiente: {word}").format(
                word=kind.word()
            )
        )
        set_style_property(self, "environment", kind.value)
