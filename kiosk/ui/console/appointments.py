"""The console's 预约登记 panel: staff book an appointment for a citizen who asks at the window or
on the phone — date, time, item code, resident ID and mobile number, each checked at its field —
and read out the 6-character code the citizen checks in with at the kiosk. The same person at the
same time is booked once."""

from __future__ import annotations

import datetime as _dt
import logging
import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from kiosk.domain.appointments import AppointmentStatus, Source, booking, person_hash
from kiosk.domain.ids import phone_problem, resident_id_problem
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.console.frame import panel_frame
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import button, classed, label, named, restyle, set_text
from kiosk.ui.shared.words import store_error_text

log = logging.getLogger(__name__)

FIELDS = ("date", "time", "item", "id", "phone")


class AppointmentsPanel(Retranslating, QFrame):
    """Emits ``closed()`` on 返回; ``booked(appointment)`` after a booking."""

    closed = Signal()
    booked = Signal(object)

    def __init__(self, promises: Promises, language: Language, clock: Callable[[], _dt.datetime]):
        super().__init__()
        self.promises, self.language, self.clock = promises, language, clock
        self.problems: dict[str, str] = {}
        self.result: tuple[str, str] | None = None  # (kind, detail): booked code, a duplicate, a store problem
        classed(self, "card")
        self.setObjectName("console_appointments_panel")
        lay, self.title, self.cancel = panel_frame(self, "appointments", self.closed, spacing=8)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.fields: dict[str, QLineEdit] = {}
        self.captions: dict[str, QWidget] = {}
        self.errors: dict[str, QWidget] = {}
        spots = {"date": (0, 0, 2), "time": (0, 2, 1), "item": (0, 3, 2), "id": (3, 0, 3), "phone": (3, 3, 2)}
        for key, (row, col, span) in spots.items():
            caption = label(cls="muted")
            field = named(QLineEdit(), f"appointment_{key}")
            field.textEdited.connect(lambda _t, k=key: self._edited(k))
            field.returnPressed.connect(self.book)
            err = label(cls="muted")
            err.setObjectName(f"appointment_{key}_error")
            grid.addWidget(caption, row, col, 1, span)
            grid.addWidget(field, row + 1, col, 1, span)
            grid.addWidget(err, row + 2, col, 1, span)
            self.fields[key], self.captions[key], self.errors[key] = field, caption, err
        for c in range(5):
            grid.setColumnStretch(c, 1)
        lay.addLayout(grid)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.book_button = button("appointment_book", "primary")
        self.book_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.book_button.clicked.connect(self.book)
        self.outcome = label(cls="console-lead")
        self.outcome.setObjectName("appointment_outcome")
        row.addWidget(self.book_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.outcome, 1)
        lay.addLayout(row)
        lay.addStretch(1)
        self.reset()

    def reset(self) -> None:
        """A fresh form: today, no time, nothing personal."""
        for f in self.fields.values():
            f.clear()
        self.fields["date"].setText(self.clock().date().isoformat())
        self.problems, self.result = {}, None
        self.retranslate()

    def _edited(self, key: str) -> None:
        self.problems.pop(key, None)
        self.result = None
        self.retranslate()

    # --- checks -------------------------------------------------------------------------------

    def check(self) -> tuple[dict[str, str], tuple | None]:
        """Every field's problem (in words) and, when there is none, what to book."""
        now = self.clock()
        text = {k: f.text().strip() for k, f in self.fields.items()}
        problems: dict[str, str] = {}
        day = time = None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text["date"]):
                raise ValueError
            day = _dt.date.fromisoformat(text["date"])
            if day < now.date():
                problems["date"] = self.tr("这一天已经过去了")
        except ValueError:
            problems["date"] = self.tr("请写成 {example} 这样的日期").format(example=now.date().isoformat())
        try:
            if not re.fullmatch(r"\d{1,2}:\d{2}", text["time"]):
                raise ValueError
            time = _dt.time.fromisoformat(text["time"].zfill(5))
        except ValueError:
            problems["time"] = self.tr("如 09:30")
        if day is not None and time is not None and "date" not in problems:
            slot = _dt.datetime.combine(day, time)
            if slot < now:
                problems["time"] = self.tr("时间已过")
            elif not self.promises.hall.calling_at(slot):
                problems["time"] = self.tr("窗口不叫号")
        code = text["item"].upper()
        if not code:
            problems["item"] = self.tr("请填事项编码，例如 QYKB-001")
        elif code not in self.promises.catalogue.by_code:
            problems["item"] = self.tr("没有这个事项编码")
        rid = text["id"].upper()
        why = resident_id_problem(rid, now.date())
        if why:
            problems["id"] = {"empty": self.tr("请填身份证号"), "length": self.tr("身份证号是 18 位"),
                              "checksum": self.tr("身份证号码有误，请逐位核对")}.get(why, self.tr("身份证号码不对"))
        why = phone_problem(text["phone"])
        if why:
            problems["phone"] = self.tr("请填手机号") if why == "empty" else self.tr("不是 11 位手机号")
        if problems:
            return problems, None
        return {}, (day, time, code, rid, text["phone"])

    def book(self) -> None:
        self.problems, what = self.check()
        self.result = None
        if what is None:
            self.retranslate()
            return
        day, time, code, rid, phone = what
        try:
            mine = self.promises.store.appointments_of(person_hash(rid, phone, day.isoformat()), day.isoformat())
            same = next((a for a in mine if a.status == AppointmentStatus.BOOKED
                         and a.slot == _dt.datetime.combine(day, time).timestamp()), None)
            if same is not None:
                self.result = ("duplicate", same.code)
            else:
                new = booking(day, time, code, None, rid, phone, Source.CONSOLE, self.clock())
                (appointment,) = self.promises.book([new])
                self.result = ("booked", appointment.code)
                for key in ("id", "phone"):  # personal: gone once booked (and a second tap books nothing)
                    self.fields[key].clear()
                self.booked.emit(appointment)
        except StoreError as exc:
            log.warning("appointment not booked: %s", exc)
            self.result = ("store", store_error_text(exc, self.language, staff=True))
        self.retranslate()

    # --- rendering --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("预约登记"))
        set_text(self.cancel, self.tr("返回"))
        captions = {"date": self.tr("日期"), "time": self.tr("时间"), "item": self.tr("事项编码"),
                    "id": self.tr("身份证号"), "phone": self.tr("手机号")}
        for key, field in self.fields.items():
            self.captions[key].setText(captions[key])
            field.setAccessibleName(captions[key])
            err = self.errors[key]
            msg = self.problems.get(key, "")
            err.setText(f"⚠ {msg}" if msg else " ")
            err.setProperty("class", "error" if msg else "muted")
            restyle(err)
            field.setProperty("class", "invalid" if msg else "")
            restyle(field)
        self.fields["time"].setPlaceholderText("09:30")
        self.fields["item"].setPlaceholderText("QYKB-001")
        set_text(self.book_button, self.tr("登记预约"))
        kind, detail = self.result or ("", "")
        if kind == "booked":
            self.outcome.setText(self.tr("已预约。请把预约码告诉办事人：{code}").format(code=detail))
        elif kind == "duplicate":
            self.outcome.setText(self.tr("⚠ 此人这个时间已经有预约，预约码 {code}，没有重复登记").format(code=detail))
        elif kind == "store":
            self.outcome.setText(f"⚠ {detail}")
        else:
            item = self.promises.catalogue.by_code.get(self.fields["item"].text().strip().upper())
            self.outcome.setText(self.tr("事项：{name}").format(name=item.name_en if self.language.english else item.name)
                                 if item else self.tr("核对无误后点“登记预约”，把预约码告诉办事人。"))
        self.outcome.setProperty("class", "console-lead error" if kind in ("duplicate", "store") else "console-lead")
        restyle(self.outcome)
