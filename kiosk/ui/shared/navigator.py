"""Navigation by enum: one navigator owns the QStackedWidget; screens only emit intents."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.ui.shared.widgets import to_top


class Screen(Enum):
    HOME = "home"
    TICKET_MENU = "ticket_menu"
    CATALOGUE = "catalogue"
    ITEM = "item"
    IDENTITY = "identity"
    SLIP = "slip"


class Navigator(QObject):
    """``changed(Screen)`` after every move. ``back()`` returns along the path taken.

    Screens are registered as factories and built on first use (or by :meth:`build_all` once
    the kiosk is idle), so start-up builds only what the first frame shows.
    """

    changed = Signal(object)

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack)
        self.stack = stack
        self._factories: dict[Screen, Callable[[], QWidget]] = {}
        self._screens: dict[Screen, QWidget] = {}
        self._history: list[Screen] = []
        self.current: Screen | None = None

    def add(self, screen: Screen, factory: Callable[[], QWidget]) -> None:
        self._factories[screen] = factory

    def built(self, screen: Screen) -> bool:
        return screen in self._screens

    def widget(self, screen: Screen) -> QWidget:
        if screen not in self._screens:
            widget = self._factories[screen]()
            self._screens[screen] = widget
            self.stack.addWidget(widget)
        return self._screens[screen]

    def build_all(self) -> None:
        for screen in self._factories:
            self.widget(screen)

    def go(self, screen: Screen) -> None:
        if self.current is not None and self.current != screen:
            self._history.append(self.current)
        self._show(screen, top=True)

    def back(self) -> None:
        """Return to the previous screen where the citizen left it (its scroll position kept)."""
        self._show(self._history.pop() if self._history else Screen.HOME, top=False)

    def home(self) -> None:
        self._history.clear()
        self._show(Screen.HOME, top=True)

    def replace(self, screen: Screen) -> None:
        """Go to ``screen`` without remembering the current one (e.g. after issuing a ticket)."""
        self._show(screen, top=True)

    def _show(self, screen: Screen, top: bool) -> None:
        widget = self.widget(screen)
        enter = getattr(widget, "enter", None)
        if enter is not None:
            enter()
        if top:
            to_top(widget)  # a screen opens at its top, its title in view
        self.current = screen
        self.stack.setCurrentWidget(widget)
        self.changed.emit(screen)
