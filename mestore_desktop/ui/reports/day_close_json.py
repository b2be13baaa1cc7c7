"""The day close as one JSON document: what the PDF renderer reads (in-process or on stdin).

Qt-free on purpose (only `domain/` is imported): the command line, which never loads Qt, can
build the document with it and hand it to ``python -m mestore_desktop.ui.reports.day_close_pdf``.
The shape is the domain's `DayCloseReport.to_json()` plus optional top-level keys: the store's
name and NIT for the header and, for a saved close, who closed (and reopened) it and when.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from mestore_desktop.domain.day_close import DayCloseError, DayCloseRecord, DayCloseReport
from mestore_desktop.domain.text import N_


@dataclass(frozen=True, slots=True)
class DayCloseDocument:
    """What one PDF shows: the report, its saved close (None: a preview) and the store."""

    report: DayCloseReport
    record: DayCloseRecord | None
    store_name: str = ""
    store_nit: str = ""


def day_close_json(
    close: DayCloseReport | DayCloseRecord, *, store_name: str = "", store_nit: str = ""
) -> dict[str, object]:
    """The document for a report (a preview) or a saved close."""
    if isinstance(close, DayCloseRecord):
        data = close.report.to_json()
        data.update(
            closed_at=close.closed_at.isoformat(),
            closed_by=close.closed_by,
            reopened_at=None if close.reopened_at is None else close.reopened_at.isoformat(),
            reopened_by=close.reopened_by,
            reopen_reason=close.reopen_reason,
        )
    else:
        data = close.to_json()
    data.update(store_name=store_name, store_nit=store_nit)
    return data


def read_day_close_json(data: object) -> DayCloseDocument:
    """The inverse of `day_close_json`; a malformed document raises DayCloseError (Spanish)."""
    if not isinstance(data, Mapping):
        raise DayCloseError(N_("El cierre debe ser un objeto JSON."))
    report = DayCloseReport.from_json(data)
    try:
        record = _record(report, data)
    except (TypeError, ValueError) as exc:
        raise DayCloseError(N_("El cierre guardado no se puede leer: {exc}", exc=exc)) from exc
    return DayCloseDocument(
        report, record, str(data.get("store_name") or ""), str(data.get("store_nit") or "")
    )


def document_of(
    close: DayCloseReport | DayCloseRecord, *, store_name: str = "", store_nit: str = ""
) -> DayCloseDocument:
    if isinstance(close, DayCloseRecord):
        return DayCloseDocument(close.report, close, store_name, store_nit)
    return DayCloseDocument(close, None, store_name, store_nit)


def _record(report: DayCloseReport, data: Mapping[str, object]) -> DayCloseRecord | None:
    closed_at = data.get("closed_at")
    if not closed_at:
        return None
    reopened_at = data.get("reopened_at")
    return DayCloseRecord(
        report=report,
        closed_at=datetime.fromisoformat(str(closed_at)),
        closed_by=str(data.get("closed_by") or ""),
        reopened_at=None if not reopened_at else datetime.fromisoformat(str(reopened_at)),
        reopened_by=str(data.get("reopened_by") or ""),
        reopen_reason=str(data.get("reopen_reason") or ""),
    )
