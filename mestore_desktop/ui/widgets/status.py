"""The status bar: connection state of Wompi and of the webhook relay, plus the terminal id.

Later screens report what they learn through :meth:`ConnectionStatusBar.set_wompi_state` and
:meth:`ConnectionStatusBar.set_relay_state`; this module only knows how to show a state.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from mestore_desktop.ui import icons
from mestore_desktop.ui.theme import set_style_property

PROBLEM_ICON_PX = 16


class ConnectionState(StrEnum):
    """What we know about a connection; the value is stable (logs, tests)."""

    UNVERIFIED = "unverified"
    NOT_CONFIGURED = "not_configured"
    CHECKING = "checking"
    CONNECTED = "connected"
    DEGRADED = "degraded"
    OFFLINE = "offline"
    ERROR = "error"

    def word(self) -> str:
        """The Spanish word shown after the service name."""
        words = {
            ConnectionState.UNVERIFIED: QCoreApplication.translate(
                "ConnectionState", "sin verificar"
            ),
            ConnectionState.NOT_CONFIGURED: QCoreApplication.translate(
                "ConnectionState", "no configurado"
            ),
            ConnectionState.CHECKING: QCoreApplication.translate("ConnectionState", "verificando…"),
            ConnectionState.CONNECTED: QCoreApplication.translate("ConnectionState", "conectado"),
            ConnectionState.DEGRADED: QCoreApplication.translate("ConnectionState", "con demoras"),
            ConnectionState.OFFLINE: QCoreApplication.translate("ConnectionState", "sin conexión"),
            ConnectionState.ERROR: QCoreApplication.translate("ConnectionState", "con error"),
        }
        return words[self]


# The shared status colours of the theme (see resources/theme.qss).
_STATUS_COLOUR = {
    ConnectionState.UNVERIFIED: "voided",
    ConnectionState.NOT_CONFIGURED: "voided",
    ConnectionState.CHECKING: "pending",
    ConnectionState.CONNECTED: "approved",
    ConnectionState.DEGRADED: "pending",
    ConnectionState.OFFLINE: "declined",
    ConnectionState.ERROR: "error",
}


class ConnectionIndicator(QLabel):
    """ "● Wompi: conectado" — a dot, the service, the state word, and an optional detail."""

    def __init__(self, service: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.state = ConnectionState.UNVERIFIED
        self.detail = ""

    def set_state(self, state: ConnectionState, detail: str = "") -> None:
        """Show *state*; *detail* (already user-facing text) follows the word and is the tooltip."""
        self.state, self.detail = state, detail
        text = f"● {self.service}: {state.word()}"
        self.setText(f"{text} · {detail}" if detail else text)
        self.setToolTip(detail)
        set_style_property(self, "status", _STATUS_COLOUR[state])


class ConnectionStatusBar(QStatusBar):
    """Permanent indicators for Wompi and the relay, the terminal id, and a counter problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        # Left of the indicators; a permanent widget, so a temporary message never hides it.
        self.counter_problem = QLabel(self)
        self.counter_problem.setObjectName("CounterProblem")
        self.counter_problem.setAccessibleName(self.tr("Problema de la caja"))
        self.counter_problem.setWordWrap(False)
        set_style_property(self.counter_problem, "status", "error")
        self.counter_problem.hide()
        self.counter_problem_icon = QLabel(self)
        self.counter_problem_icon.setPixmap(icons.pixmap("error", PROBLEM_ICON_PX))
        self.counter_problem_icon.hide()
        self.addPermanentWidget(self.counter_problem_icon)
        self.addPermanentWidget(self.counter_problem, 1)
        self.terminal = QLabel(self)
        self.wompi = ConnectionIndicator("Wompi", self)
        self.relay = ConnectionIndicator("Relay", self)
        for widget in (self.terminal, self.relay, self.wompi):
            self.addPermanentWidget(widget)
        self.set_wompi_state(ConnectionState.UNVERIFIED)
        self.set_relay_state(ConnectionState.NOT_CONFIGURED)

    def set_wompi_state(self, state: ConnectionState, detail: str = "") -> None:
        """Update the Wompi API indicator."""
        self.wompi.set_state(state, detail)

    def set_relay_state(self, state: ConnectionState, detail: str = "") -> None:
        """Update the webhook relay indicator."""
        self.relay.set_state(state, detail)

    def show_counter_problem(self, text: str) -> None:
        """Show why a counter check failed (already user-facing text); "" hides it."""
        self.counter_problem.setText(text)
        self.counter_problem.setToolTip(text)
        self.counter_problem.setVisible(bool(text))
        self.counter_problem_icon.setVisible(bool(text))

    def set_terminal(self, terminal_id: str) -> None:
        """Show which terminal this is (hidden while not configured)."""
        self.terminal.setText(
            self.tr("Terminal {id}").format(id=terminal_id) if terminal_id else ""
        )
        self.terminal.setVisible(bool(terminal_id))
