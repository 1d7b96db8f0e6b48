"""移动办公桌: an elderly visitor asks for staff to come to a family member's home. Where: a tap on
the village or community (the town's list in hall.yaml) and, if they wish, the house number on the
on-screen keyboard; whom to call: a mobile number on the keypad. Then a confirmation that says who
will call, and by when (within 1 working day)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.cases import ReportError
from kiosk.domain.freetext import TextProblem, clean_text
from kiosk.domain.hall import Hall
from kiosk.domain.ids import mask_phone, phone_problem
from kiosk.domain.officers import DETAIL_LIMIT, Community, Group, Help, HelpRequest, home_address
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.kiosk.screens.officer import group_name, officer_name
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
)
from kiosk.usability.events import AppEvent

DETAIL_FIELD, PHONE_FIELD = "detail", "phone"
#: The working days within which the officer calls back.
CALL_WITHIN_DAYS = 1


def text_problem_words(problem: TextProblem | str | None, language: Language, limit: int) -> str:
    """Why a typed text cannot be kept, said at its field."""
    if problem == TextProblem.TOO_LONG:
        return language.translate("HomeVisitScreen", "太长了：最多 {n} 个字").format(n=limit)
    if problem == TextProblem.CONTROL:
        return language.translate("HomeVisitScreen", "有看不见的控制字符，请清空后重新输入")
    if problem == TextProblem.SYMBOLS:
        return language.translate("HomeVisitScreen", "不能输入表情符号，请只用文字、字母和数字")
    return ""


class HomeVisitScreen(Page, QWidget):
    """Emits ``done()`` when the visitor finishes (完成, back home)."""

    done = _Signal()
    happened = _Signal(str, dict)  # what the kiosk did (KioskWindow.happened)

    def __init__(self, promises: Promises, hall: Hall, language: Language):
        super().__init__()
        self.promises, self.hall, self.language = promises, hall, language
        self.setObjectName("screen_home_visit")
        self.group: Group = Group.ELDER
        self.item_code = ""
        self.community: Community | None = None
        self.detail = ""
        self.phone = ""
        self.target = DETAIL_FIELD
        self.tried = False  # 提交 was tapped: what is missing is said at its field
        self.problem = ""  # the store could not keep the request
        self.request: HelpRequest | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages)

        # --- the form --------------------------------------------------------------------------
        form = QWidget()
        outer, root = scrolled_page(form, 36, 12)
        self.lead = label(cls="lead")
        root.addWidget(self.lead)
        self.intro = label(cls="muted")
        root.addWidget(self.intro)
        self.where_title = label(cls="h2")
        root.addWidget(self.where_title)
        self.places = QGridLayout()
        self.places.setSpacing(10)
        self.place_buttons: dict[str, QWidget] = {}
        for c in hall.communities:
            b = button(f"community_{c.name}", "chip", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, comm=c: self.choose(comm))
            self.place_buttons[c.name] = b
        root.addLayout(self.places)
        self.where_error = label(cls="error")
        self.where_error.setObjectName("home_visit_where_error")
        root.addWidget(self.where_error)

        fields = QVBoxLayout()
        fields.setSpacing(6)
        self.detail_pick = button("detail_field_pick", "chip", checkable=True)
        self.detail_field = named(QLineEdit(), "detail_field")
        self.detail_error = label(cls="muted")
        self.detail_error.setObjectName("detail_error")
        self.phone_pick = button("contact_field_pick", "chip", checkable=True)
        self.phone_field = named(QLineEdit(), "contact_field")
        self.phone_error = label(cls="muted")
        self.phone_error.setObjectName("contact_error")
        self.detail_pick.clicked.connect(lambda: self._target(DETAIL_FIELD))
        self.phone_pick.clicked.connect(lambda: self._target(PHONE_FIELD))
        for pick, field, err in ((self.detail_pick, self.detail_field, self.detail_error),
                                 (self.phone_pick, self.phone_field, self.phone_error)):
            field.setReadOnly(True)  # typed into by the on-screen keys, or by typed_key() from a keyboard
            field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            field.installEventFilter(self)
            fields.addWidget(pick)
            fields.addWidget(field)
            fields.addWidget(err)
        root.addLayout(fields)
        self.keys = QStackedWidget()
        self.keyboard = OnScreenKeyboard(language)
        self.keyboard.typed.connect(self._typed)
        self.keyboard.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keyboard.cleared.connect(lambda: self._edit(lambda s: ""))
        self.keypad = Keypad(language)
        self.keypad.typed.connect(self._typed)
        self.keypad.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keypad.cleared.connect(lambda: self._edit(lambda s: ""))
        self.keypad.key_x.hide()  # a phone number has no X (its place is kept)
        self.keys.addWidget(self.keyboard)
        self.keys.addWidget(self.keypad)
        root.addWidget(self.keys)
        root.addStretch(1)
        footer = classed(QFrame(), "footer")
        fv = QVBoxLayout(footer)
        fv.setContentsMargins(36, 14, 36, 14)
        fv.setSpacing(8)
        row = QHBoxLayout()
        self.error = label(cls="error")
        self.error.setObjectName("home_visit_error")
        row.addWidget(self.error, 1)
        self.submit = button("home_visit_submit", "primary")
        self.submit.clicked.connect(self._submit)
        row.addWidget(self.submit, 1)
        fv.addLayout(row)
        outer.addWidget(footer)
        self.pages.addWidget(form)
        self.form = form

        # --- the confirmation ------------------------------------------------------------------
        sent = QWidget()
        souter, sroot = scrolled_page(sent, 40, 18)
        card = classed(QFrame(), "card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(36, 30, 36, 30)
        cl.setSpacing(16)
        self.sent_title = label(cls="h1")
        self.sent_title.setObjectName("home_visit_sent_title")
        self.sent_call = label(cls="big")
        self.sent_call.setObjectName("home_visit_sent_call")
        self.sent_where = label(cls="big")
        self.sent_where.setObjectName("home_visit_sent_where")
        self.sent_phone = label(cls="badge-green")
        self.sent_phone.setObjectName("home_visit_sent_phone")
        self.sent_note = label(cls="muted")
        for w in (self.sent_title, self.sent_call, self.sent_where, self.sent_phone, self.sent_note):
            cl.addWidget(w)
        sroot.addWidget(card)
        sroot.addStretch(1)
        sfooter = classed(QFrame(), "footer")
        sl = QVBoxLayout(sfooter)
        sl.setContentsMargins(40, 16, 40, 24)
        self.finish = button("home_visit_done", "primary")
        self.finish.clicked.connect(self.done)
        sl.addWidget(self.finish)
        souter.addWidget(sfooter)
        self.pages.addWidget(sent)
        self.sent = sent
        self.reset()

    # --- state ------------------------------------------------------------------------------

    def start(self, group: Group | str, item_code: str = "") -> None:
        """A new request for ``group`` (and what they came for, if they said)."""
        self.reset()
        self.group, self.item_code = Group(group), item_code

    def reset(self) -> None:
        self.community, self.detail, self.phone = None, "", ""
        self.group, self.item_code = Group.ELDER, ""
        self.tried, self.problem, self.request = False, "", None
        self.target = DETAIL_FIELD
        self.pages.setCurrentWidget(self.form)
        self.refresh()

    def choose(self, community: Community) -> None:
        self.community = community
        self.problem = ""
        self.refresh()

    def _target(self, which: str) -> None:
        self.target = which
        self.refresh()

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard types into the chosen field (anything printable: it is checked at the field)."""
        if self.pages.currentWidget() is not self.form:
            return False
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._edit(lambda s: s[:-1])
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab):
            return False
        text = event.text()
        if text:
            self._typed(text)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in (self.detail_field, self.phone_field):
            self._target(DETAIL_FIELD if watched is self.detail_field else PHONE_FIELD)
        return super().eventFilter(watched, event)

    def _typed(self, text: str) -> None:
        if self.target == PHONE_FIELD:
            # the keypad gives digits only; a keyboard's other keys are kept so the field can say why
            self._edit(lambda s: (s + text)[:20])
        else:
            self._edit(lambda s: (s + text.upper())[:DETAIL_LIMIT * 2])  # over the limit: said, not cut

    def _edit(self, fn) -> None:
        if self.target == PHONE_FIELD:
            self.phone = fn(self.phone)
        else:
            self.detail = fn(self.detail)
        self.problem = ""
        self.refresh()

    # --- checks at the fields -----------------------------------------------------------------

    def detail_status(self) -> tuple[str, bool]:
        _, problem = clean_text(self.detail, DETAIL_LIMIT, multiline=False)
        if problem is not None and problem != TextProblem.EMPTY:
            return text_problem_words(problem, self.language, DETAIL_LIMIT), True
        return "", False

    def phone_status(self) -> tuple[str, bool]:
        phone = self.phone
        if not phone:
            return (self.tr("请留一个手机号，服务专员打这个电话"), True) if self.tried else ("", False)
        if not (phone.isascii() and phone.isdigit()):
            return self.tr("手机号只能是数字"), True
        if len(phone) < 11:
            return self.tr("还差 {n} 位").format(n=11 - len(phone)), self.tried
        if len(phone) > 11:
            return self.tr("手机号是 11 位，多了 {n} 位").format(n=len(phone) - 11), True
        return (self.tr("手机号应以 13–19 开头"), True) if phone_problem(phone) else ("", False)

    def where_status(self) -> str:
        return self.tr("请点选住在哪个村（社区）") if self.tried and self.community is None else ""

    def valid(self) -> bool:
        return (self.community is not None and not self.detail_status()[1] and not self.phone_status()[1]
                and not phone_problem(self.phone))

    def _submit(self) -> None:
        self.tried = True
        if not self.valid():
            self.refresh()
            return
        address = home_address(self.community, clean_text(self.detail, DETAIL_LIMIT, multiline=False)[0])
        try:
            req, _ = self.promises.request_help(Help.HOME_VISIT, self.group, self.item_code or None,
                                                address, self.phone)
        except ReportError:  # the domain's own checks: the fields above say the same, so this is a safeguard
            self.problem = "refused"
            self.refresh()
            return
        except StoreError:
            self.problem = "store"
            self.refresh()
            return
        self.request = req
        self.happened.emit(AppEvent.HOME_VISIT_BOOKED.value, {"group": self.group.value, "item": self.item_code or ""})
        self.pages.setCurrentWidget(self.sent)
        self.retranslate()

    # --- rendering --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.detail_field.setText(self.detail)
        self.phone_field.setText(self.phone)
        self.detail_pick.setChecked(self.target == DETAIL_FIELD)
        self.phone_pick.setChecked(self.target == PHONE_FIELD)
        self.keys.setCurrentWidget(self.keyboard if self.target == DETAIL_FIELD else self.keypad)
        active = self.detail_field if self.target == DETAIL_FIELD else self.phone_field
        for field, err, (msg, error) in ((self.detail_field, self.detail_error, self.detail_status()),
                                         (self.phone_field, self.phone_error, self.phone_status())):
            err.setText(msg or " ")  # an empty line keeps its height: the keys never jump
            err.setProperty("class", "error" if error else "muted")
            restyle(err)
            field.setProperty("class", "invalid" if error else ("active" if field is active else ""))
            restyle(field)
        for name, b in self.place_buttons.items():
            b.setChecked(self.community is not None and self.community.name == name)
        self.retranslate()

    def retranslate(self) -> None:
        en = self.language.english
        self.lead.setText(self.tr("移动办公桌：工作人员上门办理"))
        self.intro.setText(self.tr("家里有行动不便的老人或病人？选好住在哪里，留一个手机号，"
                                   "服务专员会打电话和您约上门的时间。地址和电话只用于这次上门。"))
        self.where_title.setText(self.tr("住在哪个村（社区）"))
        columns = 2 if en else 3
        for i, c in enumerate(self.hall.communities):
            b = self.place_buttons[c.name]
            set_text(b, c.name_en if en else c.name)
            self.places.addWidget(b, i // columns, i % columns)
        self.where_error.setText(self.where_status())
        self.where_error.setVisible(bool(self.where_status()))
        set_text(self.detail_pick, self.tr("门牌号（可选）"))
        set_text(self.phone_pick, self.tr("联系手机"))
        self.detail_field.setPlaceholderText(self.tr("例如 12-301，可以不填"))
        self.phone_field.setPlaceholderText(self.tr("11 位手机号"))
        self.detail_field.setAccessibleName(self.tr("门牌号（可选）"))
        self.phone_field.setAccessibleName(self.tr("联系手机"))
        for err, (msg, _error) in ((self.detail_error, self.detail_status()), (self.phone_error, self.phone_status())):
            err.setText(msg or " ")
        set_text(self.submit, self.tr("提交上门申请"))
        self.error.setText({"store": self.tr("系统暂时无法登记，请到服务台由工作人员为您登记。"),
                            "refused": self.tr("有一项没有填好，请看上面的提示。")}.get(self.problem, ""))
        self.error.setVisible(bool(self.problem))
        set_text(self.finish, self.tr("完成，返回首页"))
        req = self.request
        if req is None:
            return
        officer = self.promises.officer(req.officer_id)
        name = officer_name(officer, self.language) if officer else ""
        due = self.promises.calendar.due(_dt.datetime.fromtimestamp(req.at), CALL_WITHIN_DAYS)
        when = (f"{due:%-d %b}" if en else self.tr("{m}月{d}日").format(m=due.month, d=due.day))
        self.sent_title.setText(self.tr("上门申请已收到"))
        self.sent_call.setText(self.tr("服务专员 {name} 会在 1 个工作日内（{when}前）打电话到 {phone}，"
                                       "和您约上门的时间。").format(name=name, when=when, phone=mask_phone(req.contact)))
        self.sent_where.setText(self.tr("上门地点：{address}").format(
            address=self._address_shown(req.address)))
        self.sent_phone.setText(self.tr("有急事请打服务专员 24 小时电话：{phone}").format(
            phone=officer.phone if officer else ""))
        self.sent_note.setText(self.tr("登记为：{group}").format(group=group_name(req.group, self.language)))

    def _address_shown(self, address: str) -> str:
        """The stored address in the kiosk's language (the community's English name in English)."""
        if self.language.english and self.community is not None and address.startswith(self.community.name):
            return self.community.name_en + address[len(self.community.name):]
        return address
