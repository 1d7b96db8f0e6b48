"""Shared fixtures. QT_QPA_PLATFORM is set before any QApplication exists."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from kiosk.domain.catalogue import load_catalogue  # noqa: E402
from kiosk.domain.hall import load_hall  # noqa: E402

pytest_plugins = ["pgcluster"]  # tests/pgcluster.py: pg_server, pg_url, engine_url


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="session")
def hall():
    return load_hall()


class FakeClock:
    """An injectable wall clock (for ticket days) that tests move by hand."""

    def __init__(self, now: _dt.datetime = _dt.datetime(2026, 11, 27, 9, 30)):
        self.now = now

    def __call__(self) -> _dt.datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += _dt.timedelta(**kw)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture(scope="session")
def theme_cache(tmp_path_factory):
    """One theme cache for the whole run (exporting qt-material is the slow part)."""
    return tmp_path_factory.mktemp("theme-cache")
