"""Static scans behind the translation completeness test and the translation merge tool.

- ``n_calls``: every ``N_("…", field=…)`` in the package (an AST scan, as lupdate scans ``tr()``):
  the Spanish templates the core hands to the UI (``mestore_desktop.domain.text``).
- ``bare_user_errors``: user-facing errors (the families of ``services/user_errors.py`` and their
  subclasses, found by class name across the package) made with a bare str literal or f-string
  instead of ``N_``: such a message would reach an English screen in Spanish.
- ``bare_ui_literals``: UI calls that put text on screen (``setText``, ``QLabel(…)``, …) given a
  literal with letters instead of ``tr()``/``translate()``.

Pure ``ast``: nothing here imports the modules it reads (no Qt needed).
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mestore_desktop"
# Where user-facing errors are raised: the core, and the modules beside it whose errors the UI
# shows (settings, secrets, store, Wompi client). The relay and the sandbox are servers: their
# texts never reach the app's screen.
CORE_DIRS = ("domain", "services", "sync", "store", "wompi")
CORE_FILES = ("settings.py", "secrets.py")

# Qt calls whose string arguments are shown to the user (or read out by a screen reader).
UI_TEXT_METHODS = frozenset(
    {
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setPlaceholderText",
        "setStatusTip",
        "setWhatsThis",
        "setTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setTabText",
        "setItemText",
        "setSpecialValueText",
        "setPrefix",
        "setSuffix",
        "addItem",
        "addItems",
        "insertItem",
        "addTab",
        "addRow",
        "addAction",
        "addButton",
        "showMessage",
        "information",
        "warning",
        "critical",
        "question",
        "about",
        "getText",
        "getItem",
    }
)
UI_TEXT_CLASSES = frozenset(
    {
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QToolButton",
        "QCommandLinkButton",
        "QMessageBox",
        "QListWidgetItem",
        "QTableWidgetItem",
        "QTreeWidgetItem",
    }
)


@dataclass(frozen=True)
class Site:
    path: Path
    line: int
    detail: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.detail}"


@dataclass(frozen=True)
class NCall:
    source: str | None  # None: the template is not a string literal
    fields: frozenset[str]  # {named} fields of the template
    params: frozenset[str] | None  # keyword names passed; None when **kwargs hides them
    site: Site


def python_files(*folders: Path) -> list[Path]:
    return sorted(path for folder in folders for path in folder.rglob("*.py"))


def core_files(package: Path = PACKAGE) -> list[Path]:
    return [
        *python_files(*(package / name for name in CORE_DIRS)),
        *(package / name for name in CORE_FILES),
    ]


def ui_files(package: Path = PACKAGE) -> list[Path]:
    return [*python_files(package / "ui"), package / "app.py"]


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def template_fields(template: str) -> frozenset[str] | None:
    """The ``{named}`` fields of *template*; None when it is not a valid format string."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    return frozenset(field.split(".")[0].split("[")[0] for _, field, _, _ in parsed if field)


def n_calls(files: list[Path]) -> Iterator[NCall]:
    for path in files:
        for node in ast.walk(_parse(path)):
            if not (isinstance(node, ast.Call) and _name(node.func) == "N_"):
                continue
            first = node.args[0] if node.args else None
            literal = (
                first.value
                if isinstance(first, ast.Constant) and isinstance(first.value, str)
                else None
            )
            keywords = [keyword.arg for keyword in node.keywords]
            params = None if None in keywords else frozenset(k for k in keywords if k)
            fields = template_fields(literal) if literal is not None else frozenset()
            yield NCall(
                literal,
                fields if fields is not None else frozenset(),
                params,
                Site(path, node.lineno, repr(literal)[:80]),
            )


def user_error_classes(roots: set[str], files: list[Path]) -> set[str]:
    """*roots* and every class in *files* that derives from one of them (by name)."""
    bases: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(_parse(path)):
            if isinstance(node, ast.ClassDef):
                found = {name for base in node.bases if (name := _name(base))}
                bases.setdefault(node.name, set()).update(found)
    family = set(roots)
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in family and parents & family:
                family.add(name)
                grew = True
    return family


def _is_bare_text(node: ast.expr | None) -> bool:
    """A str literal, an f-string, or literals glued with + / % / .format()."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and any(ch.isalpha() for ch in str(part.value))
            for part in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_bare_text(node.left) or _is_bare_text(node.right)
    if isinstance(node, ast.Call) and _name(node.func) in {"format", "join"}:
        return isinstance(node.func, ast.Attribute) and _is_bare_text(node.func.value)
    return False


def _message_args(call: ast.Call) -> list[ast.expr]:
    return [*call.args[:1], *(k.value for k in call.keywords if k.arg in {"message", "reason"})]


def bare_user_errors(files: list[Path], family: set[str]) -> Iterator[Site]:
    for path in files:
        tree = _parse(path)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func) in family
                and any(_is_bare_text(arg) for arg in _message_args(node))
            ):
                yield Site(path, node.lineno, f"{_name(node.func)}(<bare text>)")
            if isinstance(node, ast.ClassDef) and node.name in family:
                yield from _bare_in_class(path, node)


def _bare_in_class(path: Path, cls: ast.ClassDef) -> Iterator[Site]:
    for item in cls.body:
        if isinstance(item, ast.Assign | ast.AnnAssign):
            target = item.targets[0] if isinstance(item, ast.Assign) else item.target
            if (
                isinstance(target, ast.Name)
                and "message" in target.id
                and _is_bare_text(item.value)
            ):
                yield Site(path, item.lineno, f"{cls.name}.{target.id} = <bare text>")
    for node in ast.walk(cls):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "__init__"
            and isinstance(node.func.value, ast.Call)
            and _name(node.func.value.func) == "super"
            and any(_is_bare_text(arg) for arg in _message_args(node))
        ):
            yield Site(path, node.lineno, f"{cls.name}: super().__init__(<bare text>)")


# Names an exception goes by in an ``except … as exc`` clause.
_EXCEPTION_NAMES = frozenset({"exc", "error", "err", "e", "problem", "again"})
# Methods of ours that put a sentence on screen (besides Qt's UI_TEXT_METHODS).
_SAY_METHODS = frozenset(
    {"say", "_say", "show_message", "show_error", "_show_failure", "_show_problem", "show_failed"}
)


def raw_exception_texts(files: list[Path]) -> Iterator[Site]:
    """``label.setText(str(exc))``: an exception's raw Spanish ``str()`` put on screen, where
    ``ui.i18n.render_error(exc)`` (or ``ui.errors.user_message``) shows it translated."""
    for path in files:
        for node in ast.walk(_parse(path)):
            if not isinstance(node, ast.Call) or _is_logging(node.func):
                continue
            if _name(node.func) not in UI_TEXT_METHODS | _SAY_METHODS:
                continue
            for arg in node.args:
                if (
                    isinstance(arg, ast.Call)
                    and _name(arg.func) == "str"
                    and len(arg.args) == 1
                    and isinstance(arg.args[0], ast.Name)
                    and arg.args[0].id in _EXCEPTION_NAMES
                ):
                    yield Site(path, node.lineno, f"{_name(node.func)}(str({arg.args[0].id}))")


def _is_logging(func: ast.expr) -> bool:
    """``log.warning("…")`` and the like: text for the log file, in English, never on screen."""
    owner = func.value if isinstance(func, ast.Attribute) else None
    return isinstance(owner, ast.Name) and owner.id in {"log", "logger", "_log", "logging"}


def bare_ui_literals(files: list[Path]) -> Iterator[Site]:
    for path in files:
        for node in ast.walk(_parse(path)):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if _is_logging(node.func):
                continue
            if name in UI_TEXT_METHODS and isinstance(node.func, ast.Attribute):
                texts = [*node.args, *(k.value for k in node.keywords)]
            elif name in UI_TEXT_CLASSES:
                texts = [*node.args, *(k.value for k in node.keywords if k.arg == "text")]
            else:
                continue
            for arg in texts:
                if _is_bare_text(arg):
                    yield Site(path, node.lineno, f"{name}({ast.unparse(arg)[:60]})")
