"""预约签到: an appointment is checked in by its 6-character code (on-screen keyboard) or by the
resident ID (card reader or keypad) and the mobile number it was booked with. The ±15 minute rule
of the queue (hall.yaml ``appointment_grace_minutes``) applies from check-in: on time the ticket
keeps the appointment's priority (预约优先); early, the visitor is told when check-in opens and may
take an ordinary ticket now; late, the ticket is an ordinary one and the slip says why. Another
day's, an unknown, a cancelled or an already checked-in appointment gets a clear message (an
already checked-in one offers its ticket again)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.appointments import CODE_ALPHABET, CODE_LENGTH, Appointment, Arrival, CheckInCode, CheckInError
from kiosk.domain.desk import DuplicateTicket
from kiosk.domain.ids import mask_id, phone_problem, resident_id_problem
from kiosk.domain.lifecycle import HallError
from kiosk.domain.personas import PERSONAS
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import CheckIn, Promises
from kiosk.ui.kiosk.devices import failed_text, read_card
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import (
    Keypad,
    OnScreenKeyboard,
    button,
    classed,
    label,
    named,
    restyle,
    scrolled_page,
    set_text,
    to_top,
)
from kiosk.ui.shared.words import clock_time
from kiosk.usability.events import AppEvent

BY_CODE, BY_ID = "code", "id"
ID_FIELD, PHONE_FIELD = "id", "phone"
#: Characters a code never has (they look like others): said at the field when typed.
LOOK_ALIKES = "01ILO"


def code_text(text: str) -> str:
    """What a visitor types, as a code: capitals, no spaces or dashes (the look-alikes are left for
    the field to point out: a code never has them)."""
    return "".join(text.split()).replace("-", "").upper()


def day_text(day: str, language: Language) -> str:
    d = _dt.date.fromisoformat(day)
    return f"{d:%-d %b %Y}" if language.english else language.translate("CheckInScreen", "{y} 年 {m} 月 {d} 日").format(
        y=d.year, m=d.month, d=d.day)


def slot_time(appointment: Appointment) -> str:
    return clock_time(_dt.datetime.fromtimestamp(appointment.slot))


class CheckInScreen(Page, QWidget):
    """Emits ``slip_ready(slip, notes)`` when a ticket was issued (``notes()``: the slip's lines
    about the appointment, in the kiosk's language), ``reprint(ticket_id)`` for a ticket the visitor
    holds already, ``take_ticket()`` to take an ordinary ticket another way."""

    slip_ready = Signal(object, object)
    reprint = Signal(int)
    take_ticket = Signal()
    happened = Signal(str, dict)  # what the kiosk did (KioskWindow.happened)
    card_failed = False  # the reader did not read the card tapped: said at the ID field

    def __init__(self, promises: Promises, language: Language):
        super().__init__()
        self.promises, self.language = promises, language
        self.grace = promises.hall.policy.appointment_grace_minutes
        self.setObjectName("screen_checkin")
        self.mode = BY_CODE
        self.target = ID_FIELD
        self.code = ""
        self.resident_id = ""
        self.persona_id = ""
        self.phone = ""
        self.appointment: Appointment | None = None
        self.outcome: tuple[str, object] | None = None  # what the result card says: (kind, detail)
        outer, root = scrolled_page(self, 36, 12)

        self.lead = label(cls="lead")
        root.addWidget(self.lead)
        modes = QHBoxLayout()
        modes.setSpacing(12)
        self.mode_buttons = {}
        for m in (BY_CODE, BY_ID):
            b = button(f"checkin_by_{m}", "chip", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, mode=m: self.set_mode(mode))
            modes.addWidget(b, 1)
            self.mode_buttons[m] = b
        root.addLayout(modes)

        # what happened (the result card with its choices): at the top, read first
        self.result = classed(QFrame(), "card")
        self.result.setObjectName("checkin_result")
        rl = QVBoxLayout(self.result)
        rl.setContentsMargins(24, 18, 24, 18)
        rl.setSpacing(12)
        self.result_text = label(cls="big")
        self.result_text.setObjectName("checkin_result_text")
        rl.addWidget(self.result_text)
        rrow = QHBoxLayout()
        rrow.setSpacing(12)
        self.ordinary = button("checkin_take_ordinary", "primary", wrap=True)
        self.ordinary.clicked.connect(lambda: self._check_in(take_ordinary=True))
        self.again = button("checkin_reprint", "primary", wrap=True)
        self.again.clicked.connect(self._reprint)
        self.other = button("checkin_take_ticket", "", wrap=True)
        self.other.clicked.connect(self.take_ticket)
        for b in (self.ordinary, self.again, self.other):
            rrow.addWidget(b, 1)
        rl.addLayout(rrow)
        root.addWidget(self.result)

        # by code
        code_panel = QWidget()
        cl = QVBoxLayout(code_panel)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(8)
        self.code_title = label(cls="h2")
        cl.addWidget(self.code_title)
        self.code_field = named(QLineEdit(), "code_field")
        self.code_field.setReadOnly(True)
        self.code_field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        cl.addWidget(self.code_field)
        self.code_error = label(cls="muted")
        self.code_error.setObjectName("code_error")
        cl.addWidget(self.code_error)
        self.keyboard = OnScreenKeyboard(language)
        self.keyboard.typed.connect(self._typed)
        self.keyboard.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keyboard.cleared.connect(lambda: self._edit(lambda s: ""))
        cl.addWidget(self.keyboard)
        root.addWidget(code_panel)
        self.code_panel = code_panel
        # by ID + phone
        id_panel = QWidget()
        il = QVBoxLayout(id_panel)
        il.setContentsMargins(0, 0, 0, 0)
        il.setSpacing(8)
        self.reader_title = label(cls="h2")
        il.addWidget(self.reader_title)
        cards = QGridLayout()
        cards.setSpacing(12)
        self.persona_buttons = {}
        for i, p in enumerate(PERSONAS):
            b = button(f"checkin_persona_{p.id}", "persona", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, pid=p.id: self.read_card(pid))
            cards.addWidget(b, i // 2, i % 2)
            self.persona_buttons[p.id] = b
        il.addLayout(cards)
        manual = QHBoxLayout()
        manual.setSpacing(20)
        fields = QVBoxLayout()
        fields.setSpacing(6)
        self.id_pick = button("checkin_id_pick", "chip", checkable=True)
        self.id_field = named(QLineEdit(), "checkin_id_field")
        self.id_error = label(cls="muted")
        self.phone_pick = button("checkin_phone_pick", "chip", checkable=True)
        self.phone_field = named(QLineEdit(), "checkin_phone_field")
        self.phone_error = label(cls="muted")
        self.id_pick.clicked.connect(lambda: self._target(ID_FIELD))
        self.phone_pick.clicked.connect(lambda: self._target(PHONE_FIELD))
        for pick, field, err in ((self.id_pick, self.id_field, self.id_error),
                                 (self.phone_pick, self.phone_field, self.phone_error)):
            field.setReadOnly(True)
            field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            field.installEventFilter(self)
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
        il.addLayout(manual)
        root.addWidget(id_panel)
        self.id_panel = id_panel
        root.addStretch(1)

        # the footer: 签到, always in view
        footer = classed(QFrame(), "footer")
        fv = QVBoxLayout(footer)
        fv.setContentsMargins(36, 14, 36, 14)
        fv.setSpacing(10)
        fl = QHBoxLayout()
        self.error = label(cls="error")
        self.error.setObjectName("checkin_error")
        fl.addWidget(self.error, 1)
        self.confirm = button("checkin_confirm", "primary")
        self.confirm.clicked.connect(self.find)
        fl.addWidget(self.confirm, 1)
        fv.addLayout(fl)
        outer.addWidget(footer)
        self.reset()

    # --- state ------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the code, the ID, the phone and the appointment found."""
        self.code, self.resident_id, self.persona_id, self.phone = "", "", "", ""
        self.appointment, self.outcome, self.problem = None, None, ""
        self.mode, self.target = BY_CODE, ID_FIELD
        self.card_failed = False
        self.refresh()

    def enter(self) -> None:
        self.refresh()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.outcome, self.problem = None, ""
        self.refresh()

    def read_card(self, pid: str) -> None:
        """The demo ID-card reader: a tap on a card 'reads' it (or the reader fails: said)."""
        p = read_card(self, pid)
        if p is None:
            return
        self.persona_id, self.resident_id = p.id, p.resident_id
        self.target = PHONE_FIELD  # the card gave the ID: the phone is next
        self.outcome, self.problem = None, ""
        self.refresh()

    def _target(self, which: str) -> None:
        self.target = which
        self.refresh()

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard: letters and digits into the code, digits (and X) into the ID and
        phone; Backspace; Enter checks in."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._edit(lambda s: s[:-1])
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.confirm.isEnabled():
                self.find()
            return True
        text = event.text()
        if not text or event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Tab):
            return False
        if self.mode == BY_CODE:
            self._typed(text)  # anything printable: the field says what a code cannot hold
            return True
        text = text.upper()
        if len(text) == 1 and (text.isdigit() or text == "X"):
            self._typed(text)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in (self.id_field, self.phone_field):
            self._target(ID_FIELD if watched is self.id_field else PHONE_FIELD)
        return super().eventFilter(watched, event)

    def _typed(self, text: str) -> None:
        if self.mode == BY_CODE:
            self._edit(lambda s: (s + text)[:CODE_LENGTH * 2])
            return
        if self.target == PHONE_FIELD and text == "X":
            return
        limit = 18 if self.target == ID_FIELD else 11
        self._edit(lambda s: s + text if len(s) < limit else s)

    def _edit(self, fn: Callable[[str], str]) -> None:
        if self.mode == BY_CODE:
            self.code = fn(self.code)
        elif self.target == ID_FIELD:
            if self.persona_id:  # typing replaces a card that was read
                self.persona_id, self.resident_id = "", ""
            self.resident_id = fn(self.resident_id)
            self.card_failed = False
        else:
            self.phone = fn(self.phone)
        self.outcome, self.problem = None, ""
        self.refresh()

    # --- checks at the fields -----------------------------------------------------------------

    def code_status(self) -> tuple[str, bool]:
        code = code_text(self.code)
        if not code:
            return "", False
        if not (code.isascii() and code.isalnum()):
            return self.tr("预约码只有字母和数字"), True
        if any(ch in LOOK_ALIKES for ch in code):
            return self.tr("预约码里没有 0、1、I、L、O，请对照短信再看一下"), True
        if len(code) < CODE_LENGTH:
            return self.tr("还差 {n} 位").format(n=CODE_LENGTH - len(code)), False
        if len(code) > CODE_LENGTH:
            return self.tr("预约码是 {n} 位，多了 {m} 位").format(n=CODE_LENGTH, m=len(code) - CODE_LENGTH), True
        if any(ch not in CODE_ALPHABET for ch in code):
            return self.tr("预约码只有字母和数字"), True
        return "", False

    def id_status(self) -> tuple[str, bool]:
        rid = self.resident_id
        if not rid:
            return (failed_text(self.language), True) if self.card_failed else ("", False)
        if len(rid) < 18:
            return self.tr("还差 {n} 位").format(n=18 - len(rid)), False
        problem = resident_id_problem(rid, self.promises.desk.today())
        if problem is None:
            return "", False
        return {"chars": self.tr("只有最后一位可以是 X"),
                "birth_date": self.tr("第 7–14 位的出生日期不对，请核对"),
                "checksum": self.tr("身份证号码有误，请逐位核对")}.get(problem, self.tr("身份证号码不对")), True

    def phone_status(self) -> tuple[str, bool]:
        phone = self.phone
        if not phone:
            return "", False
        if len(phone) < 11:
            return self.tr("还差 {n} 位").format(n=11 - len(phone)), False
        return (self.tr("手机号应以 13–19 开头"), True) if phone_problem(phone) else ("", False)

    def ready(self) -> bool:
        if self.mode == BY_CODE:
            return len(code_text(self.code)) == CODE_LENGTH and not self.code_status()[0]
        return (bool(self.resident_id) and not self.id_status()[0] and bool(self.phone)
                and not self.phone_status()[0])

    # --- checking in --------------------------------------------------------------------------

    def find(self) -> None:
        """签到: find the appointment, then check it in."""
        if not self.ready():
            return
        try:
            if self.mode == BY_CODE:
                self.appointment = self.promises.find_appointment(code=code_text(self.code))
            else:
                self.appointment = self.promises.find_appointment(resident_id=self.resident_id, phone=self.phone)
        except CheckInError as exc:
            self._show(exc.code.value, exc.appointment)
            return
        except HallError:
            self._show("invalid_id", None)
            return
        except StoreError:
            self._show("store", None)
            return
        self._check_in(take_ordinary=False)

    def _check_in(self, take_ordinary: bool) -> None:
        appt = self.appointment
        if appt is None:
            return
        rid = self.resident_id if self.mode == BY_ID else None
        try:
            done = self.promises.check_in(appt, take_ordinary=take_ordinary, resident_id=rid)
        except CheckInError as exc:
            self._show(exc.code.value, exc.appointment)
            return
        except DuplicateTicket as dup:
            self._show("duplicate", dup.ticket)
            return
        except HallError:
            self._show("refused", None)
            return
        except StoreError:
            self._show("store", None)
            return
        if done.slip is None:
            self._show(done.arrival.value, done)
            return
        self.happened.emit(AppEvent.CHECKED_IN.value, {"arrival": done.arrival.value})
        self.slip_ready.emit(done.slip, lambda d=done: self.slip_notes(d))

    def slip_notes(self, done: CheckIn) -> list[str]:
        """The slip's lines about the appointment, in the kiosk's language now."""
        slot = slot_time(done.appointment)
        if done.arrival == Arrival.ON_TIME:
            return [self.tr("预约优先 · 预约时间 {time}").format(time=slot)]
        if done.arrival == Arrival.LATE:
            late = int((done.slip.ticket.issued_at - done.appointment.slot) // 60) if done.slip else 0
            return [self.tr("比预约时间 {time} 晚了 {m} 分钟（超过 {grace} 分钟），按普通号排队").format(
                time=slot, m=late, grace=int(self.grace))]
        return [self.tr("普通号：预约签到 {time} 开始，您选了现在取号").format(time=clock_time(done.opens))]

    def _reprint(self) -> None:
        kind, detail = self.outcome or ("", None)
        ticket_id = getattr(detail, "ticket_id", None) if kind == CheckInCode.ALREADY.value else getattr(detail, "id", None)
        if ticket_id:
            self.reprint.emit(ticket_id)

    def _show(self, kind: str, detail: object) -> None:
        self.outcome = (kind, detail)
        self.refresh()
        to_top(self)  # the result is at the top: in view, and read first
    # --- rendering --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.code_panel.setVisible(self.mode == BY_CODE)
        self.id_panel.setVisible(self.mode == BY_ID)
        for m, b in self.mode_buttons.items():
            b.setChecked(m == self.mode)
        self.code_field.setText(code_text(self.code) if self.code.strip() else self.code)
        self.id_field.setText(mask_id(self.resident_id) if self.persona_id else self.resident_id)
        self.phone_field.setText(self.phone)
        self.id_pick.setChecked(self.target == ID_FIELD)
        self.phone_pick.setChecked(self.target == PHONE_FIELD)
        for pid, b in self.persona_buttons.items():
            b.setChecked(pid == self.persona_id)
        self.keypad.key_x.setVisible(self.target == ID_FIELD)
        kind = self.outcome[0] if self.outcome else ""
        self.result.setVisible(bool(kind))
        self.ordinary.setVisible(kind == Arrival.EARLY.value)
        self.again.setVisible(kind in (CheckInCode.ALREADY.value, "duplicate"))
        self.other.setVisible(kind in (Arrival.EXPIRED.value, Arrival.OTHER_DAY.value, CheckInCode.NOT_FOUND.value,
                                       CheckInCode.CANCELLED.value))
        self.confirm.setEnabled(self.ready())
        self.retranslate()

    def retranslate(self) -> None:
        en = self.language.english
        self.lead.setText(self.tr("到了请签到：预约时间前后 {grace} 分钟内签到，优先叫号。").format(grace=int(self.grace)))
        set_text(self.mode_buttons[BY_CODE], self.tr("用预约码签到"))
        set_text(self.mode_buttons[BY_ID], self.tr("用身份证和手机号签到"))
        self.code_title.setText(self.tr("请输入预约短信里的 6 位预约码"))
        self.code_field.setPlaceholderText(self.tr("6 位字母和数字"))
        self.code_field.setAccessibleName(self.tr("预约码"))
        self.reader_title.setText(self.tr("请把身份证放到读卡区（演示：点一张卡）"))
        for p in PERSONAS:
            name = p.name_en if en else p.name
            desc = p.description_en if en else p.description
            chosen = p.id == self.persona_id
            set_text(self.persona_buttons[p.id], f"{'✓ ' if chosen else ''}{name}\n{desc}",
                     name + (self.tr("（已读取）") if chosen else ""))
            self.persona_buttons[p.id].setAccessibleDescription(desc)
        set_text(self.id_pick, self.tr("身份证号"))
        set_text(self.phone_pick, self.tr("预约时留的手机号"))
        self.id_field.setPlaceholderText(self.tr("18 位，最后一位可以是 X"))
        self.phone_field.setPlaceholderText(self.tr("11 位手机号"))
        self.id_field.setAccessibleName(self.tr("身份证号"))
        self.phone_field.setAccessibleName(self.tr("预约时留的手机号"))
        active = {ID_FIELD: self.id_field, PHONE_FIELD: self.phone_field}[self.target]
        for field, err, (msg, error) in ((self.code_field, self.code_error, self.code_status()),
                                         (self.id_field, self.id_error, self.id_status()),
                                         (self.phone_field, self.phone_error, self.phone_status())):
            err.setText(msg or " ")
            err.setProperty("class", "error" if error else "muted")
            restyle(err)
            field.setProperty("class", "invalid" if error else ("active" if field in (active, self.code_field) else ""))
            restyle(field)
        set_text(self.confirm, self.tr("签到"))
        set_text(self.ordinary, self.tr("现在取普通号"))
        set_text(self.again, self.tr("重新打印小票"))
        set_text(self.other, self.tr("取号办事"))
        self.result_text.setText(self._result_words())
        self.error.setText("")
        self.error.hide()

    def _result_words(self) -> str:
        if not self.outcome:
            return ""
        kind, detail = self.outcome
        appt = detail.appointment if isinstance(detail, CheckIn) else detail if isinstance(detail, Appointment) else None
        if kind == Arrival.EARLY.value and isinstance(detail, CheckIn):
            return self.tr("您预约的是 {slot}，{opens} 起可以签到（提前 {grace} 分钟）。可以到时再来签到，"
                           "也可以现在取普通号，按顺序排队。").format(
                slot=slot_time(detail.appointment), opens=clock_time(detail.opens), grace=int(self.grace))
        if kind == Arrival.EXPIRED.value and appt is not None:
            return self.tr("这个预约是 {day} 的，已经过了。请重新预约，或者现在取号办理。").format(
                day=day_text(appt.day, self.language))
        if kind == Arrival.OTHER_DAY.value and appt is not None:
            return self.tr("这个预约是 {day} {time} 的，不是今天。请那天再来签到；今天要办可以取号。").format(
                day=day_text(appt.day, self.language), time=slot_time(appt))
        if kind == CheckInCode.ALREADY.value and appt is not None:
            return self.tr("这个预约已经签到过了，号码是 {number}。小票丢了可以重新打印。").format(number=appt.number)
        if kind == CheckInCode.CANCELLED.value:
            return self.tr("这个预约已经取消了。今天要办可以取号。")
        if kind == "duplicate":
            return self.tr("您今天已经有这个事项的号：{number}。同一事项每人只能有一个号。").format(
                number=getattr(detail, "number", ""))
        if kind == CheckInCode.NOT_FOUND.value:
            return (self.tr("没有找到这个预约码，请对照短信再看一下。") if self.mode == BY_CODE
                    else self.tr("没有找到今天用这个身份证号和手机号的预约，请核对，或者用预约码签到。"))
        if kind == "invalid_id":
            return self.tr("身份证号码有误，请逐位核对")
        if kind == "store":
            return self.tr("系统暂时无法签到，请到服务台由工作人员为您签到。")
        return self.tr("现在不能签到，请到服务台问一下。")
