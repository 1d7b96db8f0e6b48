"""What an item's guidance offers beside 取号办理: 容缺受理 when some of its materials may follow
later on a commitment, 自助办理 when every material is an 电子证照 the hall fetches (零材料)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.domain.catalogue import Item
from kiosk.domain.commitments import deferrable
from kiosk.domain.selfservice import self_serviceable
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import button, set_text


class ItemOffers(Retranslating, QWidget):
    """``defer()``: 缺少材料？容缺受理; ``self_serve()``: 自助办理（零材料）. Hidden when neither applies."""

    defer = Signal()
    self_serve = Signal()

    def __init__(self, language: Language):
        super().__init__()
        self.language = language
        self.setObjectName("item_offers")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        self.defer_button = button("item_rongque", wrap=True)
        self.defer_button.clicked.connect(self.defer)
        self.self_button = button("item_self_service", wrap=True)
        self.self_button.clicked.connect(self.self_serve)
        row.addWidget(self.defer_button)
        row.addWidget(self.self_button)
        self.show_for(None)

    def show_for(self, item: Item | None) -> None:
        """Offer what ``item`` allows (a package, or nothing chosen: nothing)."""
        can_defer = item is not None and bool(deferrable(item))
        can_serve = item is not None and self_serviceable(item)
        self.defer_button.setVisible(can_defer)
        self.self_button.setVisible(can_serve)
        self.setVisible(can_defer or can_serve)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.defer_button, self.tr("缺少材料？容缺受理"))
        set_text(self.self_button, self.tr("自助办理（零材料）"))
