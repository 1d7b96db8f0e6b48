"""The console's 服务专员 panel: every officer's list of requests (帮办代办 in the hall with its E
ticket, 移动办公桌 home visits with the address and the number to call), each moving new →
accepted → done with one tap. It reads the requests again whenever any terminal writes one
(the change bridge's ``records_changed``)."""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.cases import ReportError
from kiosk.domain.officers import Help, HelpRequest, HelpStatus, Officer
from kiosk.domain.ports import RecordKind, StaleRecord, StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.console.frame import panel_frame
from kiosk.ui.kiosk.screens.officer import group_name
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, restyle, scroll, set_text
from kiosk.ui.shared.words import store_error_text

log = logging.getLogger(__name__)

#: A request's status as staff read it; done is marked ✓ (not by colour alone).
STATUS_TEXT = {
    HelpStatus.NEW: QT_TRANSLATE_NOOP("OfficersPanel", "待接单"),
    HelpStatus.ACCEPTED: QT_TRANSLATE_NOOP("OfficersPanel", "已接单"),
    HelpStatus.DONE: QT_TRANSLATE_NOOP("OfficersPanel", "✓ 已办结"),
}
#: What the one action on a request does next.
NEXT_TEXT = {
    HelpStatus.NEW: QT_TRANSLATE_NOOP("OfficersPanel", "接单"),
    HelpStatus.ACCEPTED: QT_TRANSLATE_NOOP("OfficersPanel", "办结"),
}


def requests_shown(requests: list[HelpRequest], today: str) -> list[HelpRequest]:
    """What an officer's list shows: every open request, and today's finished ones."""
    return [r for r in requests if r.status != HelpStatus.DONE or r.day == today]


class OfficersPanel(Retranslating, QFrame):
    """Emits ``closed()`` on 返回."""

    closed = Signal()

    def __init__(self, promises: Promises, bridge, language: Language, clock: Callable[[], _dt.datetime]):
        super().__init__()
        self.promises, self.bridge, self.language, self.clock = promises, bridge, language, clock
        self.message: tuple[str, bool] = ("", False)
        classed(self, "card")
        self.setObjectName("console_officers_panel")
        lay, self.title, self.cancel = panel_frame(self, "officers", self.closed)
        self.note = label(cls="muted")
        self.note.setObjectName("console_officers_note")
        lay.addWidget(self.note)
        self.feedback = label(cls="error")
        self.feedback.setObjectName("console_officers_message")
        lay.addWidget(self.feedback)
        holder = QWidget()
        holder.setObjectName("console_officers_list")
        self.rows = QVBoxLayout(holder)
        self.rows.setContentsMargins(0, 0, 8, 0)
        self.rows.setSpacing(8)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.area = scroll(holder)
        lay.addWidget(self.area, 1)
        self.requests: list[HelpRequest] = []
        self.action_buttons: dict[int, QWidget] = {}
        bridge.records_changed.connect(self._records_changed)
        self.retranslate()

    def _records_changed(self, kinds) -> None:
        if RecordKind.HELP in kinds:
            self.refresh()

    def refresh(self) -> None:
        """Read the requests again and show them."""
        try:
            found = self.promises.store.help_requests()
        except StoreError as exc:
            log.warning("officers' requests not read: %s", exc)
            self._say(store_error_text(exc, self.language, staff=True), True)
            return
        self.requests = requests_shown(found, self.clock().date().isoformat())
        self._show()

    def advance(self, help_id: int) -> None:
        try:
            to = self.promises.advance_help(help_id)
        except (StaleRecord, ReportError):
            self._say(self.tr("这条申请已被其他终端更新，请看刷新后的状态"), True)
        except StoreError as exc:
            log.warning("request %s not advanced: %s", help_id, exc)
            self._say(store_error_text(exc, self.language, staff=True), True)
        else:
            self._say(self.tr("已更新为：{status}").format(status=self.language.translate("OfficersPanel",
                                                                                        STATUS_TEXT[to])), False)
        self.refresh()

    def _say(self, text: str, error: bool) -> None:
        self.message = (text, error)
        self.feedback.setText(f"⚠ {text}" if error and text else text)
        self.feedback.setProperty("class", "error" if error else "ok")
        self.feedback.setVisible(bool(text))
        restyle(self.feedback)

    # --- rendering --------------------------------------------------------------------------

    def _show(self) -> None:
        clear_layout(self.rows)
        self.action_buttons = {}
        en = self.language.english
        for officer in self.promises.hall.officers:
            mine = [r for r in self.requests if r.officer_id == officer.id]
            head = label(cls="console-lead")
            head.setObjectName(f"console_officer_{officer.id}")
            groups = self.tr("、") .join(group_name(g, self.language) for g in officer.groups)
            open_n = sum(1 for r in mine if r.status != HelpStatus.DONE)
            head.setText(self.tr("{name} · 24 小时 {phone} · {groups} · 待办 {n}").format(
                name=officer.name_en if en else officer.name, phone=officer.phone, groups=groups, n=open_n))
            self.rows.addWidget(head)
            if not mine:
                none = label(self.tr("暂无申请"), cls="muted")
                self.rows.addWidget(none)
            for r in mine:
                self.rows.addWidget(self._row(r, officer))
        self.rows.addStretch(1)

    def _row(self, r: HelpRequest, officer: Officer) -> QWidget:
        en = self.language.english
        row = classed(QFrame(), "card")
        row.setObjectName(f"console_help_{r.id}")
        hl = QHBoxLayout(row)
        hl.setContentsMargins(14, 8, 14, 8)
        hl.setSpacing(12)
        when = _dt.datetime.fromtimestamp(r.at).strftime("%m-%d %H:%M")
        item = self.promises.catalogue.by_code.get(r.item_code or "")
        what = (item.name_en if en else item.name) if item else self.tr("未选事项")
        if r.kind == Help.HOME_VISIT:
            first = self.tr("移动办公桌（上门）· {when}").format(when=when)
            detail = self.tr("地址：{address} · 电话：{phone}").format(address=r.address, phone=r.contact)
        else:
            first = self.tr("帮办代办 {number} · {when}").format(number=r.number, when=when)
            detail = what
        status = self.language.translate("OfficersPanel", STATUS_TEXT[r.status])
        text = label(f"{first} · {group_name(r.group, self.language)}\n{detail}\n{status}")
        text.setObjectName(f"console_help_{r.id}_text")
        hl.addWidget(text, 1)
        nxt = NEXT_TEXT.get(r.status)
        if nxt is not None:
            b = button(f"console_help_{r.id}_advance", "primary" if r.status == HelpStatus.NEW else "")
            words = self.language.translate("OfficersPanel", nxt)
            set_text(b, words, self.tr("{action}：{what}").format(action=words, what=first))
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, hid=r.id: self.advance(hid))
            hl.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
            self.action_buttons[r.id] = b
        return row

    def retranslate(self) -> None:
        self.title.setText(self.tr("服务专员 + 联络员"))
        self.note.setText(self.tr("每位服务专员的申请：接单后请尽快联系办事人，上门申请 1 个工作日内回电。"))
        set_text(self.cancel, self.tr("返回"))
        self._say("", False)  # a message said in the other language is not kept
        self._show()
