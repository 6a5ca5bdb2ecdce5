"""Shared fixtures: a fresh register on a temporary data folder with a settable clock."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest

from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services.register import Register, open_register

# Tests never need a screen; set before any Qt import happens.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# 2026-11-23 10:00 in Shanghai.
T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def cheap_pin_hashes(request, monkeypatch):
    """PIN hashes at 1,000 rounds instead of 600,000, so the suite stays fast; a test marked
    `real_pin_cost` keeps the shipped cost (it checks that cost)."""
    if request.node.get_closest_marker("real_pin_cost") is None:
        monkeypatch.setattr("shopdesk.domain.pins.ITERATIONS", 1_000)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def data_paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def register(data_paths, clock) -> Register:
    reg = open_register(data_paths, clock)
    reg.staff.add("小王", actor="小王")
    reg.staff.set_current_operator("小王")
    yield reg
    reg.close()
