"""Idle timeout: after ``idle_seconds`` without a touch, warn with a countdown (≥ 20 s, WCAG 2.2.1)
and a 继续 button; when the countdown runs out, clear every personal detail and go home."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QWidget

from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import PERSON_ACTED, button, dimmed_card, label, set_text

MIN_WARN_SECONDS = 20

# input, and PERSON_ACTED: a button pressed or toggled — also by a screen reader's action (AT-SPI
# Press or Toggle), which comes with no input event and is the citizen at work as much as a tap
_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
                       QEvent.Type.Wheel, QEvent.Type.TabletPress, PERSON_ACTED})


class IdleWatcher(QObject):
    """Watches the whole application's input, and every button's press or toggle (also by a
    screen reader, which sends no input event). Signals: ``warning(seconds_left)`` each second of
    the countdown, ``resumed()`` when the citizen touches again, ``expired()`` at the end."""

    warning = Signal(int)
    resumed = Signal()
    expired = Signal()

    def __init__(self, idle_seconds: float = 60, warn_seconds: float = 30,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.warn_seconds = max(MIN_WARN_SECONDS, warn_seconds)
        self.clock = clock
        self.last_touch = clock()
        self.enabled = True
        self.warning_shown = False
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.touch()
        self.timer.start()

    # the terminal whose input counts (None: any window's): another window in the process — a
    # facilitator's, a console in ``kiosk hall`` — being used is not the citizen at this kiosk
    window: QWidget | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and self._ours(obj):
            self.touch()  # any touch, also on the warning itself, keeps the session
        return False

    def _ours(self, obj: QObject) -> bool:
        window = self.window
        if window is None:
            return True
        if isinstance(obj, QWidget):
            return obj.window() is window
        return obj is window.windowHandle()  # the input arrives at the window's QWindow first

    def touch(self) -> None:
        """The citizen is here: restart the idle period and hide any warning."""
        self.last_touch = self.clock()
        if self.warning_shown:
            self.warning_shown = False
            self.resumed.emit()

    def tick(self) -> None:
        if not self.enabled:
            return
        idle = self.clock() - self.last_touch
        if idle < self.idle_seconds:
            return
        left = int(round(self.idle_seconds + self.warn_seconds - idle))
        if left > 0:
            self.warning_shown = True
            self.warning.emit(left)
            return
        self.warning_shown = False
        self.last_touch = self.clock()
        self.expired.emit()


class IdleOverlay(Retranslating, QFrame):
    """The dimmed warning over the whole kiosk: countdown and a big 继续使用 button."""

    stay = Signal()

    def __init__(self, parent: QWidget, language: Language):
        super().__init__(parent)
        self.language = language
        cl = dimmed_card(self, 80, 40, 24)
        self.title = label(cls="h1")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = label(cls="big")
        self.text.setObjectName("idle_countdown")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keep = button("idle_continue", "primary")
        self.keep.clicked.connect(self.stay)
        cl.addWidget(self.title)
        cl.addWidget(self.text)
        cl.addWidget(self.keep)
        self.seconds = 0
        self.hide()

    def show_countdown(self, seconds: int) -> None:
        self.seconds = seconds
        self.retranslate()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def spoken(self) -> str:
        return f"{self.title.text()}\n{self.text.text()}"

    def retranslate(self) -> None:
        self.title.setText(self.tr("您还在吗？"))
        self.text.setText(self.tr("{n} 秒后将返回首页，并清除您输入的信息。").format(n=self.seconds))
        set_text(self.keep, self.tr("继续使用"))
