"""The log file: private (0600 in a 0700 folder) and free of ID and mobile numbers."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from kiosk.logs import mask_personal_data, setup_logging

ID = "11010519900307002X"
PHONE = "13812345678"


@pytest.fixture
def log_file(tmp_path, quiet_logging):
    """setup_logging on a fresh data directory, from a process whose umask lets everyone read;
    the root logger is restored afterwards (conftest.quiet_logging)."""
    old = os.umask(0o022)
    try:
        yield setup_logging(tmp_path / "data")
    finally:
        os.umask(old)


def text_of(path: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_log_is_private(log_file, tmp_path):
    assert log_file == tmp_path / "data" / "logs" / "kiosk.log"
    logging.getLogger("kiosk.test").info("started")
    assert "started" in text_of(log_file)
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_calling_it_twice_adds_no_second_file_handler(log_file, tmp_path):
    setup_logging(tmp_path / "data")
    logging.getLogger("kiosk.test").warning("once")
    assert text_of(log_file).count("once") == 1


def test_ids_and_mobiles_never_reach_the_log(log_file):
    log = logging.getLogger("kiosk.test.privacy")
    log.warning("ticket for %s, phone %s", ID, PHONE)
    log.warning(f"inline {ID.lower()} and +86 138-1234-5678 and 139 1234 5678")
    log.info("args as a mapping: %(id)s", {"id": "110105199003070021"})
    try:
        raise ValueError(f"bad person {ID} / {PHONE}")
    except ValueError:
        log.exception("lookup failed for %s", PHONE)
    text = text_of(log_file)
    for raw in (ID, ID.lower(), PHONE, "1234-5678", "1234 5678", "110105199003070021"):
        assert raw not in text
    assert "ticket for 110105********002X, phone 138****5678" in text
    assert "inline 110105********002x and +86 138****5678 and 139****5678" in text
    assert "args as a mapping: 110105********0021" in text
    assert "lookup failed for 138****5678" in text
    assert "ValueError: bad person 110105********002X / 138****5678" in text


def test_other_numbers_are_left_alone():
    kept = ["A001 at window 3", "2026-11-27 13:45:12,345", "took 1764223800123 ns",
            "key 1101051990030700211", "order 12345678901", "id 1101051990030700", "port 13800"]
    for text in kept:
        assert mask_personal_data(text) == text
    assert mask_personal_data("8613812345678") == "86138****5678"


def test_a_badly_formatted_call_does_not_raise(log_file, monkeypatch):
    monkeypatch.setattr(logging, "raiseExceptions", False)  # as in production: no traceback on stderr
    logging.getLogger("kiosk.test").warning("two %s %s", "args expected")
    logging.getLogger("kiosk.test").warning("after %s", PHONE)
    assert "after 138****5678" in text_of(log_file)
