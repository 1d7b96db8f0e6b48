"""Navigation by enum: one navigator owns the QStackedWidget; screens only emit intents."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


class Screen(Enum):
    HOME = "home"
    TICKET_MENU = "ticket_menu"
    CATALOGUE = "catalogue"
    ITEM = "item"
    IDENTITY = "identity"
    SLIP = "slip"


class Navigator(QObject):
    """``changed(Screen)`` after every move. ``back()`` returns along the path taken."""

    changed = Signal(object)

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack)
        self.stack = stack
        self._screens: dict[Screen, QWidget] = {}
        self._history: list[Screen] = []
        self.current: Screen | None = None

    def add(self, screen: Screen, widget: QWidget) -> None:
        self._screens[screen] = widget
        self.stack.addWidget(widget)

    def widget(self, screen: Screen) -> QWidget:
        return self._screens[screen]

    def go(self, screen: Screen) -> None:
        if self.current is not None and self.current != screen:
            self._history.append(self.current)
        self._show(screen)

    def back(self) -> None:
        self._show(self._history.pop() if self._history else Screen.HOME)

    def home(self) -> None:
        self._history.clear()
        self._show(Screen.HOME)

    def replace(self, screen: Screen) -> None:
        """Go to ``screen`` without remembering the current one (e.g. after issuing a ticket)."""
        self._show(screen)

    def _show(self, screen: Screen) -> None:
        widget = self._screens[screen]
        enter = getattr(widget, "enter", None)
        if enter is not None:
            enter()
        self.current = screen
        self.stack.setCurrentWidget(widget)
        self.changed.emit(screen)
