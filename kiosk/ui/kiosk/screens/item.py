"""一次性告知: everything a citizen must know about an item (or a 一件事 bundle) on one screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.catalogue import Catalogue, Item, Material
from kiosk.domain.desk import Request
from kiosk.domain.hall import Hall, window_span
from kiosk.domain.visit import Visit
from kiosk.ui.kiosk.screens.offers import ItemOffers
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Page
from kiosk.ui.shared.widgets import QrCode, button, classed, clear_layout, label, scrolled_page, set_text


def materials_for(catalogue: Catalogue, req: Request) -> list[Material]:
    """An item's materials, or a package's (:meth:`Catalogue.bundle_materials`)."""
    if req.item_code:
        return list(catalogue.by_code[req.item_code].materials)
    return catalogue.bundle_materials(catalogue.bundle_by_code[req.bundle_code])


class ItemScreen(Page, QWidget):
    take_ticket = Signal()

    def __init__(self, catalogue: Catalogue, hall: Hall, visit: Visit, language: Language):
        super().__init__()
        self.catalogue, self.hall, self.visit, self.language = catalogue, hall, visit, language
        self.setObjectName("screen_item")
        outer, self.body = scrolled_page(self, 36, 18)

        self.title = label(cls="h1")
        self.subtitle = label(cls="muted")
        self.body.addWidget(self.title)
        self.body.addWidget(self.subtitle)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(18)
        self.facts.setVerticalSpacing(12)
        for col in (0, 1):  # two equal columns: a long fee rule does not squeeze its neighbour to a word a line
            self.facts.setColumnStretch(col, 1)
        self.body.addLayout(self.facts)

        self.materials_title = label(cls="h2")
        self.body.addWidget(self.materials_title)
        self.materials_hint = label(cls="muted")
        self.body.addWidget(self.materials_hint)
        self.checklist = QVBoxLayout()
        self.checklist.setSpacing(10)
        self.body.addLayout(self.checklist)
        self.explain = label(cls="promise")
        self.body.addWidget(self.explain)
        self.offers = ItemOffers(language)  # 容缺受理, 自助办理（零材料） where the item allows them
        self.body.addWidget(self.offers)

        qr_row = QHBoxLayout()
        qr_row.setSpacing(24)
        self.qr = QrCode(260)
        self.qr.setObjectName("item_qr")
        self.qr.setAccessibleName("checklist QR code")
        qr_row.addWidget(self.qr)
        self.qr_text = label(cls="muted")
        qr_row.addWidget(self.qr_text, 1)
        self.body.addLayout(qr_row)
        self.note = label(cls="badge-amber")
        self.body.addWidget(self.note)
        self.body.addStretch(1)

        footer = classed(QFrame(), "footer")
        fl = QHBoxLayout(footer)
        fl.setContentsMargins(36, 18, 36, 18)
        self.progress = label(cls="big")
        fl.addWidget(self.progress, 1)
        self.ticket_button = button("item_take_ticket", "primary")
        self.ticket_button.clicked.connect(self.take_ticket)
        fl.addWidget(self.ticket_button, 1)
        outer.addWidget(footer)
        self.check_buttons: list = []
        self._materials: list[Material] = []

    def enter(self) -> None:
        req = self.visit.request
        if req is None or not (req.item_code or req.bundle_code):
            return
        self._materials = materials_for(self.catalogue, req)
        clear_layout(self.checklist)
        self.check_buttons = []
        for i, m in enumerate(self._materials):
            # an e-certificate is fetched by the window: nothing to bring, so nothing to tick
            b = button(f"material_{i}", "check", checkable=not m.e_license, wrap=True)
            b.setChecked(m.name in self.visit.ticked and not m.e_license)
            b.toggled.connect(lambda on, name=m.name: self._tick(name, on))
            self.checklist.addWidget(b)
            self.check_buttons.append(b)
        self.offers.show_for(self.catalogue.by_code[req.item_code] if req.item_code else None)
        self.retranslate()

    def _tick(self, name: str, on: bool) -> None:
        (self.visit.ticked.add if on else self.visit.ticked.discard)(name)
        self._update_progress()

    def _material_text(self, m: Material, en: bool) -> str:
        name = m.name_en if en else m.name
        if m.e_license:  # no count: the window fetches it (COPY fix 6)
            return self.tr("{name}（免带：窗口调取电子证照）").format(name=name)
        parts = []
        if m.originals:
            parts.append(self.tr("原件 {n} 份").format(n=m.originals))
        if m.copies:
            parts.append(self.tr("复印件 {n} 份").format(n=m.copies))
        tags = []
        if m.deferrable:
            tags.append(self.tr("【可容缺后补】"))
        note = m.note_en if en else m.note  # when or by whom it is needed: part of 一次性告知
        if note:
            parts.append(note)
        return self.tr("{name}（{parts}）").format(name=name, parts=self.tr("，").join(parts)) + "".join(tags)

    def _fact(self, row: int, col: int, title: str, value: str) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(label(title, "muted"))
        box.addWidget(label(value, "big"))
        box.addStretch(1)
        self.facts.addLayout(box, row, col, Qt.AlignmentFlag.AlignTop)  # facts side by side start level

    def retranslate(self) -> None:
        req = self.visit.request
        if req is None or not (req.item_code or req.bundle_code):
            return
        en = self.language.english
        clear_layout(self.facts)
        if req.item_code:
            item = self.catalogue.by_code[req.item_code]
            self.title.setText(item.name_en if en else item.name)
            self.subtitle.setText(self._who_text(item, en))
            if item.kind == "即办件":
                time_text = self.tr("即办件：当场办结")
            else:
                time_text = self.tr("承诺 {p} 个工作日").format(p=item.promised_days)
                if item.legal_days:
                    time_text += self.tr("（法定 {l} 个工作日）").format(l=item.legal_days)
            fee_note = item.fee_note_en if en else item.fee_note
            if item.fee_varies:  # 住宅每件80元，非住宅每件550元: the rule, never one figure
                fee = fee_note
            else:
                fee = self.tr("不收费") if item.fee == 0 else self.tr("{fee} 元").format(fee=f"{item.fee:g}")
                if fee_note:  # what else is paid: never a bare "No fee"
                    fee = self.tr("{fee}（{note}）").format(fee=fee, note=fee_note)
            windows = self.hall.windows_for(item.window)
            self._fact(0, 0, self.tr("办结时限"), time_text)
            self._fact(0, 1, self.tr("收费"), fee)
            self._fact(1, 0, self.tr("跑动次数"), self.tr("零跑动，可全程网办") if item.visits == 0 else self.tr("最多跑一次"))
            self._fact(1, 1, self.tr("网上办理"), self.tr("可以，登录江苏政务服务网") if item.online else self.tr("请到窗口办理"))
            self._fact(2, 0, self.tr("办理窗口"), self._windows_text(windows, en))
            zone = item.zone
            if zone:
                self._fact(2, 1, self.tr("元园服务站专区"), self._zone_text(zone))
            note = item.note_en if en else item.note
        else:
            bundle = self.catalogue.bundle_by_code[req.bundle_code]
            self.title.setText(bundle.name_en if en else bundle.name)
            self.subtitle.setText(bundle.description_en if en else bundle.description)
            names = [(i.name_en if en else i.name) for i in self.catalogue.bundle_items(bundle)]
            self._fact(0, 0, self.tr("包含事项"), "\n".join(f"· {n}" for n in names))
            promise = (self.tr("{h} 个工作小时内办结").format(h=bundle.hours) if bundle.hours
                       else self.tr("承诺 {p} 个工作日").format(p=bundle.promised_days))
            self._fact(0, 1, self.tr("办结时限"), promise)
            self._fact(1, 0, self.tr("办理窗口"), self._windows_text(self.hall.windows_for(bundle.window), en))
            note = ""
        self.materials_title.setText(self.tr("需要准备的材料"))
        if self._materials:
            self.materials_hint.setText(self.tr("请逐项点一下您已带齐的材料"))
        else:
            self.materials_hint.setText(self.tr("本事项无需提交材料（零材料）"))
        explain = []
        if any(m.e_license for m in self._materials):
            explain.append(self.tr("零材料：标注“免带”的材料，窗口从电子证照库直接调取，您不用带。"))
        if any(m.deferrable for m in self._materials):
            explain.append(self.tr("容缺受理：主要材料齐全时，标注“可容缺”的次要材料可以签署承诺书后补交"
                                   "（写明补交什么、什么形式、何时补交）；有不良信用记录的除外。"))
        self.explain.setText("\n".join(explain))
        self.explain.setVisible(bool(explain))
        self.note.setText(self.tr("温馨提示：") + note if note else "")
        self.note.setVisible(bool(note))
        self.qr.set_text(self._qr_payload(en))
        self.qr_text.setText(self.tr("用手机扫码，把材料清单带走"))
        set_text(self.ticket_button, self.tr("取号办理"))
        self._update_progress()

    def _update_progress(self) -> None:
        en = self.language.english
        for b, m in zip(self.check_buttons, self._materials):
            mark = "✓ " if b.isChecked() or m.e_license else "□ "
            set_text(b, mark + self._material_text(m, en), self._material_text(m, en))  # ticked: its checked state
        needed = [m for m in self._materials if not m.e_license]
        have = sum(1 for m in needed if m.name in self.visit.ticked)
        if not needed:
            self.progress.setText(self.tr("无需带材料"))
        else:
            self.progress.setText(self.tr("已备齐 {have}/{total}").format(have=have, total=len(needed)))

    def _qr_payload(self, en: bool) -> str:
        lines = [self.title.text()]
        for m in self._materials:
            lines.append(("□ " if not m.e_license else "✓ ") + self._material_text(m, en))
        lines.append(self.hall.name_en if en else self.hall.name)
        return "\n".join(lines)

    def _who_text(self, item: Item, en: bool) -> str:
        """Code, department and type; for an item accepted for an authority above the town, who accepts
        and who decides on a line of their own: a town hall's 受理/代办 is not its own decision."""
        dept = self.catalogue.department_by_code[item.department]
        dept_name = dept.name_en if en else dept.name
        if not item.on_behalf:
            return f"{item.code} · {dept_name} · {self._type_text(item.type)}"
        decider = self.catalogue.decider(item)
        names = dict(dept=dept_name, decider=decider.name_en if en else decider.name)
        who = (self.tr("受理：{dept} · 审批：{decider}（本中心代为受理）") if item.type == "行政许可"
               else self.tr("受理：{dept} · 办理：{decider}（本中心代为受理）")).format(**names)
        return f"{item.code} · {self._type_text(item.type)}\n{who}"

    def _windows_text(self, windows, en: bool) -> str:
        if not windows:
            return "—"
        nums = [w.number for w in windows]
        name = windows[0].name_en if en else windows[0].name
        span = window_span(nums, self.tr("、"))
        return self.tr("{span} 号{name}").format(span=span, name=name)

    def _type_text(self, t: str) -> str:
        return {"行政许可": self.tr("行政许可"), "行政确认": self.tr("行政确认"), "行政给付": self.tr("行政给付"),
                "行政征收": self.tr("行政征收"), "行政裁决": self.tr("行政裁决"), "行政奖励": self.tr("行政奖励"),
                "行政备案": self.tr("行政备案"), "其他行政权力": self.tr("其他行政权力"),
                "公共服务": self.tr("公共服务")}.get(t, t)

    def _zone_text(self, z: str) -> str:
        return {"重点项目开工": self.tr("重点项目开工"), "重点企业开办": self.tr("重点企业开办"),
                "重点群体服务": self.tr("重点群体服务")}.get(z, z)
