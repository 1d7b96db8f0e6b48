"""请稍候: the note the kiosk paints over itself before a write it knows will take a while (the
study's slow store, kiosk/store/slow.py), so that the citizen sees the kiosk at work instead of a
screen that no longer answers. Painted at once (``repaint``), since the write then holds the GUI
thread until it is done; hidden when it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QWidget

from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import dimmed_card, label


class WaitNote(Retranslating, QFrame):
    def __init__(self, parent: QWidget, language: Language):
        super().__init__(parent)
        self.language = language
        cl = dimmed_card(self, 120, 40, 16)
        self.title = label(cls="h1")
        self.title.setObjectName("wait_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = label(cls="big")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cl.addWidget(self.title)
        cl.addWidget(self.text)
        self.painted = 0  # paints since it was last shown (a test sees it was on screen before the write)
        self.retranslate()
        self.hide()

    def show_now(self) -> None:
        """Show the note and paint it now, before the caller blocks."""
        self.retranslate()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.painted = 0
        self.show()
        self.repaint()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted += 1

    def spoken(self) -> str:
        return f"{self.title.text()}\n{self.text.text()}"

    def retranslate(self) -> None:
        self.title.setText(self.tr("请稍候"))
        self.text.setText(self.tr("正在为您办理，请不要离开。"))
