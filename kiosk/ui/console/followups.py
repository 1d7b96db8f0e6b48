"""差评回访 at the window console: the hall's open follow-ups of 差评, with their due dates.

Every 不满意 / 非常不满意 rating opens a follow-up (kiosk.domain.feedback): a return call within
1 working day, the fix within 15, and the citizen's one follow-up rating. This panel lists the open
ones, soonest due first — the ticket, its window, the rating and its reason, what is due by when,
and 已超期 ⚠ on a late one (never by colour alone) — with the step due on each: 记录回访 (what was
said) or 整改办结 (what was done, and the citizen's rating of it). It reads the follow-ups again when
the change bridge says a rating or a follow-up changed (any terminal, any process), and after its
own steps. A step another console took first is said, and the list shown as it is now.

Plugged into the console by :meth:`ConsoleWindow.add_panel`: :attr:`opener` (差评回访 and how many
are open) goes into its header, the panel into its left column; ``closed`` brings the ticket back.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.feedback import (
    CALL_DAYS,
    FIX_DAYS,
    REASON_LIMIT,
    FollowCode,
    FollowError,
    FollowStatus,
    FollowUp,
    Level,
)
from kiosk.domain.freetext import clean_text
from kiosk.domain.ports import RecordKind, StaleRecord, StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.console.frame import panel_frame
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.rating import LEVELS, WARNING, level_text, tag_text, text_problem_text
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, named, restyle, scroll, set_text
from kiosk.ui.shared.words import store_error_text

log = logging.getLogger(__name__)

#: The mark of a late step, beside the words that say it (not a colour alone).
LATE = "⚠"


class FollowUpsPanel(Retranslating, QFrame):
    """The open follow-ups and their steps. ``closed()``: back to the console's ticket."""

    closed = Signal()

    def __init__(self, promises: Promises, bridge: ChangeBridge, language: Language,
                 clock: Callable[[], _dt.datetime]):
        super().__init__()
        self.promises, self.bridge, self.language, self.clock = promises, bridge, language, clock
        classed(self, "card")
        self.setObjectName("console_followups_panel")
        # the console's size is its own: the list and the form scroll inside whatever room it gives
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.follow_ups: list[FollowUp] = []
        self.current: FollowUp | None = None  # the one whose step is being recorded
        self.after: Level | None = None  # the citizen's follow-up rating (整改办结)
        self.problem: Callable[[], str] | None = None  # said at the note, in the console's language
        self.notice: Callable[[], str] | None = None  # said above the list (a step taken elsewhere …)
        lay, self.title, self.back = panel_frame(self, "followups", self._back)
        self.note = label(cls="muted")
        self.note.setObjectName("console_followups_note")
        lay.addWidget(self.note)
        self.message = label(cls="ok")
        self.message.setObjectName("console_followups_message")
        lay.addWidget(self.message)

        self.pages = QStackedWidget()
        self.pages.setObjectName("console_followups_pages")
        lay.addWidget(self.pages, 1)
        # the list
        holder = QWidget()
        holder.setObjectName("console_followups_list")
        self.rows = QVBoxLayout(holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(10)
        self.list_area = scroll(holder)
        self.pages.addWidget(self.list_area)
        # the step being recorded
        form = QWidget()
        form.setObjectName("console_followups_form")
        fl = QVBoxLayout(form)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(10)
        self.form_title = label(cls="console-lead")
        self.form_title.setObjectName("console_followups_form_title")
        self.form_detail = label()
        self.form_detail.setObjectName("console_followups_form_detail")
        self.field = named(QLineEdit(), "console_followups_note_field")
        self.field.setMaxLength(REASON_LIMIT * 2)  # past the limit it is refused with a message, not cut
        self.field.textChanged.connect(lambda _t: self._clear_problem())
        self.field_message = label(cls="error")
        self.field_message.setObjectName("console_followups_field_message")
        self.after_title = label(cls="console-lead")
        self.after_title.setObjectName("console_followups_after_title")
        self.after_box = QWidget()
        self.after_box.setObjectName("console_followups_after")
        grid = QGridLayout(self.after_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.after_buttons: dict[Level, QPushButton] = {}
        for i, level in enumerate(LEVELS):
            b = button(f"console_followups_after_{int(level)}", "chip", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, lv=level: self._choose_after(lv))
            grid.addWidget(b, i // 3, i % 3)
            self.after_buttons[level] = b
        for c in range(3):
            grid.setColumnStretch(c, 1)
        self.confirm = button("console_followups_confirm")
        self.confirm.clicked.connect(self.record)
        for w in (self.form_title, self.form_detail, self.after_title, self.after_box):
            fl.addWidget(w)
        note_row = QHBoxLayout()
        note_row.setSpacing(10)
        note_row.addWidget(self.field, 1)
        self.confirm.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        note_row.addWidget(self.confirm)
        fl.addLayout(note_row)
        fl.addWidget(self.field_message)
        fl.addStretch(1)
        self.form_area = scroll(form)
        self.pages.addWidget(self.form_area)
        for area in (self.list_area, self.form_area):
            area.viewport().setObjectName("console_followups_viewport")

        self.opener = button("console_followups", "nav")
        bridge.records_changed.connect(self._records_changed)
        self.reload()

    # --- reading ------------------------------------------------------------------------------

    def _records_changed(self, kinds) -> None:
        if RecordKind.FOLLOW_UP in kinds or RecordKind.RATING in kinds:
            self.reload()

    def reload(self) -> None:
        """Read the open follow-ups again (the store's order: soonest call first)."""
        try:
            self.follow_ups = self.promises.follow_ups()
        except StoreError as exc:
            log.warning("follow-ups not read: %s", exc)
            self.notice = lambda e=exc: store_error_text(e, self.language, staff=True)
        if self.current is not None and all(f.id != self.current.id for f in self.follow_ups):
            self.current = None  # closed meanwhile (elsewhere): back to the list
        self._show_rows()
        self.retranslate()

    def now(self) -> float:
        return self.clock().timestamp()

    def overdue(self) -> int:
        now = self.now()
        return sum(1 for f in self.follow_ups if f.overdue(now))

    # --- steps --------------------------------------------------------------------------------

    def open_step(self, follow_id: int) -> None:
        """记录回访 / 整改办结 for ``follow_id``: its form."""
        self.current = next((f for f in self.follow_ups if f.id == follow_id), None)
        self.after = None
        self.problem = None
        self.field.clear()
        self.retranslate()

    def _choose_after(self, level: Level) -> None:
        self.after = Level(level)
        if self.problem is not None:
            self.problem = None
        self.retranslate()

    def _clear_problem(self) -> None:
        if self.problem is not None:
            self.problem = None
            self.retranslate()

    def record(self) -> None:
        """确定: the call or the fix is recorded, or why not is said at the field."""
        f = self.current
        if f is None:
            return
        note = self.field.text()
        _cleaned, text_problem = clean_text(note, REASON_LIMIT)
        if text_problem is not None:
            self.problem = lambda n=note, p=text_problem: text_problem_text(p, n, self.language)
            self.retranslate()
            return
        closing = f.status == FollowStatus.CALLED
        if closing and self.after is None:
            self.problem = lambda: self.tr("请选择市民对整改结果的评价")
            self.retranslate()
            return
        try:
            if closing:
                self.promises.fixed(f.id, note, self.after)
            else:
                self.promises.called_back(f.id, note)
        except FollowError as exc:
            if exc.code == FollowCode.NOTE_NEEDED:
                self.problem = (lambda: self.tr("请写下整改了什么")) if closing else \
                    (lambda: self.tr("请写下回访时说了什么"))
            elif exc.code == FollowCode.TEXT and exc.problem is not None:
                self.problem = lambda n=note, p=exc.problem: text_problem_text(p, n, self.language)
            else:  # a step taken elsewhere first, or gone: the list as it is now
                self._taken_elsewhere(f)
                return
            self.retranslate()
            return
        except StaleRecord:
            self._taken_elsewhere(f)
            return
        except StoreError as exc:
            self.problem = lambda e=exc: store_error_text(e, self.language, staff=True)
            self.retranslate()
            return
        number = f.number
        self.notice = (lambda: self.tr("{number} 已整改办结").format(number=number)) if closing else \
            (lambda: self.tr("{number} 已记录回访").format(number=number))
        self.current = None
        self.bridge.refresh()  # every terminal of this process hears of it now
        self.reload()

    def _taken_elsewhere(self, f: FollowUp) -> None:
        number = f.number
        self.notice = lambda: self.tr("{number} 的这一步已由其他窗口办理，列表已更新").format(number=number)
        self.current = None
        self.bridge.refresh()  # what the change feed has not said yet, to every terminal of the process
        self.reload()

    def _back(self) -> None:
        """返回: from a step to the list, from the list to the console's ticket."""
        if self.current is not None:
            self.current = None
            self.problem = None
            self.retranslate()
            return
        self.notice = None
        self.closed.emit()

    def reset(self) -> None:
        self.current, self.problem, self.notice = None, None, None
        self.retranslate()

    # --- rendering ------------------------------------------------------------------------------

    def _date(self, ts: float | None) -> str:
        return _dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d") if ts else ""

    def _reason(self, f: FollowUp) -> str:
        parts = [tag_text(t, self.language) for t in f.tags] + ([f"“{f.text}”"] if f.text else [])
        return self.tr("原因：{reason}").format(reason="；".join(parts) if not self.language.english
                                               else "; ".join(parts))

    def _due(self, f: FollowUp) -> tuple[str, bool]:
        late = f.overdue(self.now())
        if f.status == FollowStatus.OPEN:
            text = self.tr("回访期限 {date}").format(date=self._date(f.call_due))
        else:
            text = self.tr("已回访 {called} · 整改期限 {date}").format(called=self._date(f.called_at),
                                                                   date=self._date(f.fix_due))
        if late:
            overdue = self.tr("已超期")  # (tr() outside the f-string: lupdate must see it)
            text = f"{LATE} {overdue} · {text}"
        return text, late

    def _show_rows(self) -> None:
        clear_layout(self.rows)  # (its stretch too: the rows, then a new one)
        self.row_buttons: dict[int, QPushButton] = {}
        self.row_labels: dict[int, tuple] = {}
        for f in self.follow_ups:
            row = classed(QFrame(), "followup-row")
            row.setObjectName(f"console_followup_{f.id}")
            rl = QHBoxLayout(row)
            rl.setContentsMargins(14, 8, 14, 8)
            rl.setSpacing(12)
            text = QVBoxLayout()
            text.setSpacing(2)
            head, reason, due = label(cls="console-lead"), label(), label()
            for w in (head, reason, due):
                text.addWidget(w)
            rl.addLayout(text, 1)
            b = button(f"console_followup_step_{f.id}")
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, fid=f.id: self.open_step(fid))
            rl.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
            self.rows.addWidget(row)
            self.row_buttons[f.id] = b
            self.row_labels[f.id] = (head, reason, due)
        self.rows.addStretch(1)

    def retranslate(self) -> None:
        n, late = len(self.follow_ups), self.overdue()
        self.title.setText(self.tr("差评回访"))
        set_text(self.back, self.tr("返回"))
        self.note.setText(self.tr("每条差评：{call} 个工作日内回访，{fix} 个工作日内整改，再请市民评价整改结果。")
                          .format(call=CALL_DAYS, fix=FIX_DAYS))
        opener = self.tr("差评回访 {n}").format(n=n)
        if late:
            overdue = self.tr("{n} 条超期").format(n=late)  # (outside the f-string: lupdate)
            set_text(self.opener, f"{opener} {LATE}", f"{opener} · {overdue}")
        else:
            set_text(self.opener, opener)
        notice = self.notice() if self.notice is not None else ""
        if not self.follow_ups and not notice:
            notice = self.tr("没有待办的差评回访")
        self.message.setText(notice)
        self.message.setVisible(bool(notice))
        for f in self.follow_ups:
            head, reason, due = self.row_labels[f.id]
            window = self.tr("{n} 号窗口").format(n=f.window) if f.window else ""
            head.setText(" · ".join(x for x in (f.number, window, level_text(f.level, self.language)) if x))
            reason.setText(self._reason(f))
            text, is_late = self._due(f)
            due.setText(text)
            due.setProperty("class", "error" if is_late else "muted")
            restyle(due)
            step = self.tr("记录回访") if f.status == FollowStatus.OPEN else self.tr("整改办结")
            set_text(self.row_buttons[f.id], step, self.tr("{step}：{number}").format(step=step, number=f.number))
        f = self.current
        self.pages.setCurrentIndex(1 if f is not None else 0)
        self.note.setVisible(f is None)  # the form needs the room
        if f is not None:
            self.message.hide()
        if f is None:
            return
        closing = f.status == FollowStatus.CALLED
        self.form_title.setText((self.tr("整改办结：{number}") if closing else self.tr("记录回访：{number}"))
                                .format(number=f.number))
        self.form_detail.setText(self._reason(f) + "\n" + self._due(f)[0] +
                                 (("\n" + self.tr("回访记录：{note}").format(note=f.call_note)) if closing else ""))
        self.field.setPlaceholderText(self.tr("整改了什么（必填）") if closing else self.tr("回访时说了什么（必填）"))
        self.field.setAccessibleName(self.tr("整改情况") if closing else self.tr("回访情况"))
        problem = self.problem() if self.problem is not None else ""
        self.field_message.setText(f"{WARNING} {problem}" if problem else "")
        self.field_message.setVisible(bool(problem))
        self.field.setProperty("class", "invalid" if problem else "")
        restyle(self.field)
        self.after_title.setText(self.tr("市民对整改结果的评价"))
        self.after_title.setVisible(closing)
        self.after_box.setVisible(closing)
        for level, b in self.after_buttons.items():
            b.setChecked(level == self.after)
            set_text(b, level_text(level, self.language))
        set_text(self.confirm, self.tr("确定"))
