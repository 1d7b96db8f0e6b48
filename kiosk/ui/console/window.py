"""The window console (窗口叫号), landscape 1280×800: call next, recall, start, finish, no-show,
transfer, suspend / resume, call a given number, reactivate a no-show, pause the window; the
current ticket with its materials checklist; what waits for this window; today's figures."""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.lifecycle import HallError, PauseReason, Status, SuspendReason, Ticket
from kiosk.domain.ports import HallRows, StoreError
from kiosk.domain.views import ConsoleView, console_view
from kiosk.ui.kiosk.screens.item import materials_for
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language, Retranslating
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, named, scroll, set_text
from kiosk.ui.shared.words import error_text, pause_reason_text, store_error_text, suspend_reason_text

log = logging.getLogger(__name__)

REFERENCE_SIZE = (1280, 800)


class NumberPad(QWidget):
    """Prefix letters and digits for a ticket number such as A012; emits ``entered(str)``."""

    entered = Signal(str)

    def __init__(self, prefixes: list[str], prefix: str):
        super().__init__()
        self.setObjectName(f"{prefix}_pad")
        self.text = ""
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.display = label(cls="h2", wrap=False)
        self.display.setObjectName(f"{prefix}_display")
        grid.addWidget(self.display, 0, 0, 1, 6)
        for i, p in enumerate(prefixes):
            b = button(f"{prefix}_letter_{p}", "key")
            set_text(b, p)
            b.clicked.connect(lambda _=False, c=p: self._set(c))
            grid.addWidget(b, 1, i)
        for i, d in enumerate("1234567890"):
            b = button(f"{prefix}_digit_{d}", "key")
            set_text(b, d)
            b.clicked.connect(lambda _=False, c=d: self._set(self.text + c if self.text and len(self.text) < 5 else self.text))
            grid.addWidget(b, 2 + i // 5, i % 5)
        self.back = button(f"{prefix}_back", "key")
        self.back.clicked.connect(lambda: self._set(self.text[:-1]))
        grid.addWidget(self.back, 2, 5)
        self.ok = button(f"{prefix}_ok", "primary")
        self.ok.clicked.connect(lambda: self.entered.emit(self.text))
        grid.addWidget(self.ok, 3, 5)
        self._set("")

    def _set(self, text: str) -> None:
        self.text = text
        self.display.setText(text or "—")
        self.ok.setEnabled(len(text) >= 2)

    def retranslate(self, ok_text: str, back_text: str) -> None:
        set_text(self.ok, ok_text)
        set_text(self.back, back_text)


class ConsoleWindow(Retranslating, QWidget):
    """Window ``counter.number``'s console. Subscribes to the change bridge; never polls."""

    def __init__(self, *, counter: Counter, catalogue: Catalogue, bridge: ChangeBridge, language: Language,
                 clock: Callable[[], _dt.datetime]):
        super().__init__()
        self.counter, self.catalogue, self.language, self.clock = counter, catalogue, language, clock
        self.bridge = bridge
        self.hall = counter.hall
        self.view = ConsoleView(counter.number)
        self.current: Ticket | None = None
        self.message: tuple[Callable[[], str], bool] = (str, False)
        self._materials_key: tuple | None = ()
        self._suspended_key: tuple | None = None
        self.setObjectName("ConsoleRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        head = classed(QFrame(), "header")
        hl = QHBoxLayout(head)
        hl.setContentsMargins(24, 10, 24, 10)
        self.title = label(cls="h2", wrap=False)
        self.state = label(wrap=False)
        self.lang = button("console_language", "nav")
        self.lang.clicked.connect(lambda: self.language.set(ZH if self.language.english else EN))
        self.pause_button = button("console_pause", "nav")
        self.pause_button.clicked.connect(self._pause_clicked)
        for b in (self.lang, self.pause_button):
            b.setSizePolicy(b.sizePolicy().Policy.Fixed, b.sizePolicy().Policy.Fixed)
        hl.addWidget(self.title)
        hl.addWidget(self.state, 1)
        hl.addWidget(self.pause_button)
        hl.addWidget(self.lang)
        root.addWidget(head)

        body = QHBoxLayout()
        body.setContentsMargins(20, 16, 20, 12)
        body.setSpacing(18)
        root.addLayout(body, 1)

        # left: the current ticket, or a panel (transfer, suspend, number pad ...)
        self.left = QStackedWidget()
        body.addWidget(self.left, 3)
        card = classed(QFrame(), "card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(22, 16, 22, 16)
        cl.setSpacing(8)
        top = QHBoxLayout()
        self.number = label(cls="console-number", wrap=False)
        self.number.setObjectName("console_number")
        top.addWidget(self.number)
        info = QVBoxLayout()
        self.status = label(cls="h2")
        self.status.setObjectName("console_status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.badges = label(cls="badge-green")
        info.addWidget(self.status)
        info.addWidget(self.badges)
        info.addStretch(1)
        top.addLayout(info, 1)
        cl.addLayout(top)
        self.subject = label(cls="big")
        self.detail = label(cls="muted")
        cl.addWidget(self.subject)
        cl.addWidget(self.detail)
        self.materials_title = label(cls="h2")
        cl.addWidget(self.materials_title)
        holder = QWidget()
        self.materials = QGridLayout(holder)
        self.materials.setContentsMargins(0, 0, 0, 0)
        self.materials.setSpacing(6)
        self.materials.setAlignment(Qt.AlignmentFlag.AlignTop)
        cl.addWidget(scroll(holder), 1)
        self.material_buttons: list = []
        self.suspended_title = label(cls="muted")
        cl.addWidget(self.suspended_title)
        self.suspended_row = QHBoxLayout()
        cl.addLayout(self.suspended_row)
        self.left.addWidget(card)

        self.transfer_panel, self.transfer_grid = self._panel("transfer")
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
        right = QGridLayout()
        right.setSpacing(10)
        body.addLayout(right, 2)
        self.actions: dict[str, object] = {}
        layout = (("call_next", "primary", 0, 0, 2), ("recall", "", 1, 0, 1), ("no_show", "danger", 1, 1, 1),
                  ("start", "", 2, 0, 1), ("finish", "", 2, 1, 1), ("transfer", "", 3, 0, 1),
                  ("suspend", "", 3, 1, 1), ("call_number", "", 4, 0, 1), ("reactivate", "", 4, 1, 1))
        for key, cls, row, col, span in layout:
            b = button(f"console_{key}", cls, wrap=True)
            b.clicked.connect(lambda _=False, k=key: self.act(k))
            right.addWidget(b, row, col, 1, span)
            self.actions[key] = b
        self.feedback = label(cls="error")
        self.feedback.setObjectName("console_message")
        right.addWidget(self.feedback, 5, 0, 1, 2)
        right.setRowStretch(6, 1)

        foot = classed(QFrame(), "footer")
        fl = QHBoxLayout(foot)
        fl.setContentsMargins(24, 8, 24, 8)
        self.waiting = label(wrap=False)
        self.waiting.setObjectName("console_waiting")
        self.figures = label(wrap=False)
        self.figures.setObjectName("console_figures")
        self.figures.setAlignment(Qt.AlignmentFlag.AlignRight)
        fl.addWidget(self.waiting, 1)
        fl.addWidget(self.figures, 1)
        root.addWidget(foot)

        bridge.changed.connect(self.show_rows)
        bridge.connection_changed.connect(self._connection)
        self.retranslate()

    # --- panels -------------------------------------------------------------------------------

    def _panel(self, name: str) -> tuple[QWidget, QGridLayout]:
        panel = classed(QFrame(), "card")
        panel.setObjectName(f"console_{name}_panel")
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(22, 16, 22, 16)
        title = label(cls="h2")
        title.setObjectName(f"console_{name}_title")
        lay.addWidget(title)
        grid = QGridLayout()
        grid.setSpacing(10)
        lay.addLayout(grid)
        lay.addStretch(1)
        cancel = button(f"console_{name}_cancel")
        cancel.clicked.connect(self.show_ticket)
        lay.addWidget(cancel)
        panel.title, panel.cancel = title, cancel
        self.left.addWidget(panel)
        return panel, grid

    def _pad_panel(self, pad: NumberPad, name: str) -> QWidget:
        panel, grid = self._panel(name)
        grid.addWidget(pad, 0, 0)
        return panel

    def _fill(self, grid: QGridLayout, prefix: str, choices: list[tuple[str, str]], handler, columns: int = 2) -> None:
        clear_layout(grid)
        for i, (key, text) in enumerate(choices):
            b = button(f"{prefix}_{key}", "chip", wrap=True)
            set_text(b, text)
            b.clicked.connect(lambda _=False, k=key: handler(k))
            grid.addWidget(b, i // columns, i % columns)

    def show_ticket(self) -> None:
        self.left.setCurrentIndex(0)

    # --- actions ------------------------------------------------------------------------------

    def act(self, key: str) -> None:
        """A tap on an action button."""
        en = self.language.english
        if key == "transfer":
            choices = [(c.code, c.name_en if en else c.name) for c in self.hall.categories]
            choices += [(f"w{w.number}", self.tr("{n} 号窗口").format(n=w.number)) for w in self.hall.windows
                        if w.number != self.counter.number]
            self._fill(self.transfer_grid, "transfer_to", choices, self._transfer, columns=3)
            self.left.setCurrentWidget(self.transfer_panel)
            return
        if key == "suspend":
            reasons = [(r.value, suspend_reason_text(r, self.language)) for r in SuspendReason]
            self._fill(self.suspend_grid, "suspend_reason", reasons, self._suspend)
            self.left.setCurrentWidget(self.suspend_panel)
            return
        if key == "call_number":
            self.left.setCurrentWidget(self.call_panel)
            return
        if key == "reactivate":
            self.left.setCurrentWidget(self.revive_panel)
            return
        self._run({"call_next": self.counter.call_next, "recall": self.counter.recall, "start": self.counter.start,
                   "finish": self.counter.finish, "no_show": self.counter.no_show}[key], key)

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
        self._fill(self.pause_grid, "pause_reason", [(r.value, pause_reason_text(r, self.language)) for r in PauseReason],
                   lambda r: self._run(lambda: self.counter.pause(r), "pause"))
        self.left.setCurrentWidget(self.pause_panel)

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
        self.feedback.setText(text())
        self.feedback.setProperty("class", "error" if error else "ok")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)

    # --- rendering ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {"call_next": self.tr("叫号"), "recall": self.tr("重呼"), "start": self.tr("开始办理"),
                 "finish": self.tr("办结"), "no_show": self.tr("过号"), "transfer": self.tr("转移"),
                 "suspend": self.tr("挂起"), "call_number": self.tr("指定叫号"), "reactivate": self.tr("过号激活")}
        for key, b in self.actions.items():
            set_text(b, names[key])
        set_text(self.lang, "中文" if self.language.english else "English", self.tr("切换语言"))
        self.transfer_panel.title.setText(self.tr("转移到哪个业务或窗口？号码和排队位置不变"))
        self.suspend_panel.title.setText(self.tr("挂起原因（挂起期间可以先办下一位）"))
        self.pause_panel.title.setText(self.tr("暂停窗口的原因"))
        self.call_panel.title.setText(self.tr("指定叫号：输入号码"))
        self.revive_panel.title.setText(self.tr("过号激活：输入号码，重新排队"))
        for panel in (self.transfer_panel, self.suspend_panel, self.pause_panel, self.call_panel, self.revive_panel):
            set_text(panel.cancel, self.tr("返回"))
        for pad in (self.call_pad, self.revive_pad):
            pad.retranslate(self.tr("确定"), self.tr("退格"))
        self._show_message()
        self.refresh()

    def refresh(self) -> None:
        """Show the hall as the bridge last read it."""
        self.show_rows(self.bridge.rows)

    def show_rows(self, rows: HallRows) -> None:
        self.view = view = console_view(rows, self.hall, self.counter.number)
        en = self.language.english
        w = self.counter.window
        self.title.setText(self.tr("{n} 号{name}").format(n=w.number, name=w.name_en if en else w.name))
        paused = view.paused
        self.current = view.current
        suspended = list(view.suspended)
        counts = view.waiting
        self.state.setText(self.tr("暂停中：{reason}").format(reason=pause_reason_text(paused, self.language))
                           if paused is not None else self.tr("服务中"))
        set_text(self.pause_button, self.tr("恢复窗口") if paused is not None else self.tr("暂停窗口"))
        t = self.current
        status = t.status if t else None
        enabled = {"call_next": t is None and paused is None, "recall": status == Status.CALLED,
                   "start": status == Status.CALLED, "finish": status == Status.SERVING,
                   "no_show": status == Status.CALLED, "transfer": t is not None, "suspend": status == Status.SERVING,
                   "call_number": t is None and paused is None, "reactivate": True}
        for key, b in self.actions.items():
            b.setEnabled(enabled[key] and self.bridge.online)
        self.pause_button.setEnabled(self.bridge.online)
        self._show_current(t, en, paused is not None)
        self.suspended_title.setText(self.tr("挂起中（点一下恢复办理）：") if suspended else "")
        key = (tuple(s.id for s in suspended), t is None, en)
        if key != self._suspended_key:  # rebuilt only when it changes, not on every hall event
            self._suspended_key = key
            self._show_suspended(suspended, t is None)
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

    def _show_current(self, t: Ticket | None, en: bool, paused: bool) -> None:
        # a change elsewhere in the hall refreshes this console: keep the checklist (and the ticks)
        # unless the ticket or the language changed
        key = (t.id if t else None, t.category if t else None, en)
        rebuild = key != self._materials_key
        self._materials_key = key
        if rebuild:
            clear_layout(self.materials)
            self.material_buttons = []
        if t is None:
            self.number.setText("—")
            self.status.setText(self.tr("窗口暂停中，恢复后再叫号") if paused else self.tr("空闲：请叫号"))
            for w in (self.badges, self.subject, self.detail, self.materials_title):
                w.setText("")
            self.badges.hide()
            return
        self.number.setText(t.number)
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
        mats = materials_for(self.catalogue, Request(item_code=t.item_code, bundle_code=t.bundle_code)) \
            if (item or bundle) else []
        self.materials_title.setText(self.tr("材料核对（收到一项点一项）") if mats else "")
        if not rebuild:
            return
        for i, m in enumerate(mats):
            b = button(f"console_material_{i}", "check-small", checkable=True, wrap=True)
            b.setMinimumHeight(60)  # inside a scroll area the QSS minimum alone is not honoured
            tags = (self.tr("（电子证照）") if m.e_license else "") + (self.tr("（可容缺）") if m.deferrable else "")
            set_text(b, (m.name_en if en else m.name) + tags)
            self.materials.addWidget(b, i, 0)
            self.material_buttons.append(b)


def make_console(counter: Counter, catalogue: Catalogue, bridge, language: Language, clock) -> ConsoleWindow:
    w = ConsoleWindow(counter=counter, catalogue=catalogue, bridge=bridge, language=language, clock=clock)
    named(w, f"console_{counter.number}")
    w.resize(*REFERENCE_SIZE)
    return w
