"""取号办事: choose how to take a ticket — by item, by 一件事 bundle, or for a desk."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.domain.catalogue import Catalogue
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import button, label, scrolled_page, set_text

#: Desks a citizen can queue for without choosing an item.
DESKS = ("consult", "assist", "cannot_do")


class TicketMenuScreen(Page, QWidget):
    find_item = Signal()
    bundle_chosen = Signal(str)
    desk_chosen = Signal(str)
    officer = Signal()  # 服务专员: one-to-one help for the special groups

    def __init__(self, catalogue: Catalogue, language: Language):
        super().__init__()
        self.catalogue, self.language = catalogue, language
        self.setObjectName("screen_ticket_menu")
        _, root = scrolled_page(self, 40, 22)

        self.title = label(cls="h1")
        root.addWidget(self.title)
        self.by_item = button("ticket_by_item", "tile-main", wrap=True)
        self.by_item.clicked.connect(self.find_item)
        root.addWidget(self.by_item)

        self.bundles_title = label(cls="h2")
        self.bundles_hint = label(cls="muted")
        root.addWidget(self.bundles_title)
        root.addWidget(self.bundles_hint)
        self.bundle_grid = QGridLayout()
        self.bundle_grid.setSpacing(14)
        self.bundle_buttons = []
        for b in catalogue.bundles:
            btn = button(f"bundle_{b.code}", "chip", wrap=True)
            btn.clicked.connect(lambda _=False, c=b.code: self.bundle_chosen.emit(c))
            self.bundle_buttons.append((btn, b))
        root.addLayout(self.bundle_grid)

        self.desks_title = label(cls="h2")
        root.addWidget(self.desks_title)
        self.desk_buttons = {}
        for code in DESKS:
            btn = button(f"desk_{code}", "danger" if code == "cannot_do" else "", wrap=True)
            btn.clicked.connect(lambda _=False, c=code: self.desk_chosen.emit(c))
            root.addWidget(btn)
            self.desk_buttons[code] = btn
        self.officer_button = button("ticket_officer", "", wrap=True)
        self.officer_button.clicked.connect(self.officer)
        root.insertWidget(root.indexOf(self.desk_buttons["assist"]) + 1, self.officer_button)
        root.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        en = self.language.english
        self.title.setText(self.tr("请选择取号方式"))
        set_text(self.by_item, self.tr("按事项取号") + "\n" + self.tr("查找要办的事，看清材料再取号"), self.tr("按事项取号"))
        self.bundles_title.setText(self.tr("一件事 · 一次办"))
        self.bundles_hint.setText(self.tr("几件相关的事，一次取号、一个窗口办完"))
        columns = 1 if en else 2  # English names are long: one per row
        for i, (btn, b) in enumerate(self.bundle_buttons):
            set_text(btn, b.name_en if en else b.name)
            self.bundle_grid.addWidget(btn, i // columns, i % columns)
        self.desks_title.setText(self.tr("不确定办什么？"))
        set_text(self.desk_buttons["consult"], self.tr("综合咨询：先问一问"))
        set_text(self.desk_buttons["assist"], self.tr("帮办代办：老年人、军人、残疾人、境外投资者一对一帮办"))
        set_text(self.officer_button, self.tr("找服务专员：一对一帮办，留 24 小时电话，也可以上门"))
        set_text(self.desk_buttons["cannot_do"], self.tr("办不成事反映：在别处没办成的事，请到这里反映"))
