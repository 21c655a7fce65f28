"""Shared test setup: fixed build time, the tests folder importable, corpus location."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

ROOT = TESTS.parent
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch):
    """Reproducible dates in every output unless a test says otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18
