"""Identity checks: resident ID (GB 11643-1999), unified social credit code (GB 32100-2015), phone.

Each checker returns ``None`` when the value is valid, otherwise a short machine-readable reason
code; the UI turns the code into a translated message at the field.
"""

from __future__ import annotations

import datetime as _dt
import re

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

_PHONE_RE = re.compile(r"1[3-9]\d{9}")


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def resident_id_problem(value: str, today: _dt.date | None = None) -> str | None:
    """Why ``value`` is not a valid 18-character resident ID, or None if it is.

    Reasons: ``empty``, ``length``, ``chars``, ``birth_date``, ``checksum``.
    """
    v = (value or "").strip().upper()
    if not v:
        return "empty"
    if len(v) != 18:
        return "length"
    if not (v[:17].isascii() and v[:17].isdigit()) or v[17] not in "0123456789X":
        return "chars"
    born = birth_date(v)
    if born is None or born > (today or _dt.date.today()):
        return "birth_date"
    if id_check_char(v[:17]) != v[17]:
        return "checksum"
    return None


def birth_date(resident_id: str) -> _dt.date | None:
    """Birth date from digits 7–14 of a resident ID, or None when they are no date."""
    s = resident_id[6:14]
    if len(s) != 8 or not (s.isascii() and s.isdigit()):
        return None
    try:
        d = _dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    return d if d.year >= 1900 else None


def age_on(resident_id: str, today: _dt.date) -> int | None:
    born = birth_date(resident_id)
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a credit code."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_problem(value: str) -> str | None:
    """Why ``value`` is not a valid unified social credit code, or None.

    Reasons: ``empty``, ``length``, ``chars``, ``checksum``.
    """
    v = (value or "").strip().upper()
    if not v:
        return "empty"
    if len(v) != 18:
        return "length"
    if any(c not in USCC_ALPHABET for c in v):
        return "chars"
    if uscc_check_char(v[:17]) != v[17]:
        return "checksum"
    return None


def phone_problem(value: str) -> str | None:
    """Why ``value`` is not a mainland mobile number (11 digits, 1[3-9]…), or None."""
    v = (value or "").strip()
    if not v:
        return "empty"
    if not (v.isascii() and v.isdigit()):
        return "chars"
    if len(v) != 11:
        return "length"
    if not _PHONE_RE.fullmatch(v):
        return "prefix"
    return None


def mask_id(resident_id: str) -> str:
    """A display form that never shows the whole number: 110105********002X."""
    v = resident_id.strip().upper()
    return v[:6] + "*" * 8 + v[14:] if len(v) == 18 else "*" * len(v)


def mask_phone(phone: str) -> str:
    v = phone.strip()
    return v[:3] + "****" + v[7:] if len(v) == 11 else "*" * len(v)
