"""容缺受理 (the seed's 容缺+承诺+信用 三联动极速办) at the kiosk, in three screens:

1. :class:`RongqueScreen` — which of the item's 容缺 materials are missing (toggles with ✓); the
   materials that cannot follow later are listed as such.
2. :class:`ApplicantScreen` — who applies: a person (resident ID by the card reader or the keypad)
   or a legal person (unified social credit code by the licence scanner or the keyboard, checked at
   the field by its check character). An applicant who is not in good standing, or not on the
   credit list, is told why — kindly, before any 承诺书 — and offered an ordinary ticket.
3. :class:`LetterScreen` — the 承诺书: the applicant's name from the credit list, the missing
   materials and their form, the due date in working days (hall.yaml ``promises``), what happens
   if it is not kept. 确认 issues the ticket with the commitment in one transaction; a person who
   already holds a ticket for the item is offered its reprint instead.
"""

from __future__ import annotations

import datetime as _dt
import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.catalogue import Catalogue, Item
from kiosk.domain.commitments import Applicant, CommitmentError, NewCommitment, Refusal, Standing, deferrable
from kiosk.domain.desk import DuplicateTicket
from kiosk.domain.lifecycle import OPEN_STATUSES, HallError
from kiosk.domain.promises import Promises
from kiosk.domain.visit import Visit
from kiosk.store.errors import StoreError
from kiosk.ui.kiosk.screens.id_entry import CodeEntry, IdEntry
from kiosk.ui.shared.deferral_words import day_text, due_day, form_text, material_name, refusal_text
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, scrolled_page, set_text

log = logging.getLogger(__name__)

#: Companies on the demo licence scanner (assets/credit.yaml): two in good standing, one not.
DEMO_LICENCES = ("91320583MA1XYK0A01", "92320583MA2B7K3C1R", "91320583MA27FR6N2A")


def current_item(catalogue: Catalogue, visit: Visit) -> Item | None:
    req = visit.request
    return catalogue.by_code.get(req.item_code) if req is not None and req.item_code else None


def missing_of(visit: Visit, item: Item | None) -> list[str]:
    """The materials the citizen chose to hand in later, in the catalogue's order (any other name
    after them: the rules refuse it in words, never silently)."""
    order = [m.name for m in item.materials] if item is not None else []
    return [n for n in order if n in visit.missing] + sorted(n for n in visit.missing if n not in order)


def _footer() -> tuple[QFrame, QVBoxLayout]:
    footer = classed(QFrame(), "footer")
    fv = QVBoxLayout(footer)
    fv.setContentsMargins(36, 14, 36, 14)
    fv.setSpacing(10)
    return footer, fv


class RongqueScreen(Page, QWidget):
    """Which 容缺 materials are missing. ``next()`` once at least one is chosen."""

    next = Signal()

    def __init__(self, catalogue: Catalogue, visit: Visit, language: Language, deferral_days: int):
        super().__init__()
        self.catalogue, self.visit, self.language, self.days = catalogue, visit, language, deferral_days
        self.setObjectName("screen_rongque")
        outer, body = scrolled_page(self, 36, 16)
        self.subject = label(cls="h1")
        self.question = label(cls="lead")
        self.explain = label(cls="muted")
        for w in (self.subject, self.question, self.explain):
            body.addWidget(w)
        self.toggles = QVBoxLayout()
        self.toggles.setSpacing(10)
        body.addLayout(self.toggles)
        self.core_title = label(cls="h2")
        self.core = label(cls="big")
        self.core.setObjectName("rongque_core")
        body.addWidget(self.core_title)
        body.addWidget(self.core)
        body.addStretch(1)
        footer, fv = _footer()
        row = QHBoxLayout()
        self.error = label(cls="error")
        self.error.setObjectName("rongque_error")
        self.error.hide()
        row.addWidget(self.error, 1)
        self.go_on = button("rongque_next", "primary")
        self.go_on.clicked.connect(self._next)
        row.addWidget(self.go_on, 1)
        fv.addLayout(row)
        outer.addWidget(footer)
        self.buttons: dict[str, object] = {}

    def heading(self) -> str:
        return self.tr("容缺受理")

    def enter(self) -> None:
        self.error.hide()
        item = current_item(self.catalogue, self.visit)
        clear_layout(self.toggles)
        self.buttons = {}
        if item is None:
            return
        allowed = deferrable(item)
        self.visit.missing &= set(allowed)
        for i, name in enumerate(allowed):
            b = button(f"rongque_material_{i}", "check", checkable=True, wrap=True)
            b.setChecked(name in self.visit.missing)
            b.clicked.connect(lambda on, n=name: self._toggle(n, on))
            self.toggles.addWidget(b)
            self.buttons[name] = b
        self.retranslate()

    def reset(self) -> None:
        self.error.hide()

    def _toggle(self, name: str, on: bool) -> None:
        (self.visit.missing.add if on else self.visit.missing.discard)(name)
        self.error.hide()
        self.retranslate()

    def _next(self) -> None:
        if not self.visit.missing:
            self.error.setText(self.tr("请点选暂缺的材料（可以选多项）"))
            self.error.show()
            return
        self.next.emit()

    def retranslate(self) -> None:
        set_text(self.go_on, self.tr("下一步：填写申请人"))
        item = current_item(self.catalogue, self.visit)
        if item is None:
            return
        en = self.language.english
        self.subject.setText(item.name_en if en else item.name)
        self.question.setText(self.tr("缺少哪些材料？请点选（可以选多项）"))
        self.explain.setText(self.tr("主要材料齐全时，下面这些材料可以先签承诺书，{n} 个工作日内补交。"
                                     "有不良信用记录的申请人除外。").format(n=self.days))
        for m in item.materials:
            b = self.buttons.get(m.name)
            if b is None:
                continue
            text = self.tr("{name}（{form}）").format(name=m.name_en if en else m.name, form=form_text(m, self.language))
            mark = "✓ " if b.isChecked() else "□ "
            set_text(b, mark + text, text)
        core = [m for m in item.materials if not m.deferrable and not m.e_license]
        self.core_title.setText(self.tr("这些材料办理时必须带齐：") if core else "")
        self.core_title.setVisible(bool(core))
        self.core.setText("\n".join(f"· {m.name_en if en else m.name}" for m in core))
        self.core.setVisible(bool(core))


class ApplicantScreen(Page, QWidget):
    """Who applies, checked against the credit list before the 承诺书. ``next()`` when the
    applicant may commit; ``take_ticket()`` for an ordinary ticket instead."""

    next = Signal()
    take_ticket = Signal()

    def __init__(self, promises: Promises, visit: Visit, language: Language):
        super().__init__()
        self.promises, self.visit, self.language = promises, visit, language
        self.catalogue = promises.catalogue
        self.setObjectName("screen_rongque_applicant")
        self.refusal: CommitmentError | None = None
        outer, body = scrolled_page(self, 36, 12)
        self.subject = label(cls="lead")
        self.question = label(cls="h2")
        body.addWidget(self.subject)
        body.addWidget(self.question)
        kinds = QHBoxLayout()
        kinds.setSpacing(12)
        self.kind_buttons = {}
        for kind in Applicant:
            b = button(f"rongque_kind_{kind.value}", "chip", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, k=kind: self.choose(k))
            kinds.addWidget(b)
            self.kind_buttons[kind] = b
        body.addLayout(kinds)
        self.entries = QStackedWidget()
        self.id_entry = IdEntry(visit, language, lambda: promises.clock().date(), "rq")
        credit = promises.credit
        licences = [credit.records[c] for c in DEMO_LICENCES if c in credit.records]
        self.code_entry = CodeEntry(visit, language, licences, "rq")
        for entry in (self.id_entry, self.code_entry):
            entry.changed.connect(self._changed)
            self.entries.addWidget(entry)
        body.addWidget(self.entries)

        # a refusal is said under what was entered, in view as soon as it is said (the page scrolls to it)
        self.refusal_box = classed(QFrame(), "card")
        self.refusal_box.setObjectName("rongque_refusal")
        rl = QVBoxLayout(self.refusal_box)
        rl.setContentsMargins(24, 16, 24, 16)
        rl.setSpacing(12)
        self.refusal_text = label(cls="error")
        self.refusal_text.setObjectName("rongque_refusal_text")
        rl.addWidget(self.refusal_text)
        self.ordinary = button("rongque_ordinary_ticket", wrap=True)
        self.ordinary.clicked.connect(self.take_ticket)
        rl.addWidget(self.ordinary)
        self.refusal_box.hide()
        body.addWidget(self.refusal_box)
        body.addStretch(1)
        footer, fv = _footer()
        self.go_on = button("rongque_to_letter", "primary")
        self.go_on.clicked.connect(self._next)
        fv.addWidget(self.go_on)
        outer.addWidget(footer)

    def heading(self) -> str:
        return self.tr("容缺受理 · 申请人")

    @property
    def kind(self) -> Applicant:
        return Applicant(self.visit.applicant) if self.visit.applicant else Applicant.PERSON

    def choose(self, kind: Applicant) -> None:
        self.visit.applicant = kind.value
        self.refusal = None
        self.refresh()

    def enter(self) -> None:
        self.refusal = None
        self.id_entry.required = self.code_entry.required = False
        self.id_entry.card_failed = False
        self.refresh()

    def reset(self) -> None:
        self.enter()

    def _changed(self) -> None:
        self.refusal = None
        self.refresh()

    def typed_key(self, event: QKeyEvent) -> bool:
        entry = self.id_entry if self.kind == Applicant.PERSON else self.code_entry
        return entry.typed_key(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.typed_key(event):
            super().keyPressEvent(event)

    def code(self) -> str | None:
        """The applicant's number once it is a valid one (else the field says what is wrong)."""
        return self.id_entry.valid_id() if self.kind == Applicant.PERSON else self.code_entry.valid_code()

    def _next(self) -> None:
        code = self.code()
        if code is None:
            entry = self.id_entry if self.kind == Applicant.PERSON else self.code_entry
            entry.required = True
            entry.refresh()
            return
        item = current_item(self.catalogue, self.visit)
        try:
            self.promises.deferral(item.code if item else "", missing_of(self.visit, item), self.kind, code)
        except CommitmentError as exc:
            log.info("容缺 refused: %s", exc.refusal.value)
            self.refusal = exc
            self.refresh()
            self._show_refusal()
            return
        except HallError:  # no item chosen (or gone from the catalogue): nothing to leave out
            self.refusal = CommitmentError(Refusal.NOTHING_MISSING)
            self.refresh()
            self._show_refusal()
            return
        self.next.emit()

    def _show_refusal(self) -> None:
        """Scroll the refusal into view once it is laid out with its text."""
        area = next(iter(self.findChildren(QScrollArea)), None)
        if area is not None:
            QTimer.singleShot(0, area, lambda: area.ensureWidgetVisible(self.refusal_box, 0, 24))

    def refresh(self) -> None:
        for kind, b in self.kind_buttons.items():
            b.setChecked(kind == self.kind)
        self.entries.setCurrentWidget(self.id_entry if self.kind == Applicant.PERSON else self.code_entry)
        # a stacked page's height is the tallest page's: the one not shown must not hold the room
        for entry in (self.id_entry, self.code_entry):
            entry.setVisible(entry is self.entries.currentWidget())
        for entry in (self.id_entry, self.code_entry):  # (after 首页 both show the visit cleared)
            entry.refresh()
        self.entries.setFixedHeight(self.entries.currentWidget().sizeHint().height())
        self.refusal_box.setVisible(self.refusal is not None)
        self.retranslate()

    def retranslate(self) -> None:
        item = current_item(self.catalogue, self.visit)
        en = self.language.english
        if item is not None:
            self.subject.setText(self.tr("容缺受理：{service}").format(service=item.name_en if en else item.name))
        self.question.setText(self.tr("谁来申请？"))
        set_text(self.kind_buttons[Applicant.PERSON], self.tr("个人（身份证）"))
        set_text(self.kind_buttons[Applicant.LEGAL], self.tr("企业等单位（信用代码）"))
        if self.refusal is not None:
            self.refusal_text.setText(refusal_text(self.refusal, self.language, item))
        set_text(self.ordinary, self.tr("带齐材料，按普通方式取号"))
        set_text(self.go_on, self.tr("下一步：查看承诺书"))


class LetterScreen(Page, QWidget):
    """The 承诺书, and 确认 that issues the ticket with it. ``issued(slip, commitment)``;
    ``reprint(ticket_id)`` for a ticket already held; ``cancelled()`` (返回)."""

    issued = Signal(object, object)
    reprint = Signal(int)
    cancelled = Signal()

    def __init__(self, promises: Promises, visit: Visit, language: Language):
        super().__init__()
        self.promises, self.visit, self.language = promises, visit, language
        self.catalogue = promises.catalogue
        self.setObjectName("screen_rongque_letter")
        self.preview: NewCommitment | None = None
        self.refusal: CommitmentError | None = None
        self.duplicate_id: int | None = None
        outer, body = scrolled_page(self, 36, 14)
        card = classed(QFrame(), "card")
        card.setObjectName("rongque_letter_card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(36, 28, 36, 28)
        cl.setSpacing(12)
        self.letter_title = label(cls="h1")
        self.letter_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.applicant = label(cls="big")
        self.applicant.setObjectName("letter_applicant")
        self.number = label(cls="big")
        self.number.setObjectName("letter_number")
        self.item = label(cls="big")
        self.promise = label()
        self.materials = label(cls="big")
        self.materials.setObjectName("letter_materials")
        self.due = label(cls="lead")
        self.due.setObjectName("letter_due")
        self.consequence = label()
        self.consequence.setObjectName("letter_consequence")
        self.signed = label(cls="muted")
        for w in (self.letter_title, self.applicant, self.number, self.item, self.promise, self.materials, self.due,
                  self.consequence, self.signed):
            cl.addWidget(w)
        body.addWidget(card)
        body.addStretch(1)

        footer, fv = _footer()
        self.dup_box = classed(QFrame(), "card")
        dl = QVBoxLayout(self.dup_box)
        dl.setContentsMargins(24, 16, 24, 16)
        self.dup_text = label(cls="big")
        dl.addWidget(self.dup_text)
        drow = QHBoxLayout()
        self.dup_reprint = button("rongque_duplicate_reprint", "primary")
        self.dup_reprint.clicked.connect(lambda: self.reprint.emit(self.duplicate_id))
        self.dup_back = button("rongque_duplicate_back")
        self.dup_back.clicked.connect(self.cancelled)
        drow.addWidget(self.dup_reprint)
        drow.addWidget(self.dup_back)
        dl.addLayout(drow)
        self.dup_box.hide()
        fv.addWidget(self.dup_box)
        self.error = label(cls="error")
        self.error.setObjectName("rongque_letter_error")
        self.error.hide()
        fv.addWidget(self.error)
        self.confirm = button("rongque_confirm", "primary", wrap=True)
        self.confirm.clicked.connect(self._confirm)
        fv.addWidget(self.confirm)
        outer.addWidget(footer)

    def heading(self) -> str:
        return self.tr("承诺书")

    def _code(self) -> str:
        return self.visit.credit_code if self.visit.applicant == Applicant.LEGAL else self.visit.resident_id

    def _kind(self) -> Applicant:
        return Applicant(self.visit.applicant) if self.visit.applicant else Applicant.PERSON

    def enter(self) -> None:
        self.duplicate_id = None
        self.error.hide()
        self.refusal = None
        item = current_item(self.catalogue, self.visit)
        try:
            self.preview = self.promises.deferral(item.code if item else "", missing_of(self.visit, item), self._kind(),
                                                  self._code())
        except (CommitmentError, HallError) as exc:
            self.preview = None
            self.refusal = exc if isinstance(exc, CommitmentError) else None
        self.refresh()

    def reset(self) -> None:
        self.preview = None
        self.duplicate_id = None
        self.refusal = None
        self.error.hide()
        self.dup_box.hide()

    def refresh(self) -> None:
        self.dup_box.setVisible(self.duplicate_id is not None)
        self.confirm.setEnabled(self.preview is not None and self.duplicate_id is None)
        self.retranslate()

    def _confirm(self) -> None:
        if self.preview is None or self.duplicate_id is not None:
            return
        item = current_item(self.catalogue, self.visit)
        kind, code = self._kind(), self._code()
        try:
            held = self._held_by_company(item.code, code) if kind == Applicant.LEGAL and item else None
            if held is not None:
                raise DuplicateTicket(held)
            commitment, slip = self.promises.commit(item.code if item else "", missing_of(self.visit, item), kind, code)
        except DuplicateTicket as dup:
            self.show_duplicate(dup.ticket.id, dup.ticket.number, self.promises.desk.slip(dup.ticket).ahead)
            return
        except CommitmentError as exc:  # the credit list or the day changed since the letter was shown
            self.refusal, self.preview = exc, None
            self.refresh()
            return
        except (StoreError, HallError) as exc:
            log.error("容缺 ticket not issued: %s", exc)
            self.error.setText(self.tr("系统暂时无法出号，请到服务台由工作人员为您取号。"))
            self.error.show()
            return
        self.issued.emit(slip, commitment)

    def _held_by_company(self, item_code: str, code: str):
        """The open ticket this company already holds today for the item on a commitment (a legal
        person has no ID for the one-ticket rule: its commitments say it)."""
        today = self.promises.clock().date().isoformat()
        for c in self.promises.commitments():
            if c.day == today and c.item_code == item_code and c.applicant == code.strip().upper() and c.ticket_id:
                ticket = self.promises.store.ticket(c.ticket_id)
                if ticket is not None and ticket.status in OPEN_STATUSES:
                    return ticket
        return None

    def show_duplicate(self, ticket_id: int, number: str, ahead: int) -> None:
        self.duplicate_id = ticket_id
        self.dup_text.setText(self.tr("您今天已经取过这个事项的号：{number}，前面还有 {ahead} 人。"
                                      "同一事项每人只能有一个号。").format(number=number, ahead=ahead))
        self.refresh()

    def retranslate(self) -> None:
        set_text(self.confirm, self.tr("我已阅读，确认承诺并取号"))
        set_text(self.dup_reprint, self.tr("重新打印小票"))
        set_text(self.dup_back, self.tr("返回"))
        self.letter_title.setText(self.tr("容缺受理承诺书"))
        item = current_item(self.catalogue, self.visit)
        en = self.language.english
        p = self.preview
        if self.refusal is not None or p is None or item is None:
            text = refusal_text(self.refusal, self.language, item) if self.refusal is not None else ""
            for w in (self.applicant, self.number, self.item, self.promise, self.materials, self.due,
                      self.consequence, self.signed):
                w.setText("")
                w.hide()
            self.error.setText(text)
            self.error.setVisible(bool(text))
            return
        for w in (self.applicant, self.number, self.item, self.promise, self.materials, self.due, self.consequence,
                  self.signed):
            w.show()
        record = self.promises.credit.records.get(self._code().strip().upper())
        name = (record.name_en if en else record.name) if record is not None and record.standing == Standing.GOOD \
            else p.applicant_name
        self.applicant.setText(self.tr("申请人：{name}").format(name=name))
        if p.applicant_kind == Applicant.LEGAL:
            self.number.setText(self.tr("统一社会信用代码：{code}").format(code=p.applicant))
        else:
            self.number.setText(self.tr("身份证号：{id}").format(id=p.applicant))
        self.item.setText(self.tr("办理事项：{service}").format(service=item.name_en if en else item.name))
        self.promise.setText(self.tr("本人（本单位）申请办理上述事项，主要材料已齐全。以下材料暂缺，承诺按期补交："))
        lines = []
        for n in p.materials:
            m = next((x for x in item.materials if x.name == n), None)
            form = form_text(m, self.language) if m is not None else ""
            lines.append(f"· {material_name(item, n, self.language)}" + (f" — {form}" if form else ""))
        self.materials.setText("\n".join(lines))
        due = due_day(p.due)
        days = self.promises.hall.promises.deferral_days
        self.due.setText(self.tr("补交期限：{date}前（{n} 个工作日内）").format(date=day_text(due, self.language), n=days))
        self.consequence.setText(self.tr("本人（本单位）承诺所提供的信息真实有效。如未按期补交，将记入信用记录，"
                                         "本次办理可能被终止。"))
        today = _dt.datetime.fromtimestamp(p.at).date()
        self.signed.setText(self.tr("承诺日期：{date}").format(date=day_text(today, self.language)))
