"""The facilitator's window (1280×800, on the second screen when there is one): a live, scaled
view of the participant's kiosk with their taps, the task running with its clock, condition and
progress, the marks (开始 F5, 成功 F6, 失败 F7, 跳过 F8, 备注 F9), the next participant (Ctrl+N),
fault switches and a short live log of the record.

A staff window in its own language (a terminal is a context: switching it changes nothing on the
kiosk) and the normal look. Every control has an objectName and an accessibleName and is reached
by Tab; the hotkeys work whichever of the two windows has the focus (the participant may have just
tapped the kiosk).
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.hall import Hall
from kiosk.ui.shared.accessible import announce
from kiosk.ui.shared.i18n import EN, ZH, Language, Retranslating
from kiosk.ui.shared.widgets import ElidedLabel, button, classed, label, named, restyle, set_text
from kiosk.ui.study.controller import ParticipantError, StudyController, next_code
from kiosk.usability.events import Event, Fault, Kind, Outcome
from kiosk.usability.session import Ended

REFERENCE_SIZE = (1280, 800)
#: the live view: how often the kiosk is drawn again (ms) and how long a tap stays (s)
FRAME_MS = 300
TAP_FADE_S = 3.0
LOG_LINES = 200
#: events the live log leaves out (the record has them): a release (its press is there), focus, voice
QUIET = frozenset({Kind.RELEASE, Kind.FOCUS, Kind.VOICE})
#: the info the live log shows of an event (the record has it all)
LOGGED = frozenset({"outcome", "by", "what", "item", "bundle", "level", "fault", "category", "seconds", "how",
                    "instrument", "value", "reason"})
VIEW_SIZE = QSize(300, 533)  # the kiosk's 9:16; the live log under it


class LiveView(QWidget):
    """The kiosk, scaled, redrawn a few times a second, with the taps the record holds as dots
    that fade (blue on a control, red on nothing that takes a tap)."""

    def __init__(self, clock=time.monotonic):
        super().__init__()
        named(self, "facilitator_live")
        self.setFixedSize(VIEW_SIZE)
        self.clock = clock
        self.kiosk: QWidget | None = None
        self.frame = QPixmap()
        self.taps: deque[tuple[float, int, int, bool]] = deque(maxlen=40)
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def set_kiosk(self, kiosk: QWidget | None) -> None:
        self.kiosk = kiosk
        self.taps.clear()
        self.refresh()

    def tap(self, x: int, y: int, interactive: bool) -> None:
        self.taps.append((self.clock(), x, y, interactive))
        self.update()

    def _box(self) -> QRectF:
        k = self.kiosk
        if k is None or k.width() <= 0:
            return QRectF(self.rect())
        s = min(self.width() / k.width(), self.height() / k.height())
        w, h = k.width() * s, k.height() * s
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def refresh(self) -> None:
        k = self.kiosk
        if k is None or not self.isVisible():
            return
        try:
            box = self._box()
            ratio = self.devicePixelRatioF()
            frame = QPixmap(int(box.width() * ratio), int(box.height() * ratio))
            frame.setDevicePixelRatio(ratio)
            frame.fill(QColor("#f4f6fa"))
            p = QPainter(frame)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.scale(box.width() / k.width(), box.height() / k.height())
            k.render(p, QPoint())  # drawn straight at the small size: no full-size copy
            p.end()
        except RuntimeError:  # the kiosk was deleted (the next participant's is coming)
            self.kiosk = None
            return
        self.frame = frame
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#1a1a1a"))
        box = self._box()
        if not self.frame.isNull():
            p.drawPixmap(box.topLeft(), self.frame)
        k = self.kiosk
        if k is not None and k.width() > 0:
            s = box.width() / k.width()
            now = self.clock()
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            for t, x, y, interactive in self.taps:
                age = now - t
                if age > TAP_FADE_S:
                    continue
                alpha = int(230 * (1 - age / TAP_FADE_S))
                colour = QColor("#0c4393" if interactive else "#c0271d")
                colour.setAlpha(alpha)
                p.setPen(QPen(QColor(255, 255, 255, alpha), 2))
                p.setBrush(colour)
                p.drawEllipse(QPointF(box.x() + x * s, box.y() + y * s), 9, 9)
        p.end()


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class FacilitatorWindow(Retranslating, QWidget):
    closed = Signal()  # the facilitator closed the window: the session ends (kiosk study quits)

    def __init__(self, controller: StudyController, catalogue: Catalogue, hall: Hall, language: Language):
        super().__init__()
        self.controller, self.catalogue, self.hall, self.language = controller, catalogue, hall, language
        self.setObjectName("FacilitatorRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.note_at = 0.0  # when F9 was pressed (the note's time in the record is when it is saved)
        self.status: tuple[str, str] = ("", "")  # (what, class) of the status line
        self.ended_by = ""  # who ended the last task: "app" (the kiosk's own event), "facilitator", "clock"
        self._params_for = ""  # the task the fault parameters were set for
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        head = classed(QFrame(), "header")
        hl = QHBoxLayout(head)
        hl.setContentsMargins(20, 8, 20, 8)
        hl.setSpacing(12)
        self.title = classed(ElidedLabel(), "h2")  # a long study title is drawn smaller, then ends in …
        self.title.setObjectName("facilitator_title")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.who = label(cls="h2", wrap=False)
        self.who.setObjectName("facilitator_participant")
        self.next_button = button("facilitator_next_participant", "nav")
        self.next_button.clicked.connect(self.ask_next)
        self.lang = button("facilitator_language", "nav")
        self.lang.clicked.connect(lambda: self.language.set(ZH if self.language.english else EN))
        for b in (self.next_button, self.lang):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        hl.addWidget(self.title, 1)
        hl.addWidget(self.who)
        hl.addWidget(self.next_button)
        hl.addWidget(self.lang)
        root.addWidget(head)

        body = QHBoxLayout()
        body.setContentsMargins(16, 10, 16, 10)
        body.setSpacing(16)
        root.addLayout(body, 1)
        left = QVBoxLayout()
        left.setSpacing(4)
        body.addLayout(left)
        self.live = LiveView()
        left.addWidget(self.live)
        right = QVBoxLayout()
        right.setSpacing(6)
        body.addLayout(right, 1)

        # the task
        card = classed(QFrame(), "card")
        card.setObjectName("facilitator_task_card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(18, 6, 18, 6)
        cl.setSpacing(2)
        self.progress = label(cls="muted")
        self.progress.setObjectName("facilitator_progress")
        self.task_title = label(cls="lead")
        self.task_title.setObjectName("facilitator_task_title")
        self.task_zh = label()
        self.task_zh.setObjectName("facilitator_task_zh")
        self.task_en = label(cls="muted")
        self.task_en.setObjectName("facilitator_task_en")
        for lab in (self.progress, self.task_title, self.task_zh, self.task_en):
            lab.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            cl.addWidget(lab)
        line = QHBoxLayout()
        self.timer_label = label(cls="h2", wrap=False)
        self.timer_label.setObjectName("facilitator_timer")
        self.status_label = label()
        self.status_label.setObjectName("facilitator_status")
        line.addWidget(self.timer_label)
        line.addSpacing(16)
        line.addWidget(self.status_label, 1)
        cl.addLayout(line)
        self.phase = label(cls="muted")
        self.phase.setObjectName("facilitator_phase")
        cl.addWidget(self.phase)
        self.top = QStackedWidget()
        self.top.setObjectName("facilitator_top")
        self.top.addWidget(card)
        right.addWidget(self.top, 1)  # the task's words get every pixel the rest leaves

        # the marks
        self.bar = QStackedWidget()  # the marks, or the note being written (F9)
        self.bar.setObjectName("facilitator_bar")
        marks_row = QWidget()
        marks_row.setObjectName("facilitator_marks")
        marks = QHBoxLayout(marks_row)
        marks.setContentsMargins(0, 0, 0, 0)
        marks.setSpacing(8)
        self.marks: dict[str, QPushButton] = {}
        for key, cls, slot in (("start", "primary", self.start), ("success", "", lambda: self.end(Outcome.SUCCESS)),
                               ("fail", "danger", lambda: self.end(Outcome.FAIL)),
                               ("skip", "", lambda: self.end(Outcome.SKIP)), ("note", "", self.open_note)):
            b = button(f"facilitator_{key}", cls)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.clicked.connect(slot)
            marks.addWidget(b)
            self.marks[key] = b
        self.bar.addWidget(marks_row)
        right.addWidget(self.bar)

        # 备注 (F9) and the next participant (Ctrl+N): a row each, shown when asked for
        self.note_row = QWidget()
        self.note_row.setObjectName("facilitator_note_row")
        nl = QHBoxLayout(self.note_row)
        nl.setContentsMargins(0, 0, 0, 0)
        self.note_time = label(wrap=False)
        self.note_time.setObjectName("facilitator_note_time")
        self.note_field = QLineEdit()
        named(self.note_field, "facilitator_note_field")
        self.note_field.returnPressed.connect(self.save_note)
        self.note_save = button("facilitator_note_save")
        self.note_save.clicked.connect(self.save_note)
        self.note_cancel = button("facilitator_note_cancel")
        self.note_cancel.clicked.connect(self.close_note)
        for b in (self.note_save, self.note_cancel):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        nl.addWidget(self.note_time)
        nl.addWidget(self.note_field, 1)
        nl.addWidget(self.note_save)
        nl.addWidget(self.note_cancel)
        self.bar.addWidget(self.note_row)
        QShortcut(QKeySequence("Escape"), self.note_field, self.close_note, Qt.ShortcutContext.WidgetShortcut)

        self.next_row = classed(QFrame(), "card")
        self.next_row.setObjectName("facilitator_next_row")
        xl = QGridLayout(self.next_row)
        xl.setContentsMargins(18, 12, 18, 12)
        xl.setVerticalSpacing(12)
        self.next_label = label(cls="lead", wrap=False)
        self.next_label.setObjectName("facilitator_next_label")
        self.next_field = QLineEdit()
        named(self.next_field, "facilitator_next_code")
        self.next_field.returnPressed.connect(self.begin_next)
        self.next_ok = button("facilitator_next_ok", "primary")
        self.next_ok.clicked.connect(self.begin_next)
        self.next_cancel = button("facilitator_next_cancel")
        self.next_cancel.clicked.connect(self.cancel_next)
        for b in (self.next_ok, self.next_cancel):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.next_error = label(cls="error")
        self.next_error.setObjectName("facilitator_next_error")
        self.next_hint = label(cls="muted")
        self.next_hint.setObjectName("facilitator_next_hint")
        xl.addWidget(self.next_label, 0, 0, 1, 4)
        xl.addWidget(self.next_field, 1, 0, 1, 2)
        xl.addWidget(self.next_ok, 1, 2)
        xl.addWidget(self.next_cancel, 1, 3)
        xl.addWidget(self.next_hint, 2, 0, 1, 4)
        xl.addWidget(self.next_error, 3, 0, 1, 4)
        xl.setColumnStretch(1, 1)
        xl.setRowStretch(4, 1)
        self.top.addWidget(self.next_row)

        # the fault switches, their parameters in the title's row
        faults = classed(QFrame(), "card")
        faults.setObjectName("facilitator_faults")
        fl = QGridLayout(faults)
        fl.setContentsMargins(12, 4, 12, 6)
        fl.setSpacing(6)
        self.faults_title = label(cls="lead", wrap=False)
        self.faults_title.setObjectName("facilitator_faults_title")
        top_row = QHBoxLayout()  # the title, then the parameters the switches take
        top_row.setSpacing(8)
        top_row.addWidget(self.faults_title)
        fl.addLayout(top_row, 0, 0, 1, 3)
        self.fault_buttons: dict[Fault, QPushButton] = {}
        for i, fault in enumerate(Fault):
            b = button(f"facilitator_fault_{fault.value}", "chip", checkable=True)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda on, f=fault: self.switch(f, on))
            fl.addWidget(b, 1 + i // 3, i % 3)  # under the title row, which holds their parameters
            self.fault_buttons[fault] = b
        self.quota_item = QComboBox()
        named(self.quota_item, "facilitator_fault_item")
        for item in catalogue.items:
            self.quota_item.addItem(f"{item.code} {item.name}", item.code)
        self.paused_category = QComboBox()
        named(self.paused_category, "facilitator_fault_category")
        for cat in hall.categories:
            self.paused_category.addItem(cat.name, cat.code)
        self.slow_seconds = QSpinBox()
        named(self.slow_seconds, "facilitator_fault_seconds")
        self.slow_seconds.setRange(1, 30)
        self.slow_seconds.setValue(3)
        for box in (self.quota_item, self.paused_category):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)  # a long item name never widens the window
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # each list says what it is for: its label is its buddy (on Linux a combo box's accessible name
        # is its current choice, and a screen reader says what it is for from the label that names it)
        self.quota_item_label = label(wrap=False)
        self.quota_item_label.setObjectName("facilitator_fault_item_label")
        self.quota_item_label.setBuddy(self.quota_item)
        self.paused_category_label = label(wrap=False)
        self.paused_category_label.setObjectName("facilitator_fault_category_label")
        self.paused_category_label.setBuddy(self.paused_category)
        top_row.addSpacing(4)
        top_row.addWidget(self.quota_item_label)
        top_row.addWidget(self.quota_item, 5)
        top_row.addWidget(self.paused_category_label)
        top_row.addWidget(self.paused_category, 3)
        top_row.addWidget(self.slow_seconds, 0)
        right.addWidget(faults)

        # the live log, under the live view
        self.log_title = label(cls="lead", wrap=False)
        self.log_title.setObjectName("facilitator_log_title")
        self.log = QListWidget()
        named(self.log, "facilitator_log")
        self.log.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.log.setWordWrap(True)
        self.log.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.log.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.log.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.log.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.log.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.log.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.log.setFixedWidth(VIEW_SIZE.width())
        self.log.setMinimumHeight(60)  # it takes what the live view leaves
        left.addWidget(self.log_title)
        left.addWidget(self.log, 1)

        # hotkeys: whichever window has the focus
        self.shortcuts: dict[str, QShortcut] = {}
        for keys, target in (("F5", self.marks["start"]), ("F6", self.marks["success"]), ("F7", self.marks["fail"]),
                             ("F8", self.marks["skip"]), ("F9", self.marks["note"]),
                             ("Ctrl+N", self.next_button)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(lambda b=target: b.click() if b.isEnabled() else None)
            self.shortcuts[keys] = sc

        # Tab: the marks, the fault switches and their parameters, the log, then the header
        chain = [*self.marks.values(), self.note_field, self.note_save, self.note_cancel, self.next_field, self.next_ok,
                 self.next_cancel, *self.fault_buttons.values(), self.quota_item, self.paused_category,
                 self.slow_seconds, self.log, self.next_button, self.lang]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

        controller.kiosk_changed.connect(self.live.set_kiosk)
        controller.heard.connect(self.heard)
        controller.task_ended.connect(self.task_ended)
        controller.changed.connect(self.show_state)
        controller.ticked.connect(self.show_clock)
        controller.problem.connect(self._problem)
        if controller.kiosk is not None:
            self.live.set_kiosk(controller.kiosk)
        self.show_state()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.focusWidget() is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # no ring on a control nobody chose
        for sc in self.shortcuts.values():
            sc.setEnabled(True)

    def closeEvent(self, event) -> None:  # noqa: N802
        super().closeEvent(event)
        self.closed.emit()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        for sc in self.shortcuts.values():  # a closed window's keys are nobody's (no ambiguous F5)
            sc.setEnabled(False)

    # --- the facilitator's actions -------------------------------------------------------------------

    def start(self) -> None:
        if self.controller.start_task() is not None:
            self._set_status("", "")
        self.show_state()

    def end(self, outcome: Outcome) -> None:
        self.controller.end_task(outcome)

    def open_note(self) -> None:
        s = self.controller.session
        self.note_at = s.now() if s is not None else 0.0
        self.note_time.setText(f"[{_clock(self.note_at)}]")
        self.bar.setCurrentWidget(self.note_row)
        self.activateWindow()
        self.note_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_note(self) -> None:
        text = self.note_field.text()
        if self.controller.note(f"[{_clock(self.note_at)}] {text}" if text.strip() else "") is not None:
            self.close_note()

    def close_note(self) -> None:
        self.note_field.clear()
        self.bar.setCurrentIndex(0)

    @property
    def noting(self) -> bool:
        return self.bar.currentWidget() is self.note_row

    def switch(self, fault: Fault, on: bool) -> None:
        param: dict[str, str | int] = {}
        if fault is Fault.QUOTA:
            param["item"] = str(self.quota_item.currentData())
        elif fault is Fault.PAUSED:
            param["category"] = str(self.paused_category.currentData())
        elif fault is Fault.SLOW_STORE:
            param["seconds"] = self.slow_seconds.value()
        if not self.controller.set_fault(fault, on, **param):
            self.fault_buttons[fault].setChecked(not on)
        self.show_state()

    def ask_next(self) -> None:
        self.next_field.setText(next_code(self.controller.directory, self.controller.code))
        self.next_error.setText("")
        self.top.setCurrentWidget(self.next_row)
        self.activateWindow()
        self.next_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.next_field.selectAll()

    def begin_next(self) -> None:
        try:
            self.controller.next_participant(self.next_field.text())
        except ParticipantError as exc:
            self.next_error.setText(str(exc))
            return
        self.top.setCurrentIndex(0)
        self.close_note()
        self.log.clear()
        self._set_status("", "")
        self.show_state()

    def cancel_next(self) -> None:
        self.top.setCurrentIndex(0)

    @property
    def asking_next(self) -> bool:
        return self.top.currentWidget() is self.next_row

    # --- what the controller says ---------------------------------------------------------------------

    def heard(self, event: Event) -> None:
        if event.kind is Kind.PRESS and event.x is not None and event.y is not None:
            self.live.tap(event.x, event.y, bool(event.interactive))
        if event.kind is Kind.TASK_END:
            self.ended_by = str(event.info.get("by", ""))  # heard before the task's end is told
        if event.kind in QUIET:
            return  # the press says where; the log keeps its few lines for what happened
        parts = [event.kind.value, event.widget or (event.screen if event.kind is Kind.SCREEN else "")]
        parts += [str(v) if k in ("outcome", "what", "fault", "how", "instrument") else f"{k}={v}"
                  for k, v in event.info.items() if k in LOGGED and v not in ("", None)]
        if event.kind is Kind.NOTE:
            parts.append(str(event.info.get("text", "")))
        self.log.addItem(f"{_clock(event.t)}  " + "  ".join(p for p in parts if p))
        while self.log.count() > LOG_LINES:
            self.log.takeItem(0)
        self.log.scrollToBottom()

    def task_ended(self, ended: Ended) -> None:
        by_kiosk = ended.outcome is Outcome.SUCCESS and self.ended_by == "app"
        words = {Outcome.SUCCESS: self.tr("✓ 成功"), Outcome.FAIL: self.tr("× 失败"), Outcome.SKIP: self.tr("跳过"),
                 Outcome.TIMEOUT: self.tr("× 超时")}[ended.outcome]
        if by_kiosk:
            words = self.tr("✓ 成功（自助机自动判定）")
        en = self.language.english
        text = self.tr("{task}：{outcome} · {time}").format(task=ended.task.title_en if en else ended.task.title,
                                                          outcome=words, time=_clock(ended.seconds))
        self._set_status(text, "ok" if ended.outcome is Outcome.SUCCESS else "error")
        announce(self.status_label, text)  # heard, wherever the facilitator's screen reader is

    def _problem(self, text: str) -> None:
        self._set_status(f"⚠ {text}", "error")
        announce(self.status_label, self.status_label.text(), assertive=True)

    def _set_status(self, text: str, cls: str) -> None:
        self.status = (text, cls)
        self.status_label.setText(text)
        classed(self.status_label, cls)
        restyle(self.status_label)

    def show_state(self) -> None:
        c = self.controller
        s = c.session
        running = s is not None and s.task is not None
        active = s is not None and not s.finished
        self.marks["start"].setEnabled(c.can_start)
        for key in ("success", "fail", "skip"):
            self.marks[key].setEnabled(running)
        self.marks["note"].setEnabled(active)
        for fault, b in self.fault_buttons.items():
            b.setEnabled(active)
            b.setChecked(s is not None and fault in s.faults)
        self.quota_item.setEnabled(active and not (s is not None and Fault.QUOTA in s.faults))
        self.paused_category.setEnabled(active and not (s is not None and Fault.PAUSED in s.faults))
        self.slow_seconds.setEnabled(active and not (s is not None and Fault.SLOW_STORE in s.faults))
        task = c.task
        if task is not None and task.id != self._params_for:
            self._params_for = task.id
            self._default_params()
        self.retranslate()

    def _default_params(self) -> None:
        """The fault's parameters follow the next task: its item, and that item's category."""
        task = self.controller.task
        if task is None:
            return
        item = task.success.item or next((st.item for st in task.setup if st.item), "")
        i = self.quota_item.findData(item) if item else -1
        if i >= 0:
            self.quota_item.setCurrentIndex(i)
            found = self.catalogue.by_code.get(item)
            j = self.paused_category.findData(found.window) if found is not None else -1
            if j >= 0:
                self.paused_category.setCurrentIndex(j)

    def show_clock(self) -> None:
        s = self.controller.session
        running = s.task if s is not None else None
        nxt = self.controller.task
        if running is not None and s is not None:
            self.timer_label.setText(f"{_clock(s.elapsed())} / {_clock(running.limit)}")
        else:  # the next task's limit, its clock not started; nothing when every task is done
            self.timer_label.setText(f"0:00 / {_clock(nxt.limit)}" if nxt is not None else "")

    def retranslate(self) -> None:
        c = self.controller
        en = self.language.english
        study = c.study
        self.title.setText(self.tr("可用性测试 · {study}").format(study=study.title_en if en else study.title))
        self.who.setText(c.code or "—")
        self.setWindowTitle(f"{self.title.text()} · {c.code or '—'}")
        self.who.setAccessibleName(self.tr("参与者 {code}").format(code=c.code or "—"))
        set_text(self.next_button, self.tr("下一位 Ctrl+N"), self.tr("下一位参与者"))
        other = "中文" if en else "English"
        switch = self.tr("切换语言")  # (tr() outside the f-string: lupdate must see it)
        set_text(self.lang, other, f"{other} · {switch}")
        keys = {"start": ("开始", "F5"), "success": ("成功", "F6"), "fail": ("失败", "F7"), "skip": ("跳过", "F8"),
                "note": ("备注", "F9")}
        words = {"start": self.tr("开始"), "success": self.tr("成功"), "fail": self.tr("失败"), "skip": self.tr("跳过"),
                 "note": self.tr("备注")}
        for key, b in self.marks.items():
            set_text(b, f"{words[key]} {keys[key][1]}", words[key])
        set_text(self.note_save, self.tr("保存备注"))
        set_text(self.note_cancel, self.tr("取消"), self.tr("不写备注"))
        self.note_field.setAccessibleName(self.tr("备注：只写观察，不写参与者的个人信息"))
        self.note_field.setPlaceholderText(self.tr("备注：只写观察，不写个人信息"))
        self.next_label.setText(self.tr("下一位参与者编号"))
        self.next_hint.setText(self.tr("开始后，这一位的任务、问卷和故障全部结束；下一位从全新的大厅数据开始。"))
        self.next_field.setAccessibleName(self.tr("下一位参与者编号"))
        set_text(self.next_ok, self.tr("开始"), self.tr("开始下一位"))
        set_text(self.next_cancel, self.tr("取消"))
        self.faults_title.setText(self.tr("故障注入"))
        # named by what is written on it (a voice-control user says it, a screen reader's user hears
        # what the others see); what it does is its description
        fault_words = {Fault.PRINTER: (self.tr("打印机缺纸"), self.tr("打印机缺纸")),
                       Fault.CARD_READER: (self.tr("读卡器故障"), self.tr("身份证读卡器故障")),
                       Fault.QUOTA: (self.tr("号已取完"), self.tr("所选事项今天的号已取完")),
                       Fault.PAUSED: (self.tr("窗口暂停"), self.tr("所选类别的窗口全部暂停")),
                       Fault.SLOW_STORE: (self.tr("存储变慢"), self.tr("每次存储变慢几秒，秒数在本栏右上角")),
                       Fault.VOICE: (self.tr("语音失效"), self.tr("语音播报失效"))}
        for fault, b in self.fault_buttons.items():
            text, what = fault_words[fault]
            set_text(b, text)
            b.setAccessibleDescription(what if what != text else "")
        self.quota_item_label.setText(self.tr("事项"))
        self.paused_category_label.setText(self.tr("类别"))
        self.quota_item.setAccessibleName(self.tr("号已取完的事项"))
        self.paused_category.setAccessibleName(self.tr("窗口全暂停的类别"))
        self.slow_seconds.setAccessibleName(self.tr("每次存储的秒数"))
        self.slow_seconds.lineEdit().setAccessibleName(self.slow_seconds.accessibleName())
        self.slow_seconds.setSuffix(self.tr(" 秒"))
        for i, cat in enumerate(self.hall.categories):
            self.paused_category.setItemText(i, cat.name_en if en else cat.name)
        if self.quota_item.count() and (self.quota_item.property("english") or False) != en:
            for i, item in enumerate(self.catalogue.items):
                self.quota_item.setItemText(i, f"{item.code} {item.name_en if en else item.name}")
            self.quota_item.setProperty("english", en)
        self.log_title.setText(self.tr("记录"))
        self.log.setAccessibleName(self.tr("记录：最近的事件"))
        self.live.setAccessibleName(self.tr("自助机实时画面"))
        self._show_task()
        self.show_clock()

    def _show_task(self) -> None:
        c = self.controller
        en = self.language.english
        s, plan, task = c.session, c.plan, c.task
        if s is None or plan is None:
            self.progress.setText(self.tr("没有参与者"))
            for lab in (self.task_title, self.task_zh, self.task_en, self.phase):
                lab.setText("")
            return
        cond = c.condition
        n_blocks = len(plan.blocks)
        where = self.tr("条件：{condition}（第 {block} 组，共 {blocks} 组）").format(
            condition=(cond.name_en if en else cond.name) if cond else "—", block=c.block, blocks=n_blocks)
        if c.asking:
            self.phase.setText(self.tr("参与者正在自助机上答问卷"))
        elif s.finished:
            self.phase.setText(self.tr("这位参与者已完成；按“下一位”（Ctrl+N）开始下一位"))
        elif s.task is None:
            self.phase.setText(self.tr("按“开始”（F5）开始这项任务"))
        else:
            self.phase.setText(self.tr("任务进行中：成功 F6 · 失败 F7 · 跳过 F8"))
        if task is None:
            self.progress.setText(self.tr("全部任务已完成") + " · " + where)
            for lab in (self.task_title, self.task_zh, self.task_en):
                lab.setText("")
            return
        n = s.index + 1
        self.progress.setText(self.tr("任务 {n} / {total}").format(n=n, total=len(s.steps)) + " · " + where)
        self.task_title.setText(f"{task.title} · {task.title_en}")
        self.task_zh.setText(c.instructions(task, False))
        self.task_en.setText(c.instructions(task, True))
