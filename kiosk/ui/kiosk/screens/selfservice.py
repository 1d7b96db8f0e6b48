"""零材料 self-service (the seed's first zero-material business licence from a self-service machine):
for an item whose every material is an 电子证照, the kiosk completes it without a window.

1. :class:`SelfServiceScreen` — identity: the ID-card reader or the keypad.
2. :class:`SelfConfirmScreen` — the 电子证照 fetched for that person (demo data, the same for the
   same number): name, masked number, issuing authority, valid until. 确认 records the service as
   served (once: a second tap, or 返回 and 确认 again, shows the same result).
3. :class:`SelfResultScreen` — the result's number (a new licence's unified social credit code)
   and whether its receipt was printed.
"""

from __future__ import annotations

import datetime as _dt
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.domain.catalogue import Catalogue, Item
from kiosk.domain.lifecycle import HallError
from kiosk.domain.promises import Promises
from kiosk.domain.selfservice import (
    FetchedLicence,
    SelfService,
    demo_name,
    fetched_licences,
    on_screen_forms,
    self_serviceable,
)
from kiosk.domain.visit import Visit
from kiosk.store.errors import StoreError
from kiosk.ui.kiosk.result_pdf import is_credit_code, number_caption
from kiosk.ui.kiosk.screens.id_entry import IdEntry
from kiosk.ui.shared.deferral_words import day_text
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, scrolled_page, set_text

log = logging.getLogger(__name__)


def serviceable_item(catalogue: Catalogue, visit: Visit) -> Item | None:
    req = visit.request
    item = catalogue.by_code.get(req.item_code) if req is not None and req.item_code else None
    return item if item is not None and self_serviceable(item) else None


def holder_name(promises: Promises, resident_id: str) -> tuple[str, str]:
    """The person's name (zh, en): from the credit list, else a demo name from the number."""
    record = promises.credit.records.get(resident_id.strip().upper())
    return (record.name, record.name_en) if record is not None else demo_name(resident_id)


def _footer(button_widget, error=None) -> QFrame:
    footer = classed(QFrame(), "footer")
    fv = QVBoxLayout(footer)
    fv.setContentsMargins(36, 14, 36, 14)
    fv.setSpacing(10)
    if error is not None:
        fv.addWidget(error)
    fv.addWidget(button_widget)
    return footer


class SelfServiceScreen(Page, QWidget):
    """Identity for a 零材料 item. ``next()`` with a valid ID."""

    next = Signal()

    def __init__(self, promises: Promises, visit: Visit, language: Language):
        super().__init__()
        self.promises, self.visit, self.language = promises, visit, language
        self.setObjectName("screen_self_service")
        outer, body = scrolled_page(self, 36, 12)
        self.subject = label(cls="h1")
        self.intro = label(cls="lead")
        self.steps = label(cls="muted")
        for w in (self.subject, self.intro, self.steps):
            body.addWidget(w)
        self.id_entry = IdEntry(visit, language, lambda: promises.clock().date(), "ss")
        body.addWidget(self.id_entry)
        body.addStretch(1)
        self.go_on = button("self_service_next", "primary")
        self.go_on.clicked.connect(self._next)
        outer.addWidget(_footer(self.go_on))

    def heading(self) -> str:
        return self.tr("自助办理（零材料）")

    def enter(self) -> None:
        self.id_entry.required = self.id_entry.card_failed = False
        self.id_entry.refresh()
        self.retranslate()

    def reset(self) -> None:
        self.enter()

    def typed_key(self, event: QKeyEvent) -> bool:
        return self.id_entry.typed_key(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.typed_key(event):
            super().keyPressEvent(event)

    def _next(self) -> None:
        if self.id_entry.valid_id() is None:
            self.id_entry.required = True
            self.id_entry.refresh()
            return
        self.next.emit()

    def retranslate(self) -> None:
        set_text(self.go_on, self.tr("下一步：调取电子证照"))
        item = serviceable_item(self.promises.catalogue, self.visit)
        if item is None:
            return
        self.subject.setText(item.name_en if self.language.english else item.name)
        self.intro.setText(self.tr("零材料：所需证照从电子证照库调取，不用带材料，也不用到窗口。"))
        self.steps.setText(self.tr("① 核验身份　② 核对电子证照　③ 打印办理结果"))


class SelfConfirmScreen(Page, QWidget):
    """The fetched 电子证照 to confirm. ``served(record)`` once the service is recorded."""

    served = Signal(object)

    def __init__(self, promises: Promises, visit: Visit, language: Language):
        super().__init__()
        self.promises, self.visit, self.language = promises, visit, language
        self.setObjectName("screen_self_confirm")
        self.licences: list[FetchedLicence] = []
        self.form_names: list[tuple[str, str]] = []
        self.done: dict[tuple[str, str], SelfService] = {}  # this visit's services: never recorded twice
        outer, body = scrolled_page(self, 36, 14)
        self.lead = label(cls="lead")
        self.lead.setObjectName("self_confirm_lead")
        body.addWidget(self.lead)
        self.cards = QVBoxLayout()
        self.cards.setSpacing(14)
        body.addLayout(self.cards)
        self.forms = label()  # the forms the kiosk fills in (a self_service item): named, not fetched
        self.forms.setObjectName("self_confirm_forms")
        body.addWidget(self.forms)
        self.wrong = label(cls="muted")
        body.addWidget(self.wrong)
        body.addStretch(1)
        self.error = label(cls="error")
        self.error.setObjectName("self_confirm_error")
        self.error.hide()
        self.confirm = button("self_service_confirm", "primary")
        self.confirm.clicked.connect(self._confirm)
        outer.addWidget(_footer(self.confirm, self.error))

    def heading(self) -> str:
        return self.tr("核对证照")

    def enter(self) -> None:
        self.error.hide()
        item = serviceable_item(self.promises.catalogue, self.visit)
        rid = self.visit.resident_id
        self.licences = fetched_licences(item, rid, holder_name(self.promises, rid), self.promises.clock().date()) \
            if item is not None and rid else []
        self.form_names = on_screen_forms(item) if item is not None and rid else []
        self.retranslate()

    def reset(self) -> None:
        self.done = {}
        self.licences = []
        self.form_names = []
        self.error.hide()
        clear_layout(self.cards)

    def _confirm(self) -> None:
        item = serviceable_item(self.promises.catalogue, self.visit)
        if item is None or not self.visit.resident_id:
            return
        key = (item.code, self.visit.resident_id)
        record = self.done.get(key)
        if record is None:
            try:
                record = self.promises.self_serve(item.code, self.visit.resident_id)
            except (StoreError, HallError) as exc:
                log.error("self-service %s not recorded: %s", item.code, exc)
                self.error.setText(self.tr("系统暂时无法办理，请到服务台由工作人员为您办理。"))
                self.error.show()
                return
            self.done[key] = record
        self.served.emit(record)

    def _card(self, lic: FetchedLicence, i: int) -> QFrame:
        en = self.language.english
        card = classed(QFrame(), "card")
        card.setObjectName(f"self_licence_{i}")
        grid = QGridLayout(card)
        grid.setContentsMargins(28, 20, 28, 20)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        title = label(lic.material_en if en else lic.material, "h2")
        grid.addWidget(title, 0, 0, 1, 2)
        until = day_text(lic.valid_until, self.language) if lic.valid_until else self.tr("长期有效")
        rows = ((self.tr("持证人"), lic.holder_en if en else lic.holder), (self.tr("证照号码"), lic.number),
                (self.tr("发证机关"), lic.authority_en if en else lic.authority), (self.tr("有效期至"), until))
        for r, (name, value) in enumerate(rows, start=1):
            grid.addWidget(label(name, "muted"), r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(value, "big"), r, 1)
        grid.setColumnStretch(1, 1)
        return card

    def retranslate(self) -> None:
        set_text(self.confirm, self.tr("信息无误，确认办理"))
        clear_layout(self.cards)
        if not self.licences:
            self.lead.setText("")
            return
        en = self.language.english
        who = self.licences[0].holder_en if en else self.licences[0].holder
        self.lead.setText(self.tr("已为{name}调取以下电子证照，请核对：").format(name=who))
        for i, lic in enumerate(self.licences):
            self.cards.addWidget(self._card(lic, i))
        names = "; ".join(e for _z, e in self.form_names) if en else "、".join(z for z, _e in self.form_names)
        self.forms.setText(self.tr("本机按以上信息和标准模板为您生成：{forms}。确认办理即视为签署。").format(forms=names)
                           if self.form_names else "")
        self.forms.setVisible(bool(self.form_names))
        self.wrong.setText(self.tr("信息不对？请不要确认，到服务台咨询。"))


class SelfResultScreen(Page, QWidget):
    """Done: the result's number and whether its receipt was printed. ``done()`` (完成)."""

    done = Signal()

    def __init__(self, catalogue: Catalogue, language: Language):
        super().__init__()
        self.catalogue, self.language = catalogue, language
        self.setObjectName("screen_self_result")
        self.record: SelfService | None = None
        self.print_error = ""
        outer, body = scrolled_page(self, 40, 16)
        card = classed(QFrame(), "card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(36, 30, 36, 30)
        cl.setSpacing(14)
        self.caption = label(cls="h2")
        self.number_title = label(cls="lead")
        self.number = label(cls="h1", wrap=False)
        self.number.setObjectName("self_result_number")
        self.what = label(cls="big")
        self.applicant = label(cls="big")
        self.when = label(cls="muted")
        for w in (self.caption, self.number_title, self.number, self.what, self.applicant, self.when):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cl.addWidget(w)
        body.addWidget(card)
        self.finished = label(cls="badge-green")
        self.finished.setObjectName("self_result_finished")
        self.printed = label(cls="muted")
        self.printed.setObjectName("self_result_printed")
        body.addWidget(self.finished)
        body.addWidget(self.printed)
        body.addStretch(1)
        self.finish = button("self_result_done", "primary")
        self.finish.clicked.connect(self.done)
        outer.addWidget(_footer(self.finish))

    def heading(self) -> str:
        return self.tr("办理完成")

    def show_result(self, record: SelfService, print_error: str) -> None:
        self.record, self.print_error = record, print_error
        self.retranslate()

    def reset(self) -> None:
        self.record = None
        self.print_error = ""
        for w in (self.number, self.applicant, self.what, self.when):
            w.setText("")

    def retranslate(self) -> None:
        set_text(self.finish, self.tr("完成，返回首页"))
        r = self.record
        if r is None:
            return
        item = self.catalogue.by_code.get(r.item_code)
        en = self.language.english
        self.caption.setText(self.tr("零材料自助办理已完成"))
        self.number_title.setText(number_caption(r.result, self.language))
        self.number.setText(r.result)
        self.number.setAccessibleName(f"{number_caption(r.result, self.language)} {r.result}")
        self.what.setText((item.name_en if en else item.name) if item else r.item_code)
        self.applicant.setText(self.tr("申请人身份证号：{id}").format(id=r.applicant))
        self.when.setText(self.tr("办理时间：{time}").format(
            time=_dt.datetime.fromtimestamp(r.at).strftime("%Y-%m-%d %H:%M")))
        self.finished.setText(self.tr("营业执照已核发，执照信息已同步到电子证照库。") if is_credit_code(r.result)
                              else self.tr("已办结，不用再到窗口。"))
        if self.print_error:
            self.printed.setText(self.tr("办理结果没能打印（{error}），请记下上面的编号，或到服务台补打。").format(
                error=self.print_error))
            self.printed.setProperty("class", "error")
        else:
            self.printed.setText(self.tr("办理结果已打印，请取走。"))
            self.printed.setProperty("class", "muted")
        self.printed.style().unpolish(self.printed)
        self.printed.style().polish(self.printed)
