"""The codebase keeps its shape: dependency direction (import-linter contracts in
pyproject.toml) and ruff lint/format cleanliness are part of the test suite."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QT_MODULES = ("PySide6", "qasync", "shiboken6")


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)


def test_import_contracts_hold() -> None:
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_ui_and_app_import_qt() -> None:
    # A second, dependency-free check of the Qt-free zone, including lazy imports in functions.
    offenders = []
    for path in (ROOT / "mestore_desktop").rglob("*.py"):
        rel = path.relative_to(ROOT / "mestore_desktop").as_posix()
        if rel.startswith("ui/") or rel == "app.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{rel}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


def test_ruff_lint_is_clean() -> None:
    result = run(str(BIN / "ruff"), "check", "mestore_desktop", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "mestore_desktop", "tests")
    assert result.returncode == 0, result.stdout + result.stderr
