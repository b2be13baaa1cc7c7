"""mypy over domain/, wompi/, relay/ and sync/ with pyproject's [tool.mypy]: any error fails.

mypy runs in a child process from the repository root, so its cache (.mypy_cache, git-ignored)
makes later runs fast (about 5 s); CI starts from a clean clone and pays the cold run (about
35 s on this machine, 17 s of it CPU, half of that reading SQLAlchemy's types).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = {"domain", "wompi", "relay", "sync"}


def test_the_configuration_covers_the_four_packages() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert {Path(p).name for p in config["files"]} == CHECKED
    assert all((ROOT / p).is_dir() for p in config["files"])
    assert config["disallow_untyped_defs"] is True
    assert config["check_untyped_defs"] is True
    assert config["warn_unused_ignores"] is True


def test_mypy_finds_no_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = f"mypy exited {result.returncode}:\n{result.stdout}{result.stderr}"
    assert result.returncode == 0, report
    assert "Success: no issues found" in result.stdout, report
