"""Logging set-up with redaction, so no key or secret ever reaches a log file or the terminal.

Two layers of masking run on every record, in message, arguments, exception text and stack:

* values registered with :func:`register_secret` (``SecretStore`` registers everything it stores
  or reads), replaced wherever they appear;
* anything shaped like a Wompi credential or a bearer token, even if it was never registered.

Public keys (``pub_test_`` / ``pub_prod_``) are not secret, but a full key in a log pasted into a
support ticket is still needless exposure; we keep their first 12 characters (prefix plus three)
so support can tell which key is configured. Private keys and secrets keep only their prefix,
which shows the environment and nothing else.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path

from mestore_desktop.paths import log_dir

MASK = "••••••"
LOG_FILE_NAME = "mestore.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
# Masking a one- to three-character value would shred every log line that contains those
# letters, and a value that short is no real secret anyway.
MIN_REGISTERED_LENGTH = 4

_PUBLIC_KEY = re.compile(r"(?<![A-Za-z0-9])(pub_(?:test|prod)_[A-Za-z0-9]{3})[A-Za-z0-9]+")
_SECRET_KEY = re.compile(
    r"(?<![A-Za-z0-9])(prv_(?:test|prod)_|(?:test|prod)_(?:events|integrity)_)[A-Za-z0-9]+"
)
_BEARER = re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE)

_lock = threading.Lock()
_registered: set[str] = set()
_registered_pattern: re.Pattern[str] | None = None

# Marks the handlers we installed, so setup_logging can replace them instead of stacking more.
_OWNED_ATTR = "_mestore_owned"


def register_secret(value: str) -> None:
    """Remember ``value`` so every later log record masks it, wherever it appears."""
    global _registered_pattern
    if len(value) < MIN_REGISTERED_LENGTH:
        return
    with _lock:
        if value in _registered:
            return
        _registered.add(value)
        # Longest first, so a value that contains another registered value is masked whole.
        alternatives = sorted(_registered, key=len, reverse=True)
        _registered_pattern = re.compile("|".join(re.escape(v) for v in alternatives))


def redact(text: str) -> str:
    """Return ``text`` with registered secrets and key-shaped strings masked."""
    pattern = _registered_pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    text = _SECRET_KEY.sub(lambda m: m.group(1) + MASK, text)
    text = _PUBLIC_KEY.sub(lambda m: m.group(1) + MASK, text)
    return _BEARER.sub(lambda m: m.group(1) + MASK, text)


class RedactingFilter(logging.Filter):
    """Masks secrets in a record in place, before any handler formats it.

    The record is rewritten rather than copied: handlers share it, so every handler (and anything
    downstream such as pytest's capture) sees the masked version.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(_message_of(record))
        record.args = None
        if record.exc_info:
            # Format the traceback now, mask it, and drop exc_info so no formatter re-renders the
            # unmasked original; logging.Formatter prints exc_text when it is set.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _message_of(record: logging.LogRecord) -> str:
    """The merged message; a broken format string must not hide the arguments from masking."""
    try:
        return record.getMessage()
    except (TypeError, ValueError):
        return f"{record.msg!s} {record.args!r}"


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line, so end-to-end tests and support tools can parse the log."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, str] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(home: Path, *, level: int = logging.INFO, json_lines: bool = False) -> None:
    """Log to ``log_dir(home)/mestore.log`` (1 MB x 5 rotations) and to stderr, both redacted.

    Calling it again replaces the handlers it installed before, so nothing is logged twice.
    """
    shutdown_logging()
    directory = log_dir(home)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    formatter: logging.Formatter = (
        JsonLinesFormatter() if json_lines else logging.Formatter(_TEXT_FORMAT)
    )
    file_handler = logging.handlers.RotatingFileHandler(
        directory / LOG_FILE_NAME,
        maxBytes=MAX_LOG_BYTES,
        backupCount=LOG_BACKUPS,
        encoding="utf-8",
    )
    stderr_handler = logging.StreamHandler(sys.stderr)
    root = logging.getLogger()
    for handler in (file_handler, stderr_handler):
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        setattr(handler, _OWNED_ATTR, True)
        root.addHandler(handler)
    root.setLevel(level)


def shutdown_logging() -> None:
    """Remove and close the handlers ``setup_logging`` installed (for exit and for tests)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OWNED_ATTR, False):
            root.removeHandler(handler)
            handler.close()
