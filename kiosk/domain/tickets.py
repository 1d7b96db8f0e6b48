"""Ticket rules that need no database: numbers, green channel, person keys."""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
from dataclasses import dataclass

from kiosk.domain.ids import age_on

OPEN_STATUSES = ("waiting", "called", "serving", "suspended")

#: Who may use the green channel (绿色通道), by persona tag.
GREEN_TAGS = ("veteran", "disabled", "pregnant", "talent", "foreign_investor")
ELDER_AGE = 70


@dataclass(frozen=True)
class Ticket:
    id: int
    day: str
    category: str
    seq: int
    number: str
    item_code: str | None
    bundle_code: str | None
    subject: str
    green: bool
    green_reason: str
    status: str
    issued_at: float
    person_key: str | None = None
    queued_at: float = 0.0
    appointment_at: float | None = None
    window: int | None = None
    target_window: int | None = None
    calls: int = 0
    called_at: float | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def format_number(prefix: str, seq: int) -> str:
    """A001 … A999, then A1000 — the number never wraps within a day."""
    return f"{prefix}{seq:03d}"


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


def person_key(resident_id: str, salt: bytes) -> str:
    """A keyed hash of the ID number: enough for the one-ticket rule, useless to anyone else."""
    return hmac.new(salt, resident_id.strip().upper().encode(), hashlib.sha256).hexdigest()[:32]
