"""Staff only: leave a full-screen kiosk with the hall's PIN (``staff_pin`` in hall.yaml).

The way in is a gesture no visitor makes by chance — holding the title in the header for
``HOLD_MS`` — or Ctrl+Shift+Q on a keyboard. The PIN is typed on a keypad over the kiosk; the
digits show as dots. Three wrong PINs close the pad for a minute.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import Keypad, button, dimmed_card, label, set_text

HOLD_MS = 3000
MAX_TRIES = 3
LOCK_SECONDS = 60


class LongPress(QObject):
    """Emits ``held()`` when ``widget`` is pressed and held for ``ms`` without being released."""

    held = Signal()

    def __init__(self, widget: QWidget, ms: int | None = None):
        super().__init__(widget)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HOLD_MS if ms is None else ms)
        self.timer.timeout.connect(self.held)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.timer.start()
        elif event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
                              QEvent.Type.Leave, QEvent.Type.Hide):
            self.timer.stop()
        return False


class StaffPinOverlay(Retranslating, QFrame):
    """The PIN pad over the whole kiosk. Emits ``granted()`` for the right PIN."""

    granted = Signal()

    def __init__(self, parent: QWidget, language: Language, pin: str,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.language, self._pin, self.clock = language, pin, clock
        self.entered = ""
        self.tries = 0
        self.locked_until = 0.0
        cl = dimmed_card(self, 120, 36, 18)  # the same dimmed look as the idle warning
        self.title = label(cls="h1")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = label(cls="h1", wrap=False)
        self.dots.setObjectName("staff_pin_dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label(cls="error")
        self.message.setObjectName("staff_pin_message")
        self.keypad = Keypad(language)
        self.keypad.key_x.hide()
        self.keypad.typed.connect(self._typed)
        self.keypad.backspace.connect(lambda: self._show(self.entered[:-1]))
        self.keypad.cleared.connect(lambda: self._show(""))
        row = QHBoxLayout()
        self.cancel = button("staff_pin_cancel")
        self.cancel.clicked.connect(self.close_pad)
        self.ok = button("staff_pin_ok", "primary")
        self.ok.clicked.connect(self.check)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        for w in (self.title, self.dots, self.message, self.keypad):
            cl.addWidget(w)
        cl.addLayout(row)
        self.hide()
        self.retranslate()

    def open_pad(self) -> None:
        self._show("")
        self.message.setText(" ")
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.ok.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_pad(self) -> None:
        self._show("")
        self.hide()

    def _typed(self, ch: str) -> None:
        if ch.isdigit() and len(self.entered) < 8:
            self._show(self.entered + ch)

    def _show(self, entered: str) -> None:
        self.entered = entered
        self.dots.setText("●" * len(entered) or "—")
        self.dots.setAccessibleName(self.tr("已输入 {n} 位").format(n=len(entered)))

    def check(self) -> None:
        if self.clock() < self.locked_until:
            self.message.setText(self.tr("请稍后再试"))
            return
        if self._pin and hmac.compare_digest(self.entered, self._pin):
            self.tries = 0
            self.close_pad()
            self.granted.emit()
            return
        self.tries += 1
        if self.tries >= MAX_TRIES:
            self.tries = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            self.message.setText(self.tr("密码错误次数过多，请一分钟后再试"))
        else:
            self.message.setText(self.tr("密码不对"))
        self._show("")

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.check()
        elif event.key() == Qt.Key.Key_Escape:
            self.close_pad()
        elif event.key() == Qt.Key.Key_Backspace:
            self._show(self.entered[:-1])
        elif event.text().isdigit():
            self._typed(event.text())
        else:
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("工作人员：输入密码退出全屏"))
        set_text(self.cancel, self.tr("取消"))
        set_text(self.ok, self.tr("确定"))
