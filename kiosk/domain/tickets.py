"""Ticket rules that need no database: numbers, requests, green channel, person keys."""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
from typing import Protocol

from kiosk.domain.ids import age_on
from kiosk.domain.lifecycle import OPEN_STATUSES, Status, Ticket

__all__ = ["OPEN_STATUSES", "DayKeys", "FixedKeys", "Status", "Ticket", "day_key", "format_number", "green_reason",
           "person_key", "request_key"]

#: Who may use the green channel (绿色通道), by persona tag.
GREEN_TAGS = ("veteran", "disabled", "pregnant", "talent", "foreign_investor")
ELDER_AGE = 70


def format_number(prefix: str, seq: int) -> str:
    """A001 … A999, then A1000 — the number never wraps within a day."""
    return f"{prefix}{seq:03d}"


def request_key(item_code: str | None, bundle_code: str | None, category: str) -> str:
    """What was asked for, as the one-open-ticket-per-person rule compares it."""
    if item_code:
        return f"item:{item_code}"
    if bundle_code:
        return f"bundle:{bundle_code}"
    return f"category:{category}"


def green_reason(tags: tuple[str, ...] | list[str], resident_id: str | None, today: _dt.date) -> str:
    """Why this person qualifies for the green channel, or "" when they do not.

    Returns a reason code: ``elder`` (70 or older by the birth date in the ID), or the first
    qualifying persona tag.
    """
    if resident_id:
        age = age_on(resident_id, today)
        if age is not None and age >= ELDER_AGE:
            return "elder"
    for tag in tags:
        if tag in GREEN_TAGS:
            return tag
    return ""


class DayKeys(Protocol):
    """The key of each day's identity hashes (kiosk.store.secret.HallSecret keeps them in a file)."""

    def key_for(self, day: str) -> bytes: ...


def day_key(secret: bytes, day: str) -> bytes:
    """A day's key derived from a fixed secret (:class:`FixedKeys`, for tests and tools)."""
    return hmac.new(secret, f"person-key:{day}".encode(), hashlib.sha256).digest()


class FixedKeys:
    """Day keys derived from one fixed secret: the same every run (tests; no day close)."""

    def __init__(self, secret: bytes):
        self.secret = secret

    def key_for(self, day: str) -> bytes:
        return day_key(self.secret, day)


def person_key(resident_id: str, key: bytes) -> str:
    """A keyed hash of the ID number with the day's key: enough for the one-ticket rule that day,
    and nothing without the key (which the database never holds)."""
    return hmac.new(key, resident_id.strip().upper().encode(), hashlib.sha256).hexdigest()[:32]
