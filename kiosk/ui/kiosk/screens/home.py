"""Home: the two ways in (取号办事, 事项查询), opening hours and the hall's promises."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.hall import Hall
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import button, classed, label, scrolled_page, set_text


class HomeScreen(Page, QWidget):
    take_ticket = Signal()
    browse = Signal()
    rate = Signal()
    officer = Signal()  # 服务专员 · 移动办公桌
    check_in = Signal()  # 预约签到
    report = Signal()  # 办不成事反映
    opinion = Signal()  # 意见建议

    def __init__(self, hall: Hall, catalogue: Catalogue, language: Language):
        super().__init__()
        self.hall, self.catalogue, self.language = hall, catalogue, language
        self.setObjectName("screen_home")
        # a page that scrolls when English and 长辈版 need more room than the screen has: every
        # line keeps the height its text needs, none is squeezed (the two tiles stay at the top)
        _outer, root = scrolled_page(self, 40, 26)

        self.welcome = label(cls="h1")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.motto = label(cls="big muted")
        self.motto.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.welcome)
        root.addWidget(self.motto)

        self.ticket_tile = button("tile_take_ticket", "tile-main", wrap=True)
        self.ticket_tile.clicked.connect(self.take_ticket)
        self.browse_tile = button("tile_browse", "tile", wrap=True)
        self.browse_tile.clicked.connect(self.browse)
        root.addWidget(self.ticket_tile)
        root.addWidget(self.browse_tile)
        # the hall's promises: a tile each, two to a row
        self.more = QGridLayout()
        self.more.setSpacing(14)
        for c in range(2):
            self.more.setColumnStretch(c, 1)
        root.addLayout(self.more)
        self.rate_tile = button("tile_rate", "tile", wrap=True)
        self.rate_tile.clicked.connect(self.rate)
        self.checkin_tile = button("tile_checkin", "tile", wrap=True)
        self.checkin_tile.clicked.connect(self.check_in)
        self.officer_tile = button("tile_officer", "tile", wrap=True)
        self.officer_tile.clicked.connect(self.officer)
        self.report_tile = button("tile_report", "tile", wrap=True)
        self.report_tile.clicked.connect(self.report)
        self.opinion_tile = button("tile_opinion", "tile", wrap=True)
        self.opinion_tile.clicked.connect(self.opinion)
        tiles = (self.rate_tile, self.checkin_tile, self.officer_tile, self.report_tile, self.opinion_tile)
        for i, tile in enumerate(tiles):
            policy = tile.sizePolicy()  # the tiles of a row as tall as its tallest (English wraps unevenly)
            policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
            tile.setSizePolicy(policy)
            last_alone = i == len(tiles) - 1 and i % 2 == 0
            self.more.addWidget(tile, i // 2, i % 2, 1, 2 if last_alone else 1)

        # 五个零 promise
        self.promise_title = label(cls="h2")
        root.addWidget(self.promise_title)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.promises = [label(cls="promise") for _ in range(5)]
        for i, lab in enumerate(self.promises):
            grid.addWidget(lab, i // 2, i % 2, 1, 2 if i == 4 else 1)
        root.addLayout(grid)

        # opening hours
        card = classed(QFrame(), "card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(28, 20, 28, 20)
        cl.setSpacing(10)
        self.hours_title = label(cls="h2")
        cl.addWidget(self.hours_title)
        self.hours = []
        for _ in hall.hours:
            row = QHBoxLayout()
            day, time_ = label(), label(wrap=False)  # a long day label wraps beside its time
            time_.setAlignment(Qt.AlignmentFlag.AlignRight)
            row.addWidget(day)
            row.addWidget(time_)
            cl.addLayout(row)
            self.hours.append((day, time_))
        root.addWidget(card)

        self.five_tong = label(cls="muted")
        self.five_tong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.five_tong)
        root.addStretch(1)
        self.care = label(cls="badge-green")
        self.care.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.care)
        self.retranslate()

    def retranslate(self) -> None:
        en = self.language.english
        self.welcome.setText(self.tr("欢迎来到{hall}").format(hall=self.hall.name_en if en else self.hall.name))
        self.motto.setText(self.tr("一窗通办 · 来了都能办 · 随时都可办"))
        set_text(self.ticket_tile, self.tr("取号办事") + "\n" + self.tr("按事项、一件事或综合咨询取号"),
                 self.tr("取号办事"))
        set_text(self.browse_tile, self.tr("事项查询") + "\n" +
                 self.tr("共 {n} 个事项 · 办事指南一次性告知").format(n=len(self.catalogue.items)),
                 self.tr("事项查询"))
        set_text(self.rate_tile, self.tr("服务评价") + "\n" + self.tr("好差评 · 凭小票评价"), self.tr("服务评价"))
        set_text(self.checkin_tile, self.tr("预约签到") + "\n" + self.tr("有预约的，到了先签到"), self.tr("预约签到"))
        set_text(self.officer_tile, self.tr("服务专员") + "\n" + self.tr("一对一帮办，可上门"), self.tr("服务专员"))
        set_text(self.report_tile, self.tr("办不成事反映") + "\n" + self.tr("没办成的事，告诉我们"),
                 self.tr("办不成事反映"))
        set_text(self.opinion_tile, self.tr("意见建议") + "\n" + self.tr("意见箱 · 人大代表联系点"),
                 self.tr("意见建议"))
        self.promise_title.setText(self.tr("“五个零”服务承诺"))
        texts = [self.tr("零材料：电子证照能调取的，不用您带"),
                 self.tr("零距离：帮办代办，服务进园区、进企业"),
                 self.tr("零等待：午间不打烊，周六照常办"),
                 self.tr("零差别：任一综合窗口都能办"),
                 self.tr("零障碍：老弱军残走绿色通道，办不成事有专窗")]
        for lab, text in zip(self.promises, texts):
            lab.setText(text)
        self.hours_title.setText(self.tr("办公时间"))
        for (day, time_), h in zip(self.hours, self.hall.hours):
            day.setText(h.days_en if en else h.days)
            time_.setText(h.time)
        self.five_tong.setText(self.tr("一窗通办 · 一网通办 · 一号通办 · 一库通办 · 一队通办"))
        self.care.setText(self.tr("老年人、军人、残疾人、境外投资者：服务专员一对一帮办代办"))
