"""容缺 at the window console: the line under the ticket a window calls or serves when it was taken
on a commitment ("容缺受理：A、B · 须于…前补交"), and the staff's list of open commitments — the
overdue ones first, marked ⚠ and in words — with 已补交 when the material is handed in.

:func:`add_commitments` plugs both into a :class:`~kiosk.ui.console.window.ConsoleWindow`: the line
under the ticket's details, and the list as a staff panel (``add_panel``: 容缺待补 in the header
opens it). The list reads the store again when the bridge says commitments changed
(``records_changed``), when it is opened and when the console's language changes."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.commitments import Commitment
from kiosk.domain.lifecycle import Ticket
from kiosk.domain.ports import RecordKind, StaleRecord, StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.console.frame import panel_frame
from kiosk.ui.shared.deferral_words import commitment_line, due_day
from kiosk.ui.shared.i18n import Retranslating
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, scroll, set_text
from kiosk.ui.shared.words import store_error_text

if TYPE_CHECKING:
    from kiosk.ui.console.window import ConsoleWindow

log = logging.getLogger(__name__)

WARNING = "⚠"


class CommitmentLine(Retranslating, QWidget):
    """"容缺受理：… · 须于…前补交" for the console's current ticket, when it carries a commitment
    (read once per ticket, again when commitments change)."""

    def __init__(self, console: ConsoleWindow, promises: Promises):
        super().__init__()
        self.console, self.promises, self.language = console, promises, console.language
        self.setObjectName("console_commitment")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.text = label(cls="console-lead")
        self.text.setObjectName("console_commitment_text")
        lay.addWidget(self.text)
        self._cache: dict[int, Commitment | None] = {}
        self.commitment: Commitment | None = None
        self.hide()

    def show_for(self, ticket: Ticket | None) -> None:
        c = None
        if ticket is not None:
            if ticket.id not in self._cache:
                try:
                    self._cache[ticket.id] = self.promises.commitment_for(ticket.id)
                except StoreError as exc:
                    log.warning("the commitment of %s cannot be read: %s", ticket.number, exc)
                    return
            c = self._cache[ticket.id]
        self.commitment = c
        self.retranslate()

    def forget(self) -> None:
        self._cache.clear()

    def retranslate(self) -> None:
        c = self.commitment
        if c is None:
            self.text.setText("")
            self.setVisible(False)
            return
        text = commitment_line(c, self.console.catalogue, self.language)
        if c.fulfilled_at is not None:
            text += self.tr("（已补交）")
        elif c.overdue(self.console.clock().timestamp()):
            text = f"{WARNING} " + text + self.tr("（已逾期）")
        self.text.setText(text)
        self.text.setProperty("class", "console-lead" if c.fulfilled_at is not None
                              or not c.overdue(self.console.clock().timestamp()) else "error")
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
        self.setVisible(True)


class CommitmentsPanel(Retranslating, QFrame):
    """The open commitments, overdue first, each with 已补交 (store.fulfil_commitment).
    ``closed()``: back to the console's ticket. :attr:`opener` (容缺待补 and how many) goes into
    the console's header."""

    closed = Signal()

    def __init__(self, console: ConsoleWindow, promises: Promises):
        super().__init__()
        self.console, self.promises, self.language = console, promises, console.language
        classed(self, "card")
        self.setObjectName("console_commitments_panel")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # the console's size is its own
        lay, self.title, self.back = panel_frame(self, "commitments", self.closed)
        self.note = label(cls="muted")
        self.note.setObjectName("console_commitments_note")
        lay.addWidget(self.note)
        self.message = label(cls="error")
        self.message.setObjectName("console_commitments_message")
        lay.addWidget(self.message)
        holder = QWidget()
        holder.setObjectName("console_commitments_list")
        self.rows = QVBoxLayout(holder)
        self.rows.setContentsMargins(0, 0, 12, 0)
        self.rows.setSpacing(12)
        self.area = scroll(holder)
        lay.addWidget(self.area, 1)
        self.open: list[Commitment] = []
        self.fulfil_buttons: dict[int, QPushButton] = {}
        self.said = ""
        self.opener = button("console_commitments", "nav")
        self.opener.clicked.connect(self.reload)  # read again as it opens (the console then shows it)

    @property
    def header_button(self) -> QPushButton:
        return self.opener

    def reload(self) -> None:
        try:
            self.open = self.promises.commitments(open_only=True)
        except StoreError as exc:
            log.warning("commitments cannot be read: %s", exc)
            self.said = store_error_text(exc, self.language, staff=True)
        now = self.console.clock().timestamp()
        self.open.sort(key=lambda c: (not c.overdue(now), c.due, c.id))  # overdue first, then by due date
        self.retranslate()

    def records_changed(self, kinds) -> None:
        if RecordKind.COMMITMENT in kinds:
            self.console.commitment_line.forget()
            self.reload()
            self.console.commitment_line.show_for(self.console.current)

    def fulfil(self, commitment_id: int) -> None:
        try:
            self.promises.store.fulfil_commitment(commitment_id, self.console.clock().timestamp())
            self.said = ""
        except StaleRecord:
            self.said = self.tr("这项承诺已由其他窗口处理")
        except StoreError as exc:
            log.warning("commitment %s not fulfilled: %s", commitment_id, exc)
            self.said = store_error_text(exc, self.language, staff=True)
        self.console.commitment_line.forget()
        self.reload()
        self.console.commitment_line.show_for(self.console.current)
        self.console.bridge.refresh()  # every other panel and terminal of the process

    def retranslate(self) -> None:
        now = self.console.clock().timestamp()
        overdue = sum(c.overdue(now) for c in self.open)
        label_text = self.tr("容缺待补 {n}").format(n=len(self.open))
        if overdue:
            label_text = f"{WARNING} " + label_text
        set_text(self.opener, label_text, self.tr("容缺待补 {n}：其中逾期 {late} 件").format(
            n=len(self.open), late=overdue))
        self.title.setText(self.tr("容缺待补交"))
        self.note.setText(self.tr("逾期的排在前面。收到补交的材料后点“已补交”。"))
        set_text(self.back, self.tr("返回"))
        self.message.setText(f"{WARNING} {self.said}" if self.said else "")
        self.message.setVisible(bool(self.said))
        self._rows(now)

    def _rows(self, now: float) -> None:
        clear_layout(self.rows)
        self.fulfil_buttons = {}
        catalogue = self.console.catalogue
        en = self.language.english
        today = self.console.clock().date()
        if not self.open:
            self.rows.addWidget(label(self.tr("没有待补交的材料"), "muted"))
        for c in self.open:
            item = catalogue.by_code.get(c.item_code)
            number = c.number if c.day == today.isoformat() else f"{c.day} {c.number}"
            record = self.promises.credit.records.get(c.applicant) if en else None  # a company's English name
            name = record.name_en if record is not None else c.applicant_name
            title = f"{number} · {name} · {(item.name_en if en else item.name) if item else c.item_code}"
            line = commitment_line(c, catalogue, self.language)
            late = c.overdue(now)
            if late:
                line = f"{WARNING} " + self.tr("已逾期 {n} 天").format(n=(today - due_day(c.due)).days) + " · " + line
            row = QHBoxLayout()
            row.setSpacing(12)
            entry = label(f"{title}\n{line}", "error" if late else "")
            entry.setObjectName(f"console_commitment_{c.id}")
            b = button(f"console_fulfil_{c.id}", "chip")
            set_text(b, self.tr("已补交"), self.tr("{number} 已补交").format(number=c.number))
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, cid=c.id: self.fulfil(cid))
            row.addWidget(entry, 1)
            row.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
            self.rows.addLayout(row)
            self.fulfil_buttons[c.id] = b
        self.rows.addStretch(1)


def add_commitments(console: ConsoleWindow, promises: Promises) -> None:
    """Give ``console`` the commitment line under its ticket's details and the 容缺待补 list
    (:meth:`ConsoleWindow.add_panel`: its opener in the header)."""
    console.commitment_line = CommitmentLine(console, promises)
    box = console.detail.parentWidget().layout()
    box.insertWidget(box.indexOf(console.detail) + 1, console.commitment_line)
    panel = console.commitments = CommitmentsPanel(console, promises)
    console.add_panel(panel, panel.opener)
    console.bridge.changed.connect(lambda _rows: console.commitment_line.show_for(console.current))
    console.bridge.records_changed.connect(panel.records_changed)
    panel.reload()
    console.commitment_line.show_for(console.current)
