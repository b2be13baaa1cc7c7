"""Journeys: the whole app, built through its composition root, used as a person uses it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.gui.conftest import qloop_running  # noqa: F401  (a fixture this folder uses)
from tests.journeys.harness import Journey

JourneyFactory = Callable[..., Journey]


@pytest.fixture
def journey_factory(qtbot, qloop_running, tmp_path: Path) -> Iterator[JourneyFactory]:  # noqa: F811
    """`journey_factory(lang=None, demo=True, home=None, args=())` starts the app; every
    journey it started is closed at the end of the test."""
    started: list[Journey] = []

    def start(
        *, lang: str | None = None, demo: bool = True, home: Path | None = None, args: tuple = ()
    ) -> Journey:
        folder = home or tmp_path / "home"
        folder.mkdir(exist_ok=True)
        argv = [*(["--demo"] if demo else []), *(["--lang", lang] if lang else []), *args]
        journey = Journey(qtbot, qloop_running, folder, argv)
        started.append(journey)
        return journey

    yield start
    for journey in reversed(started):
        journey.close()
    gc.collect()  # on this (the GUI) thread; tests/conftest.py keeps automatic collection off


@pytest.fixture
def journey(journey_factory: JourneyFactory) -> Journey:
    """The app in demo mode over a fresh home, in Spanish."""
    return journey_factory()
