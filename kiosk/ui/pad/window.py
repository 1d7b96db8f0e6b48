"""The window's rating pad (评价器), portrait 800×1280: 好差评 for the service just finished.

When window N marks a ticket done (the change bridge's ``ticket_done(ticket, window)``, from any
process), its pad shows that service — number, what it was for, the window — and the five levels
(:class:`kiosk.ui.shared.rating.RatingPanel`, shared with the kiosk's 服务评价 screen), then the
level's tags and, for 不满意 and below, a reason. After 提交评价 it thanks the citizen (and, for a
差评, says when the hall calls back) and returns to its calm idle screen: 请在办理结束后评价 and the
hall's 好差评 promise. One rating per ticket, ever: the store refuses a second one, and the pad says
so politely.

The pad is a terminal of its own: its language, its mode (normal / 长辈版) and its voice, switched in
its header, return to the hall's defaults after every rating (as the kiosk after a visit). A service
left unrated for ``idle_seconds`` without a touch goes back to the idle screen (nothing personal is
on it; the ticket can still be rated at the kiosk). Pages keep the one screen contract
(:class:`~kiosk.ui.shared.navigator.Page`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
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
from kiosk.domain.feedback import CALL_DAYS, Rating, Source
from kiosk.domain.hall import Hall
from kiosk.domain.lifecycle import Ticket
from kiosk.domain.promises import Promises
from kiosk.store.errors import StoreError
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language, Retranslating
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.rating import RatingPanel, ServiceCard, level_text, promise_text
from kiosk.ui.shared.theme import ELDER, NORMAL, Theme
from kiosk.ui.shared.voice import Speaker
from kiosk.ui.shared.widgets import PERSON_ACTED, button, classed, label, scrolled_page, set_text

log = logging.getLogger(__name__)

REFERENCE_SIZE = (800, 1280)
#: a service shown and not touched for this long goes back to the idle screen
IDLE_SECONDS = 120
#: the thank-you stays this long (or until 完成 is tapped)
THANKS_SECONDS = 8

_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, PERSON_ACTED})


class PadHeader(Retranslating, QFrame):
    """The window's name and 服务评价, then 语音, 长辈版 and the language switch (a toggle that is on
    shows ✓)."""

    def __init__(self, number: int, hall: Hall, language: Language):
        super().__init__()
        self.number, self.hall, self.language = number, hall, language
        classed(self, "header")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 14, 24, 14)
        lay.setSpacing(10)
        self.title = label(cls="h2")
        self.title.setObjectName("pad_title")
        lay.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addStretch(1)
        self.voice = button("pad_voice", "nav", checkable=True)
        self.elder = button("pad_elder", "nav", checkable=True)
        self.lang = button("pad_language", "nav")
        for b in (self.voice, self.elder, self.lang):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            row.addWidget(b)
        for b in (self.voice, self.elder):
            b.toggled.connect(self.retranslate)  # the ✓
        lay.addLayout(row)
        self.retranslate()

    def set_toggle(self, toggle: QPushButton, on: bool) -> None:
        toggle.blockSignals(True)
        toggle.setChecked(on)
        toggle.blockSignals(False)
        self.retranslate()

    def retranslate(self) -> None:
        win = next((w for w in self.hall.windows if w.number == self.number), None)
        name = (win.name_en if self.language.english else win.name) if win is not None else ""
        self.title.setText(self.tr("{n} 号{name} · 服务评价").format(n=self.number, name=name))
        for toggle, text in ((self.voice, self.tr("语音")), (self.elder, self.tr("长辈版"))):
            set_text(toggle, ("✓ " if toggle.isChecked() else "") + text, text)
        other = "中文" if self.language.english else "English"
        switch = self.tr("切换语言")  # (tr() outside the f-string: lupdate must see it)
        set_text(self.lang, other, f"{other} · {switch}")


class IdlePage(Page, QWidget):
    """Between services: 请在办理结束后评价 and the hall's 好差评 promise."""

    def __init__(self, language: Language):
        super().__init__()
        self.language = language
        self.setObjectName("pad_idle")
        _outer, root = scrolled_page(self, 40, 24)
        root.addStretch(1)
        self.title = label(cls="h1")
        self.title.setObjectName("pad_idle_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label(cls="big")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.title)
        root.addWidget(self.hint)
        card = classed(QFrame(), "card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(28, 22, 28, 22)
        cl.setSpacing(12)
        self.promise_title = label(cls="h2")
        self.promise = label()
        self.promise.setObjectName("pad_promise")
        self.once = label(cls="muted")
        for w in (self.promise_title, self.promise, self.once):
            cl.addWidget(w)
        root.addWidget(card)
        root.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("请在办理结束后评价"))
        self.hint.setText(self.tr("窗口办结后，这里会显示您刚办理的业务"))
        self.promise_title.setText(self.tr("好差评 · 我们的承诺"))
        self.promise.setText(promise_text(self.language))
        self.once.setText(self.tr("每次服务评价一次。没来得及评价？凭小票在自助服务机上也能评价。"))


class RatePage(Page, QWidget):
    """The service and the rating panel; 提交评价 and 暂不评价 stay in view below."""

    def __init__(self, catalogue: Catalogue, hall: Hall, language: Language):
        super().__init__()
        self.language = language
        self.setObjectName("pad_rate")
        outer, root = scrolled_page(self, 32, 16)
        self.card = ServiceCard(catalogue, hall, language, "pad")
        root.addWidget(self.card)
        self.panel = RatingPanel(language, "pad")
        root.addWidget(self.panel)
        footer = self.panel.footer
        self.skip = button("pad_skip", wrap=True)
        self.panel.actions.insertWidget(0, self.skip, 1)
        outer.addWidget(footer)
        self.retranslate()

    def reset(self) -> None:
        self.panel.clear()
        self.card.show_ticket(None)

    def typed_key(self, event: QKeyEvent) -> bool:
        return self.panel.typed_key(event)

    def retranslate(self) -> None:
        set_text(self.skip, self.tr("暂不评价"))


class ThanksPage(Page, QWidget):
    """感谢您的评价 (with, for a 差评, when the hall calls back), or why this service cannot be rated."""

    def __init__(self, language: Language):
        super().__init__()
        self.language = language
        self.setObjectName("pad_thanks")
        self.rating: Rating | None = None
        self.notice = ""
        _outer, root = scrolled_page(self, 40, 24)
        root.addStretch(1)
        self.title = label(cls="h1")
        self.title.setObjectName("pad_thanks_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = label(cls="big")
        self.summary.setObjectName("pad_thanks_summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.follow = label(cls="badge-amber")
        self.follow.setObjectName("pad_thanks_follow")
        self.follow.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done = button("pad_done", "primary")
        for w in (self.title, self.summary, self.follow, self.done):
            root.addWidget(w)
        root.addStretch(2)

    def show_rating(self, rating: Rating | None, notice: str = "") -> None:
        self.rating, self.notice = rating, notice
        self.retranslate()

    def reset(self) -> None:
        self.show_rating(None)

    def retranslate(self) -> None:
        r = self.rating
        if r is None:
            self.title.setText(self.tr("谢谢您！") if self.notice else "")
            self.summary.setText(self.notice)
            self.follow.hide()
        else:
            self.title.setText(self.tr("感谢您的评价！"))
            self.summary.setText(self.tr("{number}：{level}").format(number=r.number,
                                                                      level=level_text(r.level, self.language)))
            self.follow.setText(self.tr("我们会在 {n} 个工作日内回访，尽快整改。").format(n=CALL_DAYS) if r.level.bad else "")
            self.follow.setVisible(r.level.bad)
        set_text(self.done, self.tr("完成"))


class PadWindow(Retranslating, QWidget):
    """Window ``number``'s rating pad. Subscribes to the change bridge; never polls."""

    def __init__(self, *, number: int, hall: Hall, catalogue: Catalogue, promises: Promises, bridge: ChangeBridge,
                 theme: Theme, language: Language, speaker: Speaker, idle_seconds: float = IDLE_SECONDS):
        super().__init__()
        self.number, self.hall, self.promises, self.bridge = number, hall, promises, bridge
        self.theme, self.language, self.speaker = theme, language, speaker
        self.ticket: Ticket | None = None
        self.setObjectName("PadRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # the pad itself holds the focus until a key moves it: no ring on a control nobody chose
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = PadHeader(number, hall, language)
        self.header.set_toggle(self.header.elder, theme.mode == ELDER)
        self.header.set_toggle(self.header.voice, speaker.enabled)
        self.header.elder.toggled.connect(self._elder_toggled)
        self.header.voice.toggled.connect(self._voice_toggled)
        self.header.lang.clicked.connect(lambda: self.language.set(ZH if self.language.english else EN))
        lay.addWidget(self.header)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.idle_page = IdlePage(language)
        self.rate_page = RatePage(catalogue, hall, language)
        self.thanks_page = ThanksPage(language)
        for page in (self.idle_page, self.rate_page, self.thanks_page):
            self.stack.addWidget(page)
        self.panel = self.rate_page.panel
        self.panel.rated.connect(self._rated)
        self.panel.refused.connect(self._refused)
        self.rate_page.skip.clicked.connect(self.go_idle)
        self.thanks_page.done.clicked.connect(self.go_idle)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(int(idle_seconds * 1000))
        self.idle_timer.timeout.connect(self.go_idle)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(THANKS_SECONDS * 1000)
        self.thanks_timer.timeout.connect(self.go_idle)
        bridge.ticket_done.connect(self._done)
        self.language.changed.connect(lambda _lang: self._say())
        self._show(self.idle_page)

    # --- flow -----------------------------------------------------------------------------------

    def _done(self, ticket: Ticket, window: int | None) -> None:
        if window == self.number:
            self.show_service(ticket)

    def show_service(self, ticket: Ticket) -> None:
        """Ask about ``ticket`` (a new service replaces one left unrated: its citizen has gone)."""
        try:
            if self.promises.store.rating_for(ticket.id) is not None:
                return  # rated already (at the kiosk, say): nothing to ask
        except StoreError as exc:
            log.warning("pad %s: cannot read the ratings: %s", self.number, exc)
        self.thanks_timer.stop()
        self.ticket = ticket
        self.panel.clear(ticket.number)
        self.panel.rate = lambda level, tags, text, t=ticket: self.promises.rate(t, level, tags, text, Source.PAD)
        self.rate_page.card.show_ticket(ticket)
        self.idle_timer.start()
        self._show(self.rate_page)

    def _rated(self, rating: Rating) -> None:
        self.ticket = None
        self.thanks_page.show_rating(rating)
        self._thanks()

    def _refused(self, message: str) -> None:
        self.ticket = None
        self.thanks_page.show_rating(None, message)
        self._thanks()

    def _thanks(self) -> None:
        self.idle_timer.stop()
        self._show(self.thanks_page)
        self.thanks_timer.start()

    def go_idle(self) -> None:
        """Back to the idle screen, every choice forgotten, in the hall's language and normal mode."""
        self.idle_timer.stop()
        self.thanks_timer.stop()
        self.ticket = None
        for page in (self.rate_page, self.thanks_page):
            page.reset()
        if self.theme.mode != NORMAL:
            self.header.elder.setChecked(False)
        if self.speaker.enabled:
            self.header.voice.setChecked(False)
        if self.language.current != self.hall.language:
            self.language.set(self.hall.language)
        self._show(self.idle_page)

    def refresh(self) -> None:
        """After an unexpected error: the idle screen (the excepthook's recovery)."""
        self.go_idle()

    @property
    def page(self) -> QWidget:
        return self.stack.currentWidget()

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        if isinstance(page, Page):
            page.enter()
        self._say()

    def _say(self) -> None:
        page = self.stack.currentWidget()
        if page is None:
            return
        self.speaker.say("\n".join(p for p in (self.header.title.text(), page.spoken()) if p))

    # --- the header's toggles -------------------------------------------------------------------

    def _elder_toggled(self, on: bool) -> None:
        """长辈版 is large print and the voice on; back to normal, the voice goes off with it."""
        self.theme.apply(ELDER if on else NORMAL)
        if self.speaker.enabled != on:
            self.header.voice.setChecked(on)

    def _voice_toggled(self, on: bool) -> None:
        self.speaker.set_enabled(on)
        if on:
            self._say()

    # --- input ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and isinstance(watched, QWidget) and watched.window() is self:
            if self.idle_timer.isActive():
                self.idle_timer.start()
        # a tap on one of this pad's controls reads its name (a page that opens then reads itself)
        if (event.type() == QEvent.Type.MouseButtonRelease and self.speaker.enabled and isinstance(watched, QAbstractButton)
                and watched.window() is self and watched.isEnabled()):
            self.speaker.say(watched.accessibleName())
        return False

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # a touch anywhere on this pad restarts its idle time: the application's events are watched
        # while the pad is on screen only (a closed pad — many in a test run — costs no event anything)
        QApplication.instance().installEventFilter(self)
        if self.focusWidget() is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event) -> None:  # noqa: N802
        QApplication.instance().removeEventFilter(self)
        super().hideEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Typing goes to the reason (a keyboard at the pad); Escape is 暂不评价."""
        if self.page is self.rate_page:
            if event.key() == Qt.Key.Key_Escape:
                self.go_idle()
                return
            if self.rate_page.typed_key(event):
                return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.header.title.text())
