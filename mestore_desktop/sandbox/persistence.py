"""Optional state file: the sandbox's whole memory as one JSON document, replaced atomically.

The keys are stored too, so a restarted `mestore-sandbox serve --state-file F` answers with the
same keys and the app's configuration keeps working across restarts.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mestore_desktop.sandbox.config import SandboxKeys

FORMAT_VERSION = 1
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def save(path: Path, keys: SandboxKeys, state: dict[str, Any]) -> None:
    document = {"version": FORMAT_VERSION, "keys": asdict(keys), **state}
    text = json.dumps(document, ensure_ascii=False, indent=1)
    tmp = path.with_name(path.name + ".tmp")
    # A leftover from a killed run may have other permissions: start from a new file.
    tmp.unlink(missing_ok=True)
    # 0600: test keys, but keys all the same; nobody else on the machine needs to read them.
    with os.fdopen(os.open(tmp, _NEW_FILE, 0o600), "w", encoding="utf-8") as handle:
        handle.write(text)
    # Rename is atomic: a crash (SIGKILL included) leaves the previous complete file or the
    # new one, never half of one; a half-written `.tmp` is simply overwritten next time.
    os.replace(tmp, path)


def load(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.exists():
        return None
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"{path} no es un archivo de estado del sandbox (versión {FORMAT_VERSION})"
        )
    return document


def load_keys(path: Path | None) -> SandboxKeys | None:
    """The keys a previous run stored in `path`, or None when there is no such file."""
    document = load(path)
    if document is None:
        return None
    return SandboxKeys(**document["keys"])
