"""The kiosk's devices as its screens know them: the slip printer and the ID-card reader.

:class:`Printer`: out of paper (``paper_out``: the study's printer fault; a real printer's sensor
would set it), nothing is printed — :meth:`Printer.check` raises the PrintError every print path
already handles (the ticket stands; the slip screen says it was not printed).

:class:`CardReader`, as every identity screen reads it (取号确认, 预约签到, 容缺 and
零材料's applicant): a tap on a demo card 'reads' it — or, when the reader fails (``failing``:
the study's card-reader fault; a real reader's error would set it), the screen says so at the ID
field and asks the citizen to place the card again or type the number.

The reader belongs to the kiosk window (one per terminal); a screen finds it through its window
(:func:`reader_of`), so a screen built on its own (a test) reads with a working one."""

from __future__ import annotations

import errno

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from kiosk.domain.personas import Persona, persona

_CTX = "CardReader"
FAILED = QT_TRANSLATE_NOOP("CardReader", "读卡失败。请把身份证重新放到读卡区，或用数字键输入身份证号。")


class CardReadFailed(Exception):
    """The card could not be read."""


class CardReader:
    def __init__(self) -> None:
        self.failing = False

    def read(self, pid: str) -> Persona | None:
        """The demo card ``pid`` read (None for an unknown one); CardReadFailed when the reader fails."""
        if self.failing:
            raise CardReadFailed("the ID-card reader did not read the card")
        return persona(pid)


def reader_of(widget: QWidget) -> CardReader:
    reader = getattr(widget.window(), "card_reader", None)
    return reader if isinstance(reader, CardReader) else CardReader()


def read_card(screen: QWidget, pid: str) -> Persona | None:
    """A tap on demo card ``pid`` on an identity ``screen`` (one with ``card_failed`` and
    ``refresh()``): the persona read, or None — an unknown card, or the reader failed, which the
    screen then says at its ID field (``card_failed`` set and the screen refreshed)."""
    try:
        p = reader_of(screen).read(pid)
    except CardReadFailed:
        screen.card_failed = True  # type: ignore[attr-defined]
        screen.refresh()  # type: ignore[attr-defined]
        return None
    if p is not None:
        screen.card_failed = False  # type: ignore[attr-defined]
    return p


def failed_text(language) -> str:
    """What the ID field says after a card was not read, in the terminal's language."""
    return language.translate(_CTX, FAILED)


class Printer:
    def __init__(self) -> None:
        self.paper_out = False

    def check(self) -> None:
        """Raise PrintError when nothing can be printed now."""
        if self.paper_out:
            from kiosk.ui.kiosk.slip_pdf import PrintError

            raise PrintError(errno.EIO, "the printer is out of paper")
