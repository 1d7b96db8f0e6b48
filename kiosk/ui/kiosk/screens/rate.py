"""服务评价 (好差评) at the kiosk: the ticket by its number (keys or a keyboard) or by the slip's QR
code (a scanner types the code's text: the whole text is taken, its last line names the ticket),
then the rating pad's levels, tags and reason (:mod:`kiosk.ui.shared.rating`), then thanks.

An unknown number, a ticket not served (yet) or one already rated is said at the field. A scanner
types fast and presses Enter after each line: the lookup waits until it has stopped typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.feedback import CALL_DAYS, Rating, Source
from kiosk.domain.hall import Hall
from kiosk.domain.lifecycle import HallError, Ticket
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.rating import (
    TYPING_LIMIT,
    WARNING,
    RatingPanel,
    ServiceCard,
    level_text,
    promise_text,
    refusal_text,
    unrateable,
)
from kiosk.ui.shared.widgets import button, classed, label, named, restyle, scroll, set_text
from kiosk.usability.events import AppEvent

#: a scanner's keys come a few ms apart: the lookup runs once none came for this long
SCAN_SETTLE_MS = 300
FIND, RATE, THANKS = 0, 1, 2


class TicketKeys(QWidget):
    """The hall's ticket letters, digits, ← 退格 and 清空 (a ticket number such as A012)."""

    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, prefixes: list[str]):
        super().__init__()
        self.setObjectName("rate_ticket_keys")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.keys = {}
        for i, ch in enumerate(prefixes):
            b = button(f"rate_letter_{ch}", "key")
            set_text(b, ch)
            b.clicked.connect(lambda _=False, c=ch: self.typed.emit(c))
            grid.addWidget(b, 0, i)
            self.keys[ch] = b
        for i, ch in enumerate("1234567890"):
            b = button(f"rate_digit_{ch}", "key")
            set_text(b, ch)
            b.clicked.connect(lambda _=False, c=ch: self.typed.emit(c))
            grid.addWidget(b, 1 + i // 5, i % 5)
            self.keys[ch] = b
        self.back = button("rate_backspace", "key", wrap=True)
        self.back.clicked.connect(self.backspace)
        self.clear = button("rate_clear", "key")
        self.clear.clicked.connect(self.cleared)
        grid.addWidget(self.back, 1, 5, 1, max(1, len(prefixes) - 5))
        grid.addWidget(self.clear, 2, 5, 1, max(1, len(prefixes) - 5))
        for c in range(max(6, len(prefixes))):
            grid.setColumnStretch(c, 1)


class RateScreen(Page, QWidget):
    """Emits ``finished()`` when the citizen is done (完成 after the thanks)."""

    finished = Signal()
    happened = Signal(str, dict)  # what the kiosk did (KioskWindow.happened)

    def __init__(self, promises: Promises, catalogue: Catalogue, hall: Hall, language: Language):
        super().__init__()
        self.promises, self.language = promises, language
        self.setObjectName("screen_rate")
        self.entered = ""  # what was typed or scanned
        self.problem: tuple | None = None  # (exception or ticket, kind) said at the field
        self.ticket: Ticket | None = None
        self.rating: Rating | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.steps = QStackedWidget()
        outer.addWidget(self.steps, 1)
        self.footers = QStackedWidget()
        outer.addWidget(self.footers)

        # 1. which ticket
        find = QWidget()
        fl = QVBoxLayout(find)
        fl.setContentsMargins(40, 30, 40, 30)
        fl.setSpacing(18)
        self.title = label(cls="h1")
        self.title.setObjectName("rate_title")
        self.intro = label(cls="big")
        self.field_title = label(cls="lead")
        self.field = named(QLineEdit(), "rate_ticket_field")
        self.field.setReadOnly(True)  # typed into by the keys, a keyboard or the scanner (typed_key)
        self.field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.field_message = label(cls="muted")
        self.field_message.setObjectName("rate_ticket_message")
        self.keys = TicketKeys([c.prefix for c in hall.categories])
        self.keys.typed.connect(lambda ch: self._edit(lambda s: s + ch))
        self.keys.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keys.cleared.connect(lambda: self._edit(lambda s: ""))
        self.promise = label(cls="muted")
        self.promise.setObjectName("rate_promise")
        for w in (self.title, self.intro, self.field_title, self.field, self.field_message, self.keys, self.promise):
            fl.addWidget(w)
        fl.addStretch(1)
        self.steps.addWidget(scroll(find))
        find_footer = classed(QFrame(), "footer")
        ff = QVBoxLayout(find_footer)
        ff.setContentsMargins(40, 14, 40, 14)
        self.find_button = button("rate_find", "primary")
        self.find_button.clicked.connect(self.find)
        ff.addWidget(self.find_button)
        self.footers.addWidget(find_footer)

        # 2. the rating
        rate = QWidget()
        rl = QVBoxLayout(rate)
        rl.setContentsMargins(40, 30, 40, 30)
        rl.setSpacing(18)
        self.card = ServiceCard(catalogue, hall, language, "rate")
        self.panel = RatingPanel(language, "rate")
        self.panel.rated.connect(self._rated)
        self.panel.refused.connect(self._refused)
        rl.addWidget(self.card)
        rl.addWidget(self.panel)
        self.steps.addWidget(scroll(rate))
        self.footers.addWidget(self.panel.footer)

        # 3. thanks
        thanks = QWidget()
        tl = QVBoxLayout(thanks)
        tl.setContentsMargins(40, 30, 40, 30)
        tl.setSpacing(24)
        tl.addStretch(1)
        self.thanks_title = label(cls="h1")
        self.thanks_title.setObjectName("rate_thanks_title")
        self.thanks_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_summary = label(cls="big")
        self.thanks_summary.setObjectName("rate_thanks_summary")
        self.thanks_summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_follow = label(cls="badge-amber")
        self.thanks_follow.setObjectName("rate_thanks_follow")
        self.thanks_follow.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.thanks_title, self.thanks_summary, self.thanks_follow):
            tl.addWidget(w)
        tl.addStretch(2)
        self.steps.addWidget(scroll(thanks))
        thanks_footer = classed(QFrame(), "footer")
        tf = QVBoxLayout(thanks_footer)
        tf.setContentsMargins(40, 14, 40, 14)
        self.done = button("rate_done", "primary")
        self.done.clicked.connect(self.finished)
        tf.addWidget(self.done)
        self.footers.addWidget(thanks_footer)

        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SCAN_SETTLE_MS)
        self.settle.timeout.connect(self.find)
        self.field.installEventFilter(self)
        self.reset()

    # --- the contract -------------------------------------------------------------------------

    def reset(self) -> None:
        self.settle.stop()
        self.entered, self.problem, self.ticket, self.rating = "", None, None, None
        self.panel.clear()
        self.panel.rate = None
        self.card.show_ticket(None)
        self._step(FIND)

    def enter(self) -> None:
        if self.step != THANKS:
            return
        self.reset()  # a new visit starts at the number

    @property
    def step(self) -> int:
        return self.steps.currentIndex()

    def _step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.footers.setCurrentIndex(step)
        self.retranslate()

    # --- which ticket ---------------------------------------------------------------------------

    def _edit(self, fn) -> None:
        self.entered = fn(self.entered)[:TYPING_LIMIT]
        self.problem = None
        self.retranslate()

    def typed_key(self, event: QKeyEvent) -> bool:
        """A keyboard or the QR scanner types the number (or the code's text, line by line)."""
        if self.step == RATE:
            return self.panel.typed_key(event)
        if self.step != FIND or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                     | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._edit(lambda s: s[:-1])
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.entered:
                self._edit(lambda s: s + "\n")
                self.settle.start()  # a scanner's next line, or the lookup when nothing follows
            return True
        text = event.text()
        if text and event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Escape):
            self._edit(lambda s: s + text)
            if self.settle.isActive():
                self.settle.start()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress and self.typed_key(event):
            return True
        return super().eventFilter(watched, event)

    def find(self) -> None:
        """查找: the ticket typed or scanned, if it can be rated; else why not, at the field."""
        self.settle.stop()
        if not self.entered.strip():
            self.problem = ("empty",)
            self.retranslate()
            return
        try:
            ticket = self.promises.find_ticket(self.entered)
            rated = self.promises.store.rating_for(ticket.id) is not None
        except (HallError, StoreError) as exc:
            self.problem = ("refused", exc)
            self.retranslate()
            return
        if unrateable(ticket, self.language):
            self.problem = ("unrateable", ticket)
        elif rated:
            self.problem = ("rated", ticket)
        else:
            self.ticket = ticket
            self.panel.clear(ticket.number)
            self.panel.rate = lambda level, tags, text, t=ticket: self.promises.rate(t, level, tags, text,
                                                                                      Source.KIOSK)
            self.card.show_ticket(ticket)
            self._step(RATE)
            return
        self.retranslate()

    # --- the rating -----------------------------------------------------------------------------

    def _rated(self, rating: Rating) -> None:
        self.rating = rating
        # a study counts levels from the best (1 = 非常满意); the domain's Level is 5 for it
        self.happened.emit(AppEvent.RATING_GIVEN.value, {"level": 6 - int(rating.level)})
        self._step(THANKS)

    def _refused(self, message: str) -> None:
        """Rated meanwhile (at the pad, say): back to the number, with the message at the field."""
        self.problem = ("message", message)
        self.panel.clear()
        self._step(FIND)

    # --- rendering ------------------------------------------------------------------------------

    def _problem_text(self) -> str:
        p = self.problem
        if p is None:
            return ""
        if p[0] == "empty":
            return self.tr("请先输入小票上的号码")
        if p[0] == "refused":
            return refusal_text(p[1], self.language)
        if p[0] == "unrateable":
            return unrateable(p[1], self.language)
        if p[0] == "rated":
            return self.tr("{number} 已经评价过了，每次服务只评一次。谢谢您！").format(number=p[1].number)
        return p[1]

    def retranslate(self) -> None:
        self.title.setText(self.tr("为窗口服务评价"))
        self.intro.setText(self.tr("输入小票上的号码，或把小票上的二维码对准扫码口"))
        self.field_title.setText(self.tr("小票号码"))
        shown = " ".join(self.entered.split())
        self.field.setText(shown if len(shown) <= 40 else "…" + shown[-39:])
        self.field.setPlaceholderText(self.tr("例如 A012"))
        self.field.setAccessibleName(self.tr("小票号码"))
        problem = self._problem_text()
        self.field_message.setText(f"{WARNING} {problem}" if problem else " ")
        self.field_message.setProperty("class", "error" if problem else "muted")
        restyle(self.field_message)
        self.field.setProperty("class", "invalid" if problem else "active")
        restyle(self.field)
        set_text(self.keys.back, self.tr("← 退格"), self.tr("退格"))
        set_text(self.keys.clear, self.tr("清空"))
        self.promise.setText(promise_text(self.language))
        set_text(self.find_button, self.tr("查找这次服务"))
        r = self.rating
        self.thanks_title.setText(self.tr("感谢您的评价！"))
        self.thanks_summary.setText(self.tr("{number}：{level}").format(
            number=r.number, level=level_text(r.level, self.language)) if r is not None else "")
        bad = r is not None and r.level.bad
        self.thanks_follow.setText(self.tr("我们会在 {n} 个工作日内回访，尽快整改。").format(n=CALL_DAYS) if bad else "")
        self.thanks_follow.setVisible(bad)
        set_text(self.done, self.tr("完成"))
