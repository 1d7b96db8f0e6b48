"""取号确认: optional identity (virtual ID-card reader or keypad), optional phone, green channel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.desk import TicketDesk
from kiosk.domain.ids import mask_id, phone_problem, resident_id_problem
from kiosk.domain.personas import PERSONAS
from kiosk.domain.visit import Visit
from kiosk.ui.kiosk.devices import failed_text, read_card
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import Keypad, button, classed, label, named, restyle, scrolled_page, set_text
from kiosk.ui.shared.words import when_text

ID_FIELD, PHONE_FIELD = "id", "phone"


class IdentityScreen(Page, QWidget):
    """Emits ``confirmed()`` when the citizen asks for the ticket, ``reprint(ticket_id)`` when they
    choose to reprint the ticket they already hold."""

    confirmed = Signal()
    reprint = Signal(int)
    cancelled = Signal()
    card_failed = False  # the reader did not read the card tapped: said at the ID field

    def __init__(self, desk: TicketDesk, visit: Visit, language: Language):
        super().__init__()
        self.desk, self.visit, self.language = desk, visit, language
        self.setObjectName("screen_identity")
        self.target = ID_FIELD
        self.duplicate_id: int | None = None
        outer, root = scrolled_page(self, 36, 10)

        self.subject = label(cls="lead")
        root.addWidget(self.subject)
        self.intro = label(cls="muted")
        root.addWidget(self.intro)

        self.reader_title = label(cls="h2")
        root.addWidget(self.reader_title)
        cards = QGridLayout()
        cards.setSpacing(12)
        self.persona_buttons = {}
        for i, p in enumerate(PERSONAS):
            b = button(f"persona_{p.id}", "persona", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, pid=p.id: self.read_card(pid))
            cards.addWidget(b, i // 2, i % 2)
            self.persona_buttons[p.id] = b
        root.addLayout(cards)

        self.manual_title = label(cls="h2")
        root.addWidget(self.manual_title)
        # the two fields beside the keypad: 清空 and every key stay in view with the footer, in 长辈版 too
        manual = QHBoxLayout()
        manual.setSpacing(20)
        fields = QVBoxLayout()
        fields.setSpacing(6)
        self.id_field = named(QLineEdit(), "id_field")
        self.phone_field = named(QLineEdit(), "phone_field")
        self.id_pick = button("id_field_pick", "chip", checkable=True)
        self.phone_pick = button("phone_field_pick", "chip", checkable=True)
        self.id_pick.clicked.connect(lambda: self._target(ID_FIELD))
        self.phone_pick.clicked.connect(lambda: self._target(PHONE_FIELD))
        self.id_error = label(cls="error")
        self.phone_error = label(cls="error")
        for pick, field, err in ((self.id_pick, self.id_field, self.id_error),
                                 (self.phone_pick, self.phone_field, self.phone_error)):
            field.setReadOnly(True)  # typed into by the keypad, or by typed_key() from a keyboard
            field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            field.installEventFilter(self)  # Tab into a field: that field is the one typed into
            fields.addWidget(pick)
            fields.addWidget(field)
            fields.addWidget(err)
        fields.addStretch(1)
        manual.addLayout(fields, 3)
        self.keypad = Keypad(language)
        self.keypad.typed.connect(self._typed)
        self.keypad.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keypad.cleared.connect(lambda: self._edit(lambda s: ""))
        manual.addWidget(self.keypad, 2)
        root.addLayout(manual)

        self.green = button("green_channel", "check", checkable=True, wrap=True)
        self.green.toggled.connect(self._green_toggled)

        self.dup_box = classed(QFrame(), "card")
        dl = QVBoxLayout(self.dup_box)
        dl.setContentsMargins(24, 18, 24, 18)
        self.dup_text = label(cls="big")
        dl.addWidget(self.dup_text)
        drow = QHBoxLayout()
        self.dup_reprint = button("duplicate_reprint", "primary")
        self.dup_reprint.clicked.connect(lambda: self.reprint.emit(self.duplicate_id))
        self.dup_back = button("duplicate_back")
        self.dup_back.clicked.connect(self.cancelled)
        drow.addWidget(self.dup_reprint)
        drow.addWidget(self.dup_back)
        dl.addLayout(drow)
        root.addStretch(1)

        # the footer holds what the citizen must act on, always in view whatever the scroll: the
        # green channel, the duplicate notice with its reprint, a problem, and 确认取号
        footer = classed(QFrame(), "footer")
        fv = QVBoxLayout(footer)
        fv.setContentsMargins(36, 14, 36, 14)
        fv.setSpacing(10)
        self.closed = label(cls="badge-amber")  # outside the hours: said before a ticket is taken
        self.closed.setObjectName("identity_closed")
        fv.addWidget(self.closed)
        fv.addWidget(self.green)
        fv.addWidget(self.dup_box)
        fl = QHBoxLayout()
        self.error = label(cls="error")
        self.error.setObjectName("identity_error")
        self.error.hide()
        fl.addWidget(self.error, 1)
        self.confirm = button("confirm_ticket", "primary")
        self.confirm.clicked.connect(self._confirm)
        fl.addWidget(self.confirm, 1)
        fv.addLayout(fl)
        outer.addWidget(footer)
        self.enter()

    # --- state ------------------------------------------------------------------------------

    def reset(self) -> None:
        self.enter()

    def enter(self) -> None:
        self.duplicate_id = None
        self.card_failed = False
        self.error.hide()
        self._target(ID_FIELD)
        self.refresh()

    def read_card(self, pid: str) -> None:
        """The virtual ID-card reader: a tap on a demo card 'reads' it (or the reader fails: said)."""
        p = read_card(self, pid)
        if p is None:
            return
        self.visit.persona_id, self.visit.persona_tags, self.visit.resident_id = p.id, p.tags, p.resident_id
        self.visit.use_green = True
        self.duplicate_id = None
        self.refresh()

    def _target(self, which: str) -> None:
        self.target = which
        self.refresh()

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard types digits (and X) into the chosen field."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._edit(lambda s: s[:-1])
            return True
        text = event.text().upper()
        if len(text) == 1 and (text.isdigit() or text == "X"):
            self._typed(text)
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.typed_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in (self.id_field, self.phone_field):
            self._target(ID_FIELD if watched is self.id_field else PHONE_FIELD)
        return super().eventFilter(watched, event)

    def _typed(self, ch: str) -> None:
        if self.target == PHONE_FIELD and ch == "X":
            return
        limit = 18 if self.target == ID_FIELD else 11
        self._edit(lambda s: s + ch if len(s) < limit else s)

    def _edit(self, fn) -> None:
        if self.target == ID_FIELD:
            if self.visit.persona_id:  # typing replaces a card that was read
                self.visit.persona_id, self.visit.persona_tags, self.visit.resident_id = "", (), ""
            self.visit.resident_id = fn(self.visit.resident_id)
        else:
            self.visit.phone = fn(self.visit.phone)
        self.duplicate_id = None
        self.card_failed = False
        self.refresh()

    def _green_toggled(self, on: bool) -> None:
        self.visit.use_green = on
        self._green_text()

    def id_status(self) -> tuple[str, bool]:
        """(message shown at the ID field, whether it is an error rather than a hint)."""
        rid = self.visit.resident_id
        if not rid:
            return (failed_text(self.language), True) if self.card_failed else ("", False)
        if len(rid) < 18:
            return self.tr("还差 {n} 位").format(n=18 - len(rid)), False
        problem = resident_id_problem(rid, self.desk.today())
        if problem is None:
            return "", False
        return {"chars": self.tr("只有最后一位可以是 X"),
                "birth_date": self.tr("第 7–14 位的出生日期不对，请核对"),
                "checksum": self.tr("身份证号码有误，请逐位核对")}.get(problem, self.tr("身份证号码不对")), True

    def phone_status(self) -> tuple[str, bool]:
        phone = self.visit.phone
        if not phone:
            return "", False
        if len(phone) < 11:
            return self.tr("还差 {n} 位").format(n=11 - len(phone)), False
        return (self.tr("手机号应以 13–19 开头"), True) if phone_problem(phone) else ("", False)

    def valid(self) -> bool:
        # a card the reader failed to read is said at the field; a ticket without an ID still may be taken
        id_ok = not self.visit.resident_id or not self.id_status()[0]
        return id_ok and not self.phone_status()[0]

    # --- rendering --------------------------------------------------------------------------

    def refresh(self) -> None:
        v = self.visit
        self.id_field.setText(mask_id(v.resident_id) if v.persona_id else v.resident_id)
        self.phone_field.setText(v.phone)
        self.id_pick.setChecked(self.target == ID_FIELD)
        self.phone_pick.setChecked(self.target == PHONE_FIELD)
        active = self.id_field if self.target == ID_FIELD else self.phone_field
        for field, err, (msg, error) in ((self.id_field, self.id_error, self.id_status()),
                                         (self.phone_field, self.phone_error, self.phone_status())):
            err.setText(msg or " ")  # an empty line keeps its height: the keypad never jumps
            err.setProperty("class", "error" if error else "muted")
            restyle(err)
            field.setProperty("class", "invalid" if error else ("active" if field is active else ""))
            restyle(field)
        for pid, b in self.persona_buttons.items():
            b.setChecked(pid == v.persona_id)
        self.keypad.key_x.setVisible(self.target == ID_FIELD)  # X only where it can be typed (its place kept)
        reason = self.desk.green_reason(v.resident_id if not self.id_status()[0] else None, v.persona_tags)
        self.green.setVisible(bool(reason))
        self.green.blockSignals(True)
        self.green.setChecked(bool(reason) and v.use_green)
        self.green.blockSignals(False)
        self.dup_box.setVisible(self.duplicate_id is not None)
        self.confirm.setEnabled(self.valid() and self.duplicate_id is None)
        self.retranslate()

    def _green_text(self) -> None:
        v = self.visit
        reason = self.desk.green_reason(v.resident_id if not self.id_status()[0] else None, v.persona_tags)
        why = {"elder": self.tr("70 岁以上老人"), "veteran": self.tr("军人、退役军人"),
               "disabled": self.tr("残疾人"), "pregnant": self.tr("孕妇"), "talent": self.tr("高层次人才"),
               "foreign_investor": self.tr("境外投资者")}.get(reason, "")
        box = "✓" if self.green.isChecked() else "□"
        offer = self.tr("走绿色通道，优先叫号（{why}）").format(why=why)
        set_text(self.green, f"{box} {offer}", offer)  # the name says all the label says; ✓ is its checked state

    def retranslate(self) -> None:
        en = self.language.english
        req = self.visit.request
        if req is not None:
            cat = self.desk.hall.category(self.desk.category_of(req))
            subject = self.desk.subject_of(req)
            if en:
                if req.item_code:
                    subject = self.desk.catalogue.by_code[req.item_code].name_en
                elif req.bundle_code:
                    subject = self.desk.catalogue.bundle_by_code[req.bundle_code].name_en
                else:
                    subject = cat.name_en
            category = cat.name_en if en else cat.name
            self.subject.setText(self.tr("办理：{subject}（{category}）").format(subject=subject, category=category)
                                 if subject != category else self.tr("办理：{subject}").format(subject=subject))
        self.intro.setText(self.tr("刷身份证，符合条件的可走绿色通道；不刷证也能直接取号。身份证号仅用于本次取号，不会留存。"))
        self.reader_title.setText(self.tr("请把身份证放到读卡区（演示：点一张卡）"))
        for p in PERSONAS:
            name = p.name_en if en else p.name
            desc = p.description_en if en else p.description
            chosen = p.id == self.visit.persona_id
            set_text(self.persona_buttons[p.id], f"{'✓ ' if chosen else ''}{name}\n{desc}",
                     name + (self.tr("（已读取）") if chosen else ""))
            # read after the name: which card is whose (the 70+ elder, the veteran…) by ear, too
            self.persona_buttons[p.id].setAccessibleDescription(desc)
        self.manual_title.setText(self.tr("或用数字键输入（可选）"))
        set_text(self.id_pick, self.tr("身份证号"))
        set_text(self.phone_pick, self.tr("手机号"))
        self.id_field.setPlaceholderText(self.tr("18 位，最后一位可以是 X"))
        self.phone_field.setPlaceholderText(self.tr("11 位手机号，用于短信提醒"))
        self.id_field.setAccessibleName(self.tr("身份证号"))
        self.phone_field.setAccessibleName(self.tr("手机号"))
        self._green_text()
        self._closed_text()
        set_text(self.confirm, self.tr("确认取号"))
        set_text(self.dup_reprint, self.tr("重新打印小票"))
        set_text(self.dup_back, self.tr("返回"))

    def _closed_text(self) -> None:
        """After the windows' hours (or on a day off) a ticket taken now is never called: say so
        and when to come, before the visitor takes one (before opening it is only said when)."""
        halt, resumes = self.desk.hours_halt()
        when = when_text(resumes, self.desk.today(), self.language) if resumes is not None else ""
        if halt is not None and halt.for_another_day:
            text = (self.tr("今天已停止叫号，现在取的号不会被叫到。请{when} 起再来取号。").format(when=when) if when
                    else self.tr("今天已停止叫号，现在取的号不会被叫到。"))
        elif halt is not None and when:
            text = self.tr("窗口{when} 开始叫号。").format(when=when)
        else:
            text = ""
        self.closed.setText(text)
        self.closed.setVisible(bool(text))

    def show_duplicate(self, ticket_id: int, number: str, ahead: int) -> None:
        self.duplicate_id = ticket_id
        self.dup_text.setText(self.tr("您今天已经取过这个事项的号：{number}，前面还有 {ahead} 人。"
                                      "同一事项每人只能有一个号。").format(number=number, ahead=ahead))
        self.refresh()

    def show_error(self) -> None:
        """A problem that is not the citizen's (the store cannot save): say what to do, keep what
        they entered (the cause goes to the log, not to the citizen)."""
        self.error.setText(self.tr("系统暂时无法出号，请到服务台由工作人员为您取号。"))
        self.error.show()

    def show_quota(self) -> None:
        """Today's tickets for this service are all taken: say so, and what the citizen can do."""
        self.error.setText(self.tr("今天这个事项的号已经取完了。可以到服务台预约以后的日子，或明天再来取号。"))
        self.error.show()

    def _confirm(self) -> None:
        if self.valid():
            self.confirmed.emit()
