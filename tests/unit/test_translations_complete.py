"""Translations complete: Spanish (the source) and English, nothing unfinished, nothing left out.

The UI's own strings go through ``tr()``/``translate()`` (``tests/gui/test_i18n.py`` runs lupdate
over the UI and checks the ``.ts`` has them all); the core's errors and statuses go through
``N_("…")`` (``mestore_desktop/domain/text.py``) and reach the screen via ``ui.i18n.render``.
These checks read the ``.ts`` files and the code (AST) only: no Qt, no lupdate.

Refresh the ``.ts`` with ``.venv/bin/python -m tests.support.merge_translations <tsv files>``.
"""

from __future__ import annotations

import ast
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mestore_desktop.domain.text import MESSAGES_CONTEXT
from mestore_desktop.services.user_errors import USER_FACING_ERRORS
from tests.support.message_scan import (
    PACKAGE,
    ROOT,
    bare_ui_literals,
    bare_user_errors,
    core_files,
    n_calls,
    python_files,
    raw_exception_texts,
    ui_files,
    user_error_classes,
)

TRANSLATIONS = ROOT / "resources" / "translations"
ENGLISH = TRANSLATIONS / "mestore_en.ts"
ALL_TS = sorted(TRANSLATIONS.glob("*.ts"))

# Error families not in USER_FACING_ERRORS whose message still reaches the screen, as the sync
# state in the status bar (sync/hub.py): their messages must be marked too.
STATUS_FAMILIES = {"RelayError"}

# Literals a UI scan would flag that are not words for a person to read. Keep it short; each
# entry says why. (file relative to the repository, the literal as written in the code)
UI_ALLOWED: dict[tuple[str, str], str] = {}


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()  # noqa: S314  our own file from the repository
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return ["".join(form.itertext()) for form in forms] if forms else [translation.text or ""]


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _english_messages() -> dict[str, ET.Element]:
    return {
        message.findtext("source") or "": message
        for context, message in _messages(ENGLISH)
        if context == MESSAGES_CONTEXT
    }


def test_the_translation_files_are_there():
    assert ENGLISH in ALL_TS
    assert len(ALL_TS) >= 2  # mestore_en.ts, mestore_qt_es.ts (Qt's Spanish completed)


@pytest.mark.parametrize("ts", ALL_TS, ids=lambda path: path.name)
def test_no_message_is_unfinished_empty_or_obsolete(ts: Path):
    problems = []
    for context, message in _messages(ts):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        texts = _translations(message)
        if kind is not None or not texts or not all(text.strip() for text in texts):
            problems.append(f"{context} | {message.findtext('source')!r}: {kind or 'empty'}")
    assert not problems, f"{ts.name}:\n" + "\n".join(problems)


def test_every_n_template_is_a_string_literal_with_the_fields_it_is_given():
    problems = []
    for call in n_calls(python_files(PACKAGE)):
        if call.source is None:
            problems.append(f"{call.site}: N_() needs a string literal (scanners cannot see it)")
        elif call.params is not None and call.params != call.fields:
            problems.append(
                f"{call.site}: fields {sorted(call.fields)} but given {sorted(call.params)}"
            )
    assert not problems, "\n".join(problems)


def test_every_core_message_is_in_the_english_ts_translated():
    english = _english_messages()
    missing = sorted(
        {str(call.site) for call in n_calls(python_files(PACKAGE)) if call.source not in english}
    )
    assert not missing, (
        "N_() templates missing from mestore_en.ts (context 'messages'); add them with "
        "tests.support.merge_translations and a TSV:\n" + "\n".join(missing)
    )


def test_the_english_ts_keeps_no_message_the_code_no_longer_has():
    used = {call.source for call in n_calls(python_files(PACKAGE))}
    stale = sorted(set(_english_messages()) - used)
    assert not stale, f"messages in mestore_en.ts that no N_() uses: {stale}"


def test_translations_keep_every_field_of_their_source():
    problems = []
    for context, message in _messages(ENGLISH):
        source = message.findtext("source") or ""
        for text in _translations(message):
            if context == MESSAGES_CONTEXT and _fields(source) != _fields(text):
                problems.append(f"{source!r} -> {text!r}")
            for number in range(1, 10):  # Qt's %1..%9 placeholders
                if f"%{number}" in source and f"%{number}" not in text:
                    problems.append(f"{context} | {source!r} -> {text!r}: lost %{number}")
    assert not problems, "\n".join(problems)


def test_user_facing_errors_are_raised_with_a_message_marked_for_translation():
    family = user_error_classes({cls.__name__ for cls in USER_FACING_ERRORS}, python_files(PACKAGE))
    scanned = [*core_files(), *ui_files(), *python_files(PACKAGE / "cli")]
    bare = [str(site) for site in bare_user_errors(scanned, family)]
    assert not bare, (
        "user-facing errors built from a bare str/f-string would reach an English screen in "
        'Spanish; use N_("…", field=value) (mestore_desktop/domain/text.py):\n' + "\n".join(bare)
    )


def test_the_ui_puts_no_bare_literal_on_screen():
    found = [
        str(site)
        for site in bare_ui_literals(ui_files())
        if (str(site.path.relative_to(ROOT)), site.detail) not in UI_ALLOWED
    ]
    assert not found, "text put on screen without tr()/QCoreApplication.translate():\n" + "\n".join(
        found
    )


def test_the_ui_puts_no_raw_exception_text_on_screen():
    found = [str(site) for site in raw_exception_texts(ui_files())]
    assert not found, (
        "str(exc) shows the Spanish sentence whatever the UI language; use "
        "ui.i18n.render_error(exc) (or ui.errors.user_message):\n" + "\n".join(found)
    )


def test_the_sidebar_titles_are_translated_before_their_pages_exist():
    """main_window translates `_PAGE_TITLES` through variables, which lupdate cannot see: each
    pair must stay in the .ts through the page's own tr() of the same text."""
    tree = ast.parse((PACKAGE / "ui" / "main_window.py").read_text(encoding="utf-8"))
    (titles,) = (
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "_PAGE_TITLES" for t in node.targets)
    )
    english = {
        (context, message.findtext("source")): _translations(message)
        for context, message in _messages(ENGLISH)
    }
    missing = [pair for pair in titles if not any(english.get(tuple(pair), []))]
    assert len(titles) == 5
    assert not missing, f"sidebar titles without a translation: {missing}"


def test_the_scans_see_what_they_must(tmp_path: Path):
    """The scanners themselves: a bare message and a bare label are caught, marked ones not."""
    core = tmp_path / "core.py"
    core.write_text(
        "class ShopError(ValueError):\n"
        "    default_message = 'Falla'\n"
        "class Sub(ShopError):\n"
        "    def __init__(self, n):\n"
        "        super().__init__(f'No hay {n}')\n"
        "def f(n):\n"
        "    raise Sub(N_('No hay {n}', n=n))\n"
        "def g():\n"
        "    raise ShopError('Sin marcar')\n",
        encoding="utf-8",
    )
    ui = tmp_path / "ui.py"
    ui.write_text(
        "label.setText('Hola')\n"
        "label.setText(self.tr('Hola'))\n"
        "QLabel(f'Total {x}', self)\n"
        "log.warning('not on screen')\n"
        "label.setText('—')\n"
        "label.setText(str(exc))\n"
        "self._say(str(error), problem=True)\n"
        "label.setText(render_error(exc))\n",
        encoding="utf-8",
    )
    family = user_error_classes({"ShopError"}, [core])

    assert family == {"ShopError", "Sub"}
    assert sorted(site.line for site in bare_user_errors([core], family)) == [2, 5, 9]
    assert sorted(site.line for site in bare_ui_literals([ui])) == [1, 3]
    assert sorted(site.line for site in raw_exception_texts([ui])) == [6, 7]
    calls = list(n_calls([core]))
    assert [(c.source, c.fields, c.params) for c in calls] == [
        ("No hay {n}", frozenset({"n"}), frozenset({"n"}))
    ]
