"""The non-secret settings form: one editor per setting, grouped by section, errors beside fields.

The form only shows and collects text; parsing and validation stay in ``mestore_desktop.settings``
(``with_value``/``validate``), so the rules live in one place and the CLI applies the same ones.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.settings import Settings, to_display
from mestore_desktop.ui.i18n import language_names, session_language
from mestore_desktop.ui.settings.fields import FieldSpec, field_specs

Editor = QLineEdit | QComboBox


class SettingsForm(QWidget):
    """Editors for every setting; ``values()`` returns the raw text keyed by setting name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        self._section_of: dict[str, str] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._sections: dict[str, QFormLayout] = {}
        for spec in field_specs():
            self._add_field(spec)
        self.language_note = self._language_note()

    def _section(self, title: str) -> QFormLayout:
        if title not in self._sections:
            box = QGroupBox(title, self)
            self._layout.addWidget(box)
            self._sections[title] = QFormLayout(box)
        return self._sections[title]

    def _add_field(self, spec: FieldSpec) -> None:
        editor: Editor
        if spec.choices:
            editor = QComboBox()
            for value, label in spec.choices:
                editor.addItem(label, value)
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(spec.placeholder)
            editor.setClearButtonEnabled(True)
        editor.setObjectName(f"setting_{spec.key}")
        editor.setAccessibleName(spec.label)
        error = QLabel()
        error.setObjectName("FieldError")
        error.setWordWrap(True)
        error.hide()
        # Editor and its message share one form row, so a message appears right under its field.
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        self._section(spec.section).addRow(spec.label, cell)
        self.editors[spec.key], self.errors[spec.key] = editor, error
        self.labels[spec.key] = spec.label
        self._section_of[spec.key] = spec.section

    def add_row(self, beside_key: str, label: str, widget: QWidget) -> None:
        """Add *widget* at the end of the section that holds the setting *beside_key*."""
        self._section(self._section_of[beside_key]).addRow(label, widget)

    def load(self, settings: Settings) -> None:
        """Fill every editor from *settings* and clear old error messages."""
        for key, text in to_display(settings).items():
            editor = self.editors[key]
            if isinstance(editor, QComboBox):
                index = editor.findData(text)
                editor.setCurrentIndex(max(index, 0))
            else:
                editor.setText(text)
        self.clear_errors()
        self._note_session_language(settings.language)

    def _language_note(self) -> QLabel:
        note = QLabel(self)
        note.setObjectName("LanguageNote")
        note.setWordWrap(True)
        note.hide()
        if "language" in self.editors:
            self.add_row("language", "", note)
        return note

    def _note_session_language(self, saved: str) -> None:
        """``--lang`` may open this session in another language than the saved one: say so,
        while the combo keeps showing what is saved (and what *Guardar* writes)."""
        session = session_language()
        if session is None or session == saved:
            self.language_note.hide()
            return
        names = language_names()
        text = self.tr(
            "Esta sesión está en {session} (--lang). El idioma guardado, {saved}, se usa al "
            "abrir MeStore sin --lang."
        ).format(session=names.get(session, session), saved=names.get(saved, saved))
        self.language_note.setText(text)
        self.language_note.setAccessibleName(text)
        self.language_note.show()

    def values(self) -> dict[str, str]:
        """The raw text of every editor (combo boxes give their stored value, not the label)."""
        return {
            key: str(editor.currentData()) if isinstance(editor, QComboBox) else editor.text()
            for key, editor in self.editors.items()
        }

    def show_error(self, key: str, message: str) -> None:
        """Show *message* under the editor of *key*."""
        label = self.errors[key]
        label.setText(message)
        label.show()

    def clear_errors(self) -> None:
        """Hide every field message."""
        for label in self.errors.values():
            label.clear()
            label.hide()
