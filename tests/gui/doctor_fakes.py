"""A Doctor stand-in for the *Verificar instalación* widgets: checks end when the test says so.

It keeps the contract of ``services.doctor.Doctor.run`` (RULES13: ``on_check`` as each check
ends, a report at the end, cancellable) without Wompi, a relay or a keyring behind it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mestore_desktop.domain.text import N_, Text


@dataclass(frozen=True)
class FakeCheck:
    name: str
    ok: bool
    detail: Text
    fix: Text | None = None


@dataclass(frozen=True)
class FakeReport:
    checks: tuple[FakeCheck, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def passed(name: str) -> FakeCheck:
    return FakeCheck(name, True, N_("Todo bien con {name}.", name=name))


def failed(name: str, fix: str = "Guarde el secreto correcto en Ajustes.") -> FakeCheck:
    return FakeCheck(name, False, N_("El relay rechaza los eventos ({name}).", name=name), N_(fix))


@dataclass
class FakeDoctor:
    """Each check ends when `release()` lets one go (or at once when `gated` is False)."""

    checks: Sequence[FakeCheck] = (passed("keyring"), failed("relay_events_secret"))
    gated: bool = False
    crash: BaseException | None = None
    runs: int = 0
    cancelled: int = 0
    _gate: asyncio.Semaphore | None = field(default=None, repr=False)

    def release(self, count: int = 1) -> None:
        assert self._gate is not None, "no run is waiting"
        for _ in range(count):
            self._gate.release()

    async def run(self, on_check: Callable[[FakeCheck], None] | None = None) -> FakeReport:
        self.runs += 1
        self._gate = asyncio.Semaphore(0)
        try:
            for check in self.checks:
                if self.gated:
                    await self._gate.acquire()
                else:
                    await asyncio.sleep(0)
                if on_check is not None:
                    on_check(check)
            if self.crash is not None:
                raise self.crash
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        return FakeReport(tuple(self.checks))
