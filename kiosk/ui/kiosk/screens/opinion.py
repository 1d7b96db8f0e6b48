"""意见建议: the 意见箱 of the 人大代表社情民意联系点 at the kiosk. A citizen chooses what it is
about (Topic), writes it (required), and may leave a mobile number for a reply — without one it is
anonymous, and the screen says so before and after it is sent. The next 接待日 (hall.yaml's
``reception``: when deputies hear citizens in person, and where) is shown in the terminal's language.

Two steps on one screen: the form, then thanks (with the number of the record). Everything
entered is forgotten on 首页, on the idle timeout and once the opinion is recorded."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.cases import TEXT_LIMIT, ReportError, Topic
from kiosk.domain.hall import Hall
from kiosk.domain.ids import mask_phone
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.kiosk.screens.entry import EntryField, EntryPad
from kiosk.ui.shared.casewords import reception_text, topic_text
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import button, classed, label, restyle, scrolled_page, set_text
from kiosk.ui.shared.words import store_error_text
from kiosk.usability.events import AppEvent

log = logging.getLogger(__name__)

FORM, DONE = 0, 1


class OpinionScreen(Page, QWidget):
    """Emits ``finished()`` when the citizen is done after sending (the kiosk ends the visit),
    ``stepped()`` when it moves from the form to the thanks."""

    finished = Signal()
    stepped = Signal()
    happened = Signal(str, dict)  # what the kiosk did (KioskWindow.happened)

    def __init__(self, hall: Hall, promises: Promises, language: Language):
        super().__init__()
        self.hall, self.promises, self.language = hall, promises, language
        self.setObjectName("screen_opinion")
        self.topic: Topic | None = None
        self.insist = False
        self.sent: tuple[int, str] | None = None  # the record's number and the masked number, once sent
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.steps = QStackedWidget()
        outer.addWidget(self.steps)
        self.steps.addWidget(self._build_form())
        self.steps.addWidget(self._build_done())
        self.pad.set_target(self.text)
        self.text.set_active(True)
        self.retranslate()

    def _reception_card(self, name: str) -> tuple[QFrame, QWidget, QWidget]:
        card = classed(QFrame(), "card")
        card.setObjectName(name)
        cl = QVBoxLayout(card)
        cl.setContentsMargins(28, 18, 28, 18)
        cl.setSpacing(6)
        title, when = label(cls="lead"), label(cls="big")
        when.setObjectName(f"{name}_when")
        cl.addWidget(title)
        cl.addWidget(when)
        return card, title, when

    def _build_form(self) -> QWidget:
        page = QWidget()
        form_outer, root = scrolled_page(page, 36, 14)
        self.form_area = form_outer.itemAt(0).widget()
        self.intro = label(cls="lead")
        root.addWidget(self.intro)
        self.reception, self.reception_title, self.reception_when = self._reception_card("opinion_reception")
        root.addWidget(self.reception)

        self.topic_title = label(cls="h2")
        root.addWidget(self.topic_title)
        self.topic_grid = QGridLayout()
        self.topic_grid.setSpacing(12)
        self.topic_buttons: dict[Topic, QPushButton] = {}
        for topic in Topic:
            b = button(f"topic_{topic.value}", "chip", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, t=topic: self._choose(t))
            self.topic_buttons[topic] = b
        root.addLayout(self.topic_grid)
        self.topic_error = label(cls="error")
        self.topic_error.setObjectName("opinion_topic_message")
        root.addWidget(self.topic_error)

        self.text_title = label(cls="h2")
        root.addWidget(self.text_title)
        self.text = EntryField("opinion_text", self.language, TEXT_LIMIT)
        root.addWidget(self.text)
        self.contact_title = label(cls="h2")
        root.addWidget(self.contact_title)
        self.phone = EntryField("opinion_phone", self.language, phone=True)
        root.addWidget(self.phone)
        self.anonymous = label(cls="badge-amber")
        self.anonymous.setObjectName("opinion_anonymous")
        root.addWidget(self.anonymous)
        root.addStretch(1)
        for field in (self.text, self.phone):
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
        self.form_error.setObjectName("opinion_form_error")
        self.form_error.hide()
        row.addWidget(self.form_error, 1)
        self.submit = button("opinion_submit", "primary", wrap=True)
        self.submit.clicked.connect(self._submit)
        row.addWidget(self.submit, 1)
        fv.addLayout(row)
        form_outer.addWidget(footer)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        done_outer, root = scrolled_page(page, 40, 18)
        self.thanks = label(cls="h1")
        self.thanks.setObjectName("opinion_thanks")
        self.recorded = label(cls="big")
        self.recorded.setObjectName("opinion_recorded")
        self.reply = label(cls="badge-green")
        self.reply.setObjectName("opinion_reply")
        for w in (self.thanks, self.recorded, self.reply):
            root.addWidget(w)
        self.done_reception, self.done_reception_title, self.done_reception_when = \
            self._reception_card("opinion_done_reception")
        root.addWidget(self.done_reception)
        root.addStretch(1)
        footer = classed(QFrame(), "footer")
        fl = QVBoxLayout(footer)
        fl.setContentsMargins(40, 16, 40, 24)
        self.finish = button("opinion_done", "primary")
        self.finish.clicked.connect(self.finished)
        fl.addWidget(self.finish)
        done_outer.addWidget(footer)
        return page

    # --- state ----------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget everything (首页, the idle timeout, after sending)."""
        self.topic, self.insist, self.sent = None, False, None
        for field in (self.text, self.phone):
            field.reset()
        self.form_error.hide()
        self.steps.setCurrentIndex(FORM)
        self._target(self.text)
        self.retranslate()

    def enter(self) -> None:
        self._show_reception()  # the next one from now (a kiosk runs for days)

    def step_back(self) -> bool:
        """返回 after sending is 完成 (the form is empty by then: nothing to go back to)."""
        if self.steps.currentIndex() == DONE:
            self.finished.emit()
            return True
        return False

    def typed_key(self, event: QKeyEvent) -> bool:
        return self.steps.currentIndex() == FORM and self.pad.typed_key(event)

    def _target(self, field: EntryField) -> None:
        for f in (self.text, self.phone):
            f.set_active(f is field)
        self.pad.set_target(field)
        if self.isVisible():
            self.form_area.ensureWidgetVisible(field, 0, 40)

    def _changed(self) -> None:
        self.form_error.hide()
        self._show_anonymous()

    def _choose(self, topic: Topic) -> None:
        self.topic = topic
        self.form_error.hide()
        self._show_topics()

    def problems(self) -> list[QWidget]:
        self.insist = True
        self.text.required = self.tr("请写下您的意见或建议")
        self.text.refresh()
        self._show_topics()
        found: list[QWidget] = []
        if self.topic is None:
            found.append(self.topic_error)
        for field in (self.text, self.phone):
            if field.problem():
                found.append(field)
        return found

    def _submit(self) -> None:
        found = self.problems()
        if found:
            self.form_error.setText(self.tr("请先按上面标出的提示修改"))
            self.form_error.show()
            self.form_area.ensureWidgetVisible(found[0], 0, 80)
            if isinstance(found[0], EntryField):
                self._target(found[0])
            return
        phone = self.phone.value
        try:
            opinion = self.promises.leave_opinion(self.topic, self.text.value, phone)
        except ReportError as exc:  # what the form checks already: said at the field
            log.info("opinion refused: %s", exc)
            field = self.phone if exc.field == "contact" else self.text
            field.refresh()
            self._target(field)
            self.form_error.setText(self.tr("请先按上面标出的提示修改"))
            self.form_error.show()
            return
        except StoreError as exc:
            log.error("opinion not recorded: %s", exc)
            self.form_error.setText(self.tr("{problem}。请到服务台，工作人员会帮您登记。").format(
                problem=store_error_text(exc, self.language)))
            self.form_error.show()
            return
        self.reset()  # the text and the number are in the record now, not on this screen
        self.sent = (opinion.id, mask_phone(phone) if phone else "")
        self.happened.emit(AppEvent.OPINION_LEFT.value, {"topic": opinion.topic.value,
                                                         "anonymous": bool(opinion.anonymous)})
        self.steps.setCurrentIndex(DONE)
        self.retranslate()
        self.stepped.emit()

    # --- words ----------------------------------------------------------------------------------

    def _show_topics(self) -> None:
        columns = 2 if self.language.english else 3
        for i, (topic, b) in enumerate(self.topic_buttons.items()):
            b.setChecked(topic == self.topic)
            set_text(b, topic_text(topic, self.language))
            self.topic_grid.addWidget(b, i // columns, i % columns)
        missing = self.insist and self.topic is None
        self.topic_error.setText(self.tr("请选一类") if missing else "")
        self.topic_error.setVisible(missing)

    def _show_anonymous(self) -> None:
        phone = self.phone.value
        if not phone:
            self.anonymous.setText(self.tr("现在是匿名提交：不留电话，我们无法单独回复您。"))
        else:
            self.anonymous.setText(self.tr("留了电话：工作人员会打电话回复您，回复后号码即删除。"))
        set_text(self.submit, self.tr("提交") if phone else self.tr("匿名提交"))

    def _show_reception(self) -> None:
        start = self.promises.next_reception()
        reception = self.hall.reception
        shown = start is not None and reception is not None
        for card, title, when in ((self.reception, self.reception_title, self.reception_when),
                                  (self.done_reception, self.done_reception_title, self.done_reception_when)):
            card.setVisible(shown)
            if shown:
                title.setText(self.tr("人大代表接待日：当面听取您的意见建议"))
                when.setText(reception_text(reception, start, self.promises.desk.today(), self.language))

    def retranslate(self) -> None:
        self.intro.setText(self.tr("对大厅的服务、办事流程、环境设施或政策，您有什么意见建议？"
                                   "请写下来，人大代表社情民意联系点定人收集整理。"))
        self.topic_title.setText(self.tr("1. 关于哪方面？"))
        self.text_title.setText(self.tr("2. 您的意见建议"))
        self.text.heading.setText(self.tr("内容（可以用拼音或英文写）"))
        self.text.line.setPlaceholderText(self.tr("请写下您的意见建议"))
        self.contact_title.setText(self.tr("3. 留个电话？（可选）"))
        self.phone.heading.setText(self.tr("手机号"))
        self.phone.line.setPlaceholderText(self.tr("11 位手机号"))
        for field in (self.text, self.phone):
            field.retranslate()
        self._show_topics()
        self._show_anonymous()
        self._show_reception()
        if self.form_error.isVisible():
            self.form_error.setText(self.tr("请先按上面标出的提示修改"))
        self.thanks.setText(self.tr("谢谢您的意见建议"))
        if self.sent is not None:
            number, masked = self.sent
            self.recorded.setText(self.tr("已记录（第 {n} 号）").format(n=number))
            self.reply.setText(self.tr("工作人员会打电话 {phone} 回复您。").format(phone=masked) if masked
                               else self.tr("这是匿名意见：没有留电话，我们无法单独回复您。"))
            self.reply.setProperty("class", "badge-green" if masked else "badge-amber")
            restyle(self.reply)
        set_text(self.finish, self.tr("完成，返回首页"))
