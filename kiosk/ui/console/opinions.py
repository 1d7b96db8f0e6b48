"""意见箱 at the 办不成事 专窗's console: the 意见建议 citizens left at the kiosk (the 人大代表社情民意
联系点's box), newest first, with their status in words (待回复 / 已回复 and the reply) — and 回复:
marking one answered with what was replied. The number of someone who left one is shown in full to
staff (the reply is a call); it is erased when the opinion is answered.

The list is read again when the change bridge says an opinion changed (the kiosk, another console,
another process) and after its own replies. A reply another console made first is said, not made
twice. Plugged into the console of a window that serves 办不成事 by :func:`attach_opinions`: its
:attr:`opener` (意见箱 and how many wait for a reply) on the card the console shows while the window
is free (between two citizens), the panel in the console's left column."""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.cases import TEXT_LIMIT, Opinion, RecordStatus, ReportCode, ReportError
from kiosk.domain.ports import RecordKind, StaleRecord, StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.console.frame import panel_frame
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.casewords import text_message, topic_text
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, named, restyle, scroll, set_text
from kiosk.ui.shared.words import store_error_text

if TYPE_CHECKING:
    from kiosk.ui.console.window import ConsoleWindow

log = logging.getLogger(__name__)

WARNING = "⚠"
OPEN, ALL = "open", "all"


class OpinionsPanel(Retranslating, QFrame):
    """The 意见箱's opinions and their replies. ``closed()``: back to the console's ticket."""

    closed = Signal()

    def __init__(self, promises: Promises, bridge: ChangeBridge, language: Language,
                 clock: Callable[[], _dt.datetime]):
        super().__init__()
        self.promises, self.bridge, self.language, self.clock = promises, bridge, language, clock
        classed(self, "card")
        self.setObjectName("console_opinions_panel")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.opinions: list[Opinion] = []
        self.show_all = False
        self.current: Opinion | None = None  # the one being answered
        self.problem = ""  # why the reply was not kept, said at its field
        self.notice: Callable[[], str] | None = None  # said above the list
        lay, self.title, self.back = panel_frame(self, "opinions", self._back)
        filters = QHBoxLayout()
        filters.setSpacing(10)
        self.filter_buttons: dict[str, QPushButton] = {}
        for key in (OPEN, ALL):
            b = button(f"console_opinions_{key}", "chip", checkable=True)
            b.clicked.connect(lambda _=False, k=key: self._filter(k))
            filters.addWidget(b)
            self.filter_buttons[key] = b
        self.filter_row = QWidget()
        self.filter_row.setObjectName("console_opinions_filters")
        self.filter_row.setLayout(filters)
        lay.addWidget(self.filter_row)
        self.message = label(cls="ok")
        self.message.setObjectName("console_opinions_message")
        lay.addWidget(self.message)

        self.pages = QStackedWidget()
        self.pages.setObjectName("console_opinions_pages")
        lay.addWidget(self.pages, 1)
        holder = QWidget()
        holder.setObjectName("console_opinions_list")
        self.rows = QVBoxLayout(holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(10)
        self.list_area = scroll(holder)
        self.pages.addWidget(self.list_area)
        form = QWidget()
        form.setObjectName("console_opinions_form")
        fl = QVBoxLayout(form)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(10)
        self.form_title = label(cls="console-lead")
        self.form_title.setObjectName("console_opinions_form_title")
        self.form_detail = label()
        self.form_detail.setObjectName("console_opinions_form_detail")
        self.form_detail.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.field = named(QLineEdit(), "console_opinions_reply_field")
        self.field.setMaxLength(TEXT_LIMIT * 2)  # past the limit it is refused with a message, not cut
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.reply)
        self.confirm = button("console_opinions_confirm", "primary")
        self.confirm.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.confirm.clicked.connect(self.reply)
        self.field_message = label(cls="muted")
        self.field_message.setObjectName("console_opinions_field_message")
        fl.addWidget(self.form_title)
        fl.addWidget(self.form_detail)
        fl.addWidget(self.field)
        fl.addWidget(self.field_message)
        fl.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignRight)
        fl.addStretch(1)
        self.form_area = scroll(form)
        self.pages.addWidget(self.form_area)
        for area in (self.list_area, self.form_area):
            area.viewport().setObjectName("console_opinions_viewport")

        self.opener = button("console_open_opinions")
        bridge.records_changed.connect(self._records_changed)
        self.reload()

    # --- reading ------------------------------------------------------------------------------

    def _records_changed(self, kinds) -> None:
        if RecordKind.OPINION in kinds:
            self.reload()

    def reload(self) -> None:
        """Read the opinions again, newest first."""
        try:
            self.opinions = sorted(self.promises.opinions(), key=lambda o: -o.id)
        except StoreError as exc:
            log.warning("opinions not read: %s", exc)
            self.notice = lambda e=exc: store_error_text(e, self.language, staff=True)
        if self.current is not None:
            now = next((o for o in self.opinions if o.id == self.current.id), None)
            if now is None or now.status != RecordStatus.OPEN:  # answered meanwhile (elsewhere)
                self.current = None
        self._show_rows()
        self.retranslate()

    def refresh(self) -> None:
        self.reload()

    def waiting(self) -> int:
        return sum(1 for o in self.opinions if o.status == RecordStatus.OPEN)

    def shown(self) -> list[Opinion]:
        return self.opinions if self.show_all else [o for o in self.opinions if o.status == RecordStatus.OPEN]

    # --- answering ------------------------------------------------------------------------------

    def _filter(self, key: str) -> None:
        self.show_all = key == ALL
        self._show_rows()
        self.retranslate()

    def open_reply(self, opinion_id: int) -> None:
        self.current = next((o for o in self.opinions if o.id == opinion_id), None)
        self.problem = ""
        self.notice = None
        self.field.clear()
        self.retranslate()
        if self.current is not None:
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _typed(self, _text: str) -> None:
        if self.problem:
            self.problem = ""
        self.retranslate()

    def reply(self) -> None:
        """标记已回复: kept with the reply, or why not is said at the field."""
        o = self.current
        if o is None:
            return
        text = self.field.text()
        msg, bad = text_message(text, TEXT_LIMIT, self.language, self.tr("请写下回复了什么"))
        if bad:
            self.problem = msg
            self.retranslate()
            return
        try:
            self.promises.answer_opinion(o.id, text)
        except ReportError as exc:
            if exc.code == ReportCode.TEXT:
                self.problem = text_message(text, TEXT_LIMIT, self.language, self.tr("请写下回复了什么"))[0]
                self.retranslate()
                return
            self._taken_elsewhere(o)
            return
        except StaleRecord:
            self._taken_elsewhere(o)
            return
        except StoreError as exc:
            log.warning("opinion %s not answered: %s", o.id, exc)
            self.problem = store_error_text(exc, self.language, staff=True)
            self.retranslate()
            return
        number = o.id
        self.notice = lambda: self.tr("第 {n} 号意见已回复").format(n=number)
        self.current = None
        self.bridge.refresh()  # every terminal of this process hears of it now
        self.reload()

    def _taken_elsewhere(self, o: Opinion) -> None:
        number = o.id
        self.notice = lambda: self.tr("第 {n} 号意见已由其他窗口回复，列表已更新").format(n=number)
        self.current = None
        self.bridge.refresh()
        self.reload()

    def _back(self) -> None:
        """返回: from a reply to the list, from the list to the console's ticket."""
        if self.current is not None:
            self.current, self.problem = None, ""
            self.retranslate()
            return
        self.notice = None
        self.closed.emit()

    # --- rendering ------------------------------------------------------------------------------

    def _head(self, o: Opinion) -> str:
        when = _dt.datetime.fromtimestamp(o.at).strftime("%m-%d %H:%M")
        who = self.tr("匿名") if o.anonymous else (self.tr("电话 {phone}").format(phone=o.contact) if o.contact
                                                  else self.tr("电话已删除"))
        return self.tr("第 {n} 号 · {time} · {topic} · {who}").format(
            n=o.id, time=when, topic=topic_text(o.topic, self.language), who=who)

    def _status(self, o: Opinion) -> str:
        if o.status == RecordStatus.OPEN:
            return self.tr("待回复")
        return self.tr("✓ 已回复：{reply}").format(reply=o.reply)

    def _show_rows(self) -> None:
        clear_layout(self.rows)
        self.row_buttons: dict[int, QPushButton] = {}
        self.row_labels: dict[int, tuple] = {}
        for o in self.shown():
            row = classed(QFrame(), "card")
            row.setObjectName(f"console_opinion_{o.id}")
            rl = QHBoxLayout(row)
            rl.setContentsMargins(14, 8, 14, 8)
            rl.setSpacing(12)
            text = QVBoxLayout()
            text.setSpacing(2)
            head, body, status = label(cls="console-lead"), label(), label()
            for w in (head, body, status):
                text.addWidget(w)
            rl.addLayout(text, 1)
            if o.status == RecordStatus.OPEN:
                b = button(f"console_opinion_reply_{o.id}")
                b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                b.clicked.connect(lambda _=False, oid=o.id: self.open_reply(oid))
                rl.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
                self.row_buttons[o.id] = b
            self.rows.addWidget(row)
            self.row_labels[o.id] = (head, body, status)
        self.rows.addStretch(1)

    def retranslate(self) -> None:
        n = self.waiting()
        self.title.setText(self.tr("意见箱"))
        set_text(self.back, self.tr("返回"))
        set_text(self.opener, self.tr("意见箱：{n} 条待回复").format(n=n))
        set_text(self.filter_buttons[OPEN], self.tr("待回复 {n}").format(n=n))
        set_text(self.filter_buttons[ALL], self.tr("全部 {n}").format(n=len(self.opinions)))
        for key, b in self.filter_buttons.items():
            b.setChecked((key == ALL) == self.show_all)
        notice = self.notice() if self.notice is not None else ""
        if not self.shown() and not notice:
            notice = self.tr("没有待回复的意见建议") if not self.show_all else self.tr("还没有意见建议")
        self.message.setText(notice)
        self.message.setVisible(bool(notice) and self.current is None)
        for o in self.shown():
            head, body, status = self.row_labels[o.id]
            head.setText(self._head(o))
            body.setText(o.text)
            status.setText(self._status(o))
            status.setProperty("class", "muted" if o.status == RecordStatus.OPEN else "ok")
            restyle(status)
            if o.id in self.row_buttons:
                set_text(self.row_buttons[o.id], self.tr("回复"), self.tr("回复第 {n} 号").format(n=o.id))
        o = self.current
        self.pages.setCurrentIndex(1 if o is not None else 0)
        self.filter_row.setVisible(o is None)
        if o is None:
            return
        self.form_title.setText(self.tr("回复第 {n} 号意见").format(n=o.id))
        how = self.tr("请打电话 {phone} 回复，再记下回复了什么；记下后号码即删除。").format(phone=o.contact) \
            if o.contact else self.tr("匿名意见：无法单独回复。记下如何处理（如在公示栏统一答复）。")
        self.form_detail.setText(self._head(o) + "\n" + o.text + "\n" + how)
        self.field.setPlaceholderText(self.tr("回复了什么"))
        self.field.setAccessibleName(self.tr("回复内容"))
        if self.problem:
            msg, bad = self.problem, True
        else:
            msg, bad = text_message(self.field.text(), TEXT_LIMIT, self.language)
        self.field_message.setText(f"{WARNING} {msg}" if bad else (msg or " "))
        self.field_message.setProperty("class", "error" if bad else "muted")
        restyle(self.field_message)
        self.field.setProperty("class", "invalid" if bad else "")
        restyle(self.field)
        set_text(self.confirm, self.tr("标记已回复"))


def attach_opinions(console: ConsoleWindow, promises: Promises) -> OpinionsPanel:
    """The 意见箱 on ``console``: its opener under the free window's card, the panel in the left column."""
    panel = OpinionsPanel(promises, console.bridge, console.language, console.clock)
    idle = console.idle_box.layout()
    idle.insertWidget(idle.indexOf(console.idle_hint) + 1, panel.opener, 0, Qt.AlignmentFlag.AlignHCenter)
    panel.opener.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    console.left.addWidget(panel)
    panel.opener.clicked.connect(lambda: console._open_panel(panel, panel.opener))
    panel.closed.connect(console.show_ticket)
    return panel
