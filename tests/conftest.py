"""Shared fixtures. QT_QPA_PLATFORM is set before any QApplication exists."""

from __future__ import annotations

import datetime as _dt
import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from kiosk.domain.catalogue import load_catalogue  # noqa: E402
from kiosk.domain.hall import load_hall  # noqa: E402

# tests/pgcluster.py: pg_server, pg_url, engine_url; tests/a11ydesktop.py: processes, desktop (screen-reader tests)
pytest_plugins = ["pgcluster", "a11ydesktop"]


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


#: The hall's identity secret in tests (kiosk.store.secret keeps the real one in a 0600 file).
SECRET = bytes(range(32))


def make_desk(store, catalogue, hall, clock):
    from kiosk.domain.desk import TicketDesk

    return TicketDesk(store, catalogue, hall, clock, secret=SECRET)


def waiting(store, day: str):
    """The day's waiting tickets in queue order."""
    return sorted((t for t in store.tickets_on(day) if t.status == "waiting"), key=lambda t: t.queue_key)


@pytest.fixture
def keep_umask():
    """kiosk.cli.main sets the process umask to 077: give the test process its own back."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.fixture
def quiet_logging():
    """setup_logging changes the root logger: undo it afterwards (and close the log file)."""
    from kiosk.logs import MaskPersonalData

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    for h in handlers:
        for f in [f for f in h.filters if isinstance(f, MaskPersonalData)]:
            h.removeFilter(f)
    root.setLevel(level)


@pytest.fixture
def store_opener(engine_url, tmp_path):
    """Opens the hall's store again and again on one database: SQLite in a data directory, or a
    fresh PostgreSQL database (see pgcluster.engine_url) — like another process would."""
    from kiosk.store.db import SqlStore

    opened = []

    def open_store():
        store = SqlStore(engine_url) if engine_url else SqlStore.open(tmp_path / "data")
        opened.append(store)
        return store

    yield open_store
    for store in opened:
        store.close()


@pytest.fixture
def store(store_opener):
    return store_opener()


@pytest.fixture(scope="session")
def theme_cache(tmp_path_factory):
    """One theme cache for the whole run (exporting qt-material is the slow part)."""
    return tmp_path_factory.mktemp("theme-cache")
