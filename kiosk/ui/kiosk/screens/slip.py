"""The ticket slip on screen: number, what for, where to go, people ahead, wait range (or, when no
window can call the ticket, when calling resumes), QR."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.desk import Halt, Slip
from kiosk.domain.hall import Hall, window_span
from kiosk.domain.ids import mask_phone
from kiosk.ui.kiosk.slip_pdf import slip_qr_text
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import QrCode, button, classed, label, restyle, scrolled_page, set_text
from kiosk.ui.shared.words import clock_time, when_text


def windows_text(slip: Slip, language: Language) -> str:
    nums = [w.number for w in slip.windows]
    if not nums:
        return ""
    name = slip.windows[0].name_en if language.english else slip.windows[0].name
    span = window_span(nums, language.translate("SlipScreen", "、"))
    if slip.halt is not None and slip.halt.for_another_day:  # nobody waits today: just where it is done
        return language.translate("SlipScreen", "办理窗口：{span} 号{name}").format(span=span, name=name)
    return language.translate("SlipScreen", "请到 {span} 号{name}等候叫号").format(span=span, name=name)


def ahead_text(slip: Slip, language: Language) -> str:
    """People ahead — or, when this ticket will not be called today, that calling is over."""
    if slip.halt == Halt.AFTER_HOURS:
        return language.translate("SlipScreen", "今天已停止叫号")
    if slip.halt == Halt.DAY_OFF:
        return language.translate("SlipScreen", "今天窗口休息，不叫号")
    return language.translate("SlipScreen", "前面还有 {n} 人").format(n=slip.ahead)


def wait_text(slip: Slip, language: Language) -> str:
    """The wait estimate while a window can call the ticket; otherwise when calling resumes
    (never "马上就到您" when no window can call)."""
    day = _dt.date.fromisoformat(slip.ticket.day)
    when = when_text(slip.resumes_at, day, language) if slip.resumes_at is not None else ""
    if slip.halt is None:
        lo, hi = slip.wait
        if slip.ahead == 0:
            return language.translate("SlipScreen", "马上就到您，请留意叫号")
        return language.translate("SlipScreen", "预计等候约 {lo}–{hi} 分钟").format(lo=lo, hi=hi)
    if slip.halt.for_another_day:  # numbers are per day: this one is not called again
        if slip.resumes_at is None:
            return language.translate("SlipScreen", "请在办公时间重新取号")
        return language.translate("SlipScreen", "{when} 起请重新取号办理").format(when=when)
    if slip.resumes_at is None:  # paused, and nobody knows until when
        return language.translate("SlipScreen", "窗口暂停服务，恢复后按顺序叫号，请留意叫号")
    if slip.halt == Halt.BEFORE_HOURS:
        return language.translate("SlipScreen", "{when} 开始叫号，请留意叫号").format(when=when)
    return language.translate("SlipScreen", "窗口暂停服务，约 {time} 起继续叫号").format(time=clock_time(slip.resumes_at))


def slip_lines(slip: Slip, language: Language, subject: str, phone: str = "", hall: Hall | None = None) -> list[str]:
    """The slip's text lines in ``language`` (the kiosk's), shared by the screen and the PDF:
    caption, subject, where, people ahead, the wait (or when calling resumes), the green channel
    and the SMS reminder when they apply, the time issued, the closing line. ``phone`` is shown
    masked. A ticket that will not be called (issued after hours) promises no priority or SMS.
    The closing line's 办不成事 window comes from ``hall`` (hall.yaml), never from a translation."""
    t = slip.ticket
    issued = _dt.datetime.fromtimestamp(t.issued_at).strftime("%Y-%m-%d %H:%M")
    lines = [language.translate("SlipScreen", "取号凭条"), subject, windows_text(slip, language),
             ahead_text(slip, language), wait_text(slip, language)]
    called_today = slip.halt is None or not slip.halt.for_another_day
    if t.green and called_today:
        lines.append(language.translate("SlipScreen", "绿色通道 · 优先叫号"))
    if phone and called_today:
        lines.append(language.translate("SlipScreen", "快到您时短信提醒 {phone}").format(phone=mask_phone(phone)))
    lines.append(language.translate("SlipScreen", "取号时间 {time}").format(time=issued))
    problem = [w.number for w in hall.windows_for("cannot_do")] if hall is not None else []
    lines.append(language.translate("SlipScreen", "过号了？请到服务台说明，可重新排队。办不成事？请到 {windows} 号专窗")
                 .format(windows=window_span(problem, language.translate("SlipScreen", "、"))) if problem
                 else language.translate("SlipScreen", "过号了？请到服务台说明，可重新排队"))
    return lines


class SlipScreen(Page, QWidget):
    done = Signal()

    def __init__(self, hall: Hall, language: Language):
        super().__init__()
        self.hall, self.language = hall, language
        self.setObjectName("screen_slip")
        self.slip: Slip | None = None
        self.notes: Callable[[], list[str]] | None = None
        self.subject = ""
        self.subject_en = ""
        self.phone = ""
        self.pdf_path = ""
        self.print_error = ""
        # the slip scrolls when it needs more than the screen (English 长辈版 with a reprint note);
        # 完成 stays in view below it
        outer, root = scrolled_page(self, 40, 16)
        card = classed(QFrame(), "card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(36, 30, 36, 30)
        cl.setSpacing(14)
        self.caption = label(cls="h2")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = label(cls="ticket-number", wrap=False)
        self.number.setObjectName("slip_number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.green = label(cls="badge-green")
        self.green.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = label(cls="badge-green")  # what the slip says besides the ticket (a case recorded …)
        self.note.setObjectName("slip_note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.hide()
        self.what = label(cls="big")
        self.what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = label(cls="h2")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ahead = label(cls="big")
        self.ahead.setObjectName("slip_ahead")
        self.ahead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait = label(cls="big")
        self.wait.setObjectName("slip_wait")
        self.wait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.caption, self.number, self.note, self.green, self.what, self.where, self.ahead, self.wait):
            cl.addWidget(w)
        qr_row = QHBoxLayout()
        qr_row.addStretch(1)
        self.qr = QrCode(240)
        self.qr.setObjectName("slip_qr")
        self.qr.setAccessibleName("ticket QR code")
        qr_row.addWidget(self.qr)
        qr_row.addStretch(1)
        cl.addLayout(qr_row)
        self.issued = label(cls="muted")
        self.issued.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cl.addWidget(self.issued)
        root.addWidget(card)
        self.reprint_note = label(cls="badge-amber")
        self.printed = label(cls="muted")
        self.printed.setObjectName("slip_printed")
        root.addWidget(self.reprint_note)
        root.addWidget(self.printed)
        root.addStretch(1)
        self.finish = button("slip_done", "primary")
        self.finish.clicked.connect(self.done)
        footer = classed(QFrame(), "footer")
        fl = QVBoxLayout(footer)
        fl.setContentsMargins(40, 16, 40, 24)
        fl.addWidget(self.finish)
        outer.addWidget(footer)

    def show_slip(self, slip: Slip, subject: str, subject_en: str, pdf_path: str, print_error: str,
                  phone: str = "", notes: Callable[[], list[str]] | None = None) -> None:
        """``notes`` words what the slip says besides the ticket, in the terminal's language."""
        self.slip, self.subject, self.subject_en, self.phone = slip, subject, subject_en, phone
        self.notes = notes
        self.pdf_path, self.print_error = pdf_path, print_error
        self.retranslate()

    def reset(self) -> None:
        self.slip = None
        self.phone = ""
        self.notes = None
        self.number.setText("")
        self.qr.set_text("")

    def retranslate(self) -> None:
        set_text(self.finish, self.tr("完成，返回首页"))
        if self.slip is None:
            return
        en = self.language.english
        t = self.slip.ticket
        lines = slip_lines(self.slip, self.language, self.subject_en if en else self.subject, self.phone, self.hall)
        self.caption.setText(lines[0])
        self.number.setText(t.number)
        self.number.setAccessibleName(self.tr("您的号码 {number}").format(number=t.number))
        self.green.setText("\n".join(line for line in lines[5:-2]))  # green channel, SMS reminder
        self.green.setVisible(len(lines) > 7)
        notes = self.notes() if self.notes is not None else []
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self.what.setText(lines[1])
        self.where.setText(lines[2])
        self.ahead.setText(lines[3])
        self.wait.setText(lines[4])
        self.issued.setText(lines[-2] + "\n" + lines[-1])
        self.qr.set_text(slip_qr_text(self.slip, self.hall.name_en if en else self.hall.name))
        self.reprint_note.setText(self.tr("这是您已取号码的补打小票，号码和排队位置不变。"))
        self.reprint_note.setVisible(self.slip.reprint)
        if self.print_error:
            self.printed.setText(self.tr("小票没能打印（{error}），请记下您的号码。").format(error=self.print_error))
            self.printed.setProperty("class", "error")
        else:
            self.printed.setText(self.tr("小票已打印，请取走。"))
            self.printed.setProperty("class", "muted")
        restyle(self.printed)  # the class changed: an unprinted slip is said as an error, not in grey
