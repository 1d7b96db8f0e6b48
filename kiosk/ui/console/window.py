"""The window console (窗口叫号), landscape 1280×800: call next, recall, start, finish, no-show,
transfer, suspend / resume, call a given number, reactivate a no-show, pause the window; the
current ticket with its materials checklist; what waits for this window; today's figures.

Worked by touch, by keys (Tab moves from 叫号 through the actions, the checklist and the header;
Enter or Space presses; a panel opened by a key puts the focus on its first choice, and the
number pads take typed letters and digits) and by a screen reader (every control is named in the
console's language, with its visible label in the name; a received document says so in its name
and shows ✓, never by colour alone)."""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.lifecycle import HallError, PauseReason, Status, SuspendReason, Ticket
from kiosk.domain.ports import HallRows, StoreError
from kiosk.domain.views import ConsoleView, console_view
from kiosk.ui.console.frame import panel_frame
from kiosk.ui.kiosk.screens.item import materials_for
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language, Retranslating
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, restyle, scroll, set_text
from kiosk.ui.shared.words import error_text, pause_reason_text, store_error_text, suspend_reason_text

if TYPE_CHECKING:
    from kiosk.domain.promises import Promises

log = logging.getLogger(__name__)

REFERENCE_SIZE = (1280, 800)
# Marks on a materials checklist entry: received, not yet (the state in a shape, not a colour only).
RECEIVED, NOT_RECEIVED = "✓", "□"
# Before a refusal or a problem (the message is red, and says it by this mark too).
WARNING = "⚠"
# Width of one window button on the transfer panel (a number only: the heading says "window").
WINDOW_CHIP = 64


def wrapping(name: str, cls: str = "", checkable: bool = False) -> QPushButton:
    """A button whose text wraps, laid out by its height for the width it gets (the layouts ask
    ``heightForWidth``: a second line of text makes the button taller instead of being cut)."""
    b = button(name, cls, checkable=checkable, wrap=True)
    policy = b.sizePolicy()
    policy.setHeightForWidth(True)
    b.setSizePolicy(policy)
    return b


class NumberPad(QWidget):
    """Prefix letters and digits for a ticket number such as A012; emits ``entered(str)``.
    Typed keys work too: a letter or digit, Backspace, Enter."""

    entered = Signal(str)

    def __init__(self, prefixes: list[str], prefix: str):
        super().__init__()
        self.setObjectName(f"{prefix}_pad")
        self.prefixes = prefixes
        self.text = ""
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.display = label(cls="h1", wrap=False)
        self.display.setObjectName(f"{prefix}_display")
        grid.addWidget(self.display, 0, 0, 1, 6)
        self.keys: dict[str, QPushButton] = {}
        for i, p in enumerate(prefixes):
            b = button(f"{prefix}_letter_{p}", "key")
            set_text(b, p)
            b.clicked.connect(lambda _=False, c=p: self.type(c))
            grid.addWidget(b, 1, i)
            self.keys[p] = b
        for i, d in enumerate("1234567890"):
            b = button(f"{prefix}_digit_{d}", "key")
            set_text(b, d)
            b.clicked.connect(lambda _=False, c=d: self.type(c))
            grid.addWidget(b, 2 + i // 5, i % 5)
            self.keys[d] = b
        self.back = button(f"{prefix}_back", "key")
        self.back.clicked.connect(lambda: self._set(self.text[:-1]))
        grid.addWidget(self.back, 2, 5)
        self.ok = button(f"{prefix}_ok", "primary")
        self.ok.clicked.connect(lambda: self.entered.emit(self.text))
        grid.addWidget(self.ok, 3, 5)
        self._said = ("", "")
        self._set("")

    def type(self, ch: str) -> None:
        """A letter starts the number again; a digit follows a letter (up to 4 digits)."""
        if ch in self.prefixes:
            self._set(ch)
        elif ch.isdigit() and self.text and len(self.text) < 5:
            self._set(self.text + ch)

    def clear(self) -> None:
        self._set("")

    def _set(self, text: str) -> None:
        self.text = text
        self.display.setText(text or "—")
        self.ok.setEnabled(len(text) >= 2)
        self.display.setAccessibleName(self._said[0].format(number=text) if text else self._said[1])

    def retranslate(self, ok_text: str, back_text: str, number_text: str, empty_text: str) -> None:
        set_text(self.ok, ok_text)
        set_text(self.back, back_text)
        self._said = (number_text, empty_text)
        self._set(self.text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - keys the focused pad button passed on
        text = event.text().upper()
        if event.key() == Qt.Key.Key_Backspace:
            self._set(self.text[:-1])
        elif text and (text in self.prefixes or text.isdigit()):
            self.type(text)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class ConsoleWindow(Retranslating, QWidget):
    """Window ``counter.number``'s console. Subscribes to the change bridge; never polls."""

    # the tab label of this console in ``kiosk hall`` changed (its language changed)
    label_changed = Signal()

    def __init__(self, *, counter: Counter, catalogue: Catalogue, bridge: ChangeBridge, language: Language,
                 clock: Callable[[], _dt.datetime], promises: Promises | None = None):
        super().__init__()
        self.counter, self.catalogue, self.language, self.clock = counter, catalogue, language, clock
        self.promises = promises  # the hall's promises' records (None: a console of tickets only)
        self.bridge = bridge
        self.hall = counter.hall
        self.view = ConsoleView(counter.number)
        self.current: Ticket | None = None
        self.message: tuple[Callable[[], str], bool] = (str, False)
        self._materials_key: tuple | None = ()
        self._suspended_key: tuple | None = None
        self._opener: QPushButton | None = None  # the action whose panel is open
        self.setObjectName("ConsoleRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # the console itself holds the focus until a key moves it: no ring on a control nobody chose
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        head = classed(QFrame(), "header")
        hl = QHBoxLayout(head)
        hl.setContentsMargins(24, 10, 24, 10)
        hl.setSpacing(12)
        self.title = label(cls="h2", wrap=False)
        self.title.setObjectName("console_title")
        self.state = label(wrap=False)
        self.state.setObjectName("console_state")
        self.lang = button("console_language", "nav")
        self.lang.clicked.connect(lambda: self.language.set(ZH if self.language.english else EN))
        self.pause_button = button("console_pause", "nav")
        self.pause_button.clicked.connect(self._pause_clicked)
        for b in (self.lang, self.pause_button):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        hl.addWidget(self.title)
        hl.addWidget(self.state, 1)
        hl.addWidget(self.pause_button)
        hl.addWidget(self.lang)
        self.header_row = hl  # staff panels put their openers here (add_panel)
        root.addWidget(head)

        body = QHBoxLayout()
        body.setContentsMargins(20, 14, 20, 12)
        body.setSpacing(18)
        root.addLayout(body, 1)

        # left: the current ticket (or, when there is none, what the window can do next), or a
        # panel (transfer, suspend, number pad ...)
        self.left = QStackedWidget()
        self.left.setObjectName("console_left")
        # the columns keep their 3 : 2 shares whatever a panel holds (a wide panel never squeezes the actions)
        self.left.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        body.addWidget(self.left, 3)
        self.card = card = classed(QFrame(), "card")
        card.setObjectName("console_ticket_card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(22, 12, 22, 14)
        cl.setSpacing(6)
        cl.addWidget(self._build_ticket(), 1)
        cl.addWidget(self._build_idle(), 1)
        self.suspended_title = label(cls="muted")
        self.suspended_title.setObjectName("console_suspended_title")
        cl.addWidget(self.suspended_title)
        self.suspended_row = QHBoxLayout()
        self.suspended_row.setSpacing(10)
        cl.addLayout(self.suspended_row)
        self.left.addWidget(card)

        self.transfer_panel, self.transfer_grid = self._panel("transfer")
        self.transfer_windows_title = label(cls="console-lead")
        self.transfer_windows_title.setObjectName("console_transfer_windows_title")
        self.transfer_windows = QGridLayout()
        self.transfer_windows.setSpacing(8)
        self.transfer_panel.body.insertWidget(1, self.transfer_windows_title)
        self.transfer_panel.body.insertLayout(2, self.transfer_windows)
        self.suspend_panel, self.suspend_grid = self._panel("suspend")
        self.pause_panel, self.pause_grid = self._panel("pause")
        prefixes = [c.prefix for c in self.hall.categories]
        self.call_pad = NumberPad(prefixes, "callpad")
        self.call_pad.entered.connect(self._call_number)
        self.revive_pad = NumberPad(prefixes, "revivepad")
        self.revive_pad.entered.connect(self._reactivate)
        self.call_panel = self._pad_panel(self.call_pad, "call")
        self.revive_panel = self._pad_panel(self.revive_pad, "revive")

        # right: the actions, in the order a ticket goes through them
        actions = QWidget()
        actions.setObjectName("console_actions")
        actions.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        right = QGridLayout(actions)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(10)
        body.addWidget(actions, 2)
        self.actions: dict[str, QPushButton] = {}
        layout = (("call_next", "primary", 0, 0, 2), ("recall", "", 1, 0, 1), ("no_show", "danger", 1, 1, 1),
                  ("start", "", 2, 0, 1), ("finish", "", 2, 1, 1), ("transfer", "", 3, 0, 1),
                  ("suspend", "", 3, 1, 1), ("call_number", "", 4, 0, 1), ("reactivate", "", 4, 1, 1))
        for key, cls, row, col, span in layout:
            b = wrapping(f"console_{key}", cls)
            b.clicked.connect(lambda _=False, k=key: self.act(k))
            right.addWidget(b, row, col, 1, span)
            self.actions[key] = b
        self.feedback = label(cls="error")
        self.feedback.setObjectName("console_message")
        right.addWidget(self.feedback, 5, 0, 1, 2)
        self.panel_buttons = self._staff_panels(right, 6)  # the promises' staff panels, under the actions
        right.setRowStretch(7, 1)

        foot = classed(QFrame(), "footer")
        fl = QHBoxLayout(foot)
        fl.setContentsMargins(24, 8, 24, 8)
        fl.setSpacing(24)
        self.waiting = label()
        self.waiting.setObjectName("console_waiting")
        self.figures = label()
        self.figures.setObjectName("console_figures")
        self.figures.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fl.addWidget(self.waiting, 1)
        fl.addWidget(self.figures, 1)
        root.addWidget(foot)

        # Tab: from the console to 叫号, then the actions in their order, then the header
        chain = [self, *self.actions.values(), self.pause_button, self.lang]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

        bridge.changed.connect(self.show_rows)
        bridge.connection_changed.connect(self._connection)
        if promises is not None:  # the hall's promises: a panel each (kiosk/ui/console/*.py)
            from kiosk.ui.console.followups import FollowUpsPanel

            self.followups = FollowUpsPanel(promises, bridge, language, clock)
            self.add_panel(self.followups, self.followups.opener)
            from kiosk.ui.console.cases import attach_cases

            self.case_view = attach_cases(self, promises)  # a D ticket's 办不成事 case, closed here
            if "cannot_do" in counter.categories:  # the 办不成事 专窗 keeps the 意见箱
                from kiosk.ui.console.opinions import attach_opinions

                self.opinions = attach_opinions(self, promises)
        self.retranslate()
        if promises is not None:  # 容缺: the ticket's commitment, the list of those to come
            from kiosk.ui.console.commitments import add_commitments

            add_commitments(self, promises)

    def add_panel(self, panel: QWidget, opener: QPushButton) -> None:
        """A staff panel of its own module: ``opener`` goes into the header (before 暂停窗口) and
        opens ``panel`` in the left column; the panel's ``closed`` signal brings the ticket back."""
        opener.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.header_row.insertWidget(self.header_row.indexOf(self.pause_button), opener)
        self.left.addWidget(panel)
        QWidget.setTabOrder(opener, self.pause_button)
        opener.clicked.connect(lambda: self._open_panel(panel, opener))
        panel.closed.connect(self.show_ticket)

    def _open_panel(self, panel: QWidget, opener: QPushButton) -> None:
        if self.left.currentWidget() is panel:  # the opener again: back to the ticket
            self.show_ticket()
            return
        by_key = opener.hasFocus()
        self._opener = opener
        self.left.setCurrentWidget(panel)
        if by_key:
            first = next((b for b in panel.findChildren(QPushButton) if b.isVisible() and b.isEnabled()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.window().focusWidget() is None:  # (in kiosk hall's tabs, the tab bar may have it)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _staff_panels(self, grid: QGridLayout, row: int) -> dict[str, QPushButton]:
        """The promises' staff panels, each opened by a button in ``row`` of the actions (none
        without promises)."""
        if self.promises is None:
            return {}
        from kiosk.ui.console.appointments import AppointmentsPanel
        from kiosk.ui.console.officers import OfficersPanel

        self.officers_panel = OfficersPanel(self.promises, self.bridge, self.language, self.clock)
        self.appointments_panel = AppointmentsPanel(self.promises, self.language, self.clock)
        found = {}
        for col, (key, panel) in enumerate((("officers", self.officers_panel),
                                            ("appointments", self.appointments_panel))):
            panel.closed.connect(self.show_ticket)
            self.left.addWidget(panel)
            b = wrapping(f"console_open_{key}")
            b.clicked.connect(lambda _=False, k=key, p=panel: self._open_staff_panel(k, p))
            grid.addWidget(b, row, col)
            found[key] = b
        return found

    def _open_staff_panel(self, key: str, panel: QWidget) -> None:
        refresh = getattr(panel, "refresh", None)
        if refresh is not None:
            refresh()
        self._opener = self.panel_buttons[key]
        self.left.setCurrentWidget(panel)

    # --- the ticket card ----------------------------------------------------------------------

    def _build_ticket(self) -> QWidget:
        self.ticket_box = box = QWidget()
        box.setObjectName("console_ticket")
        tl = QVBoxLayout(box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(20)
        self.number = label(cls="console-number", wrap=False)
        self.number.setObjectName("console_number")
        top.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        info = QVBoxLayout()
        info.setSpacing(6)
        self.status = label(cls="h2")
        self.status.setObjectName("console_status")
        self.badges = label(cls="badge-green", wrap=False)
        self.badges.setObjectName("console_badges")
        badge_row = QHBoxLayout()
        badge_row.addWidget(self.badges)
        badge_row.addStretch(1)
        self.subject = label(cls="console-lead")
        self.subject.setObjectName("console_subject")
        info.addWidget(self.status)
        info.addLayout(badge_row)
        info.addWidget(self.subject)
        info.addStretch(1)
        top.addLayout(info, 1)
        tl.addLayout(top)
        self.detail = label(cls="muted")
        self.detail.setObjectName("console_detail")
        tl.addWidget(self.detail)
        self.materials_title = label(cls="console-lead")
        self.materials_title.setObjectName("console_materials_title")
        tl.addWidget(self.materials_title)
        holder = QWidget()
        holder.setObjectName("console_materials")
        self.materials = QGridLayout(holder)
        self.materials.setContentsMargins(0, 0, 0, 0)
        self.materials.setSpacing(6)
        self.materials.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.materials_area = scroll(holder)
        # the checklist takes the room left (and scrolls past it): a long list never grows the console
        self.materials_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.materials_area.setMinimumHeight(70)
        tl.addWidget(self.materials_area, 1)
        self.material_buttons: list[QPushButton] = []
        self.material_names: list[str] = []
        return box

    def _build_idle(self) -> QWidget:
        """No ticket at the window: what it can do next, centred in the card."""
        self.idle_box = box = QWidget()
        box.setObjectName("console_idle")
        il = QVBoxLayout(box)
        il.setContentsMargins(12, 0, 12, 0)
        il.setSpacing(14)
        self.idle_title = label(cls="h1")
        self.idle_title.setObjectName("console_idle_title")
        self.idle_hint = label(cls="big")
        self.idle_hint.setObjectName("console_idle_hint")
        for lab in (self.idle_title, self.idle_hint):
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        il.addStretch(1)
        il.addWidget(self.idle_title)
        il.addWidget(self.idle_hint)
        il.addStretch(1)
        return box

    # --- panels -------------------------------------------------------------------------------

    def _panel(self, name: str) -> tuple[QFrame, QGridLayout]:
        """A card with a title, a note and 返回 at the top, and a grid of choices under them."""
        panel = classed(QFrame(), "card")
        panel.setObjectName(f"console_{name}_panel")
        lay, title, cancel = panel_frame(panel, name, self.show_ticket)
        note = label(cls="muted")
        note.setObjectName(f"console_{name}_note")
        body = QVBoxLayout()
        body.setSpacing(10)
        grid = QGridLayout()
        grid.setSpacing(8)
        body.addLayout(grid)
        lay.addWidget(note)
        lay.addLayout(body)
        lay.addStretch(1)
        panel.title, panel.note, panel.cancel, panel.body = title, note, cancel, body
        self.left.addWidget(panel)
        return panel, grid

    def _pad_panel(self, pad: NumberPad, name: str) -> QFrame:
        panel, grid = self._panel(name)
        grid.addWidget(pad, 0, 0)
        return panel

    def _fill(self, grid: QGridLayout, prefix: str, choices: list[tuple[str, str, str]], handler,
              columns: int = 2, cls: str = "chip") -> None:
        """Choices as (key, label, accessible name) in ``columns``."""
        clear_layout(grid)
        for i, (key, text, said) in enumerate(choices):
            b = wrapping(f"{prefix}_{key}", cls)
            set_text(b, text, said)
            b.clicked.connect(lambda _=False, k=key: handler(k))
            grid.addWidget(b, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)

    def _open(self, panel: QFrame, key: str) -> None:
        opener = self.actions.get(key, self.pause_button)
        by_key = opener.hasFocus()  # a tap leaves the focus where it was; a key press had it here
        self._opener = opener
        self.left.setCurrentWidget(panel)
        if by_key:
            first = next((b for b in panel.findChildren(QPushButton) if b.isEnabled()
                          and b.focusPolicy() & Qt.FocusPolicy.TabFocus and b is not panel.cancel), panel.cancel)
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def show_ticket(self) -> None:
        """Back to the ticket card; a focus left in the closed panel goes back to its action."""
        panel = self.left.currentWidget()
        had_focus = panel is not self.card and panel.isAncestorOf(self.focusWidget())
        self.left.setCurrentWidget(self.card)
        for pad in (self.call_pad, self.revive_pad):
            pad.clear()
        opener, self._opener = self._opener, None
        if had_focus:
            target = opener if opener is not None and opener.isEnabled() else \
                next((b for b in self.actions.values() if b.isEnabled()), self.pause_button)
            target.setFocus(Qt.FocusReason.TabFocusReason)

    # --- actions ------------------------------------------------------------------------------

    def act(self, key: str) -> None:
        """A tap (or Enter) on an action button."""
        en = self.language.english
        if key == "transfer":
            cats = [(c.code, c.name_en if en else c.name, self.tr("转移到：{target}").format(
                target=c.name_en if en else c.name)) for c in self.hall.categories]
            self._fill(self.transfer_grid, "transfer_to", cats, self._transfer, columns=2)
            others = [w.number for w in self.hall.windows if w.number != self.counter.number]
            windows = [(f"w{n}", str(n), self.tr("转移到：{target}").format(target=self.tr("{n} 号窗口").format(n=n)))
                       for n in others]
            self._fill(self.transfer_windows, "transfer_to", windows, self._transfer,
                       columns=max(1, min(len(others), self._window_columns())), cls="chip window-chip")
            self._open(self.transfer_panel, key)
            return
        if key == "suspend":
            reasons = [(r.value, suspend_reason_text(r, self.language),
                        self.tr("挂起原因：{reason}").format(reason=suspend_reason_text(r, self.language)))
                       for r in SuspendReason]
            self._fill(self.suspend_grid, "suspend_reason", reasons, self._suspend)
            self._open(self.suspend_panel, key)
            return
        if key == "call_number":
            self._open(self.call_panel, key)
            return
        if key == "reactivate":
            self._open(self.revive_panel, key)
            return
        self._run({"call_next": self.counter.call_next, "recall": self.counter.recall, "start": self.counter.start,
                   "finish": self.counter.finish, "no_show": self.counter.no_show}[key], key)

    def _window_columns(self) -> int:
        """How many number-only window buttons fit side by side on a panel."""
        width = self.left.width() - 44 if self.left.width() > 100 else 690
        return max(1, (width + 8) // (WINDOW_CHIP + 8))

    def _run(self, action, key: str) -> None:
        try:
            result = action()
        except HallError as exc:
            self._say(lambda e=exc: error_text(e, self.language), True)
        except StoreError as exc:
            log.warning("window %s: %s not done: %s", self.counter.number, key, exc)
            self._say(lambda e=exc: store_error_text(e, self.language, staff=True), True)
        else:
            if key == "call_next" and result is None:
                self._say(lambda: self.tr("暂无等候的号码"), False)
            elif key == "recall" and result is not None and result.status == Status.NO_SHOW:
                self._say(lambda: self.tr("{number} 已呼叫 {n} 次未到，记为过号").format(
                    number=result.number, n=result.calls), False)
            else:
                self._say(str, False)
            self.show_ticket()
        self.bridge.refresh()  # this console and every other terminal of the process, at once

    def _transfer(self, key: str) -> None:
        if key.startswith("w"):
            self._run(lambda: self.counter.transfer_to_window(int(key[1:])), "transfer")
        else:
            self._run(lambda: self.counter.transfer(key), "transfer")

    def _suspend(self, reason: str) -> None:
        self._run(lambda: self.counter.suspend(reason), "suspend")

    def _call_number(self, number: str) -> None:
        self._run(lambda: self.counter.call_number(number), "call_number")

    def _reactivate(self, number: str) -> None:
        self._run(lambda: self.counter.reactivate(number), "reactivate")

    def _resume(self, ticket_id: int) -> None:
        self._run(lambda: self.counter.resume(ticket_id), "resume")

    def _pause_clicked(self) -> None:
        if self.view.paused is not None:
            self._run(self.counter.reopen, "reopen")
            return
        reasons = [(r.value, pause_reason_text(r, self.language),
                    self.tr("暂停原因：{reason}").format(reason=pause_reason_text(r, self.language)))
                   for r in PauseReason]
        self._fill(self.pause_grid, "pause_reason", reasons, lambda r: self._run(lambda: self.counter.pause(r), "pause"))
        self._open(self.pause_panel, "pause")

    def _connection(self, ok: bool, _message: str) -> None:
        if ok:
            self._say(lambda: self.tr("已重新连接数据库"), False)
        else:
            self._say(lambda: self.tr("数据库暂时无法连接，正在重试……"), True)
        self.refresh()  # offline, nothing can be done at the window: the actions wait

    def _say(self, text: Callable[[], str], error: bool) -> None:
        """Show a message; ``text`` words it (again after a language switch)."""
        self.message = (text, error)
        self._show_message()

    def _show_message(self) -> None:
        text, error = self.message
        said = text()
        # a problem is red and starts with ⚠: the mark says it to whoever cannot tell red from green
        self.feedback.setText(f"{WARNING} {said}" if error and said else said)
        self.feedback.setAccessibleName(self.tr("提示：{message}").format(message=said) if said else "")
        self.feedback.setProperty("class", "error" if error else "ok")
        restyle(self.feedback)

    # --- rendering ----------------------------------------------------------------------------

    def tab_label(self) -> tuple[str, str]:
        """This window's number and name in the console's language (its tab in ``kiosk hall``)."""
        w = self.counter.window
        return str(w.number), w.name_en if self.language.english else w.name

    def tabs_name(self) -> str:
        """What a screen reader calls the row of every window's tab in ``kiosk hall``."""
        return self.tr("各窗口叫号")

    def tab_name(self) -> str:
        """What a screen reader says for this console's tab."""
        number, name = self.tab_label()
        return self.tr("窗口叫号：{n} {name}").format(n=number, name=name)

    def retranslate(self) -> None:
        names = {"call_next": self.tr("叫号"), "recall": self.tr("重呼"), "start": self.tr("开始办理"),
                 "finish": self.tr("办结"), "no_show": self.tr("过号"), "transfer": self.tr("转移"),
                 "suspend": self.tr("挂起"), "call_number": self.tr("指定叫号"), "reactivate": self.tr("过号激活")}
        for key, b in self.actions.items():
            set_text(b, names[key])
        other = "中文" if self.language.english else "English"
        switch = self.tr("切换语言")  # (a tr() inside an f-string is invisible to lupdate)
        set_text(self.lang, other, f"{other} · {switch}")  # as the kiosk's: the name holds the label
        panels = {self.transfer_panel: (self.tr("转移到"), self.tr("号码和排队位置不变")),
                  self.suspend_panel: (self.tr("挂起原因"), self.tr("挂起期间可以先办下一位，之后点号码恢复办理。")),
                  self.pause_panel: (self.tr("暂停窗口的原因"), self.tr("暂停期间本窗口不叫号，大厅叫号屏会显示原因。")),
                  self.call_panel: (self.tr("指定叫号"), self.tr("输入号码：先点字母，再点数字。")),
                  self.revive_panel: (self.tr("过号激活"), self.tr("输入过号的号码，它重新排队。"))}
        for panel, (title, note) in panels.items():
            panel.title.setText(title)
            panel.note.setText(note)
            set_text(panel.cancel, self.tr("返回"))
        self.transfer_windows_title.setText(self.tr("或者转到窗口"))
        for pad in (self.call_pad, self.revive_pad):
            pad.retranslate(self.tr("确定"), self.tr("退格"), self.tr("输入的号码：{number}"), self.tr("还没有输入号码"))
        if self.left.currentWidget() in (self.transfer_panel, self.suspend_panel):  # its choices in the new language
            self.act("transfer" if self.left.currentWidget() is self.transfer_panel else "suspend")
        elif self.left.currentWidget() is self.pause_panel:
            self._pause_clicked()
        self._show_message()
        self.refresh()
        self.label_changed.emit()

    def refresh(self) -> None:
        """Show the hall as the bridge last read it."""
        self.show_rows(self.bridge.rows)

    def show_rows(self, rows: HallRows) -> None:
        self.view = view = console_view(rows, self.hall, self.counter.number)
        en = self.language.english
        w = self.counter.window
        self.title.setText(self.tr("{n} 号{name}").format(n=w.number, name=w.name_en if en else w.name))
        self.setAccessibleName(self.title.text())
        paused = view.paused
        self.current = view.current
        suspended = list(view.suspended)
        counts = view.waiting
        if not self.bridge.online:
            self.state.setText(self.tr("正在重新连接……"))
        elif paused is not None:
            self.state.setText(self.tr("暂停中：{reason}").format(reason=pause_reason_text(paused, self.language)))
        else:
            self.state.setText(self.tr("服务中"))
        set_text(self.pause_button, self.tr("恢复窗口") if paused is not None else self.tr("暂停窗口"))
        for key, b in self.panel_buttons.items():
            set_text(b, {"officers": self.tr("服务专员"), "appointments": self.tr("预约登记")}[key])
        t = self.current
        status = t.status if t else None
        enabled = {"call_next": t is None and paused is None, "recall": status == Status.CALLED,
                   "start": status == Status.CALLED, "finish": status == Status.SERVING,
                   "no_show": status == Status.CALLED, "transfer": t is not None, "suspend": status == Status.SERVING,
                   "call_number": t is None and paused is None, "reactivate": True}
        for key, b in self.actions.items():
            b.setEnabled(enabled[key] and self.bridge.online)
        self.pause_button.setEnabled(self.bridge.online)
        self._show_current(t, en, paused is not None, sum(counts.values()))
        self.suspended_title.setText(self.tr("挂起中（点号码恢复办理）：") if suspended else "")
        self.suspended_title.setVisible(bool(suspended))
        key = (tuple(s.id for s in suspended), t is None and self.bridge.online, en)
        if key != self._suspended_key:  # rebuilt only when it changes, not on every hall event
            self._suspended_key = key
            self._show_suspended(suspended, t is None and self.bridge.online)
        cats = {c.code: c for c in self.hall.categories}
        parts = [f"{cats[c].name_en if en else cats[c].name} {n}" for c, n in counts.items()]
        self.waiting.setText(self.tr("等候：") + " · ".join(parts))
        f = view.figures
        mean = "—" if f.mean_service_min is None else f"{f.mean_service_min:.1f}"
        self.figures.setText(self.tr("今日：办结 {served} · 过号 {no_show} · 平均办理 {mean} 分钟").format(
            served=f.served, no_show=f.no_shows, mean=mean))

    def _show_suspended(self, suspended: list[Ticket], free: bool) -> None:
        clear_layout(self.suspended_row)
        for t in suspended:
            b = button(f"console_resume_{t.number}", "chip")
            set_text(b, t.number, self.tr("恢复 {number}").format(number=t.number))
            b.setEnabled(free)
            b.clicked.connect(lambda _=False, tid=t.id: self._resume(tid))
            self.suspended_row.addWidget(b)
        if suspended:
            self.suspended_row.addStretch(1)

    def _show_current(self, t: Ticket | None, en: bool, paused: bool, waiting: int) -> None:
        # a change elsewhere in the hall refreshes this console: keep the checklist (and the ticks)
        # unless the ticket or the language changed
        key = (t.id if t else None, t.category if t else None, en)
        rebuild = key != self._materials_key
        self._materials_key = key
        if rebuild:
            clear_layout(self.materials)
            self.material_buttons, self.material_names = [], []
            self.materials_area.verticalScrollBar().setValue(0)  # a new ticket's checklist opens at its top
        self.ticket_box.setVisible(t is not None)
        self.idle_box.setVisible(t is None)
        if t is None:
            self.number.setText("—")
            self.status.setText("")
            for w in (self.badges, self.subject, self.detail, self.materials_title):
                w.setText("")
            self.idle_title.setText(self.tr("窗口暂停中，恢复后再叫号") if paused else self.tr("空闲：请叫号"))
            self.idle_hint.setText(self.tr("等候本窗口：{n} 人").format(n=waiting))
            self.card.setAccessibleName(self.idle_title.text())
            return
        self.number.setText(t.number)
        self.number.setAccessibleName(self.tr("当前号码：{number}").format(number=t.number))
        if t.status == Status.CALLED:
            self.status.setText(self.tr("已叫号（第 {n}/{max} 次）").format(n=t.calls, max=self.hall.policy.max_calls))
        else:
            self.status.setText(self.tr("办理中"))
        badges = []
        if t.green:
            badges.append(self.tr("绿色通道"))
        if t.appointment_at:
            badges.append(self.tr("预约"))
        self.badges.setText(" · ".join(badges))
        self.badges.setVisible(bool(badges))
        item = self.catalogue.by_code.get(t.item_code or "")
        bundle = self.catalogue.bundle_by_code.get(t.bundle_code or "")
        subject = (item.name_en if en else item.name) if item else (bundle.name_en if en else bundle.name) if bundle \
            else (self.hall.category(t.category).name_en if en else t.subject)
        self.subject.setText(subject)
        waited = max(0, int(((t.called_at or t.queued_at) - t.issued_at) // 60))
        issued = _dt.datetime.fromtimestamp(t.issued_at).strftime("%H:%M")
        self.detail.setText(self.tr("{time} 取号 · 等候 {m} 分钟 · {category}").format(
            time=issued, m=waited, category=self.hall.category(t.category).name_en if en
            else self.hall.category(t.category).name))
        self.card.setAccessibleName(self.tr("当前号码：{number}").format(number=t.number))
        mats = materials_for(self.catalogue, Request(item_code=t.item_code, bundle_code=t.bundle_code)) \
            if (item or bundle) else []
        self.materials_title.setText(self.tr("材料核对（收到一项点一项）") if mats else "")
        self.materials_area.setVisible(bool(mats))
        if not rebuild:
            return
        for i, m in enumerate(mats):
            b = wrapping(f"console_material_{i}", "check-small", checkable=True)
            tags = (self.tr("（电子证照）") if m.e_license else "") + (self.tr("（可容缺）") if m.deferrable else "")
            self.material_names.append((m.name_en if en else m.name) + tags)
            b.toggled.connect(lambda _on, b=b, i=i: self._show_material(b, i))
            self._show_material(b, i)
            self.materials.addWidget(b, i, 0)
            self.material_buttons.append(b)

    def _show_material(self, b: QPushButton, i: int) -> None:
        """A document's entry: ✓ and "received" in its name once ticked, □ and "not received" before."""
        name = self.material_names[i]
        if b.isChecked():
            set_text(b, f"{RECEIVED} {name}", self.tr("{material}：已收到").format(material=name))
        else:
            set_text(b, f"{NOT_RECEIVED} {name}", self.tr("{material}：未收到").format(material=name))


def make_console(counter: Counter, catalogue: Catalogue, bridge, language: Language, clock,
                 promises: Promises | None = None) -> ConsoleWindow:
    w = ConsoleWindow(counter=counter, catalogue=catalogue, bridge=bridge, language=language, clock=clock,
                      promises=promises)
    w.resize(*REFERENCE_SIZE)
    return w
