"""Structural comparison of a sandbox payload with one of the Wompi examples in tests/data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "wompi_examples"


def example(name: str) -> Any:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def shape_differences(actual: Any, expected: Any, path: str = "$") -> list[str]:
    """Every place where `actual` differs in shape from `expected`.

    Same keys at every level, same JSON types; where the example has null, anything (a null
    or a value) is allowed, and lists are compared item by item against the example's first.
    """
    if expected is None:
        return []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {type(actual).__name__}"]
        problems = [f"{path}: missing key {k!r}" for k in expected.keys() - actual.keys()]
        problems += [f"{path}: unexpected key {k!r}" for k in actual.keys() - expected.keys()]
        for key in expected.keys() & actual.keys():
            problems += shape_differences(actual[key], expected[key], f"{path}.{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected an array, got {type(actual).__name__}"]
        if not expected:
            return []
        return [
            p
            for i, item in enumerate(actual)
            for p in shape_differences(item, expected[0], f"{path}[{i}]")
        ]
    if type(actual) is not type(expected):  # bool is not int, int is not float
        return [f"{path}: expected {type(expected).__name__}, got {type(actual).__name__}"]
    return []
