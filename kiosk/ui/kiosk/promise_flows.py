"""The kiosk's 容缺受理 and 零材料 self-service flows: their screens registered with the kiosk's
navigator (each built on first use, like the others) and wired to the window — the slip of a
ticket taken on a commitment, the printed result of a self-service.

From an item's guidance: 缺少材料？容缺受理 → RONGQUE → RONGQUE_APPLICANT → RONGQUE_LETTER → SLIP
(or an ordinary ticket, IDENTITY, for an applicant who may not commit); 自助办理（零材料） →
SELF_SERVICE → SELF_CONFIRM → SELF_RESULT."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.domain.lifecycle import Ticket
from kiosk.ui.shared.navigator import Screen
from kiosk.ui.shared.theme import ELDER, load_fonts
from kiosk.usability.events import AppEvent

if TYPE_CHECKING:
    from kiosk.domain.commitments import Commitment
    from kiosk.domain.selfservice import SelfService
    from kiosk.ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)


def add_screens(w: KioskWindow) -> None:
    """Register the flows' screens with ``w``'s navigator."""

    def rongque():
        from kiosk.ui.kiosk.screens.rongque import RongqueScreen

        s = RongqueScreen(w.catalogue, w.visit, w.language, w.desk.hall.promises.deferral_days)
        s.next.connect(lambda: w.nav.go(Screen.RONGQUE_APPLICANT))
        return s

    def applicant():
        from kiosk.ui.kiosk.screens.rongque import ApplicantScreen

        s = ApplicantScreen(w.promises, w.visit, w.language)
        s.next.connect(lambda: w.nav.go(Screen.RONGQUE_LETTER))
        s.take_ticket.connect(lambda: w.nav.go(Screen.IDENTITY))
        return s

    def letter():
        from kiosk.ui.kiosk.screens.rongque import LetterScreen

        s = LetterScreen(w.promises, w.visit, w.language)
        s.issued.connect(lambda slip, c: w._show_slip(slip, commitment_notes(w, c), promise="rongque"))
        s.reprint.connect(w.reprint)
        s.cancelled.connect(w.nav.back)
        return s

    def self_service():
        from kiosk.ui.kiosk.screens.selfservice import SelfServiceScreen

        s = SelfServiceScreen(w.promises, w.visit, w.language)
        s.next.connect(lambda: w.nav.go(Screen.SELF_CONFIRM))
        return s

    def self_confirm():
        from kiosk.ui.kiosk.screens.selfservice import SelfConfirmScreen

        s = SelfConfirmScreen(w.promises, w.visit, w.language)
        s.served.connect(lambda record: show_result(w, record))
        return s

    def self_result():
        from kiosk.ui.kiosk.screens.selfservice import SelfResultScreen

        s = SelfResultScreen(w.catalogue, w.language)
        s.done.connect(w.end_visit)
        return s

    for screen, factory in ((Screen.RONGQUE, rongque), (Screen.RONGQUE_APPLICANT, applicant),
                            (Screen.RONGQUE_LETTER, letter), (Screen.SELF_SERVICE, self_service),
                            (Screen.SELF_CONFIRM, self_confirm), (Screen.SELF_RESULT, self_result)):
        w.nav.add(screen, factory)


def connect_item(w: KioskWindow, item) -> None:
    """The guidance's offers lead into the flows."""
    item.offers.defer.connect(lambda: w.nav.go(Screen.RONGQUE))
    item.offers.self_serve.connect(lambda: w.nav.go(Screen.SELF_SERVICE))


def commitment_notes(w: KioskWindow, c: Commitment) -> Callable[[], list[str]]:
    """The slip's 容缺 line, in the kiosk's language whenever it is asked."""
    from kiosk.ui.shared.deferral_words import commitment_line

    return lambda: [commitment_line(c, w.catalogue, w.language)]


def ticket_notes(w: KioskWindow, ticket: Ticket) -> Callable[[], list[str]] | None:
    """What a reprinted slip says besides the ticket: its commitment, if it was taken on one."""
    from kiosk.store.errors import StoreError

    try:
        c = w.promises.commitment_for(ticket.id)
    except StoreError as exc:
        log.error("the commitment of %s cannot be read: %s", ticket.number, exc)
        return None
    return commitment_notes(w, c) if c is not None else None


def show_result(w: KioskWindow, record: SelfService) -> None:
    """Print the self-service's result and show it (a print that failed is said, the record stays)."""
    from kiosk.ui.kiosk.result_pdf import write_result_pdf
    from kiosk.ui.kiosk.slip_pdf import PrintError

    item = w.catalogue.by_code[record.item_code]
    error = ""
    try:
        en = w.language.english
        w.printer.check()
        write_result_pdf(record, item, w.slips_dir, load_fonts(), w.desk.hall.name_en if en else w.desk.hall.name,
                         w.language, large=w.theme.mode == ELDER)
    except PrintError as exc:
        log.error("self-service %s not printed: %s", record.id, exc)
        error = w.language.translate("KioskWindow", QT_TRANSLATE_NOOP("KioskWindow", "打印机暂时无法使用"))
    w.report_event(AppEvent.SELF_SERVED, item=record.item_code)
    w.report_event(AppEvent.SLIP_PRINTED, printed=not error, reprint=False)
    result = w.nav.widget(Screen.SELF_RESULT)
    result.show_result(record, error)
    w.nav.replace(Screen.SELF_RESULT)
