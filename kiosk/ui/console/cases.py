"""办不成事 at the window console: the case of the ticket the window calls or serves — what the
citizen tried, what went wrong, their words and, for the return call, their number in full (staff
see it; it is erased when the case is closed) — and 结案: closing it with its outcome
(kiosk.domain.cases.CaseOutcome) and a note.

Plugged into the console by :func:`attach_cases`: the case sits in the ticket card, under the
ticket's details (a D ticket has no materials to check); the closing form is a panel of the left
column like the console's own. The case is read again when the window's ticket changes and when
the change bridge says a case changed (another console, another process). A case another console
closed first is said, not closed twice."""

from __future__ import annotations

import datetime as _dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.cases import TEXT_LIMIT, Case, CaseOutcome, RecordStatus, ReportCode, ReportError
from kiosk.domain.ports import RecordKind, StaleRecord, StoreError
from kiosk.ui.console.frame import panel_frame
from kiosk.ui.shared.casewords import listed, outcome_text, snag_text, text_message
from kiosk.ui.shared.i18n import Retranslating
from kiosk.ui.shared.widgets import button, classed, label, named, restyle, scroll, set_text
from kiosk.ui.shared.words import store_error_text

if TYPE_CHECKING:
    from kiosk.domain.promises import Promises
    from kiosk.ui.console.window import ConsoleWindow

log = logging.getLogger(__name__)

#: Before a problem (its words say it; the mark says it to whoever cannot tell red).
WARNING = "⚠"


class CaseView(Retranslating, QWidget):
    """The case of the ticket at the window (hidden when it has none)."""

    def __init__(self, console: ConsoleWindow, promises: Promises):
        super().__init__()
        self.console, self.promises, self.language = console, promises, console.language
        self.catalogue = console.catalogue
        self.setObjectName("console_case")
        self.case: Case | None = None
        self._ticket_id: int | None = None
        self.problem = ""  # the case could not be read
        self.elsewhere = False  # another console closed it just before this one tried
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.setSpacing(6)
        self.title = label(cls="console-lead")
        self.title.setObjectName("console_case_title")
        lay.addWidget(self.title)
        body = QWidget()
        body.setObjectName("console_case_body")
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(4)
        self.lines = label()
        self.lines.setObjectName("console_case_lines")
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        bl.addWidget(self.lines)
        bl.addStretch(1)
        self.area = scroll(body)
        self.area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)  # never grows the card
        self.area.setMinimumHeight(90)
        lay.addWidget(self.area, 1)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.state = label()
        self.state.setObjectName("console_case_state")
        row.addWidget(self.state, 1)
        self.close_button = button("console_case_close")
        self.close_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.close_button.clicked.connect(self.open_panel)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(row)
        self.panel = CaseClosePanel(self)
        self.hide()

    # --- reading ------------------------------------------------------------------------------

    def follow(self, *_args) -> None:
        """The window's ticket as the console shows it now: its case, read when the ticket changed."""
        t = self.console.current
        ticket_id = t.id if t is not None else None
        if ticket_id != self._ticket_id:
            self._ticket_id = ticket_id
            self.elsewhere = False
            self._read()
            if self.console.left.currentWidget() is self.panel:  # another ticket now: not its case
                self.console.show_ticket()
        self.retranslate()

    def records_changed(self, kinds) -> None:
        if RecordKind.CASE in kinds and self._ticket_id is not None:
            self._read()
            self.retranslate()

    def _read(self) -> None:
        self.problem = ""
        try:
            self.case = self.promises.case_for(self._ticket_id) if self._ticket_id is not None else None
        except StoreError as exc:
            log.warning("the case of ticket %s not read: %s", self._ticket_id, exc)
            self.case = None
            self.problem = store_error_text(exc, self.language, staff=True)

    # --- closing ------------------------------------------------------------------------------

    def open_panel(self) -> None:
        if self.case is None or self.case.status != RecordStatus.OPEN:
            return
        self.panel.start(self.case)
        self.console._opener = self.close_button  # the focus comes back here when the panel closes
        self.console.left.setCurrentWidget(self.panel)
        if self.close_button.hasFocus():
            first = next(iter(self.panel.outcome_buttons.values()))
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def closed_now(self, elsewhere: bool = False) -> None:
        """The case is closed (by the panel, or ``elsewhere`` a moment before): show it closed,
        tell every terminal of the process."""
        self.elsewhere = elsewhere
        self._read()
        self.console.show_ticket()
        self.console.bridge.refresh()
        self.retranslate()

    # --- rendering ------------------------------------------------------------------------------

    def what_tried(self, c: Case) -> str:
        item = self.catalogue.by_code.get(c.item_code or "")
        name = (item.name_en if self.language.english else item.name) if item else ""
        return " · ".join(x for x in (name, c.tried) if x)

    def retranslate(self) -> None:
        c = self.case
        shown = (c is not None or bool(self.problem)) and self._ticket_id is not None
        self.setVisible(shown)
        set_text(self.close_button, self.tr("结案…"), self.tr("结案"))
        if not shown:
            return
        if c is None:
            self.title.setText(self.tr("办不成事反映"))
            self.lines.setText(f"{WARNING} {self.problem}")
            self.lines.setProperty("class", "error")
            restyle(self.lines)
            self.state.setText("")
            self.close_button.hide()
            return
        self.lines.setProperty("class", "")
        restyle(self.lines)
        when = _dt.datetime.fromtimestamp(c.at).strftime("%H:%M")
        self.title.setText(self.tr("办不成事反映 · 第 {n} 号 · {time} 登记").format(n=c.id, time=when))
        lines = [self.tr("想办的事：{what}").format(what=self.what_tried(c) or "—"),
                 self.tr("遇到的问题：{snags}").format(
                     snags=listed([snag_text(s, self.language) for s in c.snags], self.language) or "—")]
        if c.text:
            lines.append(self.tr("补充说明：{text}").format(text=c.text))
        if c.status == RecordStatus.OPEN:
            lines.append(self.tr("回电号码：{phone}").format(phone=c.contact) if c.contact
                         else self.tr("没有留电话：请当面告知结果"))
        self.lines.setText("\n".join(lines))
        self.area.setAccessibleName(self.title.text())
        if c.status == RecordStatus.OPEN:
            self.state.setText(self.tr("待结案"))
            self.state.setProperty("class", "muted")
        else:
            outcome = outcome_text(c.outcome, self.language) if c.outcome else ""
            note = f" · {c.outcome_note}" if c.outcome_note else ""
            self.state.setText(self.tr("✓ 已由其他窗口结案：{outcome}").format(outcome=outcome + note) if self.elsewhere
                               else self.tr("✓ 已结案：{outcome}").format(outcome=outcome + note))
            self.state.setProperty("class", "ok")
        restyle(self.state)
        self.close_button.setVisible(c.status == RecordStatus.OPEN)
        self.close_button.setEnabled(self.console.bridge.online)


class CaseClosePanel(Retranslating, QFrame):
    """结案: the outcome (one of CaseOutcome, ✓ on the chosen), a note, 确认结案. ``closed()``:
    back to the ticket."""

    closed = Signal()

    def __init__(self, view: CaseView):
        super().__init__()
        self.view, self.language = view, view.language
        classed(self, "card")
        self.setObjectName("console_case_panel")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.case: Case | None = None
        self.outcome: CaseOutcome | None = None
        self.problem = ""  # why it was not closed (said above 确认结案)
        lay, self.title, self.back = panel_frame(self, "case_panel", self.closed)
        self.note = label(cls="muted")
        self.note.setObjectName("console_case_panel_note")
        lay.addWidget(self.note)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.outcome_buttons: dict[CaseOutcome, QPushButton] = {}
        for i, outcome in enumerate(CaseOutcome):
            b = button(f"console_case_outcome_{outcome.value}", "chip", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, o=outcome: self._choose(o))
            grid.addWidget(b, i // 2, i % 2)
            self.outcome_buttons[outcome] = b
        for col in range(2):
            grid.setColumnStretch(col, 1)
        lay.addLayout(grid)
        self.field = named(QLineEdit(), "console_case_note_field")
        self.field.setMaxLength(TEXT_LIMIT * 2)  # past the limit it is refused with a message, not cut
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.confirm_close)
        lay.addWidget(self.field)
        self.field_message = label(cls="muted")
        self.field_message.setObjectName("console_case_note_message")
        lay.addWidget(self.field_message)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.message = label(cls="error")
        self.message.setObjectName("console_case_panel_message")
        row.addWidget(self.message, 1)
        self.confirm = button("console_case_confirm", "primary")
        self.confirm.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.confirm.clicked.connect(self.confirm_close)
        row.addWidget(self.confirm)
        lay.addLayout(row)
        lay.addStretch(1)
        self.retranslate()

    def start(self, case: Case) -> None:
        self.case, self.outcome, self.problem = case, None, ""
        self.field.clear()
        self.retranslate()

    def _choose(self, outcome: CaseOutcome) -> None:
        self.outcome = outcome
        if self.problem:
            self.problem = ""
        self.retranslate()

    def _typed(self, _text: str) -> None:
        self.problem = ""
        self.retranslate()

    def confirm_close(self) -> None:
        """确认结案: closed with the outcome and the note, or why not is said."""
        c = self.case
        if c is None:
            return
        note = self.field.text()
        if text_message(note, TEXT_LIMIT, self.language)[1]:
            self.retranslate()  # the note's own message says why
            return
        try:
            self.view.promises.close_case(c.id, self.outcome, note)
        except ReportError as exc:
            if exc.code == ReportCode.OUTCOME_NEEDED:
                self.problem = self.tr("请选择处理结果")
            elif exc.code == ReportCode.TEXT:
                self.problem = self.tr("处理说明写得不对，请按提示修改")
            else:  # closed elsewhere first, or gone
                self.problem = ""
                self.view.closed_now(elsewhere=True)
                return
            self.retranslate()
            return
        except StaleRecord:
            self.view.closed_now(elsewhere=True)
            return
        except StoreError as exc:
            log.warning("case %s not closed: %s", c.id, exc)
            self.problem = store_error_text(exc, self.language, staff=True)
            self.retranslate()
            return
        self.view.closed_now()

    def retranslate(self) -> None:
        c = self.case
        self.title.setText(self.tr("结案：{number}").format(number=c.number) if c is not None else self.tr("结案"))
        set_text(self.back, self.tr("返回"))
        self.note.setText(self.tr("选择处理结果，可以写一句处理说明。结案后，市民的电话号码即删除。"))
        for outcome, b in self.outcome_buttons.items():
            b.setChecked(outcome == self.outcome)
            set_text(b, outcome_text(outcome, self.language))
        self.field.setPlaceholderText(self.tr("处理说明（可选）"))
        self.field.setAccessibleName(self.tr("处理说明"))
        msg, bad = text_message(self.field.text(), TEXT_LIMIT, self.language)
        self.field_message.setText(f"{WARNING} {msg}" if bad else (msg or " "))
        self.field_message.setProperty("class", "error" if bad else "muted")
        restyle(self.field_message)
        self.field.setProperty("class", "invalid" if bad else "")
        restyle(self.field)
        self.message.setText(f"{WARNING} {self.problem}" if self.problem else "")
        set_text(self.confirm, self.tr("确认结案"))


def attach_cases(console: ConsoleWindow, promises: Promises) -> CaseView:
    """Put the case view into ``console``'s ticket card and its closing panel into the left column."""
    view = CaseView(console, promises)
    box = console.ticket_box.layout()
    box.insertWidget(box.indexOf(console.materials_title), view, 1)
    console.left.addWidget(view.panel)
    view.panel.closed.connect(console.show_ticket)
    console.bridge.changed.connect(view.follow)  # after the console's own show_rows: its ticket is current
    console.bridge.records_changed.connect(view.records_changed)
    console.bridge.connection_changed.connect(lambda *_: view.retranslate())
    view.follow()
    return view
