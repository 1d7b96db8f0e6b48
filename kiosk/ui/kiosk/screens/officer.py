"""服务专员 + 联络员 at the kiosk: a visitor of a special group (境外投资者, 高层次人才, 军人, 老年人)
picks the group and, if they wish, what they came for, then either takes an E ticket (帮办代办)
whose slip names the officer and their 24-hour number, or asks for 移动办公桌 — a home visit for a
family member (kiosk/ui/kiosk/screens/home_visit.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.desk import Slip
from kiosk.domain.officers import Group, Help, Officer
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import Promises
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import button, classed, clear_layout, label, restyle, scrolled_page, set_text
from kiosk.usability.events import AppEvent

_CTX = "OfficerScreen"

#: The groups as the kiosk names them: (name, what the officer helps with).
GROUP_TEXT = {
    Group.FOREIGN_INVESTOR: (QT_TRANSLATE_NOOP("OfficerScreen", "境外投资者"),
                             QT_TRANSLATE_NOOP("OfficerScreen", "设立或变更外商投资企业")),
    Group.TALENT: (QT_TRANSLATE_NOOP("OfficerScreen", "高层次人才"),
                   QT_TRANSLATE_NOOP("OfficerScreen", "人才认定、人才公寓、子女入学")),
    Group.VETERAN: (QT_TRANSLATE_NOOP("OfficerScreen", "军人、退役军人"),
                    QT_TRANSLATE_NOOP("OfficerScreen", "优待证、报到登记、补助")),
    Group.ELDER: (QT_TRANSLATE_NOOP("OfficerScreen", "老年人、行动不便的人"),
                  QT_TRANSLATE_NOOP("OfficerScreen", "可以请工作人员上门办理")),
}

#: What each group most often comes for (catalogue codes; one missing from the catalogue is left out).
GROUP_ITEMS = {
    Group.FOREIGN_INVESTOR: ("QYKB-013", "QYKB-014"),
    Group.TALENT: ("RCFW-001", "RCFW-002", "RCFW-003"),
    Group.VETERAN: ("TYJR-001", "TYJR-002", "TYJR-003"),
    Group.ELDER: ("LNRY-001", "LNRY-002", "LNRY-003", "LNRY-004"),
}


def group_name(group: Group, language: Language) -> str:
    return language.translate(_CTX, GROUP_TEXT[Group(group)][0])


def officer_name(officer: Officer, language: Language) -> str:
    return officer.name_en if language.english else officer.name


def officer_note(officer: Officer, language: Language) -> str:
    """The slip's line for a 服务专员 ticket: who helps and how to reach them day and night."""
    return language.translate("OfficerScreen", "服务专员 {name} · 24 小时电话 {phone}").format(
        name=officer_name(officer, language), phone=officer.phone)


class OfficerScreen(Page, QWidget):
    """Emits ``issued(slip, officer)`` when an E ticket was taken, ``home_visit(group, item_code)``
    when the visitor asks for a home visit (item_code "" for none)."""

    issued = Signal(object, object)
    home_visit = Signal(str, str)
    happened = Signal(str, dict)  # what the kiosk did (KioskWindow.happened)

    def __init__(self, promises: Promises, catalogue: Catalogue, language: Language):
        super().__init__()
        self.promises, self.catalogue, self.language = promises, catalogue, language
        self.setObjectName("screen_officer")
        self.group: Group | None = None
        self.item_code = ""
        self.problem = ""  # why the request was not taken (the store): said in the footer
        outer, root = scrolled_page(self, 36, 14)

        self.lead = label(cls="lead")
        root.addWidget(self.lead)
        self.intro = label(cls="muted")
        root.addWidget(self.intro)

        self.group_title = label(cls="h2")
        root.addWidget(self.group_title)
        cards = QGridLayout()
        cards.setSpacing(12)
        self.group_buttons: dict[Group, QWidget] = {}
        for i, g in enumerate(Group):
            b = button(f"officer_group_{g.value}", "persona", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, grp=g: self.choose_group(grp))
            cards.addWidget(b, i // 2, i % 2)
            self.group_buttons[g] = b
        for c in range(2):
            cards.setColumnStretch(c, 1)
        root.addLayout(cards)
        self.group_error = label(cls="error")
        self.group_error.setObjectName("officer_group_error")
        root.addWidget(self.group_error)

        self.item_title = label(cls="h2")
        root.addWidget(self.item_title)
        self.item_hint = label(cls="muted")
        root.addWidget(self.item_hint)
        self.item_grid = QGridLayout()
        self.item_grid.setSpacing(12)
        root.addLayout(self.item_grid)
        self.item_buttons: dict[str, QWidget] = {}
        root.addStretch(1)

        footer = classed(QFrame(), "footer")
        fv = QVBoxLayout(footer)
        fv.setContentsMargins(36, 14, 36, 14)
        fv.setSpacing(10)
        self.error = label(cls="error")
        self.error.setObjectName("officer_error")
        fv.addWidget(self.error)
        row = QHBoxLayout()
        row.setSpacing(14)
        self.take = button("officer_take_ticket", "primary", wrap=True)
        self.take.clicked.connect(self._take)
        self.visit_home = button("officer_home_visit", "", wrap=True)
        self.visit_home.clicked.connect(self._home)
        row.addWidget(self.take, 1)
        row.addWidget(self.visit_home, 1)
        fv.addLayout(row)
        outer.addWidget(footer)
        self.reset()

    # --- state ------------------------------------------------------------------------------

    def reset(self) -> None:
        self.group, self.item_code, self.problem = None, "", ""
        self.group_error.setText("")
        self._items()
        self.retranslate()

    def choose_group(self, group: Group) -> None:
        if self.group != group:
            self.item_code = ""
        self.group = group
        self.group_error.setText("")
        self.problem = ""
        self._items()
        self.retranslate()

    def choose_item(self, code: str) -> None:
        """A tap on an item chooses it; a tap on the chosen one leaves it out again (it is optional)."""
        self.item_code = "" if self.item_code == code else code
        self.retranslate()

    def _items(self) -> None:
        clear_layout(self.item_grid)
        self.item_buttons = {}
        codes = [c for c in GROUP_ITEMS.get(self.group, ()) if c in self.catalogue.by_code] if self.group else []
        for code in codes:
            b = button(f"officer_item_{code}", "chip", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, c=code: self.choose_item(c))
            self.item_buttons[code] = b
        self._place_items()
        for b in self.item_buttons.values():
            b.show()  # at once (a layout shows a new child only when the event loop next runs)

    def _place_items(self) -> None:
        columns = 1 if self.language.english else 2  # English names are long: one per row
        for i, b in enumerate(self.item_buttons.values()):
            self.item_grid.addWidget(b, i // columns, i % columns)

    def _need_group(self) -> bool:
        if self.group is None:
            self.group_error.setText(self.tr("请先选择您属于哪一类"))
            return True
        return False

    def _take(self) -> None:
        if self._need_group():
            return
        try:
            req, slip = self.promises.request_help(Help.OFFICER, self.group, self.item_code or None)
        except StoreError:
            self.problem = "store"
            self.retranslate()
            return
        officer = self.promises.officer(req.officer_id)
        self.happened.emit(AppEvent.OFFICER_REQUESTED.value, {"group": self.group.value, "item": self.item_code or ""})
        if isinstance(slip, Slip):
            self.issued.emit(slip, officer)

    def _home(self) -> None:
        if self._need_group():
            return
        self.home_visit.emit(self.group.value, self.item_code)

    # --- rendering --------------------------------------------------------------------------

    def retranslate(self) -> None:
        en = self.language.english
        self.lead.setText(self.tr("服务专员 + 联络员：一对一帮办代办"))
        self.intro.setText(self.tr("境外投资者、高层次人才、军人和老年人，可以请服务专员一对一帮您办，"
                                   "还会留给您一个 24 小时都能打通的电话。"))
        self.group_title.setText(self.tr("1. 您属于哪一类？"))
        for g, b in self.group_buttons.items():
            name, what = (self.language.translate(_CTX, t) for t in GROUP_TEXT[g])
            chosen = g == self.group
            b.setChecked(chosen)
            set_text(b, f"{'✓ ' if chosen else ''}{name}\n{what}", name + (self.tr("（已选）") if chosen else ""))
            b.setAccessibleDescription(what)
        self.item_title.setText(self.tr("2. 要办的事（可以不选）"))
        self.item_hint.setText(self.tr("请先选择上面的一类") if self.group is None
                               else self.tr("不在这里也没关系，服务专员会问清楚"))
        for code, b in self.item_buttons.items():
            item = self.catalogue.by_code[code]
            b.setChecked(code == self.item_code)
            set_text(b, item.name_en if en else item.name)
        self._place_items()
        set_text(self.take, self.tr("在大厅一对一帮办") + "\n" + self.tr("取帮办代办号"), self.tr("在大厅一对一帮办"))
        set_text(self.visit_home, self.tr("移动办公桌：请工作人员上门") + "\n" + self.tr("为行动不便的家人申请"),
                 self.tr("移动办公桌：请工作人员上门"))
        if self.group_error.text():
            self.group_error.setText(self.tr("请先选择您属于哪一类"))
        self.error.setText(self.tr("系统暂时无法登记，请到服务台由工作人员为您联系服务专员。") if self.problem else "")
        self.error.setVisible(bool(self.problem))
        restyle(self.error)
