"""Log redaction: registered secrets and key-shaped strings never reach the log file."""

from __future__ import annotations

import json
import logging
import logging.handlers
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mestore_desktop import logs
from mestore_desktop.logs import RedactingFilter, redact, register_secret, setup_logging

CANARY = "canary-S3cr3t-8d41f0"


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    logs.shutdown_logging()
    root.setLevel(level)
    assert root.handlers == handlers


def log_text(home: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (home / "logs" / "mestore.log").read_text(encoding="utf-8")


def test_canary_masked_in_msg_args_and_exception(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register_secret(CANARY)
    setup_logging(home)
    log = logging.getLogger("mestore_desktop.test")
    log.info("in the message: " + CANARY)
    log.info("in the args: %s and %r", CANARY, {"token": CANARY})
    try:
        raise ValueError(f"bad token {CANARY}")
    except ValueError:
        log.exception("in the exception")
    log.warning("in the stack %s", CANARY, stack_info=True)
    text = log_text(home)
    assert CANARY not in text
    assert "8d41f0" not in text
    assert text.count("••••••") >= 4
    assert "in the exception" in text
    assert "ValueError: bad token ••••••" in text
    assert "Traceback" in text
    assert CANARY not in capsys.readouterr().err


def test_unregistered_key_shaped_strings_masked(home: Path) -> None:
    setup_logging(home)
    log = logging.getLogger("mestore_desktop.test")
    log.info("private prv_prod_AbC123xyz789 events %s", "test_events_Qq11Ww22")
    log.info("integrity prod_integrity_Zz9 and test_integrity_Yy8 and prod_events_Xx7")
    log.info("headers %s", {"Authorization": "Bearer eyJhbGciOi.J9-_x/y+z="})
    log.info("public pub_test_Q5kbJ2a1qFyb9sS7 in url /merchants/pub_prod_ABCdef123456")
    text = log_text(home)
    for leaked in (
        "AbC123xyz789",
        "Qq11Ww22",
        "Zz9",
        "Yy8",
        "Xx7",
        "eyJhbGciOi",
        "J9-_x",
        "Q5kbJ2a1qFyb9sS7",
        "ABCdef123456",
    ):
        assert leaked not in text
    assert "prv_prod_••••••" in text
    assert "test_events_••••••" in text
    assert "Bearer ••••••" in text
    # Public keys keep their first 12 characters so support can tell which key is configured.
    assert "pub_test_Q5k••••••" in text
    assert "/merchants/pub_prod_ABC••••••" in text


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "Pago 12345 aprobado para REF-T01-0001 por $ 95.000 (proveedor prvt_test)"
    assert redact(text) == text


def test_redaction_is_stable_when_applied_twice() -> None:
    once = redact("k=pub_test_Q5kbJ2 s=prv_test_abc Bearer tok")
    assert redact(once) == once


def test_short_values_are_not_registered() -> None:
    register_secret("ab1")
    assert redact("tab1e") == "tab1e"


def test_longer_registered_value_masked_whole() -> None:
    register_secret("pass-word")
    register_secret("pass-word-extended")
    assert redact("x pass-word-extended y") == "x •••••• y"


def test_setup_twice_no_duplicates(home: Path, tmp_path: Path) -> None:
    setup_logging(home)
    setup_logging(home)
    logging.getLogger("mestore_desktop.test").warning("only once please")
    assert log_text(home).count("only once please") == 1
    owned = [h for h in logging.getLogger().handlers if getattr(h, "_mestore_owned", False)]
    assert len(owned) == 2


def test_stderr_is_redacted(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(home)
    logging.getLogger("mestore_desktop.test").warning("stderr prv_test_ZZtop99")
    err = capsys.readouterr().err
    assert "stderr prv_test_••••••" in err
    assert "ZZtop99" not in err


def test_level_is_respected(home: Path) -> None:
    setup_logging(home, level=logging.WARNING)
    log = logging.getLogger("mestore_desktop.test")
    log.info("quiet info")
    log.warning("loud warning")
    text = log_text(home)
    assert "quiet info" not in text
    assert "loud warning" in text


def test_json_lines(home: Path) -> None:
    register_secret(CANARY)
    setup_logging(home, json_lines=True)
    log = logging.getLogger("mestore_desktop.test")
    log.info("payment ref=%s secret=%s", "REF-1", CANARY)
    try:
        raise RuntimeError(CANARY)
    except RuntimeError:
        log.error("boom", exc_info=True)
    lines = [json.loads(line) for line in log_text(home).splitlines()]
    assert lines[0]["message"] == "payment ref=REF-1 secret=••••••"
    assert lines[0]["level"] == "INFO"
    assert lines[0]["logger"] == "mestore_desktop.test"
    assert "RuntimeError: ••••••" in lines[1]["exc"]
    assert CANARY not in json.dumps(lines)


def test_filter_alone_masks_a_record() -> None:
    register_secret(CANARY)
    try:
        raise KeyError(CANARY)
    except KeyError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "a %s b", (CANARY,), sys.exc_info()
        )
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == "a •••••• b"
    assert record.exc_info is None
    assert record.exc_text is not None
    assert CANARY not in record.exc_text


def test_broken_format_string_still_masked() -> None:
    register_secret(CANARY)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d items", (CANARY,), None)
    RedactingFilter().filter(record)
    assert CANARY not in record.getMessage()


def test_log_files_rotate(home: Path) -> None:
    setup_logging(home)
    handler = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    )
    assert handler.maxBytes == 1_000_000
    assert handler.backupCount == 5
    assert Path(handler.baseFilename) == home / "logs" / "mestore.log"
    # Digits only: other tests register letter-only values, which would shrink these lines.
    for _ in range(2):
        logging.getLogger("mestore_desktop.test").warning("0123456789" * 60_000)
    assert (home / "logs" / "mestore.log.1").exists()
