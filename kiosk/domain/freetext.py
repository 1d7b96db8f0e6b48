"""What a citizen types into a free-text field (a 差评's reason, a 办不成事 description, an
opinion): cleaned of what cannot be shown or stored safely, or refused with a reason code the
screen words at the field. Nothing is silently cut: an over-long text is refused, not shortened.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

#: The longest text any field keeps (a screen may ask less).
MAX_TEXT = 500


class TextProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"  # more than the field's limit
    CONTROL = "control"  # control characters or direction marks (they can hide or reorder what is shown)
    SYMBOLS = "symbols"  # emoji or pictographs: the hall's screens and print have no glyph for them


#: Direction marks and embeddings (RLM, LRM, RLO …): they reorder how a line is shown.
_BIDI = {0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _is_symbol(ch: str) -> bool:
    cp = ord(ch)
    return (cp >= 0x1F000 or 0x2600 <= cp <= 0x27BF or 0xFE00 <= cp <= 0xFE0F or cp == 0x200D
            or unicodedata.category(ch) == "Cs")


def clean_text(value: str | None, limit: int = MAX_TEXT, required: bool = False,
               multiline: bool = True) -> tuple[str, TextProblem | None]:
    """``value`` tidied (NFC, ends trimmed, line breaks unified, tabs as spaces) and why it cannot
    be kept, or None. Line breaks are kept in a multi-line field and refused in a one-line one."""
    text = unicodedata.normalize("NFC", value or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.strip()
    if not text:
        return "", TextProblem.EMPTY if required else None
    for ch in text:
        if ch == "\n" and multiline:
            continue
        if ord(ch) in _BIDI or unicodedata.category(ch) in ("Cc", "Cf") and not _is_symbol(ch):
            return text, TextProblem.CONTROL
        if _is_symbol(ch):
            return text, TextProblem.SYMBOLS
    if len(text) > limit:
        return text, TextProblem.TOO_LONG
    return text, None
