"""办不成事反映: a citizen who could not get something done says what they tried (a service found
in the catalogue, or their own words), what went wrong (tags, and words if they wish) and, if they
wish, a mobile number for the return call; they check it, and a D ticket for the 办不成事 专窗
says the case is recorded (kiosk.domain.promises.Promises.report_case).

Two steps on one screen: the form, then the check (返回 from the check goes back to the form).
Everything entered is forgotten on 首页, on the idle timeout and once the case is recorded."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.cases import ReportCode, ReportError, Snag
from kiosk.domain.catalogue import Catalogue
from kiosk.domain.freetext import clean_text
from kiosk.domain.hall import Hall, window_span
from kiosk.domain.ids import mask_phone
from kiosk.domain.lifecycle import HallError
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import Promises
from kiosk.domain.search import SearchIndex
from kiosk.ui.kiosk.screens.entry import EntryField, EntryPad
from kiosk.ui.shared.casewords import listed, snag_text
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, restyle, scrolled_page, set_text
from kiosk.ui.shared.words import store_error_text
from kiosk.usability.events import AppEvent

log = logging.getLogger(__name__)

TRIED_LIMIT = 100  # kiosk.domain.cases.check_case: what was tried, in words
TEXT_LIMIT = 300  # kiosk.domain.cases.TEXT_LIMIT
RESULTS = 3  # services offered for what is typed: enough to find it, few enough to see at once
FORM, CHECK = 0, 1


class ReportScreen(Page, QWidget):
    """Emits ``reported(slip, notes)`` once the case is recorded (the kiosk shows and prints the
    slip; ``notes()`` words what the slip adds), ``plain_ticket()`` for a ticket without the form,
    ``stepped()`` when it moves between the form and the check."""

    reported = Signal(object, object)
    plain_ticket = Signal()
    happened = Signal(str, dict)  # what the kiosk did (KioskWindow.happened)
    stepped = Signal()  # from the form to the check or back: the voice reads the screen again

    def __init__(self, catalogue: Catalogue, hall: Hall, index: Callable[[], SearchIndex], promises: Promises,
                 language: Language):
        super().__init__()
        self.catalogue, self.hall, self.index, self.promises, self.language = \
            catalogue, hall, index, promises, language
        self.setObjectName("screen_report")
        self.item_code: str | None = None
        self.snags: list[Snag] = []
        self.insist = False  # the citizen asked to go on: required answers are asked for at their place
        self.result_buttons: list[QPushButton] = []
        self.results: list[str] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.steps = QStackedWidget()
        outer.addWidget(self.steps)
        self.steps.addWidget(self._build_form())
        self.steps.addWidget(self._build_check())
        self.pad.set_target(self.tried)
        self.tried.set_active(True)
        self.retranslate()

    # --- the form -------------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        page = QWidget()
        form_outer, root = scrolled_page(page, 36, 14)
        self.form_area = form_outer.itemAt(0).widget()  # the form's scrolling area
        self.intro = label(cls="lead")
        root.addWidget(self.intro)

        self.tried_title = label(cls="h2")
        root.addWidget(self.tried_title)
        self.tried = EntryField("report_tried", self.language, TRIED_LIMIT)
        root.addWidget(self.tried)
        self.tried_hint = label(cls="muted")
        root.addWidget(self.tried_hint)
        self.results_box = QVBoxLayout()
        self.results_box.setSpacing(10)
        root.addLayout(self.results_box)

        self.snag_title = label(cls="h2")
        root.addWidget(self.snag_title)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.snag_buttons: dict[Snag, QPushButton] = {}
        for i, snag in enumerate(Snag):
            b = button(f"snag_{snag.value}", "check", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, s=snag: self._toggle(s))
            grid.addWidget(b, i // 2, i % 2)
            self.snag_buttons[snag] = b
        root.addLayout(grid)
        self.snag_error = label(cls="error")
        self.snag_error.setObjectName("report_snags_message")
        root.addWidget(self.snag_error)
        self.text = EntryField("report_text", self.language, TEXT_LIMIT)
        root.addWidget(self.text)

        self.contact_title = label(cls="h2")
        root.addWidget(self.contact_title)
        self.contact_hint = label(cls="muted")
        root.addWidget(self.contact_hint)
        self.phone = EntryField("report_phone", self.language, phone=True)
        root.addWidget(self.phone)
        self.plain = button("report_plain_ticket", wrap=True)
        self.plain.clicked.connect(self.plain_ticket)
        root.addWidget(self.plain)
        root.addStretch(1)

        for field in (self.tried, self.text, self.phone):
            field.tapped.connect(self._target)
            field.changed.connect(self._changed)

        footer = classed(QFrame(), "footer")
        fv = QVBoxLayout(footer)
        fv.setContentsMargins(36, 12, 36, 14)
        fv.setSpacing(10)
        self.pad = EntryPad(self.language)
        fv.addWidget(self.pad)
        row = QHBoxLayout()
        self.form_error = label(cls="error")
        self.form_error.setObjectName("report_form_error")
        self.form_error.hide()
        row.addWidget(self.form_error, 1)
        self.next = button("report_next", "primary")
        self.next.clicked.connect(self.to_check)
        row.addWidget(self.next, 1)
        fv.addLayout(row)
        form_outer.addWidget(footer)
        return page

    # --- the check -------------------------------------------------------------------------------

    def _build_check(self) -> QWidget:
        page = QWidget()
        check_outer, root = scrolled_page(page, 40, 16)
        self.check_title = label(cls="h1")
        root.addWidget(self.check_title)
        card = classed(QFrame(), "card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(32, 24, 32, 24)
        cl.setSpacing(8)
        self.summary: dict[str, tuple] = {}
        for key in ("tried", "snags", "text", "contact"):
            head, value = label(cls="lead"), label(cls="big")
            value.setObjectName(f"report_check_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            cl.addWidget(head)
            cl.addWidget(value)
            self.summary[key] = (head, value)
        root.addWidget(card)
        self.check_next = label(cls="badge-amber")
        self.check_next.setObjectName("report_check_next")
        root.addWidget(self.check_next)
        root.addStretch(1)

        footer = classed(QFrame(), "footer")
        fv = QVBoxLayout(footer)
        fv.setContentsMargins(40, 14, 40, 20)
        fv.setSpacing(10)
        self.check_error = label(cls="error")
        self.check_error.setObjectName("report_check_error")
        self.check_error.hide()
        fv.addWidget(self.check_error)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.edit = button("report_edit", wrap=True)
        self.edit.clicked.connect(self.to_form)
        self.submit = button("report_submit", "primary", wrap=True)
        self.submit.clicked.connect(self._submit)
        row.addWidget(self.edit, 1)
        row.addWidget(self.submit, 2)
        fv.addLayout(row)
        check_outer.addWidget(footer)
        return page

    # --- state ----------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget everything (首页, the idle timeout, the case recorded)."""
        self.item_code, self.snags, self.insist = None, [], False
        for field in (self.tried, self.text, self.phone):
            field.reset()
        self.form_error.hide()
        self.check_error.hide()
        self.steps.setCurrentIndex(FORM)
        self._target(self.tried)
        self._search()
        self.retranslate()

    def start(self, tried: str = "") -> None:
        """Open the form; ``tried`` (what a search found nothing for) is what the citizen tried."""
        if tried.strip() and not self.tried.value and self.item_code is None:
            self.tried.set_value(tried.strip())
        self.steps.setCurrentIndex(FORM)

    def step_back(self) -> bool:
        """返回 from the check goes back to the form (True: done here)."""
        if self.steps.currentIndex() == CHECK:
            self.to_form()
            return True
        return False

    def typed_key(self, event: QKeyEvent) -> bool:
        return self.steps.currentIndex() == FORM and self.pad.typed_key(event)

    def _target(self, field: EntryField) -> None:
        for f in (self.tried, self.text, self.phone):
            f.set_active(f is field)
        self.pad.set_target(field)
        area = self.form_area
        if hasattr(area, "ensureWidgetVisible") and self.isVisible():
            area.ensureWidgetVisible(field, 0, 40)

    def _changed(self) -> None:
        if self.sender() is self.tried:
            self._search()
        if self.insist:
            self._snag_message()
        self.form_error.hide()

    def _toggle(self, snag: Snag) -> None:
        if snag in self.snags:
            self.snags.remove(snag)
        else:
            self.snags.append(snag)
        self._show_snags()
        if self.insist:
            self._snag_message()

    def _pick(self, code: str) -> None:
        """Tap a service found: it is what was tried (tap it again: not any more)."""
        self.item_code = None if self.item_code == code else code
        self.form_error.hide()
        self._search()

    def _search(self) -> None:
        """The services that match what is typed (the chosen one first, ticked)."""
        query, problem = clean_text(self.tried.value, TRIED_LIMIT)
        codes = [self.item_code] if self.item_code else []
        most = RESULTS + len(codes)
        if query and problem is None:
            try:
                hits = self.index().search(query)
            except Exception:  # the search must never stop the report: without it, words are kept
                log.exception("search for a 办不成事 report failed")
                hits = []
            for hit in hits:
                if len(codes) >= most:
                    break
                if hit.key in self.catalogue.by_code and hit.key not in codes:
                    codes.append(hit.key)
        if codes != self.results:
            self.results = codes
            clear_layout(self.results_box)
            self.result_buttons = []
            for code in codes:
                b = button(f"report_item_{code}", "check", checkable=True, wrap=True)
                b.clicked.connect(lambda _=False, c=code: self._pick(c))
                self.results_box.addWidget(b)
                b.setVisible(True)  # at once (a layout shows a new child only after the next events)
                self.result_buttons.append(b)
        self._show_results()

    def _show_results(self) -> None:
        en = self.language.english
        for code, b in zip(self.results, self.result_buttons):
            item = self.catalogue.by_code[code]
            name = item.name_en if en else item.name
            chosen = code == self.item_code
            b.setChecked(chosen)
            set_text(b, f"{'✓' if chosen else '□'} {name}",
                     self.tr("已选：{name}").format(name=name) if chosen else name)

    def _show_snags(self) -> None:
        for snag, b in self.snag_buttons.items():
            on = snag in self.snags
            b.setChecked(on)
            text = snag_text(snag, self.language)
            set_text(b, f"{'✓' if on else '□'} {text}", text)

    def _snag_message(self) -> bool:
        """Say at the tags when neither a tag nor words say what went wrong; True if so."""
        missing = not self.snags and not clean_text(self.text.value, TEXT_LIMIT)[0]
        self.snag_error.setText(self.tr("请至少选一项，或在下面补充说明里写一写") if missing else "")
        self.snag_error.setVisible(missing)
        return missing

    def problems(self) -> list[QWidget]:
        """Every place the form cannot be kept as it is, top to bottom (each says why, there)."""
        self.insist = True
        tried_words = clean_text(self.tried.value, TRIED_LIMIT)[0]
        self.tried.required = "" if self.item_code or tried_words else \
            self.tr("请选一个找到的事项，或输入您想办的事")
        self.tried.refresh()
        found: list[QWidget] = []
        if self.tried.problem() or (not self.item_code and not tried_words):
            found.append(self.tried)
        if self._snag_message():
            found.append(self.snag_error)
        for field in (self.text, self.phone):
            if field.problem():
                field.refresh()
                found.append(field)
        return found

    def to_check(self) -> None:
        """下一步: the check, or the first problem in view with what to do."""
        found = self.problems()
        if found:
            self.form_error.setText(self.tr("请先按上面标出的提示修改"))
            self.form_error.show()
            self.form_area.ensureWidgetVisible(found[0], 0, 80)
            if isinstance(found[0], EntryField):
                self._target(found[0])
            return
        self.form_error.hide()
        self.check_error.hide()
        self._fill_check()
        self._step(CHECK)

    def to_form(self) -> None:
        self._step(FORM)

    def _step(self, step: int) -> None:
        if step != self.steps.currentIndex():
            self.steps.setCurrentIndex(step)
            self.stepped.emit()

    def _submit(self) -> None:
        tried_words = clean_text(self.tried.value, TRIED_LIMIT)[0]
        phone = self.phone.value
        try:
            case, slip = self.promises.report_case(self.item_code, "" if self.item_code else tried_words,
                                                   list(self.snags), self.text.value, phone)
        except ReportError as exc:  # what the form checks already: said at the field
            log.info("办不成事 report refused: %s", exc)
            self.to_form()
            field = {"tried": self.tried, "text": self.text, "contact": self.phone}.get(exc.field)
            if exc.code == ReportCode.NO_SNAG:
                self._snag_message()
            if field is not None:
                self._target(field)
            self.form_error.setText(self.tr("请先按上面标出的提示修改"))
            self.form_error.show()
            return
        except StoreError as exc:
            log.error("办不成事 report not recorded: %s", exc)
            self.check_error.setText(self.tr("{problem}。请到服务台，工作人员会帮您登记。").format(
                problem=store_error_text(exc, self.language)))
            self.check_error.show()
            return
        except HallError as exc:
            log.error("办不成事 report not recorded: %s", exc)
            self.check_error.setText(self.tr("现在无法登记，请到服务台，工作人员会帮您登记。"))
            self.check_error.show()
            return
        masked = mask_phone(phone) if phone else ""
        number = case.id

        def notes() -> list[str]:
            lines = [self.tr("您反映的问题已记录（第 {n} 号），工作人员叫号时会看到。").format(n=number)]
            if masked:
                lines.append(self.tr("处理结果会打电话告诉您：{phone}").format(phone=masked))
            return lines

        item = self.catalogue.by_code.get(self.item_code or "")
        self.happened.emit(AppEvent.CASE_FILED.value, {"item": self.item_code or "",
                                                       "category": item.window if item is not None else ""})
        self.reset()  # the visitor's words and number are in the case now, not on this screen
        self.reported.emit(slip, notes)

    # --- words ----------------------------------------------------------------------------------

    def _windows(self) -> str:
        return window_span([w.number for w in self.hall.windows_for("cannot_do")], self.tr("、"))

    def _fill_check(self) -> None:
        en = self.language.english
        item = self.catalogue.by_code.get(self.item_code or "")
        tried_words = clean_text(self.tried.value, TRIED_LIMIT)[0]
        text = clean_text(self.text.value, TEXT_LIMIT)[0]
        values = {
            "tried": (item.name_en if en else item.name) if item else tried_words,
            "snags": listed([snag_text(s, self.language) for s in self.snags], self.language) or self.tr("（见补充说明）"),
            "text": text,
            "contact": (self.tr("{phone}（处理结果会打电话告诉您）").format(phone=mask_phone(self.phone.value))
                        if self.phone.value else self.tr("没有留电话：结果请在专窗当面问")),
        }
        heads = {"tried": self.tr("想办的事"), "snags": self.tr("遇到的问题"), "text": self.tr("补充说明"),
                 "contact": self.tr("联系电话")}
        for key, (head, value) in self.summary.items():
            head.setText(heads[key])
            value.setText(values[key])
            head.setVisible(bool(values[key]))
            value.setVisible(bool(values[key]))

    def retranslate(self) -> None:
        windows = self._windows()
        self.intro.setText(self.tr("在别处没办成的事，请告诉我们。{windows} 号专窗的工作人员会帮您协调；"
                                   "确实办不了的，也会当面说清楚。").format(windows=windows))
        self.tried_title.setText(self.tr("1. 您想办什么事？"))
        self.tried.heading.setText(self.tr("事项名称（拼音首字母、全拼或英文）"))
        self.tried.line.setPlaceholderText(self.tr("如 yyzz、shebao"))
        self.tried_hint.setText(self.tr("点一下找到的事项选中它；找不到也没关系，您输入的字会记下来。"))
        self.snag_title.setText(self.tr("2. 遇到了什么问题？（可多选）"))
        self.text.heading.setText(self.tr("补充说明（可选）"))
        self.text.line.setPlaceholderText(self.tr("可以用拼音或英文写"))
        self.contact_title.setText(self.tr("3. 留个电话？（可选）"))
        self.contact_hint.setText(self.tr("留了电话，处理结果会打电话告诉您；不留也可以，请在专窗当面问。"))
        self.phone.heading.setText(self.tr("手机号"))
        self.phone.line.setPlaceholderText(self.tr("11 位手机号"))
        set_text(self.plain, self.tr("不方便输入？直接取号，到 {windows} 号专窗当面说").format(windows=windows))
        set_text(self.next, self.tr("下一步：核对"))
        self.check_title.setText(self.tr("请核对您反映的问题"))
        self.check_next.setText(self.tr("确认后打印一张号，请到 {windows} 号专窗等候叫号。"
                                        "工作人员叫号时会看到您填写的内容。").format(windows=windows))
        set_text(self.edit, self.tr("返回修改"))
        set_text(self.submit, self.tr("确认提交并取号"))
        for field in (self.tried, self.text, self.phone):
            field.retranslate()
        self._show_results()
        self._show_snags()
        if self.insist:
            self._snag_message()
        else:
            self.snag_error.hide()
        if self.steps.currentIndex() == CHECK:
            self._fill_check()
        if self.form_error.isVisible():
            self.form_error.setText(self.tr("请先按上面标出的提示修改"))
        restyle(self.form_error)
