"""The citizen kiosk terminal: header, screens, idle handling, and the controller that wires them."""

from __future__ import annotations

import gc
import linecache
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.desk import DuplicateTicket, QuotaUsedUp, Request, TicketDesk
from kiosk.domain.promises import Promises
from kiosk.domain.search import SearchIndex
from kiosk.domain.visit import Visit
from kiosk.store.errors import StoreError
from kiosk.ui.kiosk.devices import CardReader, Printer
from kiosk.ui.kiosk.idle import IdleOverlay, IdleWatcher
from kiosk.ui.kiosk.promise_flows import add_screens as add_promise_screens
from kiosk.ui.kiosk.promise_flows import connect_item, ticket_notes
from kiosk.ui.kiosk.staff import LongPress, StaffPinOverlay
from kiosk.ui.kiosk.wait import WaitNote
from kiosk.ui.shared.i18n import EN, ZH, Language, Retranslating
from kiosk.ui.shared.navigator import Navigator, Screen
from kiosk.ui.shared.theme import ELDER, NORMAL, Theme, load_fonts
from kiosk.ui.shared.voice import Speaker
from kiosk.ui.shared.widgets import FIT_FLOOR, ElidedLabel, button, classed, label, set_text
from kiosk.usability.events import AppEvent

log = logging.getLogger(__name__)

REFERENCE_SIZE = (1080, 1920)

#: the warm-up's next step after this many ms: a real timer, so that input, paints and other
#: timers get their turn between two steps (a 0 ms one is a posted call: the whole chain would run
#: in one go)
WARM_NEXT_MS = 1
#: how often the warm-up looks whether its worker thread is done (ms)
WARM_POLL_MS = 10


def _work(jobs: tuple[Callable[[], object], ...]) -> None:
    """The warm-up's worker thread: each job in turn; a failure is logged (the job runs again, on
    the GUI thread, when what it prepares is first needed, and fails there for all to see).

    Python's cyclic garbage collector is off meanwhile, and what exists afterwards is frozen (moved
    out of its reach, :func:`gc.freeze`): the search index is a great many long-lived objects, and
    each full collection over them holds the GIL — and so the GUI thread — for up to a second at
    50,000 items (several such pauses while it is built, and more at random moments later). Once
    per process (a kiosk is one per process; a test's later kiosks are left to the collector); the
    kiosk window thaws them again when it is destroyed."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        for job in jobs:
            try:
                job()
            except Exception:
                log.warning("warm-up: %r failed; it is done again when needed", job, exc_info=True)
        if not gc.get_freeze_count():
            gc.freeze()
    finally:
        if collecting:
            gc.enable()


class Header(Retranslating, QFrame):
    """Always-visible 返回 and 首页 (on every screen but home), the title, 语音播报, 长辈版 and
    中/EN. A toggle that is on says so with ✓ as well as its colour."""

    back = Signal()
    home = Signal()
    elder_toggled = Signal(bool)
    voice_toggled = Signal(bool)
    language_toggled = Signal(str)

    def __init__(self, language: Language):
        super().__init__()
        self.language = language
        classed(self, "header")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        lay = self.row = QHBoxLayout()
        lay.setSpacing(14)
        outer.addLayout(lay)
        self.outer = outer
        self.back_button = button("nav_back", "nav")
        self.home_button = button("nav_home", "nav")
        self.back_button.clicked.connect(self.back)
        self.home_button.clicked.connect(self.home)
        # a long title (the English hall name, 长辈版) must never widen the kiosk: it gets what is left
        self.title = classed(ElidedLabel(), "h2")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setObjectName("screen_title")
        self.title.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a new screen puts the focus here: read first
        self.voice = button("toggle_voice", "nav", checkable=True)
        self.voice.toggled.connect(self.voice_toggled)
        self.elder = button("toggle_elder", "nav", checkable=True)
        self.elder.toggled.connect(self.elder_toggled)
        self.lang = button("toggle_language", "nav")
        self.lang.clicked.connect(lambda: self.language_toggled.emit(ZH if self.language.english else EN))
        for b in (self.back_button, self.home_button, self.voice, self.elder, self.lang):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for b in (self.voice, self.elder):
            b.toggled.connect(self.retranslate)  # the ✓
        lay.addWidget(self.back_button)
        lay.addWidget(self.home_button)
        lay.addWidget(self.title, 1)
        lay.addWidget(self.voice)
        lay.addWidget(self.elder)
        lay.addWidget(self.lang)
        self.retranslate()

    def fit_title(self) -> None:
        """The title stays in the row while it fits there (drawn down to 80 %); when it does not
        (English in 长辈版 beside five buttons) it gets a row of its own under them: never cut."""
        margins = self.outer.contentsMargins()
        buttons = [b for b in (self.back_button, self.home_button, self.voice, self.elder, self.lang)
                   if not b.isHidden()]
        room = (self.contentsRect().width() - margins.left() - margins.right()
                - sum(b.sizeHint().width() for b in buttons) - self.row.spacing() * len(buttons))
        font = QFont(self.title.font())
        font.setPixelSize(max(1, int(font.pixelSize() * FIT_FLOOR)))
        fits = QFontMetrics(font).horizontalAdvance(self.title.text()) <= room
        in_row = self.row.indexOf(self.title) >= 0
        if fits and not in_row:
            self.outer.removeWidget(self.title)
            gap = self.row.itemAt(2)
            if gap is not None and gap.spacerItem() is not None:
                self.row.removeItem(gap)
            self.row.insertWidget(2, self.title, 1)
        elif not fits and in_row:
            self.row.removeWidget(self.title)
            self.row.insertStretch(2, 1)  # the buttons keep their places
            self.outer.addWidget(self.title)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_title()

    def set_toggle(self, toggle: QPushButton, on: bool) -> None:
        """Show ``on`` without emitting (the kiosk set the state itself)."""
        toggle.blockSignals(True)
        toggle.setChecked(on)
        toggle.blockSignals(False)
        self.retranslate()

    def show_navigation(self, visible: bool) -> None:
        self.back_button.setVisible(visible)
        self.home_button.setVisible(visible)
        self.fit_title()

    def retranslate(self) -> None:
        set_text(self.back_button, self.tr("‹ 返回"), self.tr("返回"))
        set_text(self.home_button, self.tr("首页"))
        for toggle, text in ((self.voice, self.tr("语音")), (self.elder, self.tr("长辈版"))):
            set_text(toggle, ("✓ " if toggle.isChecked() else "") + text, text)
        self.voice.setAccessibleDescription(self.tr("语音播报：朗读每个页面和您点的按钮"))
        other = "中文" if self.language.english else "English"
        switch = self.tr("切换语言")  # (tr() outside the f-string: lupdate must see it)
        set_text(self.lang, other, f"{other} · {switch}")  # the name holds the visible label


class KioskWindow(Retranslating, QWidget):
    """The kiosk terminal. Built by the composition root with exactly what it needs.

    ``happened(what, info)``: the kiosk did something a usability study's task can ask for — an
    :class:`kiosk.usability.events.AppEvent` value and its codes (never what the citizen typed):
    a ticket issued, the slip printed or not, a rating, a 办不成事 case, an opinion, a check-in, a
    服务专员 request, a home visit booked, a 零材料 self-service, the visitor's own toggles."""

    happened = Signal(str, dict)
    went_back = Signal()  # 返回 (the header's, a screen's own, Escape), before the move it makes
    went_home = Signal()  # the header's 首页, before the move

    def __init__(self, *, catalogue: Catalogue, desk: TicketDesk, theme: Theme, language: Language,
                 index: Callable[[], SearchIndex], slips_dir: Path, idle: IdleWatcher, speaker: Speaker,
                 promises: Promises):
        super().__init__()
        self.catalogue, self.desk, self.theme, self.language = catalogue, desk, theme, language
        self.promises = promises  # 好差评, 办不成事, 意见建议, 容缺, 服务专员, 预约, 零材料
        self.speaker = speaker
        self.slips_dir = slips_dir
        self.printer = Printer()  # the slip printer (out of paper: every print says so, the ticket stands)
        self.card_reader = CardReader()  # the ID-card reader the identity screens read demo cards with
        self.visit = Visit()
        self._painted = False
        self.setObjectName("KioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = Header(language)
        self.header.set_toggle(self.header.elder, theme.mode == ELDER)  # started with --elder: the toggle says so
        self.header.set_toggle(self.header.voice, speaker.enabled)
        lay.addWidget(self.header)
        # said once a visit when the voice engine is gone (the 语音 toggle still works: the kiosk just cannot speak)
        self.voice_note = label(cls="badge-amber")
        self.voice_note.setObjectName("voice_unavailable")
        self.voice_note.hide()
        lay.addWidget(self.voice_note)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.nav = Navigator(self.stack)

        self._index = index
        for screen, factory in ((Screen.HOME, self._make_home), (Screen.TICKET_MENU, self._make_menu),
                                (Screen.CATALOGUE, self._make_catalogue), (Screen.ITEM, self._make_item),
                                (Screen.IDENTITY, self._make_identity), (Screen.SLIP, self._make_slip),
                                (Screen.RATE, self._make_rate),
                                (Screen.OFFICER, self._make_officer), (Screen.HOME_VISIT, self._make_home_visit),
                                (Screen.CHECKIN, self._make_checkin), (Screen.REPORT, self._make_report),
                                (Screen.OPINION, self._make_opinion)):
            self.nav.add(screen, factory)
        add_promise_screens(self)  # 容缺受理, 零材料 self-service
        self.header.back.connect(self.back)
        self.header.home.connect(self._home_tapped)
        self.header.elder_toggled.connect(self._elder_toggled)
        self.header.voice_toggled.connect(self._voice_toggled)
        self.header.language_toggled.connect(self.language.set)
        # the visitor's own toggles (clicked: never the kiosk's own return to its defaults)
        for toggle, which in ((self.header.voice, "voice"), (self.header.elder, "elder"), (self.header.lang, "language")):
            toggle.clicked.connect(lambda _=False, w=which: self.report_event(AppEvent.MODE_CHANGED, toggle=w,
                                                                             **self.mode_info()))
        self.nav.changed.connect(self._screen_changed)

        self.idle = idle
        self.overlay = IdleOverlay(self, language)
        self.wait_note = WaitNote(self, language)
        speaker.unavailable.connect(self._voice_unavailable)
        idle.warning.connect(self._idle_warning)
        idle.resumed.connect(self.overlay.hide)
        idle.expired.connect(self.timed_out)
        self.overlay.stay.connect(idle.touch)
        # staff only: hold the title 3 s (or Ctrl+Shift+Q), then the hall's PIN, to leave full screen
        self.staff_pad = StaffPinOverlay(self, language, desk.hall.staff_pin)
        self.staff_pad.granted.connect(self.leave_full_screen)
        if desk.hall.staff_pin:
            LongPress(self.header.title).held.connect(self.staff_pad.open_pad)
            QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.staff_pad.open_pad)
        QApplication.instance().installEventFilter(self)  # taps on this kiosk's controls are read out
        self.nav.home()

    # --- screens: built on first use, each wired to the flow here (intents -> navigation) -------

    def _make_home(self):
        from kiosk.ui.kiosk.screens.home import HomeScreen

        home = HomeScreen(self.desk.hall, self.catalogue, self.language)
        home.take_ticket.connect(lambda: self.nav.go(Screen.TICKET_MENU))
        home.browse.connect(lambda: self.nav.go(Screen.CATALOGUE))
        home.rate.connect(lambda: self.nav.go(Screen.RATE))
        home.officer.connect(lambda: self.nav.go(Screen.OFFICER))
        home.check_in.connect(lambda: self.nav.go(Screen.CHECKIN))
        home.report.connect(self.open_report)
        home.opinion.connect(lambda: self.nav.go(Screen.OPINION))
        return home

    def _make_menu(self):
        from kiosk.ui.kiosk.screens.ticket_menu import TicketMenuScreen

        menu = TicketMenuScreen(self.catalogue, self.language)
        menu.find_item.connect(lambda: self.nav.go(Screen.CATALOGUE))
        menu.bundle_chosen.connect(lambda code: self.choose(Request(bundle_code=code), Screen.ITEM))
        menu.desk_chosen.connect(lambda cat: self.open_report() if cat == "cannot_do"
                                 else self.choose(Request(category=cat), Screen.IDENTITY))
        menu.officer.connect(lambda: self.nav.go(Screen.OFFICER))
        return menu

    def _make_catalogue(self):
        from kiosk.ui.kiosk.screens.catalogue import CatalogueScreen

        cat = CatalogueScreen(self.catalogue, self._index, self.language, self.theme.size)
        cat.item_chosen.connect(lambda code: self.choose(Request(item_code=code), Screen.ITEM))
        cat.bundle_chosen.connect(lambda code: self.choose(Request(bundle_code=code), Screen.ITEM))
        cat.desk_chosen.connect(lambda c: self.open_report(cat.query) if c == "cannot_do"
                                else self.choose(Request(category=c), Screen.IDENTITY))
        return cat

    def _make_item(self):
        from kiosk.ui.kiosk.screens.item import ItemScreen

        item = ItemScreen(self.catalogue, self.desk.hall, self.visit, self.language)
        item.take_ticket.connect(lambda: self.nav.go(Screen.IDENTITY))
        connect_item(self, item)
        return item

    def _make_identity(self):
        from kiosk.ui.kiosk.screens.identity import IdentityScreen

        identity = IdentityScreen(self.desk, self.visit, self.language)
        identity.confirmed.connect(self.issue)
        identity.reprint.connect(self.reprint)
        identity.cancelled.connect(self.nav.back)
        return identity

    def _make_slip(self):
        from kiosk.ui.kiosk.screens.slip import SlipScreen

        slip = SlipScreen(self.desk.hall, self.language)
        slip.done.connect(self.end_visit)
        return slip

    def _make_rate(self):
        from kiosk.ui.kiosk.screens.rate import RateScreen

        rate = RateScreen(self.promises, self.catalogue, self.desk.hall, self.language)
        rate.finished.connect(self.end_visit)
        rate.happened.connect(self.happened)
        return rate

    def _make_officer(self):
        from kiosk.ui.kiosk.screens.officer import OfficerScreen, officer_note

        officer = OfficerScreen(self.promises, self.catalogue, self.language)
        officer.issued.connect(lambda slip, who: self._show_slip(slip, lambda: [officer_note(who, self.language)],
                                                                 promise="officer"))
        officer.home_visit.connect(self._home_visit)
        officer.happened.connect(self.happened)
        return officer

    def _make_home_visit(self):
        from kiosk.ui.kiosk.screens.home_visit import HomeVisitScreen

        visit = HomeVisitScreen(self.promises, self.desk.hall, self.language)
        visit.done.connect(self.end_visit)
        visit.happened.connect(self.happened)
        return visit

    def _home_visit(self, group: str, item_code: str) -> None:
        self.home_visit_screen.start(group, item_code)
        self.nav.go(Screen.HOME_VISIT)

    def _make_checkin(self):
        from kiosk.ui.kiosk.screens.checkin import CheckInScreen

        checkin = CheckInScreen(self.promises, self.language)
        checkin.slip_ready.connect(lambda slip, notes: self._show_slip(slip, notes, promise="checkin"))
        checkin.happened.connect(self.happened)
        checkin.reprint.connect(self.reprint)
        checkin.take_ticket.connect(lambda: self.nav.go(Screen.TICKET_MENU))
        return checkin

    def _make_report(self):
        from kiosk.ui.kiosk.screens.report import ReportScreen

        report = ReportScreen(self.catalogue, self.desk.hall, self._index, self.promises, self.language)
        report.reported.connect(lambda slip, notes: self._show_slip(slip, notes, promise="case"))
        report.happened.connect(self.happened)
        report.plain_ticket.connect(lambda: self.choose(Request(category="cannot_do"), Screen.IDENTITY))
        report.stepped.connect(self._screen_stepped)
        return report

    def _make_opinion(self):
        from kiosk.ui.kiosk.screens.opinion import OpinionScreen

        opinion = OpinionScreen(self.desk.hall, self.promises, self.language)
        opinion.finished.connect(self.end_visit)
        opinion.stepped.connect(self._screen_stepped)
        opinion.happened.connect(self.happened)
        return opinion

    home = property(lambda self: self.nav.widget(Screen.HOME))
    menu = property(lambda self: self.nav.widget(Screen.TICKET_MENU))
    catalogue_screen = property(lambda self: self.nav.widget(Screen.CATALOGUE))
    item = property(lambda self: self.nav.widget(Screen.ITEM))
    identity = property(lambda self: self.nav.widget(Screen.IDENTITY))
    slip = property(lambda self: self.nav.widget(Screen.SLIP))
    rate = property(lambda self: self.nav.widget(Screen.RATE))
    officer = property(lambda self: self.nav.widget(Screen.OFFICER))
    home_visit_screen = property(lambda self: self.nav.widget(Screen.HOME_VISIT))
    checkin = property(lambda self: self.nav.widget(Screen.CHECKIN))
    report = property(lambda self: self.nav.widget(Screen.REPORT))
    opinion = property(lambda self: self.nav.widget(Screen.OPINION))

    # --- flow -----------------------------------------------------------------------------------

    def open_report(self, tried: str = "") -> None:
        """办不成事反映; ``tried``: what a search found nothing for."""
        self.report.start(tried)
        self.nav.go(Screen.REPORT)

    def back(self) -> None:
        """返回 (and Escape): a step back within a screen of two steps, else the screen before."""
        self.went_back.emit()
        step_back = getattr(self.nav.widget(self.nav.current), "step_back", None) if self.nav.current else None
        if step_back is None or not step_back():
            self.nav.back()

    def choose(self, request: Request, screen: Screen) -> None:
        self.visit.choose(request)
        self.nav.go(screen)

    def issue(self) -> None:
        req = self.visit.request
        if req is None:
            return
        try:
            slip = self.desk.issue(req, self.visit.resident_id or None, self.visit.persona_tags, self.visit.use_green)
        except DuplicateTicket as dup:
            self.identity.show_duplicate(dup.ticket.id, dup.ticket.number, self.desk.slip(dup.ticket).ahead)
            return
        except QuotaUsedUp as used:
            log.info("ticket not issued: today's quota of %s is used up", used.item_code)
            self.identity.show_quota()  # said when they ask for it, with what they can do instead
            return
        except StoreError as exc:
            log.error("ticket not issued: %s", exc)
            self.identity.show_error()  # the citizen is told what to do; the cause is in the log
            return
        self._show_slip(slip, promise="")

    def report_event(self, what: AppEvent, **info) -> None:
        """Say that the kiosk did ``what`` (``happened``), with codes only."""
        self.happened.emit(what.value, info)

    def mode_info(self) -> dict:
        return {"elder": self.theme.mode == ELDER, "language": self.language.current, "voice": self.speaker.enabled}

    def reprint(self, ticket_id: int) -> None:
        ticket = self.desk.store.ticket(ticket_id)
        if ticket is not None:
            self._show_slip(self.desk.slip(ticket, reprint=True), ticket_notes(self, ticket))

    def _show_slip(self, slip, notes: Callable[[], list[str]] | None = None, promise: str | None = None) -> None:
        """Print ``slip`` and show it. ``notes`` words, in the kiosk's language, what the slip
        says besides the ticket (a case recorded, a commitment …): on screen and on paper.
        ``promise``: the ticket was just issued ("" an ordinary one, or the promise it came with:
        "case", "officer", "checkin", "rongque"); None for a reprint."""
        from kiosk.ui.kiosk.screens.slip import slip_lines
        from kiosk.ui.kiosk.slip_pdf import PrintError, write_slip_pdf

        self.visit.slip = slip
        t = slip.ticket
        subject, subject_en = t.subject, self._subject_en(slip)
        en = self.language.english
        lines = slip_lines(slip, self.language, subject_en if en else subject, self.visit.phone, self.desk.hall)
        if notes is not None:  # before the time issued and the closing line
            lines[-2:-2] = notes()
        pdf, error = "", ""
        try:
            self.printer.check()
            pdf = str(write_slip_pdf(slip, self.slips_dir, load_fonts(),
                                     self.desk.hall.name_en if en else self.desk.hall.name, lines,
                                     large=self.theme.mode == ELDER))
        except PrintError as exc:
            log.error("slip %s not printed: %s", t.number, exc)
            error = self.tr("打印机暂时无法使用")  # the cause (a full disk …) is in the log
        if promise is not None:
            self.report_event(AppEvent.TICKET_ISSUED, item=t.item_code or "", bundle=t.bundle_code or "",
                              category=t.category, green=t.green, promise=promise)
        self.report_event(AppEvent.SLIP_PRINTED, printed=not error, reprint=promise is None)
        self.slip.show_slip(slip, subject, subject_en, pdf, error, self.visit.phone, notes)
        self.nav.replace(Screen.SLIP)

    def _subject_en(self, slip) -> str:
        t = slip.ticket
        if t.item_code and t.item_code in self.catalogue.by_code:
            return self.catalogue.by_code[t.item_code].name_en
        if t.bundle_code and t.bundle_code in self.catalogue.bundle_by_code:
            return self.catalogue.bundle_by_code[t.bundle_code].name_en
        return slip.category_name_en

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(WARM_NEXT_MS, self, self._warm_step)  # cancelled if the window is gone by then

    # --- warm-up: once home is on screen, prepare the rest without freezing it --------------------

    #: Work the warm-up hands to a worker thread: plain Python, no Qt (the search index, the
    #: database's first opening). Set by the composition root.
    background: tuple[Callable[[], object], ...] = ()
    #: True once the warm-up is over: every screen built, the search index ready, the store open.
    warmed_up = False
    _worker: threading.Thread | None = None

    def warm_up(self) -> None:
        """Everything the warm-up prepares, now and at once: every screen, the search index, the
        store (for a caller that needs it all before it goes on; the kiosk itself prepares it in
        steps after its first paint, :meth:`_warm_step`)."""
        self.nav.build_all()
        self._index()
        self._open_store()
        self._warmed()

    def _warm_step(self) -> None:
        """One step of the warm-up after home is painted; between steps the event loop runs (a tap
        meanwhile is served at once, and builds what it needs itself). Each step is short: one
        screen (a few tens of ms); then the background work goes to a worker thread — the GIL lets
        this thread in every few ms — and is checked every WARM_POLL_MS; then the store is opened
        here (milliseconds: the worker created the database and imported its modules)."""
        if self.warmed_up:
            return
        screen = next((s for s in Screen if not self.nav.built(s)), None)
        if screen is not None:
            self.nav.widget(screen)
            QTimer.singleShot(WARM_NEXT_MS, self, self._warm_step)
            return
        if self._worker is None:
            self._worker = threading.Thread(target=_work, args=(tuple(self.background),), name="kiosk-warm-up",
                                            daemon=True)
            self.destroyed.connect(lambda *_: gc.unfreeze())  # the frozen objects are collectable again (_work)
            self._worker.start()
        if self._worker.is_alive():
            QTimer.singleShot(WARM_POLL_MS, self, self._warm_step)
            return
        self._open_store()
        self._warmed()

    def _open_store(self) -> None:
        try:
            self.desk.store.paused_windows()  # the first use opens the (lazy) store
        except StoreError as exc:  # said again, on screen, if a ticket is asked for
            log.error("the store cannot be opened: %s", exc)

    def _warmed(self) -> None:
        self.warmed_up = True
        if self._worker is None or not self._worker.is_alive():
            # PySide6's import hook (shibokensupport.feature) reads the source of every module
            # imported after it (inspect.getsource), which then stays in linecache: ~13 MB of
            # strings for SQLAlchemy and the rest, needed by nothing (a traceback reads its lines
            # again). Dropped, Python reuses that memory (the process hardly shrinks: freed small
            # objects stay in its heap)
            linecache.clearcache()

    def leave_full_screen(self) -> None:
        """The staff PIN was right: the kiosk becomes an ordinary window (closable, movable)."""
        log.info("staff PIN accepted: leaving full screen")
        if self.isFullScreen():
            self.showNormal()

    def go_home(self) -> None:
        """首页: forget everything this citizen entered."""
        self.staff_pad.close_pad()
        self.visit.clear()
        for page in self.nav.built_screens():
            page.reset()
        self.nav.home()

    def end_visit(self) -> None:
        """The visit is over (完成, the idle timeout): home, in the hall's language and normal mode,
        ready for the next visitor."""
        self.go_home()
        self._hall_defaults()
        self.voice_note.hide()  # the next visitor is told again if the voice is still gone
        self._voice_told = False

    def _home_tapped(self) -> None:
        self.went_home.emit()
        # 首页 after a finished visit (the slip was shown) ends it; mid-visit the citizen keeps their choices
        self.end_visit() if self.visit.slip is not None else self.go_home()

    #: what the kiosk returns to after each visit: (language, 长辈版, voice); None = the hall's own
    #: (its language, the normal mode, the voice off). A study's condition sets its own.
    defaults: tuple[str, bool, bool] | None = None

    def _hall_defaults(self) -> None:
        language, elder, voice = self.defaults or (self.desk.hall.language, False, False)
        if (self.theme.mode == ELDER) != elder:
            self.header.elder.setChecked(elder)  # applies the mode (and its voice) through the header
        if self.speaker.enabled != voice:
            self.header.voice.setChecked(voice)
        if self.language.current != language:
            self.language.set(language)

    def _elder_toggled(self, on: bool) -> None:
        """长辈版 is large print and the voice on; back to normal, the voice goes off with it."""
        self.theme.apply(ELDER if on else NORMAL)
        self.header.fit_title()
        if self.speaker.enabled != on:
            self.header.voice.setChecked(on)

    def _voice_toggled(self, on: bool) -> None:
        self.speaker.set_enabled(on)
        if not on:
            self.voice_note.hide()
        if on:
            self.speaker.say(self.screen_speech())

    def screen_speech(self) -> str:
        """What the voice reads when a screen opens: its title, then its headings and key lines
        (the screen's own ``spoken()`` where it has one)."""
        page = self.nav.widget(self.nav.current) if self.nav.current else None
        return "\n".join(p for p in (self.header.title.text(), page.spoken() if page is not None else "") if p)

    #: a usability study's recorder (kiosk/ui/study/recorder.py) sees every event of the application
    #: here, through the filter the kiosk has anyway: one more Python call per event would cost a
    #: tap several per cent (hundreds of events go by for each)
    study_filter: Callable[[QObject, QEvent], None] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        hook = self.study_filter
        if hook is not None:
            hook(watched, event)
        # a tap on one of this kiosk's controls reads its name (a screen that opens then reads itself)
        if (event.type() == QEvent.Type.MouseButtonRelease and self.speaker.enabled
                and isinstance(watched, QAbstractButton) and watched.window() is self and watched.isEnabled()):
            self.speaker.say(watched.accessibleName())
        return False

    def _idle_warning(self, seconds: int) -> None:
        """No one is here to warn at an untouched home screen: it quietly returns to the hall's
        language and normal mode instead, and the idle period starts again."""
        if self.nav.current == Screen.HOME and not self.visit.has_personal_data:
            self._hall_defaults()
            self.idle.touch()
            return
        first = not self.overlay.isVisible()
        self.overlay.show_countdown(seconds)
        if first:
            self.speaker.say(self.overlay.spoken())

    def show_wait(self) -> None:
        """请稍候, painted now: a write that takes a while follows (the study's slow store)."""
        self.wait_note.show_now()

    def hide_wait(self) -> None:
        self.wait_note.hide()

    _voice_told = False

    def _voice_unavailable(self) -> None:
        """The voice engine is gone: said on screen once a visit (the note stays while the voice is
        on and gone; the 语音 toggle still switches it)."""
        if not self._voice_told:
            self._voice_told = True
            self.voice_note.show()
            self.header.fit_title()

    def timed_out(self) -> None:
        self.overlay.hide()
        self.end_visit()

    def _screen_changed(self, screen: Screen) -> None:
        if not self.speaker.gone:  # the voice is back
            self.voice_note.hide()
        self.header.show_navigation(screen != Screen.HOME)
        self.retranslate()
        # keys, switches and screen readers start at the new screen's title (its name is read first)
        self.header.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.speaker.say(self.screen_speech())

    def _screen_stepped(self) -> None:
        """A screen moved to its next step: keys, switches and the voice start at its title again."""
        self.header.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.speaker.say(self.screen_speech())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Keys no control took: Escape is 返回; typing goes to the screen's field (the search, the
        ID and phone numbers), wherever the focus is."""
        if event.key() == Qt.Key.Key_Escape and self.nav.current != Screen.HOME:
            self.back()
            return
        typed = getattr(self.nav.widget(self.nav.current), "typed_key", None) if self.nav.current else None
        if typed is None or not typed(event):
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.voice_note.setText(self.tr("语音播报暂时无法使用，请看屏幕上的文字。"))
        titles = {Screen.HOME: self.tr("一窗通办"),  # the hall's name is in the welcome below
                  Screen.TICKET_MENU: self.tr("取号办事"), Screen.CATALOGUE: self.tr("事项查询"),
                  Screen.ITEM: self.tr("办事指南"), Screen.IDENTITY: self.tr("取号确认"),
                  Screen.SLIP: self.tr("取号成功"), Screen.RATE: self.tr("服务评价"),
                  Screen.OFFICER: self.tr("服务专员"),
                  Screen.HOME_VISIT: self.tr("移动办公桌"), Screen.CHECKIN: self.tr("预约签到"),
                  Screen.REPORT: self.tr("办不成事反映"), Screen.OPINION: self.tr("意见建议")}
        title = titles.get(self.nav.current)
        if title is None and self.nav.current is not None:  # a screen that names itself
            title = getattr(self.nav.widget(self.nav.current), "heading", str)()
        self.header.title.setText(title or "")
        self.header.fit_title()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        for overlay in (self.overlay, self.staff_pad, self.wait_note):
            if overlay.isVisible():
                overlay.setGeometry(self.rect())
